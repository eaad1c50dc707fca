// A segment's per-document columns: what ranking reads of every candidate, as typed arrays in one
// row instead of a row per document (a query re-scores up to 240 candidates; a row read costs
// ≈ 0.05–0.2 ms). Doc numbers ascend; strings (outlets, entity ids, source ids) are numbered in a
// table per segment, so a document's entities are small integers.
//
// Layout: 'C' 2 | docs | the string table | per doc: doc-number delta, day (zigzag + 1; 0: none), outlet,
// dup + 1 (0: none), entities (count, then each), sources (count, then each), MinHash sketch
// (count + 1, 0: none kept; then a byte a slot: the slot's low 8 bits).
// The sketch bounds the phrases a document shares with an article without its doc row: two equal
// hashes have equal low bytes, so the slots whose bytes are equal are at least the slots equal
// (rescore.ts scoreBound; doc-columns.ts). 24 bytes a document, 2.4 MB at 100,000.
// Format 3 (2026-12-06) cuts the documents into blocks of BLOCK_DOCS, each block's first doc number
// written whole, and puts an offset table before them (block size, then per block its first doc
// number's delta and its length in bytes), so that a few documents can be decoded without the
// rest (openColumns, docAt): a query that comes after a worker read the row (woken by a page, or
// after its first query) but before the whole decode ranks from its candidates' blocks
// (doc-columns.ts). Every worker asks for the row as it starts (warm.ts readAhead), so that its
// first query ranks from it too; a query does not ask for it beside its own postings reads (the
// row's ≈ 4 MB at 100,000 slowed them: bench/RESULTS.md, 2026-12-06 sessions 11, 13 and 15).
// Format 2 (still read): the same documents in one run, no table. Format 1 (2026-12-05, still
// read): no sketch, then lengths as float32 and fingerprints as two uint32 after the documents —
// neither read by anything, so format 2 leaves them out.
import { ByteReader, ByteWriter } from './bytes';
import { indexIn } from './postings';
import { BodyReader, MAX_SKETCH, NO_DAY, NO_DUP } from './column-body';
import { checkBlock, indexAtMost, readTable, type BlockTable } from './column-table';

const MAGIC = 0x43; // 'C'
const VERSION = 3;
/** Documents a block of format 3: a candidate costs decoding its block's documents, ≈ 1 KB. */
export const BLOCK_DOCS = 32;


/** One document's column values as a segment is built. */
export interface DocValues {
  n: number;
  day: number | null;
  outlet: string;
  /** The first doc of its near-duplicate group, or null. */
  dup: number | null;
  entities: readonly string[];
  sources: readonly string[];
  /** Its MinHash's low bytes (minhashSketch), or null where none is kept (format 1, a long MinHash). */
  sketch: Uint8Array | null;
}

export interface DocColumns {
  n: Uint32Array;
  /** Days since 1970, NO_DAY where unknown. */
  day: Int32Array;
  outlet: Uint32Array;
  /** NO_DUP where unique. */
  dup: Int32Array;
  /** entOff.length = docs + 1: the entities of doc i are ent[entOff[i]..entOff[i + 1]]. */
  entOff: Uint32Array;
  ent: Uint32Array;
  srcOff: Uint32Array;
  src: Uint32Array;
  /** The sketch of doc i is sketch[skOff[i]..skOff[i + 1]] when skHas[i] is 1. */
  skOff: Uint32Array;
  skHas: Uint8Array;
  sketch: Uint8Array;
  /** The strings the outlet, ent and src columns number. */
  strings: string[];
}

/** Days are stored zigzag-encoded plus one (0 for none): any day, before 1970 too. */
const zigzag = (v: number) => (v >= 0 ? 2 * v : -2 * v - 1);

/** A MinHash's sketch: each slot's low byte; null past MAX_SKETCH slots. */
export function minhashSketch(mh: ArrayLike<number>): Uint8Array | null {
  if (mh.length > MAX_SKETCH) return null;
  const out = new Uint8Array(mh.length);
  for (let k = 0; k < mh.length; k++) out[k] = mh[k]! & 0xff;
  return out;
}

