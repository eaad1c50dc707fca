import { defineAdapter, isSlug, listingFromPath, pathParts, siteNames } from './adapter';
import { pageNames } from './claims';

// Not seen beyond its URLs: an article is /<Arabic slug>; read through its structured data.
const SITE = siteNames('syria-tv');

export const syriaTv = defineAdapter('syria-tv', {
  markup: 'structured',
  pageTypeFromUrl(url) {
    const parts = pathParts(url);
    if (listingFromPath(parts)) return 'listing';
    return parts.length === 1 && isSlug(parts[0]!) ? 'article' : null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { body: ['.field--name-body', '.article-body', '[itemprop="articleBody"]'], titleSiteName: SITE },
});
