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
const TERM = new WordCache<string | null>((w) => {
  if (w.length < 2 || isStopWord(w) || /^\d+$/.test(w)) return null;
  const s = stem(w);
  return isStopWord(s) ? null : s;
});

/** The terms of tokens (tokenize()'s). */
export function termsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const s = TERM.get(t);
    if (s !== null) out.push(s);
  }
  return out;
}

/** Index/query terms: normalised, stop words out, stemmed. */
export function terms(text: string): string[] {
  return termsOf(tokenize(text));
}
