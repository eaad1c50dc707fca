// Format 3's offset table of a segment's doc columns (columns.ts has the layout): each block's first
// doc number and where its bytes begin, read and checked before any document, so that a block can
// be decoded alone (columns.ts docAt) and a whole decode checks each block against it.
import type { ByteReader } from './bytes';

/** A block size a row may claim (a damaged one is refused, not allocated for). */
const MAX_BLOCK_DOCS = 1 << 16;

/** Format 3's offset table: each block's first doc number and where its bytes begin. */
export interface BlockTable {
  size: number;
  first: Uint32Array;
  /** Byte offsets in the row, blocks + 1 of them (the last is where the documents end). */
  start: Uint32Array;
}

export function readTable(r: ByteReader, docs: number): BlockTable {
  const size = r.varint();
  if (size < 1 || size > MAX_BLOCK_DOCS) r.fail(`block of ${size} documents`);
  const blocks = Math.ceil(docs / size);
  if (blocks * 2 > r.left) r.fail(`table of ${blocks} blocks cannot fit`);
  const first = new Uint32Array(blocks);
  const lens = new Uint32Array(blocks);
  let n = -1;
  let total = 0;
  for (let b = 0; b < blocks; b++) {
    const d = r.varint();
    if (n >= 0 && d === 0) r.fail(`block ${b}: doc numbers not ascending`);
    n = n < 0 ? d : n + d;
    if (n > 0xffffffff) r.fail(`block ${b}: doc number too large`);
    first[b] = n;
    lens[b] = r.varint();
    total += lens[b]!;
  }
  // The blocks fill the rest of the row exactly.
  if (total !== r.left) r.fail(`blocks of ${total} bytes in ${r.left}`);
  const start = new Uint32Array(blocks + 1);
  start[0] = r.pos;
  for (let b = 0; b < blocks; b++) start[b + 1] = start[b]! + lens[b]!;
  return { size, first, start };
}

/** Why block b (documents from position i of the doc numbers `n`, read up to byte `end`) disagrees with the table
 *  or the block before, or null. */
export function checkBlock(n: Uint32Array, i: number, t: BlockTable, b: number, end: number): string | null {
  if (n[i] !== t.first[b]) return `block ${b}: first doc ${n[i]}, the table says ${t.first[b]}`;
  if (i > 0 && !(n[i]! > n[i - 1]!)) return `block ${b}: doc numbers not ascending`;
  if (end !== t.start[b + 1]) return `block ${b}: ends at byte ${end}, the table says ${t.start[b + 1]}`;
  return null;
}

/** The last position whose value is at most v in ascending `a`, or -1. */
export function indexAtMost(a: Uint32Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let out = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= v) {
      out = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return out;
}
