import { toAsciiDigits } from './digits';
import { INVISIBLE_CHARS } from './invisible';

// Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks carry no meaning for matching.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
// Tatweel, and the invisible joiners and direction marks pasted text carries inside words.
const INVISIBLE = new RegExp(`[\\u0640${INVISIBLE_CHARS}]`, 'g');
// Quotes, commas and other punctuation in their Arabic and typographic forms, folded to one form
// each so that a quoted name or a comma never makes two texts differ.
const PUNCT: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"', '‘': "'", '’': "'", '‚': "'", '′': "'",
  '،': ',', '؛': ';', '؟': '?', '٪': '%', '٫': '.', '٬': ',', '۔': '.',
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
};
const PUNCT_RE = new RegExp(`[${Object.keys(PUNCT).join('')}]`, 'g');

/** One character (code point) normalised: the unit both normalize() and the offset map use. */
function fold(text: string): string {
  return toAsciiDigits(text.normalize('NFKC'))
    .replace(DIACRITICS, '')
    .replace(INVISIBLE, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(PUNCT_RE, (c) => PUNCT[c]!)
    .toLowerCase();
}

/**
 * Folds the letter variants readers and outlets use interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه,
 * ؤ → و, ئ → ي, Persian ی ک), drops diacritics, tatweel and invisible marks, maps Arabic-Indic and
 * Persian digits to ASCII, folds quotes and Arabic punctuation, and Latin to lower case.
 * Idempotent: normalize(normalize(x)) === normalize(x).
 */
export function normalize(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < FAST_LIMIT ? FAST_KIND[c] || learn(c) : SLOW;
    if (kind === SAME) continue;
    if (kind === SLOW) return slowNormalize(text);
    out += text.slice(from, i) + FAST_FORM[c]!;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** spacedUnits' buffer, reused (a text's units are hashed before the next text is read). */
let SPACED_OUT: Uint16Array = new Uint16Array(8192);
/** The longest buffer kept for the next text: a longer text's is its own. */
const SPACED_KEEP = 1 << 16;

/** `out` with room for `need` units, its first `n` kept. */
function roomy(out: Uint16Array, n: number, need: number): Uint16Array {
  if (need <= out.length) return out;
  const bigger = new Uint16Array(Math.max(2 * out.length, need));
  bigger.set(out.subarray(0, n));
  if (bigger.length <= SPACED_KEEP) SPACED_OUT = bigger;
  return bigger;
}

/**
 * The units of normalize(text) with each run of white space (\s) as one space and none at either
 * end — normalize(text).replace(/\s+/g, ' ').trim() — without building the string, in a buffer
 * that the next call reuses; null when the text needs the slow path. One pass, each unit read from
 * a table (SPACED) of what it gives. Units in a buffer, not given to a callback: in Chromium a
 * callback's hash state lives in its closure's context, where every 32-bit value above 2^30 is a
 * new heap number — a text key cost an import worker ≈ 5 % of its time (bench/RESULTS.md, session 15).
 */
export function spacedUnits(text: string): Uint16Array | null {
  let out: Uint16Array = SPACED_OUT;
  let n = 0;
  let any = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FAST_LIMIT) return null;
    let v = SPACED[c]!;
    if (v === 0) v = learnSpaced(c);
    if (v > 0) {
      if (n + 2 > out.length) out = roomy(out, n, n + 2);
      if (space) out[n++] = 32;
      out[n++] = v - 1;
      any = true;
      space = false;
    } else if (v === SPACE_UNIT) space = any;
    else if (v === SEVERAL_UNITS) {
      const form = FAST_FORM[c]!;
      out = roomy(out, n, n + 2 * form.length);
      for (let k = 0; k < form.length; k++) {
        const u = form.charCodeAt(k);
        if (isSpace(u)) space = any;
        else {
          if (space) out[n++] = 32;
          out[n++] = u;
          any = true;
          space = false;
        }
      }
    } else if (v === SLOW_UNIT) return null;
    // DROPPED_UNIT: nothing.
  }
  return out.subarray(0, n);
}

/** \s of a regular expression, for one unit. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * normalize(text) on the fast path, with where each unit's form starts in it (`at`, one more entry:
 * text.length → its length): a word found at an offset of `text` is read at at[offset] of the
 * normalised text. Null when the text needs the slow path (composing marks, other scripts).
 */
