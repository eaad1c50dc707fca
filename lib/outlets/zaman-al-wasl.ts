import { defineAdapter, listingFromPath, pathParts, siteNames } from './adapter';
import { pageNames } from './claims';

// Not seen beyond URLs: /news/article/<id>/ (its sister site Eqtsad's form too), /news/articles/<section>/<page> lists.
const SITE = siteNames('zaman-al-wasl');

/** Zaman al-Wasl's and Eqtsad's URL forms. */
export function zamanPageType(url: URL): 'article' | 'listing' | null {
  const parts = pathParts(url);
  if (listingFromPath(parts)) return 'listing';
  if (parts[0] === 'news' && parts[1] === 'article' && /^\d+$/.test(parts[2] ?? '')) return 'article';
  if (parts[0] === 'news' && parts[1] !== 'article') return 'listing';
  return null;
}

export const zamanAlWasl = defineAdapter('zaman-al-wasl', {
  markup: 'structured',
  pageTypeFromUrl: zamanPageType,
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { body: ['.news-details .content', '.article-text', '[itemprop="articleBody"]'], titleSiteName: SITE },
});
