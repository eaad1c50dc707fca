// Whose date a date element is. Pages print many dates: the article's own, and those of related
// stories, most-read lists, tickers, sidebars, the site's header bar and footer. Only a date that
// is not furniture and not another story's card is the article's; the cascade takes the first
// such date in document order.
import { textUpTo } from '../markup/has-text';

/** Containers whose dates are never the article's. */
const FURNITURE = [
  'nav', 'aside', 'footer', '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]',
  '[class*="sidebar"]', '[class*="widget"]', '[class*="related"]', '[class*="most-read"]', '[class*="mostread"]',
  '[class*="most_read"]', '[class*="popular"]', '[class*="latest"]', '[class*="recent"]', '[class*="breaking"]',
  '[class*="ticker"]', '[class*="menu"]', '[class*="footer"]', '[id*="sidebar"]', '[id*="footer"]', '.cat-item',
].join(', ');

/** A link long enough to be another story's headline. */
const HEADLINE_LINK = 25;
/** A link's text is read this far at most (with its leading spaces) to be measured. */
const LINK_READ = 1_000;
const linkLength = (a: Element) => textUpTo(a, LINK_READ).trim().length;
/** How far up a date's ancestors are looked at for another story's card. */
const MAX_DEPTH = 8;

function hasHeadlineLink(el: Element): boolean {
  for (const a of el.querySelectorAll('a[href]')) if (linkLength(a) >= HEADLINE_LINK) return true;
  return false;
}

/**
 * Whether a date element dates the article: not inside furniture, not in a site header above the
 * story, and not in a card with another story's headline link before the walk up reaches the
 * article (an ancestor holding its title or its body).
 */
export function belongsToArticle(el: Element, article: { title: Element | null; body: Element | null }): boolean {
  if (el.closest(FURNITURE)) return false;
  const header = el.closest('header');
  if (header && !header.closest('article, main') && !(article.title && header.contains(article.title))) return false;
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    if ((article.title && node.contains(article.title)) || (article.body && node.contains(article.body))) return true;
    if (node.tagName === 'A' && linkLength(node) >= HEADLINE_LINK) return false;
    if (hasHeadlineLink(node)) return false;
  }
  return true;
}