export function normalizeMapped(text: string): { text: string; at: Int32Array } | null {
  const at = new Int32Array(text.length + 1);
  let out = '';
  let from = 0;
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < FAST_LIMIT ? FAST_KIND[c] || learn(c) : SLOW;
    at[i] = len;
    if (kind === SAME) {
      len++;
      continue;
    }
    if (kind === SLOW) return null;
    const form = FAST_FORM[c]!;
    out += text.slice(from, i) + form;
    from = i + 1;
    len += form.length;
  }
  at[text.length] = len;
  return { text: from === 0 ? text : out + text.slice(from), at };
}

// NFKC on the whole text composes base letters with combining hamza before folding.
function slowNormalize(text: string): string {
  return fold(fold(text));
}

// The fast path: text made only of characters that normalise one by one — Latin-1 and Latin
// Extended-A, the Arabic block, general punctuation — is folded character by character from a
// table filled, on first sight of each character, by the slow path itself. Not on it: the
// combining maddah and hamza (they compose with the letter before them), Arabic characters NFKC
// changes, characters NFKC turns into marks, and everything else (presentation forms, other
// scripts, surrogates). tests/unit/arabic/fast-paths.test.ts checks both paths agree.
const FAST_LIMIT = 0x2070;
const SAME = 1;
const MAPPED = 2;
const SLOW = 3;
const FAST_KIND = new Uint8Array(FAST_LIMIT);
const FAST_FORM: Array<string | undefined> = [];
// What spacedUnits reads for a unit below FAST_LIMIT: 0 not yet learnt; the one unit it
// normalises to, plus one, when that is not white space; or one of these.
const SPACED = new Int32Array(FAST_LIMIT);
const SPACE_UNIT = -1;
const DROPPED_UNIT = -2;
const SEVERAL_UNITS = -3;
const SLOW_UNIT = -4;

function learnSpaced(c: number): number {
  const kind = FAST_KIND[c] || learn(c);
  const form = kind === SAME ? String.fromCharCode(c) : kind === MAPPED ? FAST_FORM[c]! : null;
  let v: number;
  if (form === null) v = SLOW_UNIT;
  else if (form.length === 0) v = DROPPED_UNIT;
  else if (form.length > 1) v = SEVERAL_UNITS;
  else v = isSpace(form.charCodeAt(0)) ? SPACE_UNIT : form.charCodeAt(0) + 1;
  return (SPACED[c] = v);
}

// Combining marks NFKC leaves in the forms of Latin-1, Latin Extended-A and general punctuation
// (¨ → space + U+0308): there, these are the only marks (no \p{M} class to compile at start-up).
const MARK = /[\u0300-\u036F]/;

function eligible(c: number): boolean {
  if (c < 0x80) return true;
  const ch = String.fromCharCode(c);
  if (c >= 0x0600 && c <= 0x06ff) return (c < 0x0653 || c > 0x0655) && ch.normalize('NFKC') === ch;
  // Latin-1 and Latin Extended-A (names, ©), general punctuation.
  return (c < 0x0180 || (c >= 0x2000 && c < FAST_LIMIT)) && !MARK.test(ch.normalize('NFKC'));
}

/** The character (a UTF-16 unit) normalises on its own, whatever surrounds it: the fast path. */
export function foldsAlone(c: number): boolean {
  return c < FAST_LIMIT && (FAST_KIND[c] || learn(c)) !== SLOW;
}

function learn(c: number): number {
  if (!eligible(c)) return (FAST_KIND[c] = SLOW);
  const ch = String.fromCharCode(c);
  const f = slowNormalize(ch);
  if (f === ch) return (FAST_KIND[c] = SAME);
  FAST_FORM[c] = f;
  return (FAST_KIND[c] = MAPPED);
}

/**
 * The normalised text with, for each of its characters, the offset in `text` it came from
 * (and one more entry: text.length), so that a match found in normalised text can be marked in
 * the original. Normalises code point by code point, which agrees with normalize() on words.
 */
export function normalizeWithMap(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const n = ch.length === 1 && foldsAlone(c) ? (FAST_KIND[c] === SAME ? ch : FAST_FORM[c]!) : fold(fold(ch));
    for (let k = 0; k < n.length; k++) map.push(i);
    out += n;
    i += ch.length;
  }
  map.push(text.length);
  return { text: out, map };
}
