// A report's word counts as the event model reads them (lib/events termVector: the title's words,
// the lede's lines and each line's words), worked out once when the report is indexed and kept in
// its doc row, packed, so that a query judges the reports it reads without reading and tokenising
// their texts again (34 % of a warm query's ranking, bench/RESULTS.md). The packing keeps exactly
// what termVector gives: `all` is the title's counts twice and then each line's words, in that
// order, so it is rebuilt rather than stored.
//
// Layout: 'V' 2 | title words | per word: number (lib/engine/lexicon.ts), count | lines | per
// line: key (hash53: its high 21 bits in 3 bytes, its low 32 in 4, little-endian), word count,
// word numbers. Format 1 wrote the key's two halves as varints (≈ 8 bytes a line against 7).
import type { TermVector } from '../events/term-vector';
import { ByteWriter } from './segments/bytes';
import type { Lexicon } from './lexicon';
import { MAGIC, unpackTerms, VERSION } from './term-unpack';

export { maxWordId, unpackTerms } from './term-unpack';

/** Reused by every packing (packTerms is synchronous; finish() copies out what is stored). */
const scratch = new ByteWriter(1024);

const TWO32 = 2 ** 32;

/** A line's key (hash53 in base 36) as a number, or null when it is not one (never stored then). */
function keyNumber(key: string): number | null {
  // What parseInt(key, 36) gives when its toString(36) is `key` again: digits and lower-case
  // letters, no leading zero, a safe integer (read by hand: a line of every report goes through it).
  const n = key.length;
  if (n === 0 || (n > 1 && key.charCodeAt(0) === 48)) return null;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
    if (d < 0 || v > (Number.MAX_SAFE_INTEGER - d) / 36) return null;
    v = v * 36 + d;
  }
  return v;
}

/** Word counts as an analysis sends them and as they wait to be packed: the title's words and
 *  counts (word, count, word, count…) and the lede's lines (key, words), in termVector's order; each
 *  word as its index in the analysis' terms (`terms` below) or as itself. A part's 2,000 reports wait
 *  in this form (the message's own arrays) until their doc rows are written: no second copy as lists. */
export interface TermsWire {
  t: Array<number | string>;
  l: Array<[string, Array<number | string>]>;
}

/** Word counts waiting to be packed: as sent (`w`, or an import part's stream `s`: term-stream.ts streamFor), with
 *  the terms their indexes refer to. */
export type TermLists = { w: TermsWire; terms: readonly string[] } | { s: Uint32Array; terms: readonly string[] };

/** The most words and lines a report's counts may send (termVector reads at most 150 words and 40 of the title). */
export const MAX_WIRE_WORDS = 400;

/** Distinct values (a few: pairwise; many: a set). */
function distinct(xs: readonly number[]): boolean {
  if (xs.length > 32) return new Set(xs).size === xs.length;
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) if (xs[i] === xs[j]) return false;
  return true;
}

/** A report's stream from an import part (term-stream.ts streamFor), checked: within its length, bounded sizes,
 *  words indexes into `size` words, title words and line keys each once, counts 1 to 400. */
export function checkedStream(v: Uint32Array, size: number): boolean {
  if (v.length === 0) return true;
  let i = 0;
  const nt = v[i++]!;
  if (nt > MAX_WIRE_WORDS || 1 + 2 * nt + 1 > v.length) return false;
  const title: number[] = [];
  for (let k = 0; k < nt; k++) {
    const w = v[i++]!;
    const c = v[i++]!;
    if (w >= size || c === 0 || c > MAX_WIRE_WORDS) return false;
    title.push(w);
  }
  const nl = v[i++]!;
  if (nl > MAX_WIRE_WORDS || !distinct(title)) return false;
  const keys: number[] = [];
  let n = 0;
  for (let l = 0; l < nl; l++) {
    if (i + 3 > v.length) return false;
    const hi = v[i++]!;
    const lo = v[i++]!;
    const nw = v[i++]!;
    n += nw;
    if (hi >= 1 << 21 || n > MAX_WIRE_WORDS || i + nw > v.length) return false;
    keys.push(hi * TWO32 + lo);
    for (let j = 0; j < nw; j++) if (v[i++]! >= size) return false;
  }
  return i === v.length && distinct(keys);
}

