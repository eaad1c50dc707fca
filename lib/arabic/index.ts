export { normalize, normalizeWithMap } from './normalize';
export { toAsciiDigits } from './digits';
export { scan, tokenize, tokensBefore, words, WordCache, type Token } from './tokenize';
export { stem } from './stem';
export { isStopWord } from './stopwords';

import { words } from './tokenize';
import { stem } from './stem';
import { isStopWord } from './stopwords';

/** Index/query terms: normalised, stop words out, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || isStopWord(w) || /^\d+$/.test(w)) continue;
    const s = stem(w);
    if (!isStopWord(s)) out.push(s);
  }
  return out;
}
