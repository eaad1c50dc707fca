import { defineAdapter, siteNames } from './adapter';
import { pageNames } from './claims';
import { zamanPageType } from './zaman-al-wasl';

// Zaman al-Wasl's economy site: the same URL forms (/news/article/<id>/). Not seen beyond URLs.
const SITE = siteNames('eqtsad');

export const eqtsad = defineAdapter('eqtsad', {
  markup: 'structured',
  pageTypeFromUrl: zamanPageType,
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { body: ['.news-details .content', '.article-text', '[itemprop="articleBody"]'], titleSiteName: SITE },
});
