import { hasText } from '../markup/has-text';
import { jsonLdArticle, jsonLdNodes } from '../markup/jsonld';
import { meta } from '../markup/meta';
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
  if (doc.querySelector('h1') && hasProse(doc)) return 'article';
  return 'other';
}

/**
 * Whether some element holds a long run of its own text: a paragraph, or on old sites text
 * split by <br> straight inside a cell or a <font>. Linked text (menus, lists) does not count.
 */
function hasProse(doc: Document): boolean {
  for (const p of doc.querySelectorAll('p')) if (hasText(p, 201)) return true;
  // The children looked at, all elements together: a div of 60,000 comments is not walked to its end.
  let seen = 0;
  for (const el of doc.querySelectorAll('td, font, div, section, article, main')) {
    let own = 0;
    for (let n = el.firstChild; n && own <= 200; n = n.nextSibling) {
      if (++seen > MAX_CHILDREN_SEEN) return false;
      // Trimmed as far as it counts: a 2 MB text node is not copied to be measured.
      if (n.nodeType === 3) own += (n.nodeValue ?? '').slice(0, 1_000).trim().length;
    }
    if (own > 200) return true;
  }
  return false;
}

/** The most child nodes hasProse looks at: an article page has a few thousand. */
const MAX_CHILDREN_SEEN = 20_000;