export function encodeColumns(docs: readonly DocValues[]): Uint8Array {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size));
    return v;
  };
  const body = new ByteWriter(docs.length * 16);
  const blocks = Math.ceil(docs.length / BLOCK_DOCS);
  const table = new ByteWriter(blocks * 4 + 8);
  table.varint(BLOCK_DOCS);
  let last = -1;
  let blockFirst = -1;
  let blockAt = 0;
  for (const [i, d] of docs.entries()) {
    if (!(d.n > last)) throw new RangeError('doc numbers not ascending');
    if (i % BLOCK_DOCS === 0) {
      // A block's first doc number is whole (a block decodes alone); the table has its delta.
      if (i > 0) table.varint(body.length - blockAt);
      table.varint(blockFirst < 0 ? d.n : d.n - blockFirst);
      blockFirst = d.n;
      blockAt = body.length;
      body.varint(d.n);
    } else body.varint(d.n - last);
    last = d.n;
    if (d.day !== null && !(Number.isInteger(d.day) && Math.abs(d.day) < 0x7fffffff)) throw new RangeError(`day out of range: ${d.day}`);
    body.varint(d.day === null ? 0 : zigzag(d.day) + 1);
    body.varint(id(d.outlet));
    body.varint(d.dup === null ? 0 : d.dup + 1);
    body.varint(d.entities.length);
    for (const e of d.entities) body.varint(id(e));
    body.varint(d.sources.length);
    for (const s of d.sources) body.varint(id(s));
    if (d.sketch && d.sketch.length > MAX_SKETCH) throw new RangeError('sketch too long');
    body.varint(d.sketch ? d.sketch.length + 1 : 0);
    if (d.sketch) body.bytes(d.sketch);
  }
  if (blocks > 0) table.varint(body.length - blockAt);
  const w = new ByteWriter(body.length + table.length + ids.size * 16 + 16);
  w.byte(MAGIC);
  w.byte(VERSION);
  w.varint(docs.length);
  w.varint(ids.size);
  for (const s of ids.keys()) w.string(s);
  w.bytes(table.finish());
  w.bytes(body.finish());
  return w.finish();
}

