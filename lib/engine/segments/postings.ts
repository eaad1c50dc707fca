// A postings block: a run of a segment's terms in sorted order, each with its document count and
// its postings (doc numbers as varint deltas, then one impact byte each). A segment's postings are
// cut into blocks of tens of kilobytes, one IndexedDB row each (Chromium charges a row written about
// as much as 10 KB of data): a query reads the handful of blocks its terms are in.
//
// Layout: 'P' 1 | terms | per term: shared prefix with the previous term (UTF-16 units), the rest
// as UTF-8, df, postings count | every term's doc-number deltas | every impact byte.
// A term with no postings and df > 0 is saturated: too common to keep postings for.
import { ByteReader, ByteWriter, expectHeader } from './bytes';

const MAGIC = 0x50; // 'P'
const VERSION = 1;

/** One term's postings as a segment is built: doc numbers strictly ascending, impacts 1–255. */
export interface TermEntry {
  term: string;
  df: number;
  ids: ArrayLike<number>;
  imp: ArrayLike<number>;
}

/** A decoded block: parallel columns, as the query scores them. */
export interface PostingsBlock {
  terms: string[];
  df: Uint32Array;
  /** terms.length + 1 offsets into ids / imp. */
  off: Uint32Array;
  ids: Uint32Array;
  imp: Uint8Array;
}

/** A term's postings in one block. */
export interface BlockPostings {
  df: number;
  saturated: boolean;
  ids: Uint32Array;
  imp: Uint8Array;
}

/** Code units two strings share at their start, never ending inside a surrogate pair. */
export function sharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length, 0xffff);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i > 0 && i < b.length) {
    const c = b.charCodeAt(i - 1);
    if (c >= 0xd800 && c <= 0xdbff) i--;
  }
  return i;
}

/** Bytes an entry takes in a block, about (for cutting a segment into blocks). */
export function entryBytes(e: TermEntry): number {
  return e.term.length * 2 + 6 + e.ids.length * 3;
}

export function encodeBlock(entries: readonly TermEntry[]): Uint8Array {
  let postings = 0;
  for (const e of entries) postings += e.ids.length;
  const w = new ByteWriter(64 + entries.length * 12 + postings * 3);
  w.byte(MAGIC);
  w.byte(VERSION);
  w.varint(entries.length);
  let prev = '';
  for (const e of entries) {
    if (prev !== '' && !(e.term > prev)) throw new RangeError(`terms not in order: ${prev} then ${e.term}`);
    if (e.ids.length !== e.imp.length) throw new RangeError(`term ${e.term}: ${e.ids.length} ids, ${e.imp.length} impacts`);
    if (e.df < e.ids.length) throw new RangeError(`term ${e.term}: df ${e.df} below its ${e.ids.length} postings`);
    const p = sharedPrefix(prev, e.term);
    w.varint(p);
    w.string(e.term.slice(p));
    w.varint(e.df);
    w.varint(e.ids.length);
    prev = e.term;
  }
  for (const e of entries) {
    let last = -1;
    for (let k = 0; k < e.ids.length; k++) {
      const n = e.ids[k]!;
      if (!(n > last)) throw new RangeError(`term ${e.term}: doc numbers not ascending`);
      w.varint(last < 0 ? n : n - last);
      last = n;
    }
  }
  for (const e of entries) {
    for (let k = 0; k < e.imp.length; k++) {
      const v = e.imp[k]!;
      if (!(v >= 1 && v <= 255)) throw new RangeError(`term ${e.term}: impact ${v} outside 1–255`);
      w.byte(v);
    }
  }
  return w.finish();
}

export function decodeBlock(bytes: Uint8Array, what = 'postings block'): PostingsBlock {
  const r = new ByteReader(bytes, what);
  expectHeader(r, MAGIC, VERSION);
  // Each term takes at least 4 bytes (prefix, suffix length, df, count).
  const count = r.count(4);
  const terms: string[] = new Array(count);
  const df = new Uint32Array(count);
  const off = new Uint32Array(count + 1);
  let prev = '';
  let total = 0;
  for (let i = 0; i < count; i++) {
    const p = r.varint();
    if (p > prev.length) r.fail(`term ${i} shares ${p} units of a ${prev.length}-unit term`);
    const t = prev.slice(0, p) + r.string();
    if (i > 0 && !(t > prev)) r.fail(`term ${i} out of order`);
    terms[i] = prev = t;
    df[i] = r.varint();
    const n = r.varint();
    if (n > df[i]!) r.fail(`term ${i}: ${n} postings for df ${df[i]}`);
    off[i] = total;
    total += n;
    // Each posting takes at least 2 bytes (a delta, an impact): checked before allocating.
    if (total * 2 > r.left) r.fail(`${total} postings cannot fit`);
  }
  off[count] = total;
  const ids = new Uint32Array(total);
  for (let i = 0; i < count; i++) {
    let last = -1;
    for (let k = off[i]!; k < off[i + 1]!; k++) {
      const d = r.varint();
      const n = last < 0 ? d : last + d;
      if (last >= 0 && d === 0) r.fail(`term ${i}: doc numbers not ascending`);
      if (n > 0xffffffff) r.fail(`term ${i}: doc number too large`);
      ids[k] = last = n;
    }
  }
  const imp = r.bytes(total).slice();
  for (let k = 0; k < total; k++) if (imp[k] === 0) r.fail(`impact 0 at posting ${k}`);
  r.end();
  return { terms, df, off, ids, imp };
}

/** The position of `key` in an ascending array (strings or numbers), or -1. */
export function indexIn<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const v = sorted[m]!;
    if (v === key) return m;
    if (v < key) lo = m + 1;
    else hi = m - 1;
  }
  return -1;
}

/** The index of a term in a block, or -1. */
export const termIndex = (block: PostingsBlock, t: string): number => indexIn(block.terms, t);

/** A term's postings in a block, or null when the block does not hold it. */
export function postingsIn(block: PostingsBlock, t: string): BlockPostings | null {
  const i = termIndex(block, t);
  if (i < 0) return null;
  const from = block.off[i]!;
  const to = block.off[i + 1]!;
  return { df: block.df[i]!, saturated: to === from && block.df[i]! > 0, ids: block.ids.subarray(from, to), imp: block.imp.subarray(from, to) };
}

/** The block's terms as entries again (what a merge reads). */
export function entriesOf(block: PostingsBlock): TermEntry[] {
  return block.terms.map((term, i) => ({ term, df: block.df[i]!, ids: block.ids.subarray(block.off[i], block.off[i + 1]), imp: block.imp.subarray(block.off[i], block.off[i + 1]) }));
}

/** Bytes a decoded block holds in memory, for a cache's budget. */
export function blockBytes(b: PostingsBlock): number {
  let strings = 0;
  for (const t of b.terms) strings += 40 + t.length * 2;
  return b.ids.byteLength + b.imp.byteLength + b.off.byteLength + b.df.byteLength + strings + 64;
}
