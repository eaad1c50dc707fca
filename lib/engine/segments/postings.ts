// A postings block: a run of a segment's terms in sorted order, each with its document count and
// its postings (doc numbers as varint deltas, then one impact byte each). A segment's postings are
// cut into blocks of ≈ 16 KB, one IndexedDB row each (Chromium charges a row written about as much
// as 10 KB of data): a query reads the handful of blocks its terms are in.
//
// A query needs one or two terms of a block, so a block is read lazily: its header (per term: its
// length, df, postings count and their bytes) and its terms (one UTF-8 run, decoded in one call)
// are read at once; a term's postings only when asked for.
//
// Layout: 'P' 2 | terms | per term: UTF-16 length, df, postings count, bytes of its deltas |
// bytes of the terms' UTF-8, then it | every term's doc-number deltas | every impact byte.
// A term with no postings and df > 0 is saturated: too common to keep postings for.
import { ByteReader, ByteWriter, expectHeader, SegmentFormatError } from './bytes';

const MAGIC = 0x50; // 'P'
const VERSION = 2;

/** One term's postings as a segment is built: doc numbers strictly ascending, impacts 1–255. */
export interface TermEntry {
  term: string;
  df: number;
  ids: ArrayLike<number>;
  imp: ArrayLike<number>;
}

/** A block as read: its terms, counts and offsets decoded; postings decoded on demand. */
export interface PostingsBlock {
  count: number;
  /** The terms, concatenated; term i is text.slice(toff[i], toff[i + 1]). */
  text: string;
  toff: Uint32Array;
  df: Uint32Array;
  /** count + 1 offsets: term i has postings off[i]..off[i + 1] (indexes into the impacts). */
  off: Uint32Array;
  /** count + 1 byte offsets of each term's deltas in `bytes`. */
  ioff: Uint32Array;
  /** Where the impacts start in `bytes`. */
  impAt: number;
  bytes: Uint8Array;
  what: string;
}

/** A term's postings in one block. */
export interface BlockPostings {
  df: number;
  saturated: boolean;
  ids: Uint32Array;
  imp: Uint8Array;
}

/** A term can be stored when it is well-formed UTF-16 (a lone surrogate would not read back as itself). */
export const storable = (t: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t);

/** Bytes a term takes in a block, about (for cutting a segment into blocks). */
export const termBytes = (term: string, postings: number): number => term.length * 2 + 6 + postings * 3;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A block's term after `prev`, with `n` postings and `df`, checked as a block can hold it. */
export function checkTerm(prev: string | null, term: string, df: number, n: number): void {
  if (prev !== null && !(term > prev)) throw new RangeError(`terms not in order: ${prev} then ${term}`);
  if (!storable(term)) throw new RangeError('a term with a lone surrogate');
  if (df < n) throw new RangeError(`term ${term}: df ${df} below its ${n} postings`);
}

/** `ids[a]` … `ids[b - 1]` (ascending) as varint deltas; returns the bytes written. */
export function putDeltas(w: ByteWriter, term: string, ids: ArrayLike<number>, a: number, b: number): number {
  const at = w.length;
  let last = -1;
  for (let k = a; k < b; k++) {
    const n = ids[k]!;
    if (!(n > last)) throw new RangeError(`term ${term}: doc numbers not ascending`);
    w.varint(last < 0 ? n : n - last);
    last = n;
  }
  return w.length - at;
}

/** `imp[a]` … `imp[b - 1]`, each a byte 1–255. */
export function putImpacts(w: ByteWriter, term: string, imp: ArrayLike<number>, a: number, b: number): void {
  for (let k = a; k < b; k++) {
    const v = imp[k]!;
    if (!(v >= 1 && v <= 255)) throw new RangeError(`term ${term}: impact ${v} outside 1–255`);
    w.byte(v);
  }
}

/** A block's terms (in order) with each one's df and postings count. */
interface BlockHead {
  terms: readonly string[];
  df(i: number): number;
  n(i: number): number;
}

/** A block from its head, each term's deltas' bytes (`lens`) and the deltas; `impacts` writes
 *  every term's impacts after them. */
export function assemble(head: BlockHead, lens: Uint32Array, deltas: ByteWriter, impacts: (w: ByteWriter) => void): Uint8Array {
  const { terms } = head;
  const text = encoder.encode(terms.join(''));
  let postings = 0;
  for (let i = 0; i < terms.length; i++) postings += head.n(i);
  const w = new ByteWriter(64 + terms.length * 8 + text.length + deltas.length + postings);
  w.byte(MAGIC);
  w.byte(VERSION);
  w.varint(terms.length);
  for (let i = 0; i < terms.length; i++) {
    w.varint(terms[i]!.length);
    w.varint(head.df(i));
    w.varint(head.n(i));
    w.varint(lens[i]!);
  }
  w.varint(text.length);
  w.bytes(text);
  w.bytes(deltas.finish());
  impacts(w);
  return w.finish();
}

/** The block of entries (sorted by term): a merge's. */
export function encodeBlock(entries: readonly TermEntry[]): Uint8Array {
  let postings = 0;
  for (const e of entries) postings += e.ids.length;
  const deltas = new ByteWriter(postings * 2 + 16);
  const lens = new Uint32Array(entries.length);
  let prev: string | null = null;
  entries.forEach((e, i) => {
    checkTerm(prev, e.term, e.df, e.ids.length);
    if (e.ids.length !== e.imp.length) throw new RangeError(`term ${e.term}: ${e.ids.length} ids, ${e.imp.length} impacts`);
    prev = e.term;
    lens[i] = putDeltas(deltas, e.term, e.ids, 0, e.ids.length);
  });
  const impacts = (w: ByteWriter) => {
    for (const e of entries) putImpacts(w, e.term, e.imp, 0, e.imp.length);
  };
  return assemble({ terms: entries.map((e) => e.term), df: (i) => entries[i]!.df, n: (i) => entries[i]!.ids.length }, lens, deltas, impacts);
}

