import { jsonLdArticle, jsonLdNodes } from '../extract/jsonld';
import { meta } from '../extract/meta';
import type { PageType } from '../types';

const LISTING_LD = /^(?:CollectionPage|ItemList|SearchResultsPage|NewsMediaOrganization|WebSite)$/;

/**
 * Page type from what the page says of itself, for URLs that cannot tell (unknown hosts, short
 * links): structured data first, then the shape of the page — one headline and long paragraphs
 * make an article, many linked headlines a listing.
 */
export function pageTypeFromDocument(doc: Document): PageType {
  if (jsonLdArticle(doc)) return 'article';
  const ogType = meta(doc, 'og:type');
  if (ogType === 'article' || meta(doc, 'article:published_time')) return 'article';
  const linkedHeadlines = doc.querySelectorAll('h2 a, h3 a, h4 a, .cat-item, article a h2, article a h3').length;
  const onlyListingLd = jsonLdNodes(doc).some((n) => {
    const t = n['@type'];
    return typeof t === 'string' && LISTING_LD.test(t);
  });
  if (linkedHeadlines >= 4 || onlyListingLd) return 'listing';
  const h1 = doc.querySelector('h1');
  if (h1) {
    let long = 0;
    for (const p of doc.querySelectorAll('p')) if ((p.textContent ?? '').length > 200 && ++long >= 1) return 'article';
  }
  return 'other';
}
