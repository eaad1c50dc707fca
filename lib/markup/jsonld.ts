// JSON-LD blocks of a page, parsed once per document: adapters and the extractor both read them.
import { shortText, hasText } from './has-text';
import { comparable, MAX_VALUE, squash } from './text';

type Node = Record<string, unknown>;

// Parsed once per document while its blocks stay the same: an in-page navigation (Next.js)
// swaps them for the next story's, so the cache is keyed on their text too.
const cache = new WeakMap<Document, { text: string; nodes: Node[] }>();
const MAX_BLOCK = 512 * 1024;
/** A page's JSON-LD read at all: a hostile page's hundred 500 KB blocks are not parsed (one long task). */
const MAX_BLOCKS = 16;
const MAX_TOTAL = 1024 * 1024;

function flatten(data: unknown, out: Node[], depth = 0): void {
  if (depth > 6) return; // Deeply nested graphs are not articles; bounded so a hostile page cannot stall us.
  if (Array.isArray(data)) for (const d of data) flatten(d, out, depth + 1);
  else if (data && typeof data === 'object') {
    const o = data as Node;
    out.push(o);
    if (o['@graph']) flatten(o['@graph'], out, depth + 1);
    if (o['mainEntity'] && typeof o['mainEntity'] === 'object') flatten(o['mainEntity'], out, depth + 1);
  }
}

/** Every object in the page's JSON-LD, @graph flattened; broken blocks are the site's problem and skipped. */
export function jsonLdNodes(doc: Document): Node[] {
  const texts: string[] = [];
  let total = 0;
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    // Measured before it is made into a string: a 5 MB block is not copied to be skipped.
    if (hasText(s, MAX_BLOCK + 1)) continue;
    const text = s.textContent ?? '';
    if (total + text.length > MAX_TOTAL) break;
    total += text.length;
    texts.push(text);
    if (texts.length >= MAX_BLOCKS) break;
  }
  const key = texts.join('\u0000');
  const hit = cache.get(doc);
  if (hit && hit.text === key) return hit.nodes;
  const out: Node[] = [];
  for (const text of texts) {
    try {
      flatten(JSON.parse(text), out);
    } catch {
      continue;
    }
  }
  cache.set(doc, { text: key, nodes: out });
  return out;
}

function types(node: Node): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report)$/;

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  author: string | null;
  section: string | null;
  publisher: string | null;
  url: string | null;
}

// A page's JSON-LD is the page's: values are read a few levels deep at most, so that a
// 100,000-deep array is not followed down to a stack overflow.
const MAX_DEPTH = 4;

/** A string value of the page's, or null: a string longer than MAX_VALUE is no headline, date or name. */
const value = (v: string) => (v.length <= MAX_VALUE ? squash(v) || null : null);

function str(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') return value(v);
  if (Array.isArray(v) && depth < MAX_DEPTH) return str(v[0], depth + 1);
  return null;
}

function nameOf(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') return value(v);
  if (Array.isArray(v) && depth < MAX_DEPTH) {
    const names = v.slice(0, 20).map((n) => nameOf(n, depth + 1)).filter((n): n is string => !!n);
    return names.length ? names.join('، ') : null;
  }
  if (v && typeof v === 'object') return str((v as Node)['name'], depth + 1);
  return null;
}



/**
 * Of several article nodes (a page that describes its related stories too), the page's own: the
 * one whose URL is the page's canonical URL, else whose headline is the page's title, else the first.
 */
function ownArticle(doc: Document, nodes: Node[]): Node | undefined {
  if (nodes.length < 2) return nodes[0];
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const path = (u: string | null | undefined) => (u ? u.replace(/^https?:\/\/(?:www\.)?/, '').replace(/\/+$/, '') : null);
  const own = path(canonical);
  const byUrl = own ? nodes.find((n) => path(str(n['url']) ?? str((n['mainEntityOfPage'] as Node | undefined)?.['@id']) ?? str(n['mainEntityOfPage'])) === own) : undefined;
  if (byUrl) return byUrl;
  const h1 = doc.querySelector('h1');
  const titles = [doc.querySelector('meta[property="og:title"]')?.getAttribute('content'), h1 && shortText(h1, MAX_VALUE), doc.title].filter((t): t is string => !!t && t.length <= MAX_VALUE).map(comparable);
  return nodes.find((n) => {
    const h = str(n['headline']) ?? str(n['name']);
    // Compared without tatweel, diacritics and invisible characters: the page's h1 may be stretched.
    return !!h && titles.some((t) => t.includes(comparable(h)));
  }) ?? nodes[0];
}

/** The page's own NewsArticle (or kin) in JSON-LD, with the fields the extractor reads. */
export function jsonLdArticle(doc: Document): JsonLdArticle | null {
  const node = ownArticle(doc, jsonLdNodes(doc).filter((n) => types(n).some((t) => ARTICLE_TYPES.test(t))));
  if (!node) return null;
  return {
    headline: str(node['headline']) ?? str(node['name']),
    datePublished: str(node['datePublished']),
    dateModified: str(node['dateModified']),
    author: nameOf(node['author']),
    section: str(node['articleSection']),
    publisher: nameOf(node['publisher']),
    url: str(node['url']) ?? str((node['mainEntityOfPage'] as Node | undefined)?.['@id']),
  };
}

/** Names the page's JSON-LD gives its publisher or itself (Organization, NewsMediaOrganization, WebSite). */
export function jsonLdPublisherNames(doc: Document): string[] {
  const names: string[] = [];
  for (const n of jsonLdNodes(doc)) {
    const pub = nameOf(n['publisher']);
    if (pub) names.push(pub);
    if (types(n).some((t) => /Organization$|^WebSite$/.test(t))) {
      const own = nameOf(n['name']);
      if (own) names.push(own);
    }
  }
  return names;
}
