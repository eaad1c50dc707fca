// Text folded for matching, with a map back to the original offsets. Folding uses the project's
// Arabic `normalize` (letter variants, diacritics, tatweel, digits, case) one code point at a
// time, and drops whitespace and invisible format characters entirely, so that a page that
// re-spaced, re-wrapped or re-vocalised a passage still matches.
import { normalize } from '../arabic/normalize';

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded character, the original offset of the character it came from. */
  starts: Int32Array;
  /** For each folded character, the original offset just past the character it came from. */
  ends: Int32Array;
}

// Zero-width, bidi controls, soft hyphen, BOM: invisible on the page, noise for matching.
const INVISIBLE = /^[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]$/;
const SPACE = /^\s+$/;
// Folding one BMP code unit is a table look-up once seen: FOLD_UNKNOWN until first met, FOLD_DROP
// when it folds to nothing, FOLD_MANY when it folds to several characters (kept in `many`),
// otherwise the one code unit it folds to. A 200 KB page folds in a few milliseconds.
const FOLD_UNKNOWN = -3;
const FOLD_MANY = -2;
const FOLD_DROP = -1;
// Built on the first fold, not as the module loads: the service worker evaluates this module at
// each start, and a lookup never folds (bench/RESULTS.md, session 17).
let table: Int32Array | null = null;
const many = new Map<number, string>();
const foldTable = () => (table ??= new Int32Array(0x10000).fill(FOLD_UNKNOWN));

/** One code point folded: '' when it carries nothing for matching. */
function foldCodePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  const out = INVISIBLE.test(ch) ? '' : normalize(ch);
  return SPACE.test(out) ? '' : out.replace(/\s+/g, '');
}

function learn(cp: number): number {
  const f = foldCodePoint(cp);
  const code = f.length === 0 ? FOLD_DROP : f.length === 1 ? f.charCodeAt(0) : FOLD_MANY;
  if (code === FOLD_MANY) many.set(cp, f);
  if (cp < 0x10000) foldTable()[cp] = code;
  return code;
}

let decoder: TextDecoder | null = null;

export function foldText(text: string): FoldedText {
  const table = foldTable();
  let cap = text.length + 16;
  let out = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let n = 0;
  const grow = (need: number) => {
    cap = Math.max(cap * 2, need);
    const o2 = new Uint16Array(cap);
    const s2 = new Int32Array(cap);
    const e2 = new Int32Array(cap);
    o2.set(out);
    s2.set(starts);
    e2.set(ends);
    out = o2;
    starts = s2;
    ends = e2;
  };
  for (let i = 0; i < text.length; ) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
    }
    let code = cp < 0x10000 ? table[cp]! : FOLD_UNKNOWN;
    if (code === FOLD_UNKNOWN) code = learn(cp);
    if (code >= 0) {
      if (n + 1 > cap) grow(n + 1);
      out[n] = code;
      starts[n] = i;
      ends[n] = i + width;
      n++;
    } else if (code === FOLD_MANY) {
      // NFKC expands some code points into several (ligatures such as U+FDFA).
      const f = many.get(cp)!;
      if (n + f.length > cap) grow(n + f.length);
      for (let k = 0; k < f.length; k++) {
        out[n] = f.charCodeAt(k);
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  decoder ??= new TextDecoder('utf-16le');
  return { text: decoder.decode(out.subarray(0, n)), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Folded string only (for patterns: quote, prefix, suffix). */
export function fold(text: string): string {
  return foldText(text).text;
}
