import { defineAdapter, listingFromPath, pathParts } from './adapter';
import { pageNames } from './claims';

// Not seen beyond URLs (/<section>/<yyyy>/<m>/<d>/<slug>): read through its structured data.
// "المدن" alone is a common word: only the outlet's fuller names count as the page naming itself.
const SITE = /موقع\s+المدن|جريدة\s+المدن|Al-?\s?Modon|almodon/i;

export const almodon = defineAdapter('almodon', {
  markup: 'structured',
  pageTypeFromUrl(url) {
    const parts = pathParts(url);
    if (listingFromPath(parts)) return 'listing';
    if (parts.length >= 5 && /^\d{4}$/.test(parts[1]!) && /^\d{1,2}$/.test(parts[2]!) && /^\d{1,2}$/.test(parts[3]!)) return 'article';
    return parts.length === 1 ? 'listing' : null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { body: ['.article-content', '.articleBody', '[itemprop="articleBody"]'], titleSiteName: /^(?:المدن|Al-?\s?Modon|almodon)$/i },
});
