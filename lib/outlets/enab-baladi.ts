import { defineAdapter, listingFromPath, pathParts, siteNames, WORDPRESS } from './adapter';
import { pageNames } from './claims';

// Not seen beyond its URLs (the real 2025 corpus): WordPress, read through its structured data.
const SITE = siteNames('enab-baladi');

export const enabBaladi = defineAdapter('enab-baladi', {
  markup: 'structured',
  pageTypeFromUrl(url) {
    const parts = pathParts(url);
    if (listingFromPath(parts)) return 'listing';
    // /<id>/<slug>/ (now), /archives/<id> and /archives/<yyyy>/<mm>/<slug>/ (older, and the English edition).
    if (/^\d{3,}$/.test(parts[0]!) || (parts[0] === 'archives' && parts.length >= 2)) return 'article';
    return null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { ...WORDPRESS, titleSiteName: SITE },
});
