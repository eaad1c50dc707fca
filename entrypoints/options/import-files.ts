// Reading the files the reader picked or dropped for a corpus import, in the options page.
import { extractFromDocument } from '../../lib/extract/html';

export const IMPORT_ACCEPT = '.json,.jsonl,.txt,.html,.htm';
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type ImportKind = 'json' | 'jsonl' | 'txt' | 'html';

/** The import kind of a file name, or null for a file Isnad cannot read. */
export function importKind(name: string): ImportKind | null {
  const m = /\.(jsonl|json|txt|html?)$/i.exec(name);
  if (!m) return null;
  const ext = m[1]!.toLowerCase();
  return ext === 'htm' ? 'html' : (ext as ImportKind);
}

/**
 * A saved article page → one corpus record, extracted here because the background has no DOM.
 * The page is parsed inert (DOMParser runs no script and loads nothing).
 */
export function recordFromHtml(file: string, html: string, parser: { parseFromString(s: string, type: 'text/html'): Document }): unknown {
  const doc = parser.parseFromString(html, 'text/html');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
  const url = /^https?:\/\//.test(canonical) ? canonical : `file:///${encodeURIComponent(file)}`;
  const a = extractFromDocument(doc, url);
  return {
    url: /^https?:\/\//.test(url) ? url : '',
    outlet: a.outlet,
    title: a.title,
    publishedAt: a.publishedAt.value ? a.publishedAt.value.slice(0, 10) : null,
    text: a.paragraphs.join('\n\n'),
  };
}
