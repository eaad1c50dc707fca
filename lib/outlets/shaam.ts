import { pageNames } from './claims';
import { defineAdapter } from './adapter';

const SITE = /شبكة\s+شام(?:\s+الإخبارية)?|Shaam\s+Network/i;
const SECTIONS = new Set(['news', 'reports', 'articles', 'videos', 'infographic']);

export const shaam = defineAdapter('shaam', {
  markup: 'seen',
  pageTypeFromUrl(url) {
    const parts = url.pathname.split('/').filter(Boolean).map((p) => safeDecode(p));
    if (parts.length === 0) return 'listing';
    const [first] = parts;
    // /news/<section>/<slug>, /reports/<section>/<slug>: articles; /news/<section>: a listing.
    if (SECTIONS.has(first!)) return parts.length >= 3 ? 'article' : 'listing';
    if (['tag', 'tags', 'category', 'search', 'author', 'writer', 'page'].includes(first!)) return 'listing';
    // Short links (shaam.org/<code>) redirect to an article; an unknown path says nothing.
    return null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: {
    body: ['.news-details .news-body', '.news-body', '.article-body', '.post-body', '.details-content'],
    title: ['.news-details h1', 'h1.news-title', '.article-title h1'],
    date: ['.news-details .item-date', '.news-date', '.item-date'],
    section: ['.news-details .item-category', '.news-category'],
    // Listing cards, after a public scraper: div.cat-item > div.item-title, span.item-date, div.item-text p.
    drop: ['.cat-item'],
    bodyEnd: [/^المصدر\s*:/, /^مشاركة\s*:?$/],
    authorLine: /الكاتب\s*:\s*(.+)$/,
    furniture: [/^ـ[ـ\s]*$/],
    dateLine: /^●/,
    textSignature: /المصدر\s*:\s*شبكة\s+شام/,
    titleSiteName: SITE,
  },
});

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * A title as Shaam writes it into its URL slugs: "|" as "أو", punctuation and short vowels off
 * (shadda kept), spaces as hyphens. The stored slug may be cut short, so compare by prefix.
 */
export function shaamSlug(title: string): string {
  return title
    .replace(/\|/g, ' أو ')
    .replace(/[\u064B-\u0650\u0652]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}\s\-؟ـ]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-')
    .toLowerCase();
}
