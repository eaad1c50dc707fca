import { Readability } from '@mozilla/readability';
import { parseArabicDate } from '../arabic/dates';
import { recognizeDocument, recognizeUrl } from '../outlets/registry';
import type { Article, ArticleDate } from '../types';
import { unglue } from './text';

const NO_DATE: ArticleDate = { value: null, precision: 'unknown', source: 'none' };

function meta(doc: Document, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: { name?: string } | Array<{ name?: string }> | string;
  articleSection?: string;
  articleBody?: string;
}

function jsonLdArticle(doc: Document): JsonLdArticle | null {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue; // A broken block on the page is the site's problem, not a reason to fail.
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const type = o['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === 'string' && /NewsArticle|^Article$|ReportageNewsArticle/.test(t))) return o as JsonLdArticle;
        if (o['@graph']) queue.push(o['@graph']);
      }
    }
  }
  return null;
}

function dateFrom(value: string | null | undefined, source: ArticleDate['source']): ArticleDate | null {
  if (!value) return null;
  const d = parseArabicDate(value);
  return d ? { value: d.value, precision: d.precision, source, raw: value } : null;
}

function authorName(a: JsonLdArticle['author']): string | null {
  if (!a) return null;
  if (typeof a === 'string') return a;
  const first = Array.isArray(a) ? a[0] : a;
  return first?.name ?? null;
}

const BOILERPLATE = 'nav, header, footer, aside, script, style, noscript, form, iframe, figure figcaption, .share, .social, .tags, .related, .most-read, .comments, #comments, .breadcrumb, .breadcrumbs, #wm-ipp-base, #wm-ipp, .ad, .ads, [class*="advert"]';

function bodyParagraphs(doc: Document, title: string): string[] {
  const root = doc.querySelector('article [itemprop="articleBody"], [itemprop="articleBody"], article .article-body, article .content, article, main') ?? null;
  let paras: string[] = [];
  if (root) {
    const clone = root.cloneNode(true) as Element;
    clone.querySelectorAll(BOILERPLATE).forEach((e) => e.remove());
    paras = [...clone.querySelectorAll('p')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  }
  if (paras.join(' ').length < 200) {
    // Readability mutates the document it is given, so it reads a copy.
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    if (parsed?.textContent) {
      paras = parsed.textContent.split(/\n\s*\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 1);
    }
  }
  return paras.filter((p) => unglue(p) !== title);
}

/** A page → Article: site adapter, then JSON-LD, OpenGraph/article:* meta, then Readability. */
export function extractFromDocument(doc: Document, rawUrl: string): Article {
  const rec = recognizeUrl(rawUrl);
  const adapter = rec.adapter ?? recognizeDocument(doc);
  const ld = jsonLdArticle(doc);
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const title = unglue(ld?.headline ?? meta(doc, 'og:title', 'twitter:title') ?? (h1 || doc.title || ''));
  const publishedAt =
    dateFrom(ld?.datePublished, 'json-ld') ??
    dateFrom(meta(doc, 'article:published_time', 'datePublished', 'pubdate'), 'meta') ??
    dateFrom(doc.querySelector('time[datetime]')?.getAttribute('datetime'), 'time-element') ??
    NO_DATE;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  const lang = doc.documentElement.getAttribute('lang')?.slice(0, 2) || 'ar';
  const pageType = rec.pageType ?? (ld || meta(doc, 'og:type') === 'article' ? 'article' : 'other');
  const article: Article = {
    outlet: adapter?.id ?? (meta(doc, 'og:site_name') || new URL(rec.url).hostname),
    pageType,
    url: rec.url,
    canonicalUrl: canonical ? unarchiveHref(canonical) : null,
    archive: rec.archive,
    title,
    publishedAt,
    servedAt: null,
    author: authorName(ld?.author) ?? meta(doc, 'author', 'article:author'),
    section: ld?.articleSection ?? meta(doc, 'article:section'),
    paragraphs: pageType === 'article' ? bodyParagraphs(doc, title) : [],
    comments: [],
    lang,
    dir: (doc.documentElement.getAttribute('dir') as 'rtl' | 'ltr' | null) ?? (lang === 'ar' ? 'rtl' : 'ltr'),
  };
  if (adapter?.extract) Object.assign(article, adapter.extract(doc, new URL(rec.url)));
  return article;
}

function unarchiveHref(href: string): string {
  return recognizeUrl(href).url;
}