/** packTerms of a stream (term-stream.ts streamFor; checked: checkedStream). */
function packStream(v: Uint32Array, at: (x: number) => number): Uint8Array {
  const w = scratch.reset();
  w.byte(MAGIC);
  w.byte(VERSION);
  let i = 0;
  const nt = v[i++]!;
  w.varint(nt);
  for (let k = 0; k < nt; k++) {
    w.varint(at(v[i++]!));
    w.varint(v[i++]!);
  }
  const nl = v[i++]!;
  w.varint(nl);
  for (let l = 0; l < nl; l++) {
    const hi = v[i++]!;
    w.byte(hi & 0xff);
    w.byte((hi >>> 8) & 0xff);
    w.byte((hi >>> 16) & 0xff);
    w.u32(v[i++]!);
    const n = v[i++]!;
    w.varint(n);
    for (let j = 0; j < n; j++) w.varint(at(v[i++]!));
  }
  return w.finish();
}

/** `v` as an analysis sends it: each word as its index in `terms` when there, else as itself. */
export function wireOf(v: TermVector, terms: readonly string[] = []): TermsWire {
  const index = new Map(terms.map((t, i) => [t, i]));
  const word = (w: string) => index.get(w) ?? w;
  return { t: [...v.title].flatMap(([w, c]) => [word(w), c]), l: [...v.lines].map(([key, words]) => [key, words.map(word)]) };
}

export const listsOf = (v: TermVector): TermLists => ({ w: wireOf(v), terms: [] });

/** The packed counts of `v`, numbering new words in `lex`; null when a line key is not a hash53 or a
 *  count not a count (kept unpacked: judged from the text). `v` was checked (wire.ts) or made here. */
export function packTerms(lists: TermLists, lex: Lexicon): Uint8Array | null {
  const at = lex.numberer(lists.terms);
  if ('s' in lists) return packStream(lists.s, at);
  const v = lists.w;
  const id = (x: number | string) => (typeof x === 'string' ? lex.id(x) : at(x));
  const w = scratch.reset();
  w.byte(MAGIC);
  w.byte(VERSION);
  w.varint(v.t.length / 2);
  for (let i = 0; i < v.t.length; i += 2) {
    const c = v.t[i + 1];
    if (!Number.isInteger(c) || (c as number) < 0) return null;
    w.varint(id(v.t[i]!));
    w.varint(c as number);
  }
  w.varint(v.l.length);
  for (const [key, words] of v.l) {
    const k = keyNumber(key);
    if (k === null) return null;
    const hi = Math.floor(k / TWO32);
    w.byte(hi & 0xff);
    w.byte((hi >>> 8) & 0xff);
    w.byte((hi >>> 16) & 0xff);
    w.u32(k % TWO32);
    w.varint(words.length);
    for (const t of words) w.varint(id(t));
  }
  return w.finish();
}

/** Where a doc row read by a query finds the lexicon its word numbers refer to: beside it, not in
 *  it — a symbol added to a row of twenty fields made it a dictionary, ≈ 500 bytes more in every
 *  row a worker's doc cache keeps (session 17); nothing stored or sent carries it. */
const lexicons = new WeakMap<object, Lexicon>();

interface WithTerms {
  tv?: Uint8Array;
}

/** Marks a row read by a query with the lexicon that holds its word numbers (read up to `maxWordId` first). */
export function withLexicon<T extends WithTerms & object>(d: T, lex: Lexicon): T {
  lexicons.set(d, lex);
  return d;
}

/** Whether a row keeps word counts and a query read it with their lexicon. */
export const hasPackedTerms = (d: WithTerms & object): boolean => !!d.tv && lexicons.has(d);

/** A row's kept word counts, or null (none kept, or unreadable: judged from the text then). */
export function storedTerms(d: WithTerms & object): TermVector | null {
  const lex = lexicons.get(d);
  if (!d.tv || !lex) return null;
  try {
    return unpackTerms(d.tv, lex);
  } catch {
    return null;
  }
}
