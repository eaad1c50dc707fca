import { defineAdapter, listingFromPath, pathParts, siteNames } from './adapter';
import { pageNames } from './claims';

// Not seen beyond URLs (/<section>/item/<id>-<alias>, a Joomla K2 site): read through its structured data.
const SITE = siteNames('kassioun');

export const kassioun = defineAdapter('kassioun', {
  markup: 'structured',
  pageTypeFromUrl(url) {
    const parts = pathParts(url);
    if (listingFromPath(parts) || parts.includes('itemlist')) return 'listing';
    const item = parts.indexOf('item');
    if (item >= 0 && /^\d+/.test(parts[item + 1] ?? '')) return 'article';
    return parts.length === 1 ? 'listing' : null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { body: ['.itemFullText', '.itemIntroText', '[itemprop="articleBody"]'], title: ['h2.itemTitle', 'h1.itemTitle'], date: ['.itemDateCreated'], titleSiteName: SITE },
});
