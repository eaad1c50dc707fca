import { defineAdapter, listingFromPath, pathParts, siteNames, WORDPRESS } from './adapter';
import { pageNames } from './claims';

// Not seen: syriahr.com/<id>/ (and /en/<id>/), WordPress, read through its structured data.
const SITE = siteNames('sohr');

export const sohr = defineAdapter('sohr', {
  markup: 'structured',
  pageTypeFromUrl(url) {
    const parts = pathParts(url).filter((p, i) => !(i === 0 && p === 'en'));
    if (listingFromPath(parts)) return 'listing';
    return parts.length >= 1 && /^\d{3,}$/.test(parts[0]!) ? 'article' : null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { ...WORDPRESS, titleSiteName: SITE },
});
