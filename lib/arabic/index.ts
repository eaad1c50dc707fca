export { normalize, normalizeWithMap } from './normalize';
export { toAsciiDigits } from './digits';
export { scan, tokenize, tokensBefore, useLargeWordTable, words, type Scan, type Token } from './tokenize';
export { WordCache } from './word-cache';
export { stem } from './stem';
export { splitSentences, type Sentence } from './sentences';
export { isStopWord } from './stopwords';

import { tokenize, type Token } from './tokenize';
import { WordCache } from './word-cache';
import { stem } from './stem';
import { isStopWord } from './stopwords';

// A word's term, worked out once per distinct word (WordCache): stop words, numbers and single
// letters have none.
const TERM = new WordCache<TermRef | null>((w) => {
  if (w.length < 2 || isStopWord(w) || /^\d+$/.test(w)) return null;
  const s = stem(w);
  return isStopWord(s) ? null : { text: s, list: -1, at: 0 };
});

/**
 * A word's term as termRefsOf gives it: the term, and the number a list of strings gave it
 * (lib/engine/term-pack.ts streamFor: an import part numbers every string it sends), kept here so
 * that a word asks the list's map once per list, not once per report it is in.
 */
export interface TermRef {
  readonly text: string;
  /** The list that numbered the term (-1: none yet), and its number there. */
  list: number;
  at: number;
}

/** The terms of tokens (tokenize()'s), as termsOf, each with the number a list last gave it. */
export function termRefsOf(tokens: readonly Token[]): TermRef[] {
  const out: TermRef[] = [];
  for (const t of tokens) {
    const s = TERM.get(t);
    if (s !== null) out.push(s);
  }
  return out;
}

/** The terms of tokens (tokenize()'s). */
export function termsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const s = TERM.get(t);
    if (s !== null) out.push(s.text);
  }
  return out;
}

/** Index/query terms: normalised, stop words out, stemmed. */
export function terms(text: string): string[] {
  return termsOf(tokenize(text));
}
