// A segment's per-document columns: what ranking reads of every candidate, as typed arrays in one
// row instead of a row per document (a query re-scores 120 candidates; a row read costs ≈ 0.2 ms).
// Doc numbers ascend; strings (outlets, entity ids, source ids) are numbered in a table per
// segment, so a document's entities are small integers.
//
// Layout: 'C' 1 | docs | the string table | per doc: doc-number delta, day (zigzag + 1; 0: none), outlet,
// dup + 1 (0: none), entities (count, then each), sources (count, then each) | lengths as
// float32 | fingerprints as two uint32 | all little-endian.
import { ByteReader, ByteWriter, expectHeader } from './bytes';
import { indexIn } from './postings';

const MAGIC = 0x43; // 'C'
const VERSION = 1;

/** One document's column values as a segment is built. */
export interface DocValues {
  n: number;
  day: number | null;
  outlet: string;
  len: number;
  /** Fingerprint halves (simhash). */
  h: readonly [number, number];
  /** The first doc of its near-duplicate group, or null. */
  dup: number | null;
  entities: readonly string[];
  sources: readonly string[];
}

export interface DocColumns {
  n: Uint32Array;
  /** Days since 1970, NO_DAY where unknown. */
  day: Int32Array;
  outlet: Uint32Array;
  len: Float32Array;
  /** Two halves per document. */
  h: Uint32Array;
  /** NO_DUP where unique. */
  dup: Int32Array;
  /** entOff.length = docs + 1: the entities of doc i are ent[entOff[i]..entOff[i + 1]]. */
  entOff: Uint32Array;
  ent: Uint32Array;
  srcOff: Uint32Array;
  src: Uint32Array;
  /** The strings the outlet, ent and src columns number. */
  strings: string[];
}

const NO_DAY = -0x80000000;
const NO_DUP = -1;
/** Days are stored zigzag-encoded plus one (0 for none): any day, before 1970 too. */
const zigzag = (v: number) => (v >= 0 ? 2 * v : -2 * v - 1);
const unzigzag = (v: number) => (v % 2 === 0 ? v / 2 : -(v + 1) / 2);

export function encodeColumns(docs: readonly DocValues[]): Uint8Array {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size));
    return v;
  };
  const body = new ByteWriter(docs.length * 16);
  let last = -1;
  for (const d of docs) {
    if (!(d.n > last)) throw new RangeError('doc numbers not ascending');
    body.varint(last < 0 ? d.n : d.n - last);
    last = d.n;
    if (d.day !== null && !(Number.isInteger(d.day) && Math.abs(d.day) < 0x7fffffff)) throw new RangeError(`day out of range: ${d.day}`);
    body.varint(d.day === null ? 0 : zigzag(d.day) + 1);
    body.varint(id(d.outlet));
    body.varint(d.dup === null ? 0 : d.dup + 1);
    body.varint(d.entities.length);
    for (const e of d.entities) body.varint(id(e));
    body.varint(d.sources.length);
    for (const s of d.sources) body.varint(id(s));
  }
  const w = new ByteWriter(body.length + docs.length * 12 + ids.size * 16 + 16);
  w.byte(MAGIC);
  w.byte(VERSION);
  w.varint(docs.length);
  w.varint(ids.size);
  for (const s of ids.keys()) w.string(s);
  w.bytes(body.finish());
  const fixed = new DataView(new ArrayBuffer(docs.length * 12));
  docs.forEach((d, i) => {
    fixed.setFloat32(i * 4, d.len, true);
    fixed.setUint32(docs.length * 4 + i * 8, d.h[0] >>> 0, true);
    fixed.setUint32(docs.length * 4 + i * 8 + 4, d.h[1] >>> 0, true);
  });
  w.bytes(new Uint8Array(fixed.buffer));
  return w.finish();
}

export function decodeColumns(bytes: Uint8Array, what = 'doc columns'): DocColumns {
  const r = new ByteReader(bytes, what);
  expectHeader(r, MAGIC, VERSION);
  // A document takes at least 6 varint bytes and 12 fixed ones.
  const docs = r.count(18);
  const nStrings = r.count(1);
  const strings: string[] = new Array(nStrings);
  for (let i = 0; i < nStrings; i++) strings[i] = r.string();
  const str = () => {
    const v = r.varint();
    if (v >= nStrings) r.fail(`string ${v} of ${nStrings}`);
    return v;
  };
  const c: DocColumns = {
    n: new Uint32Array(docs),
    day: new Int32Array(docs),
    outlet: new Uint32Array(docs),
    len: new Float32Array(docs),
    h: new Uint32Array(docs * 2),
    dup: new Int32Array(docs),
    entOff: new Uint32Array(docs + 1),
    ent: new Uint32Array(0),
    srcOff: new Uint32Array(docs + 1),
    src: new Uint32Array(0),
    strings,
  };
  const ent: number[] = [];
  const src: number[] = [];
  let last = -1;
  for (let i = 0; i < docs; i++) {
    const d = r.varint();
    if (last >= 0 && d === 0) r.fail(`doc ${i}: doc numbers not ascending`);
    const n = last < 0 ? d : last + d;
    if (n > 0xffffffff) r.fail(`doc ${i}: doc number too large`);
    c.n[i] = last = n;
    const day = r.varint();
    if (day > 0xfffffffe) r.fail(`doc ${i}: day out of range`);
    c.day[i] = day === 0 ? NO_DAY : unzigzag(day - 1);
    c.outlet[i] = str();
    const dup = r.varint();
    if (dup > 0x7fffffff) r.fail(`doc ${i}: group too large`);
    c.dup[i] = dup === 0 ? NO_DUP : dup - 1;
    // Each entity or source takes a byte at least, and the fixed columns are still to come.
    const ne = r.count(1);
    for (let k = 0; k < ne; k++) ent.push(str());
    c.entOff[i + 1] = ent.length;
    const ns = r.count(1);
    for (let k = 0; k < ns; k++) src.push(str());
    c.srcOff[i + 1] = src.length;
  }
  c.ent = Uint32Array.from(ent);
  c.src = Uint32Array.from(src);
  const fixed = r.bytes(docs * 12);
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  for (let i = 0; i < docs; i++) {
    c.len[i] = view.getFloat32(i * 4, true);
    c.h[2 * i] = view.getUint32(docs * 4 + i * 8, true);
    c.h[2 * i + 1] = view.getUint32(docs * 4 + i * 8 + 4, true);
  }
  r.end();
  return c;
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
    len: c.len[i]!,
    h: [c.h[2 * i]!, c.h[2 * i + 1]!],
    dup: c.dup[i] === NO_DUP ? null : c.dup[i]!,
    entities: Array.from(c.ent.subarray(c.entOff[i], c.entOff[i + 1]), s),
    sources: Array.from(c.src.subarray(c.srcOff[i], c.srcOff[i + 1]), s),
  };
}

export function columnBytes(c: DocColumns): number {
  let strings = 0;
  for (const t of c.strings) strings += 40 + t.length * 2;
  return c.n.byteLength * 6 + c.h.byteLength + c.ent.byteLength + c.src.byteLength + c.entOff.byteLength * 2 + strings;
}