export function decodeColumns(bytes: Uint8Array, what = 'doc columns'): DocColumns {
  const steps = decodeInSlices(bytes, what);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Documents decoded between two yields of decodeInSlices (a few ms of a worker's thread). */
const SLICE_DOCS = 8192;

/** A row's header, string table and (format 3) offset table, checked. */
function readHead(bytes: Uint8Array, what: string): { r: ByteReader; version: number; docs: number; strings: string[]; table: BlockTable | null } {
  const r = new ByteReader(bytes, what);
  if (r.byte() !== MAGIC) r.fail('not this kind of row');
  const version = r.byte();
  if (version < 1 || version > VERSION) r.fail(`format version ${version}, expected 1 to ${VERSION}`);
  // A document takes at least 6 varint bytes, and 12 fixed ones in format 1, 1 for its sketch from 2.
  const docs = r.count(version === 1 ? 18 : 7);
  const nStrings = r.count(1);
  const strings: string[] = new Array(nStrings);
  for (let i = 0; i < nStrings; i++) strings[i] = r.string();
  return { r, version, docs, strings, table: version === 3 ? readTable(r, docs) : null };
}

/** An opened row's head as readHead gave it, the reader at its first block. */
function headOf(o: OpenColumns): ReturnType<typeof readHead> {
  const r = new ByteReader(o.bytes, o.what);
  r.pos = o.table.start[0]!;
  return { r, version: VERSION, docs: o.docs, strings: o.strings, table: o.table };
}

/**
 * decodeColumns a slice of documents at a time, yielding between them: a running worker decodes a
 * segment of 100,000 documents (≈ 3 MB, tens of ms on cold code) between its messages, not in
 * the way of one (doc-columns.ts). A row already opened (openColumns) is not read again up to its
 * blocks.
 */
export function* decodeInSlices(row: Uint8Array | OpenColumns, what = 'doc columns'): Generator<void, DocColumns> {
  const { r, version, docs, strings, table } = row instanceof Uint8Array ? readHead(row, what) : headOf(row);
  const bytes = row instanceof Uint8Array ? row : row.bytes;
  const body = new BodyReader({ buf: bytes, pos: r.pos, docs, nStrings: strings.length, sketches: version >= 2 }, (at, reason) => {
    r.pos = at;
    return r.fail(reason);
  });
  if (table) {
    // Block by block, each where the table says, its first doc number whole.
    for (let b = 0, i = 0; i < docs; b++, i += table.size) {
      if (i > 0 && i % SLICE_DOCS < table.size) yield;
      const to = Math.min(docs, i + table.size);
      body.restart();
      body.read(i, to);
      const fail = checkBlock(body.c.n, i, table, b, body.pos);
      if (fail) {
        r.pos = body.pos;
        r.fail(fail);
      }
    }
  } else {
    for (let i = 0; i < docs; i += SLICE_DOCS) {
      if (i > 0) yield;
      body.read(i, Math.min(docs, i + SLICE_DOCS));
    }
  }
  r.pos = body.pos;
  // Format 1's lengths and fingerprints: read by nothing.
  if (version === 1) r.bytes(docs * 12);
  r.end();
  return body.finish(strings);
}

/** A format-3 row opened for a few documents: its blocks decoded when first asked for (docAt). */
export interface OpenColumns {
  readonly docs: number;
  readonly strings: string[];
  readonly table: BlockTable;
  readonly bytes: Uint8Array;
  readonly what: string;
  /** Blocks decoded so far, by number. */
  readonly blocks: Map<number, DocColumns>;
}

/**
 * The row's header and tables, its documents left undecoded; null for formats 1 and 2 (no
 * offset table: they are decoded whole). Throws SegmentFormatError on a damaged header.
 */
export function openColumns(bytes: Uint8Array, what = 'doc columns'): OpenColumns | null {
  const { docs, strings, table } = readHead(bytes, what);
  return table && { docs, strings, table, bytes, what, blocks: new Map() };
}

/**
 * Doc `n`'s block (decoded as columns of its own, sharing the row's strings) and its position
 * there; null where the row has no doc n. Throws SegmentFormatError on a damaged block.
 */
export function docAt(o: OpenColumns, n: number): { c: DocColumns; i: number } | null {
  const { table } = o;
  const b = indexAtMost(table.first, n);
  if (b < 0) return null;
  let c = o.blocks.get(b);
  if (!c) {
    const from = b * table.size;
    const count = Math.min(o.docs, from + table.size) - from;
    const r = new ByteReader(o.bytes, o.what);
    const fail = (at: number, reason: string): never => {
      r.pos = at;
      return r.fail(`block ${b}: ${reason}`);
    };
    const body = new BodyReader({ buf: o.bytes.subarray(0, table.start[b + 1]), pos: table.start[b]!, docs: count, nStrings: o.strings.length, sketches: true }, fail);
    body.read(0, count);
    c = body.finish(o.strings);
    if (c.n[0] !== table.first[b]) fail(body.pos, `first doc ${c.n[0]}, the table says ${table.first[b]}`);
    if (body.pos !== table.start[b + 1]) fail(body.pos, `ends before the table says, at ${table.start[b + 1]}`);
    o.blocks.set(b, c);
  }
  const i = positionOf(c, n);
  return i < 0 ? null : { c, i };
}

/** The position of doc `n` in the columns, or -1. */
export const positionOf = (c: DocColumns, n: number): number => indexIn(c.n, n);

/** The document at a position, as it was given (for a merge, which rewrites the columns). */
export function valuesAt(c: DocColumns, i: number): DocValues {
  const s = (k: number) => c.strings[k]!;
  return {
    n: c.n[i]!,
    day: c.day[i] === NO_DAY ? null : c.day[i]!,
    outlet: s(c.outlet[i]!),
    dup: c.dup[i] === NO_DUP ? null : c.dup[i]!,
    entities: Array.from(c.ent.subarray(c.entOff[i], c.entOff[i + 1]), s),
    sources: Array.from(c.src.subarray(c.srcOff[i], c.srcOff[i + 1]), s),
    sketch: sketchAt(c, i),
  };
}

export function columnBytes(c: DocColumns): number {
  let strings = 0;
  for (const t of c.strings) strings += 40 + t.length * 2;
  return c.n.byteLength * 4 + c.ent.byteLength + c.src.byteLength + c.entOff.byteLength * 3 + c.skHas.byteLength + c.sketch.byteLength + strings;
}

/** The sketch of the document at position i, or null where none is kept. */
function sketchAt(c: DocColumns, i: number): Uint8Array | null {
  return c.skHas[i] ? c.sketch.slice(c.skOff[i], c.skOff[i + 1]) : null;
}

/**
 * The most slots of `mh` (an article's MinHash) the document at position i can share: the slots
 * whose low byte equals its sketch's (simhash.ts minhashSimilarity counts the equal ones, but an
 * empty slot of the article's); null where no sketch is kept; 0 where the lengths differ (no slot
 * is compared then).
 */
export function sharedSlotsAtMost(c: DocColumns, i: number, mh: ArrayLike<number>): number | null {
  if (!c.skHas[i]) return null;
  const from = c.skOff[i]!;
  if (c.skOff[i + 1]! - from !== mh.length) return 0;
  let m = 0;
  for (let k = 0; k < mh.length; k++) if (mh[k] !== 0xffffffff && (mh[k]! & 0xff) === c.sketch[from + k]) m++;
  return m;
}
