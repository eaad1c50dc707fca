export { normalize, normalizeWithMap } from './normalize';
export { toAsciiDigits } from './digits';
export { scan, tokenize, tokensBefore, tokensUpTo, useLargeWordTable, words, type Scan, type Token } from './tokenize';
export { WordCache } from './word-cache';
export { stem } from './stem';
export { splitSentences, type Sentence } from './sentences';
export { isStopWord } from './stopwords';

import { tokenize, type Token } from './tokenize';
import { WordCache } from './word-cache';
import { stem } from './stem';
import { isStopWord } from './stopwords';

/**
 * A term as the analyses share it: one object a stem, for a word's term whoever reads it — the
 * index's terms (lib/engine/features.ts, which counts a report's terms on it) and the event
 * model's word counts (lib/events/term-vector.ts readWords) — with the number a list of strings
 * gave it (an import part numbers every string it sends: lib/engine/part-wire.ts), kept so that a
 * term asks the list's map once per list, not once per report it is in. One object, not one a
 * reader: the word counts read the numbers the terms were just given, where they are
 * (bench/RESULTS.md, session 22 scan-s22).
 */
export interface TermRef {
  readonly text: string;
  /** The list that numbered the term (-1: none yet), and its number there. */
  list: number;
  at: number;
  /** The weighted count in the report features.ts is counting (0 between reports). */
  count: number;
}

let STEMS = new Map<string, TermRef>();
const STEMS_MAX = 200_000;

/** The term of a normalised word: stop words, numbers and single letters have none. */
export function termOfWord(w: string): TermRef | null {
  if (w.length < 2 || isStopWord(w) || /^\d+$/.test(w)) return null;
  const s = stem(w);
  if (isStopWord(s)) return null;
  let t = STEMS.get(s);
  if (!t) STEMS.set(s, (t = { text: s, list: -1, at: 0, count: 0 }));
  return t;
}

// A word's term, worked out once per distinct word (WordCache).
const TERM = new WordCache<TermRef | null>(termOfWord);

/** The term of a token (tokenize()'s), as termOfWord. */
export const termOf = (t: Token): TermRef | null => TERM.get(t);

/** Lets go of the terms once they are many (bounded: a long-lived worker reads 100,000 reports);
 *  only between two reports' counts. */
export function boundTerms(): void {
  if (STEMS.size < STEMS_MAX) return;
  STEMS = new Map();
  TERM.clear();
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
