import { defineAdapter, listingFromPath, pathParts } from './adapter';
import { pageNames } from './claims';

// Not seen beyond URLs (/<section>/<yyyy>/<m>/<d>/<slug>) and the page text the real corpus's
// scraper kept (an update time first; after the body a comments disclaimer, a newsletter prompt and
// the paper's self-description): read through its structured data.
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
  rules: {
    body: ['.article-content', '.articleBody', '[itemprop="articleBody"]'],
    // Under "التعليقات" comes a disclaimer, not comments; the page is over there.
    bodyEnd: [/^التعليقات المنشورة تعبر عن آراء أصحابها/, /^اشترك معنا في نشرة المدن/, /^جريدة "?المدن"? الإلكترونية جريدة/],
    titleSiteName: /^(?:المدن|Al-?\s?Modon|almodon)$/i,
  },
});
