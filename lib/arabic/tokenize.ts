import { normalize } from './normalize';

export interface Token {
  /** Normalised form. */
  text: string;
  start: number;
  end: number;
}

// A word is a run of Arabic letters (with their marks and tatweel), Latin letters or digits;
// zero-width joiners and direction marks pasted inside a word do not split it.
const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\u200C-\u200F\u00AD]*/gu;

// News text repeats its words: normalising each distinct word once makes long texts cheap.
const CACHE = new Map<string, string>();
const CACHE_MAX = 50_000;

function normalizeWord(w: string): string {
  let n = CACHE.get(w);
  if (n === undefined) {
    n = normalize(w);
    if (CACHE.size >= CACHE_MAX) CACHE.clear();
    CACHE.set(w, n);
  }
  return n;
}

/** Words with their offsets in the original text; normalisation never splits a word. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalizeWord(m[0]);
    if (norm) out.push({ text: norm, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Normalised words only. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}
