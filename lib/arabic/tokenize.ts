import { INVISIBLE_CHARS, isInvisible } from './invisible';
import { foldsAlone, normalize } from './normalize';
import { formOf, idOf, placeOf } from './spellings';

export { useLargeWordTable } from './spellings';

export interface Token {
  /** Normalised form. */
  text: string;
  start: number;
  end: number;
  /** The normalised form's number in the word table, for WordCache (tokens made by tokenize()). */
  id?: number;
}

// A word is a run of Arabic letters (with their marks and tatweel), Latin letters or digits;
// invisible characters (zero-width, direction marks and isolates, BOM, soft hyphen) pasted inside
// a word do not split it.
const WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N}${INVISIBLE_CHARS}]*`, 'gu');
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * A run of word characters (UTF-16 units, marks and invisible characters included) longer than
 * this is not a word: it gives no token. The longest Arabic words with their clitics are ~20
 * letters, fully vocalised ~60 units; a hostile text's one 130,000-letter "word" would otherwise
 * be copied, normalised and kept in the word table (and it broke the copy: issue 18).
 */
export const MAX_WORD = 200;

// The separators (not \p{L}\p{M}\p{N}) of the Arabic block, so that ASCII and Arabic are classed
// without compiling WORD_CHAR, whose Unicode classes cost milliseconds in a worker that has just
// started (tests/unit/arabic/fast-paths.test.ts checks the table against WORD_CHAR).
const ARABIC_SEPARATORS = /[\u0600-\u060F\u061B-\u061F\u066A-\u066D\u06D4\u06DD\u06DE\u06E9\u06FD\u06FE]/;

/** \p{L}, \p{M} or \p{N}, for one UTF-16 unit that is not a surrogate. */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const ch = String.fromCharCode(c);
  if (c >= 0x0600 && c <= 0x06ff) return !ARABIC_SEPARATORS.test(ch);
  return WORD_CHAR.test(ch);
}

/** Every unit of s passes `is` (surrogates never do). */
function every(s: string, is: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || isWordUnit(c) !== is) return false;
  }
  return true;
}

// Character classes of the UTF-16 units, learnt on first sight: the same as WORD's, read without
// the regular expression (a scan over character codes, the hot loop of every analysis). The
// NOT_PLAIN bit marks a character that does not normalise on its own to characters of its class
// (a letter to letters or nothing, a separator to separators, a joiner to nothing): in a text
// without such characters, the words of normalize(text) are exactly its tokens' texts.
const LETTER = 1; // \p{L}\p{M}\p{N}: starts or continues a word
const JOINER = 2; // invisible (./invisible.ts): continues a word, never starts one
const OTHER = 3;
const SURROGATE = 4; // half of a code point: WORD reads the pair, the scan leaves it to WORD
const KIND = 7;
const NOT_PLAIN = 8;
// A joiner, seen in a word or between two (Scan.joined).
const JOINED = 16;
const CLASS = new Uint8Array(0x10000);

function learnClass(c: number): number {
  let cls: number;
  if (c >= 0xd800 && c <= 0xdfff) cls = SURROGATE;
  else if (isInvisible(c)) cls = JOINER;
  else cls = isWordUnit(c) ? LETTER : OTHER;
  let plain = false;
  if (cls !== SURROGATE && foldsAlone(c)) {
    const n = normalize(String.fromCharCode(c));
    plain = cls === LETTER ? every(n, true) : cls === JOINER ? n === '' : n !== '' && every(n, false);
  }
  return (CLASS[c] = cls | (plain ? 0 : NOT_PLAIN) | (cls === JOINER ? JOINED : 0));
}

// The words are read through the word table (spellings.ts): a known spelling's form and number
// without a string of its own.

export interface Scan {
  tokens: Token[];
  /** The words of normalize(text) are exactly the tokens' texts, in order. */
  plain: boolean;
  /** False: no token of a plain scan holds an invisible joiner, so that each is letters, marks and
   *  digits only, and digits only where its form has one (lib/compare/numbers.ts reads its tokens so). */
  joined?: boolean;
}

/** tokenize() with the regular expression: for text holding surrogates (the scan leaves them). */
function tokenizeByRegExp(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    if (m[0].length > MAX_WORD) continue;
    const at = placeOf(text, m.index, m.index + m[0].length, hashOf(m[0]));
    const norm = formOf(at);
    if (norm) out.push({ text: norm, start: m.index, end: m.index + m[0].length, id: idOf(at) });
  }
  return out;
}

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Words with their offsets, and whether normalising the whole text gives the same words. */
export function scan(text: string): Scan {
  const out: Token[] = [];
  let seen = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    let c = text.charCodeAt(i);
    let cls = CLASS[c] || learnClass(c);
    seen |= cls;
    if ((cls & KIND) !== LETTER) {
      if ((cls & KIND) === SURROGATE) return { tokens: tokenizeByRegExp(text), plain: false };
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    for (;;) {
      h = Math.imul(h ^ c, 0x01000193);
      if (++i >= n) break;
      c = text.charCodeAt(i);
      cls = CLASS[c] || learnClass(c);
      const kind = cls & KIND;
      if (kind !== LETTER && kind !== JOINER) break;
      seen |= cls;
    }
    if (i - start > MAX_WORD) {
      // Not a word; and normalize(text) would have one here, so the words differ.
      seen |= NOT_PLAIN;
      continue;
    }
    const at = placeOf(text, start, i, h);
    const norm = formOf(at);
    if (norm) out.push({ text: norm, start, end: i, id: idOf(at) });
  }
  return { tokens: out, plain: (seen & NOT_PLAIN) === 0, joined: (seen & JOINED) !== 0 };
}

/** Words with their offsets in the original text; normalisation never splits a word. */
export function tokenize(text: string): Token[] {
  return scan(text).tokens;
}

/**
 * The tokens of text.slice(0, cut), from the tokens of `text`: the same ones up to the cut, and
 * the part of the word the cut runs through.
 */
export function tokensBefore(text: string, toks: readonly Token[], cut: number): Token[] {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.end <= cut) lo = mid + 1;
    else hi = mid;
  }
  const out = toks.slice(0, lo);
  const t = toks[lo];
  if (t && t.start < cut) for (const p of tokenize(text.slice(t.start, cut))) out.push({ text: p.text, start: p.start + t.start, end: p.end + t.start, id: p.id });
  return out;
}

/**
 * tokensBefore(text, toks, cut) to read only: `toks` itself when the cut is at or past its last
 * token's end (a text shorter than the cut, as most reports are than an analysis' spans), no copy.
 */
export function tokensUpTo(text: string, toks: readonly Token[], cut: number): readonly Token[] {
  const last = toks[toks.length - 1];
  return !last || last.end <= cut ? toks : tokensBefore(text, toks, cut);
}

/** Normalised words only. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}