export function decodeBlock(bytes: Uint8Array, what = 'postings block'): PostingsBlock {
  const r = new ByteReader(bytes, what);
  expectHeader(r, MAGIC, VERSION);
  // Each term takes at least 4 bytes (length, df, count, bytes).
  const count = r.count(4);
  const toff = new Uint32Array(count + 1);
  const df = new Uint32Array(count);
  const off = new Uint32Array(count + 1);
  const ioff = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const len = r.varint();
    toff[i + 1] = toff[i]! + len;
    df[i] = r.varint();
    const n = r.varint();
    if (n > df[i]!) r.fail(`term ${i}: ${n} postings for df ${df[i]}`);
    const nb = r.varint();
    // Each posting's delta takes a byte at least, at most 5.
    if (nb < n || nb > n * 5) r.fail(`term ${i}: ${nb} bytes for ${n} postings`);
    // Totals past the bytes left cannot be true (and would wrap the offsets): refused here.
    if (off[i]! + n + ioff[i]! + nb > r.left) r.fail(`${off[i]! + n} postings cannot fit`);
    off[i + 1] = off[i]! + n;
    ioff[i + 1] = ioff[i]! + nb;
  }
  const textBytes = r.bytes(r.count(1));
  let text: string;
  try {
    text = decoder.decode(textBytes);
  } catch {
    return r.fail('invalid UTF-8 in the terms');
  }
  if (text.length !== toff[count]) r.fail(`terms of ${text.length} units, ${toff[count]} announced`);
  const start = r.pos;
  if (ioff[count]! + off[count]! !== r.left) r.fail(`${r.left} bytes of postings, ${ioff[count]! + off[count]!} announced`);
  for (let i = 0; i <= count; i++) ioff[i]! += start;
  return { count, text, toff, df, off, ioff, impAt: ioff[count]!, bytes, what };
}

const termAt = (b: PostingsBlock, i: number): string => b.text.slice(b.toff[i], b.toff[i + 1]);

/** Term i of a block against `t`, as `<` orders strings (by UTF-16 units): negative when it is
 *  before, 0 when it is `t`. Compared in place: a term sliced out at each step of the search
 *  was a string a step, for each of a query's ≈ 70 terms (session 17). */
function compareAt(b: PostingsBlock, i: number, t: string): number {
  const from = b.toff[i]!;
  const len = b.toff[i + 1]! - from;
  const n = Math.min(len, t.length);
  for (let k = 0; k < n; k++) {
    const d = b.text.charCodeAt(from + k) - t.charCodeAt(k);
    if (d !== 0) return d;
  }
  return len - t.length;
}

/** The index of a term in a block, or -1. */
function termIndex(b: PostingsBlock, t: string): number {
  let lo = 0;
  let hi = b.count - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const c = compareAt(b, m, t);
    if (c === 0) return m;
    if (c < 0) lo = m + 1;
    else hi = m - 1;
  }
  return -1;
}

/** Term i's postings, decoded from the block's bytes (checked: a damaged run is an error). */
function postingsAt(b: PostingsBlock, i: number): BlockPostings {
  const n = b.off[i + 1]! - b.off[i]!;
  const ids = new Uint32Array(n);
  const bytes = b.bytes.subarray(b.ioff[i], b.ioff[i + 1]);
  const r = new ByteReader(bytes, b.what);
  let last = -1;
  // Every query decodes its terms' doc numbers from the cached block: a delta under 128 (most, in
  // a long list) is read inline, without the reader's call.
  for (let k = 0; k < n; k++) {
    const byte = bytes[r.pos];
    let d: number;
    if (byte !== undefined && byte < 0x80) {
      r.pos++;
      d = byte;
    } else d = r.varint();
    if (last >= 0 && d === 0) r.fail(`term ${i}: doc numbers not ascending`);
    const v = last < 0 ? d : last + d;
    if (v > 0xffffffff) r.fail(`term ${i}: doc number too large`);
    ids[k] = last = v;
  }
  r.end();
  const imp = b.bytes.subarray(b.impAt + b.off[i]!, b.impAt + b.off[i + 1]!);
  for (let k = 0; k < n; k++) if (imp[k] === 0) throw new SegmentFormatError(b.what, `term ${i}: impact 0`);
  return { df: b.df[i]!, saturated: n === 0 && b.df[i]! > 0, ids, imp };
}

/** A term's postings in a block, or null when the block does not hold it. */
export function postingsIn(block: PostingsBlock, t: string): BlockPostings | null {
  const i = termIndex(block, t);
  return i < 0 ? null : postingsAt(block, i);
}

/** The block's terms as entries again (what a merge reads); checks their order. */
export function entriesOf(block: PostingsBlock): TermEntry[] {
  const out: TermEntry[] = [];
  for (let i = 0; i < block.count; i++) {
    const term = termAt(block, i);
    if (i > 0 && !(term > out[i - 1]!.term)) throw new SegmentFormatError(block.what, `term ${i} out of order`);
    const p = postingsAt(block, i);
    out.push({ term, df: p.df, ids: p.ids, imp: p.imp });
  }
  return out;
}

/** Bytes a block holds in memory, for a cache's budget. */
export function blockBytes(b: PostingsBlock): number {
  return b.bytes.byteLength + b.text.length * 2 + b.count * 16 + 128;
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

