import { normalize } from './normalize';

export interface Token {
  /** Normalised form. */
  text: string;
  start: number;
  end: number;
}

// A word is a run of Arabic letters (with their marks), Latin letters or digits.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Words with their offsets in the original text; normalisation never splits a word. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalize(m[0]);
    if (norm) out.push({ text: norm, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Normalised words only. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}
