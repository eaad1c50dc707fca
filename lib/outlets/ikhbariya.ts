import { defineAdapter, isSlug, listingFromPath, pathParts, siteNames, WORDPRESS } from './adapter';
import { pageNames } from './claims';

// Not seen beyond its URLs (alikhbariah.com/<Arabic slug>/): WordPress, read through its structured data.
const SITE = siteNames('ikhbariya');

export const ikhbariya = defineAdapter('ikhbariya', {
  markup: 'structured',
  pageTypeFromUrl(url) {
    const parts = pathParts(url);
    if (listingFromPath(parts)) return 'listing';
    return parts.length === 1 && isSlug(parts[0]!) ? 'article' : null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { ...WORDPRESS, titleSiteName: SITE },
});
