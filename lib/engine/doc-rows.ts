// A doc row as IndexedDB keeps it and as ranking reads it. The doc rows are most of the index
// (bench/RESULTS.md: ≈ 670 bytes a report at 100k), and every byte of them is written once per
// report and read back for each query's 120 candidates. So a stored row leaves out what the
// gazetteer already holds — each entity's name and type, by its id — and what nothing reads (the
// import id, which the report row keeps); the event signature is packed (sig-pack.ts); and since
// 2026-12-05 (issue 20) every field nothing looks a row up by is one byte string (`b`, below)
// instead of a dozen named properties: structured clone writes each property's name and each number
// as 8 bytes, in every row. The row keeps as properties its number, id and outlet (the table's
// indexes), its near-duplicate group (rewritten when a group forms), the packed signature (its
// absent fields must stay apart from nulls) and the word counts (term-pack.ts, bytes already).
// Rows written before keep their fields by name, and are read as they are. Since format 2 the
// event signature is in `b` too (value-pack.ts: its strings mostly as references to the row's
// entity ids and the model's words, ≈ 200 bytes as a property against ≈ 65 here, bench/RESULTS.md).
//
// `b`: 'R' 2 | url | title (both value-pack.ts writeText: Arabic a byte a letter) | publishedAt (0: none, 1 then the string) | day (zigzag + 1; 0: none) |
// len (float64) | entity ids | source ids | MinHash count | fingerprint (two uint32) and MinHash
// (uint32 each), little-endian | text key | signature (0: none, 1 then the value, its table the
// frozen words then the entity ids). Format 1 (2026-12-05): the same without the signature, which
// the row keeps as a property.
import { entityById } from '../entities';
import type { DocRow, StoredDoc } from './index-types';
import { ByteReader, ByteWriter } from './segments/bytes';
import { readTable, readText, readValue, writeTable, writeText, writeValue } from './value-pack';

/** Reused by every row packed (storedDoc is synchronous; finish() copies out what is stored). */
const scratch = new ByteWriter(4096);

const MAGIC = 0x52; // 'R'
const VERSION = 2;

/** A doc row as the docs table holds it now (lib/db): see the layout above. */
export interface PackedDoc {
  n: number;
  id: string;
  outlet: string;
  dup: number | null;
  b: Uint8Array;
  /** Format 1 rows only: the signature (format 2 keeps it in `b`). */
  sig?: StoredDoc['sig'];
  sv?: string;
  tv?: Uint8Array;
}

/** What the docs table holds: packed rows, and rows written before 2026-12-05 with their fields by name. */
export type DocRecord = PackedDoc | StoredDoc;

const zigzag = (v: number) => (v >= 0 ? 2 * v : -2 * v - 1);
const unzigzag = (v: number) => (v % 2 === 0 ? v / 2 : -(v + 1) / 2);

/** The row to store for a doc: without the entities' names and types, nor the import id; packed. */
export function storedDoc(d: DocRow | StoredDoc): PackedDoc {
  const w = scratch.reset();
  w.byte(MAGIC);
  w.byte(VERSION);
  writeText(w, d.url);
  writeText(w, d.title);
  if (d.publishedAt === null) w.byte(0);
  else {
    w.byte(1);
    w.string(d.publishedAt);
  }
  w.varint(d.day === null ? 0 : zigzag(d.day) + 1);
  w.f64(d.len);
  for (const list of [d.e, d.src]) {
    w.varint(list.length);
    for (const x of list) w.string(x);
  }
  // Hashes are as likely to be large as small: four bytes each, not varints.
  w.varint(d.mh.length);
  w.u32(d.h[0] >>> 0);
  w.u32(d.h[1] >>> 0);
  for (let i = 0; i < d.mh.length; i++) w.u32(d.mh[i]! >>> 0);
  w.string(d.tk);
  if (d.sig !== undefined) {
    w.byte(1);
    writeValue(w, d.sig, writeTable(d.e));
  } else if (d.sb) {
    w.byte(1);
    w.bytes(d.sb); // a query's row, its signature as read (docOf)
  } else w.byte(0);
  return { n: d.n, id: d.id, outlet: d.outlet, dup: d.dup, b: w.finish(), ...(d.sv === undefined ? {} : { sv: d.sv }), ...(d.tv ? { tv: d.tv } : {}) };
}

const isPacked = (d: DocRecord): d is PackedDoc => (d as PackedDoc).b instanceof Uint8Array;

