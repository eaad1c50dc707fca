// Links that open the clipped passage in any modern browser: URL text fragments
// (https://wicg.github.io/scroll-to-text-fragment/), `#:~:text=[prefix-,]start[,end][,-suffix]`.
// Browsers match each term within one block and at word boundaries, so terms never cross a
// paragraph and a quote that starts or ends inside a word takes the rest of that word along.
import type { Clipping, TextQuote } from './types';

// Quotes up to this many words go whole into `start`; longer ones as start,end of this many each.
const WHOLE_QUOTE_WORDS = 10;
const EDGE_WORDS = 5;
const MAX_WHOLE_QUOTE_CHARS = 300;

/**
 * Percent-encodes a term: everything but the spec's unreserved characters, and in particular
 * "-", "&" and ",", which are the directive's own syntax.
 */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

function words(line: string): string[] {
  return line.split(/\s+/).filter(Boolean);
}

/** The `text=` directive for a quote with its context. */
export function textDirective(q: TextQuote): string {
  const lines = q.quote.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) throw new RangeError('a text fragment needs a non-empty quote');

  // Context stays within the quote's own paragraph.
  const prefixLine = q.prefix.split('\n').pop() ?? '';
  const suffixLine = q.suffix.split('\n')[0] ?? '';
  let prefix = prefixLine.trim();
  let suffix = suffixLine.trim();
  let lead = '';
  let tail = '';
  // A quote that starts or ends inside a word (no space or punctuation at its edge) takes the
  // rest of that word along; punctuation right after it ("العسكري،") is already a word boundary.
  const leadWord = /(?<![\p{L}\p{N}\p{M}])[\p{L}\p{N}\p{M}]+$/u.exec(prefixLine);
  if (leadWord && /^[\p{L}\p{N}\p{M}]/u.test(q.quote)) {
    lead = leadWord[0];
    prefix = prefixLine.slice(0, leadWord.index).trim();
  }
  const tailWord = /^[\p{L}\p{N}\p{M}]+/u.exec(suffixLine);
  if (tailWord && /[\p{L}\p{N}\p{M}]$/u.test(q.quote)) {
    tail = tailWord[0];
    suffix = suffixLine.slice(tail.length).trim();
  }

  const first = words(lines[0]!);
  const last = words(lines[lines.length - 1]!);
  let start: string;
  let end: string | null = null;
  if (lines.length === 1 && first.length <= WHOLE_QUOTE_WORDS && lines[0]!.length <= MAX_WHOLE_QUOTE_CHARS) {
    start = lead + lines[0]! + tail;
  } else {
    start = lead + first.slice(0, EDGE_WORDS).join(' ');
    end = last.slice(-EDGE_WORDS).join(' ') + tail;
  }
  const parts: string[] = [];
  if (prefix) parts.push(`${encodeTextTerm(prefix)}-`);
  parts.push(encodeTextTerm(start));
  if (end !== null) parts.push(encodeTextTerm(end));
  if (suffix) parts.push(`-${encodeTextTerm(suffix)}`);
  return `text=${parts.join(',')}`;
}

/** `url` with a text fragment for the quote; an existing fragment is kept, an old directive replaced. */
export function textFragmentUrl(url: string, q: TextQuote): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  let hash = hashAt === -1 ? '' : url.slice(hashAt + 1);
  const directiveAt = hash.indexOf(':~:');
  if (directiveAt !== -1) hash = hash.slice(0, directiveAt);
  return `${base}#${hash}:~:${textDirective(q)}`;
}

/** The clipping's link: to the page it was read on, its canonical URL, or its archived copy. */
export function clippingLink(c: Clipping, target: 'page' | 'canonical' | 'archive' = 'page'): string | null {
  const url = target === 'archive' ? c.archiveUrl : target === 'canonical' ? (c.canonicalUrl ?? c.url) : c.url;
  return url ? textFragmentUrl(url, c) : null;
}
