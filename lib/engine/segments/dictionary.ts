// A segment's sorted term dictionary, in two levels as Lucene keeps it: the postings blocks each
// hold a sorted run of terms (lib/engine/segments/postings.ts), and this small index row holds the
// first term of every block. A query finds a term's block by binary search here and reads only
// that block; the index of a 100,000-report segment is a few thousand terms, read once per worker.
//
// Layout: 'I' 1 | blocks | per block: its first term (prefix-shared with the previous block's
// first term, as in a block) and its term count.
import { ByteReader, ByteWriter, expectHeader } from './bytes';
import { encodeBlock, termBytes, type TermEntry } from './postings';

/** Code units two strings share at their start, never ending inside a surrogate pair. */
function sharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i > 0 && i < b.length) {
    const c = b.charCodeAt(i - 1);
    if (c >= 0xd800 && c <= 0xdbff) i--;
  }
  return i;
}

const MAGIC = 0x49; // 'I'
const VERSION = 1;

/** Bytes of postings a block holds at most (a single term's postings may exceed it alone). */
export const BLOCK_BYTES = 16 * 1024;

export interface TermIndex {
  /** The first term of each block, ascending. */
  first: string[];
  /** How many terms each block holds. */
  terms: Uint32Array;
}

export function encodeIndex(ix: TermIndex): Uint8Array {
  const w = new ByteWriter(64 + ix.first.length * 16);
  w.byte(MAGIC);
  w.byte(VERSION);
  w.varint(ix.first.length);
  let prev = '';
  ix.first.forEach((t, i) => {
    const p = sharedPrefix(prev, t);
    w.varint(p);
    w.string(t.slice(p));
    w.varint(ix.terms[i]!);
    prev = t;
  });
  return w.finish();
}

export function decodeIndex(bytes: Uint8Array, what = 'term index'): TermIndex {
  const r = new ByteReader(bytes, what);
  expectHeader(r, MAGIC, VERSION);
  const n = r.count(3);
  const first: string[] = new Array(n);
  const terms = new Uint32Array(n);
  let prev = '';
  for (let i = 0; i < n; i++) {
    const p = r.varint();
    if (p > prev.length) r.fail(`block ${i}: shares ${p} units of a ${prev.length}-unit term`);
    const t = prev.slice(0, p) + r.string();
    if (i > 0 && !(t > prev)) r.fail(`block ${i}: first term out of order`);
    first[i] = prev = t;
    terms[i] = r.varint();
    if (terms[i] === 0) r.fail(`block ${i}: no terms`);
  }
  r.end();
  return { first, terms };
}

/** The block that would hold `t` (the last whose first term is ≤ t), or -1 when none can. */
export function blockOf(ix: TermIndex, t: string): number {
  let lo = 0;
  let hi = ix.first.length - 1;
  let at = -1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (ix.first[m]! <= t) {
      at = m;
      lo = m + 1;
    } else hi = m - 1;
  }
  return at;
}

/** The blocks a query's terms need, each with the terms it is read for. */
export function blocksFor(ix: TermIndex, terms: Iterable<string>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const t of terms) {
    const b = blockOf(ix, t);
    if (b < 0) continue;
    const list = out.get(b);
    if (list) list.push(t);
    else out.set(b, [t]);
  }
  return out;
}

/** How `cut` reads `count` terms in term order: term i, its bytes about, the block of terms from … to - 1. */
interface Cutting {
  term(i: number): string;
  bytes(i: number): number;
  encode(from: number, to: number): Uint8Array;
}

/** `count` terms (in term order) cut into blocks of about `blockBytes`, with their index. */
export function cut(count: number, by: Cutting, blockBytes: number): { index: TermIndex; blocks: Uint8Array[] } {
  const first: string[] = [];
  const counts: number[] = [];
  const blocks: Uint8Array[] = [];
  let from = 0;
  let size = 0;
  const flush = (to: number) => {
    if (to === from) return;
    first.push(by.term(from));
    counts.push(to - from);
    blocks.push(by.encode(from, to));
    from = to;
    size = 0;
  };
  for (let i = 0; i < count; i++) {
    const b = by.bytes(i);
    if (size > 0 && size + b > blockBytes) flush(i);
    size += b;
  }
  flush(count);
  return { index: { first, terms: Uint32Array.from(counts) }, blocks };
}

/** Entries (sorted by term) cut into encoded blocks of about `blockBytes`, with their index. */
export function cutBlocks(entries: readonly TermEntry[], blockBytes = BLOCK_BYTES): { index: TermIndex; blocks: Uint8Array[] } {
  const term = (i: number) => entries[i]!.term;
  return cut(entries.length, { term, bytes: (i) => termBytes(term(i), entries[i]!.ids.length), encode: (from, to) => encodeBlock(entries.slice(from, to)) }, blockBytes);
}