/** A stored row with its fields by name (a packed one unpacked; one written before as it is). Throws
 *  a SegmentFormatError on a packed row that does not read. */
export function unpackDoc(d: DocRecord): StoredDoc {
  return isPacked(d) ? unpacked(d, false) : d;
}

/**
 * A packed row's fields, read straight into the one object returned (a query unpacks each new row
 * it reads, ≈ 35 a warm query at 100,000 reports: no views, lists or copies of the object made on
 * the way, by a heap sampling of warm queries, session 17). The same fields as
 * `{ ...row but b and sig, url, title, publishedAt, day, len, e, src, h, mh, tk, sig? }`.
 */
function unpacked(d: PackedDoc, sigLater: boolean): StoredDoc {
  const r = new ByteReader(d.b, `doc row ${d.n}`);
  if (r.byte() !== MAGIC) r.fail('not a doc row');
  const version = r.byte();
  if (version !== 1 && version !== VERSION) r.fail(`format version ${version}, expected 1 or ${VERSION}`);
  const url = version === 1 ? r.string() : readText(r);
  const title = version === 1 ? r.string() : readText(r);
  const publishedAt = r.byte() === 0 ? null : r.string();
  const day = r.varint();
  const len = r.f64();
  const e = strings(r);
  const src = strings(r);
  const nh = r.count(4);
  if (4 * (nh + 2) > r.left) r.fail(`${4 * (nh + 2)} bytes wanted`);
  const h: [number, number] = [r.u32(), r.u32()];
  const mh = new Uint32Array(nh);
  for (let i = 0; i < nh; i++) mh[i] = r.u32();
  const tk = r.string();
  let sig = d.sig;
  let sb: Uint8Array | undefined;
  if (version !== 1 && r.byte() !== 0) {
    // The row's last field: with `sigLater`, its bytes are kept and decoded when judged (rowSignature).
    if (sigLater) sb = r.bytes(r.left).slice();
    else sig = readValue(r, readTable(e)) as StoredDoc['sig'];
  }
  r.end();
  // One literal, then the row's other fields (its model version, word counts; an older row's
  // own): a row built field by field from {} by keyed stores was a dictionary of ≈ 500 bytes
  // more, in every row a worker's doc cache keeps.
  const out: StoredDoc = { n: d.n, id: d.id, outlet: d.outlet, dup: d.dup, url, title, publishedAt, day: day === 0 ? null : unzigzag(day - 1), len, e, src, h, mh, tk };
  for (const k of Object.keys(d)) if (!(k in out) && k !== 'b' && k !== 'sig') (out as unknown as Record<string, unknown>)[k] = (d as unknown as Record<string, unknown>)[k];
  if (sig !== undefined) out.sig = sig;
  if (sb) out.sb = sb;
  return out;
}

/** A row's signature as stored: its `sig`, or decoded from the bytes docOf kept (`sb`). Throws a
 *  SegmentFormatError naming the row when they do not read. */
export function rowSignature(d: Pick<DocRow, 'n' | 'e' | 'sig' | 'sb'>): DocRow['sig'] {
  if (d.sig !== undefined || !d.sb) return d.sig;
  const r = new ByteReader(d.sb, `doc row ${d.n}`);
  const sig = readValue(r, readTable(d.e)) as DocRow['sig'];
  r.end();
  return sig;
}

/** A count of strings, then each (unpacked's entity and source ids). */
function strings(r: ByteReader): string[] {
  const n = r.count(1);
  // Sized at once: grown by push, a list of a few ids took room for 17 (kept with the row).
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = r.string();
  return out;
}

/** The doc row ranking reads: unpacked, with the entities' names and types from the gazetteer when
 *  the row does not keep them (an id the gazetteer no longer has is named by its id). Its event
 *  signature stays packed (`sb`) until the row is judged (rowSignature): decoded it was ≈ 1.6 KB of
 *  the ≈ 3.9 KB a row kept in a worker's doc cache, and a third of a query's rows are not judged. */
export function docOf(d: DocRecord): DocRow {
  const s = isPacked(d) ? unpacked(d, true) : d;
  if (s.en && s.et) return s as DocRow;
  const known = s.e.map((id) => entityById(id));
  const en = s.en ?? known.map((x, i) => x?.name.ar ?? s.e[i]!);
  const et = s.et ?? known.map((x) => x?.kind ?? '');
  if (s === d) return { ...s, en, et };
  // A packed row's unpacked object is this call's own: named in place rather than copied again.
  const own = s as DocRow;
  own.en = en;
  own.et = et;
  return own;
}
