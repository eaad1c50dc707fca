// Quote and context from a text and offsets: shared by clippings made from an Article's text and
// from a selection on the page, so both store the same shape.
import type { TextQuote } from './types';

/** Words of context kept on each side of a quote. */
const CONTEXT_WORDS = 5;
// A bound on how far back/forward we look, so one enormous "word" cannot bloat a clipping.
const CONTEXT_WINDOW = 160;

/** Runs of whitespace become "\n" when they cross a line (paragraph) and " " otherwise. */
export function tidyWhitespace(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '));
}

/** Quote text[start, end) with about `words` words before and after it. */
export function quoteAt(text: string, start: number, end: number, words = CONTEXT_WORDS): TextQuote {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`quote offsets [${start}, ${end}) are not a non-empty range inside a text of ${text.length} characters`);
  }
  // Leading/trailing whitespace of a selection belongs to the context, not the quote.
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  const qs = start + lead;
  const qe = end - trail;
  if (qs >= qe) throw new RangeError(`quote [${start}, ${end}) holds only whitespace`);

  const before = text.slice(Math.max(0, qs - CONTEXT_WINDOW), qs);
  const tokens = [...before.matchAll(/\S+/g)];
  const first = tokens.length > words ? tokens[tokens.length - words]! : tokens[0];
  const prefix = first ? tidyWhitespace(before.slice(first.index)) : '';

  const after = text.slice(qe, qe + CONTEXT_WINDOW);
  const afterTokens = [...after.matchAll(/\S+/g)];
  const last = afterTokens[Math.min(words, afterTokens.length) - 1];
  const suffix = last ? tidyWhitespace(after.slice(0, last.index + last[0].length)) : '';

  return { quote: tidyWhitespace(text.slice(qs, qe)), prefix, suffix };
}
