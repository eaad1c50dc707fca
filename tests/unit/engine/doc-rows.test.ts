// Doc rows as stored (lib/engine/doc-rows.ts, sig-pack.ts): without what the gazetteer holds, the
// event signature packed; read back as ranking reads them, rows written before included.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { analyse } from '../../../lib/engine/features';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { storeReader } from '../../../lib/engine/reader';
import { searchRelated } from '../../../lib/engine/search';
import { storedSignature } from '../../../lib/engine/event-sigs';
import { packSignature, unpackSignature } from '../../../lib/engine/sig-pack';
import { docOf, rowSignature, storedDoc, unpackDoc, type DocRecord, type PackedDoc } from '../../../lib/engine/doc-rows';
import { eventSignature } from '../../../lib/events';
import type { DocRow, StoredDoc } from '../../../lib/engine/index-types';
import { ByteReader, ByteWriter } from '../../../lib/engine/segments/bytes';
import { readText, writeTable, writeValue } from '../../../lib/engine/value-pack';
import { allDocs, inPages } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const stored = (i: number) => {
  const s = eventSignature(real[i]!.title, real[i]!.text, real[i]!.publishedAt);
  return { ...s, place: s.place?.id ?? null };
};

describe('packed event signatures', () => {
  it('unpack to the signature packed, for every report of the real corpus', () => {
    for (let i = 0; i < real.length; i++) {
      const packed = packSignature(stored(i));
      expect(Array.isArray(packed)).toBe(true);
      // Through structured clone, as IndexedDB keeps it: no field lost, none gained, nulls kept.
      expect(unpackSignature(structuredClone(packed) as unknown[])).toStrictEqual(stored(i));
    }
  });

  it('keep a field they do not know of (a newer event model), and stay objects for an unknown type', () => {
    const s = { ...stored(0), severity: 3, when: { ...stored(0).when, hour: 5 } };
    expect(unpackSignature(packSignature(s) as unknown[])).toStrictEqual(s);
    const odd = { ...stored(0), type: 'eclipse' as never };
    expect(packSignature(odd)).toBe(odd);
  });

  it('read as none when damaged, so the report is judged from its text', () => {
    const packed = packSignature(stored(0)) as unknown[];
    expect(unpackSignature(['zz', 'a', null, [], [], []])).toBeNull();
    expect(unpackSignature([1, ...packed.slice(1)])).toBeNull();
    expect(storedSignature({ sig: ['%%', 'a', null, [], [], [], 0], sv: 'x' })).toBeNull();
  });
});

describe('stored doc rows', () => {
  it('leave out the entities’ names and types and the import, and are read back with them', async () => {
    const db = openDb(`docrows-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real')));
    const rows = await allDocs(db);
    expect(rows).toHaveLength(real.length);
    const read = await storeReader(db).docs(rows.map((d) => d.n));
    rows.map(unpackDoc).forEach((d, i) => {
      expect(d.en).toBeUndefined();
      expect(d.et).toBeUndefined();
      expect(d.imp).toBeUndefined();
      const f = analyse(real[i]!.title, real[i]!.text, real[i]!.publishedAt);
      expect(read[i]!.en).toEqual(f.entities.map((e) => e.name));
      expect(read[i]!.et).toEqual(f.entities.map((e) => e.type));
    });
  });

  it('are much smaller than the rows they replace', () => {
    const f = analyse(real[3]!.title, real[3]!.text, real[3]!.publishedAt);
    const full: DocRow = {
      n: 1, id: 'r1', url: real[3]!.url, outlet: real[3]!.outlet, title: real[3]!.title, publishedAt: real[3]!.publishedAt, day: f.day, len: f.len,
      e: f.entities.map((e) => e.id), en: f.entities.map((e) => e.name), et: f.entities.map((e) => e.type), src: f.sources, h: f.fingerprint,
      mh: Uint32Array.from(f.phrases), dup: null, imp: 'import-mbc7k2-1xyzabcdef', tk: 'k1', sig: stored(3), sv: 'v',
    };
    const { en: _en, et: _et, imp: _imp, ...rest } = full;
    const packed: StoredDoc = { ...rest, sig: packSignature(stored(3)) };
    expect(serialize(packed).length).toBeLessThan(0.8 * serialize(full).length);
  });

  it('written before (names, types, the signature as an object) are read as they were', async () => {
    const db = openDb(`docrows-old-${Math.random()}`);
    await indexReports(db, real.slice(0, 80).map((r) => toReport(r, 'import', 'real')));
    const before = await searchRelated(db, real[0]!);
    // The rows as the previous version wrote them.
    const old = openDb(`docrows-old2-${Math.random()}`);
    const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
    const full = await storeReader(db).docs((await allDocs(db)).map((d) => d.n));
    // A query's row keeps its signature packed (`sb`) until judged: the previous version's row had it whole.
    const asBefore = full.map((row) => {
      const { sb: _sb, ...d } = row!;
      return { ...d, imp: 'real', sig: unpackSignature(rowSignature(row!) as unknown[]) };
    });
    await old.transaction('rw', old.tables.map((t) => t.name), async () => {
      for (const [name, rows] of tables) await old.table(name).bulkPut(name === 'dpages' ? inPages(asBefore as unknown as DocRecord[]) : rows);
    });
    const oldRows = await allDocs(old);
    expect((oldRows as StoredDoc[]).every((d) => d.en && d.et && !Array.isArray(d.sig) && !('b' in d))).toBe(true);
    expect(oldRows.map(docOf).map(storedSignature)).toEqual((await allDocs(db)).map(unpackDoc).map(storedSignature));
    expect(await searchRelated(old, real[0]!)).toEqual(before);
  });

  it('written in format 1 (the signature a property, texts as UTF-8) are read as they were, and take more room than now', async () => {
    const db = openDb(`docrows-v1-${Math.random()}`);
    await indexReports(db, real.slice(0, 60).map((r) => toReport(r, 'import', 'real')));
    const now = (await allDocs(db)) as PackedDoc[];
    const v1 = now.map((row) => {
      const d = unpackDoc(row);
      // Format 1, as 2026-12-05's first packing wrote it: the texts as UTF-8, no signature; the
      // fields between (date, day, length, ids, hashes, text key) as format 2 has them.
      const r = new ByteReader(row.b, 'test row');
      r.pos = 2;
      readText(r);
      readText(r);
      const sig = new ByteWriter();
      sig.byte(1);
      writeValue(sig, d.sig, writeTable(d.e));
      const w = new ByteWriter();
      w.byte(0x52);
      w.byte(1);
      w.string(d.url);
      w.string(d.title);
      w.bytes(row.b.subarray(r.pos, row.b.length - sig.length));
      return { n: row.n, id: row.id, outlet: row.outlet, dup: row.dup, b: w.finish(), sig: d.sig, sv: row.sv, tv: row.tv };
    });
    expect(v1.map(unpackDoc)).toEqual(now.map(unpackDoc));
    // Through IndexedDB: a query over format-1 rows answers as over today's.
    const old = openDb(`docrows-v1b-${Math.random()}`);
    const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
    await old.transaction('rw', old.tables.map((t) => t.name), async () => {
      for (const [name, rows] of tables) await old.table(name).bulkPut(name === 'dpages' ? inPages(v1) : rows);
    });
    expect(await searchRelated(old, real[0]!, { explain: false })).toEqual(await searchRelated(db, real[0]!, { explain: false }));
    // The signature's strings as references to the row's entity ids, the title a byte a letter.
    expect(now.reduce((s, d) => s + serialize(d).length, 0)).toBeLessThan(v1.reduce((s, d) => s + serialize(d).length, 0) - 80 * now.length);
  });

  it('are packed into one byte string but for what the table is searched by, and unpack to the row packed', async () => {
    const db = openDb(`docrows-packed-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real')));
    const rows = (await allDocs(db)) as PackedDoc[];
    let named = 0;
    let packed = 0;
    for (const d of rows) {
      expect(Object.keys(d).sort()).toEqual(['b', 'dup', 'id', 'n', 'outlet', 'sv', 'tv']);
      const u = unpackDoc(d);
      // Packing what was unpacked gives the same bytes; the unpacked row has every field by name.
      expect(storedDoc(u)).toEqual(d);
      expect(u.mh).toBeInstanceOf(Uint32Array);
      expect(typeof u.url === 'string' && typeof u.title === 'string' && typeof u.tk === 'string').toBe(true);
      named += serialize(u).length;
      packed += serialize(d).length;
    }
    // The field names and 8-byte numbers structured clone writes for every row: ≈ 100 bytes a row.
    expect(packed).toBeLessThan(named - 80 * rows.length);
    // Odd values survive: no date, no day, a negative day, an empty title, non-Latin URL, large hashes.
    const odd = { ...unpackDoc(rows[0]!), publishedAt: null, day: null, title: '', url: 'https://x.example/خبر', h: [0xffffffff, 0] as [number, number], mh: [0xfffffffe, 1] };
    expect(unpackDoc(storedDoc(odd))).toEqual({ ...odd, mh: Uint32Array.of(0xfffffffe, 1) });
    expect(unpackDoc(storedDoc({ ...odd, day: -400, publishedAt: '1968-11-22' })).day).toBe(-400);
    // A damaged row is one error naming it, not a row of garbage.
    expect(() => unpackDoc({ ...rows[3]!, b: rows[3]!.b.subarray(0, 20) } as never)).toThrow(new RegExp(`doc row ${rows[3]!.n}`));
  });

  it('keep their signature packed where a query reads them, until judged, and write back the same', async () => {
    const db = openDb(`docrows-sb-${Math.random()}`);
    await indexReports(db, real.slice(0, 40).map((r) => toReport(r, 'import', 'real')));
    const rows = (await allDocs(db)) as PackedDoc[];
    let signed = 0;
    for (const row of rows) {
      const q = docOf(row);
      const whole = unpackDoc(row);
      expect(q.sig).toBeUndefined();
      if (whole.sig !== undefined) signed++;
      // The same signature once judged, and the same row once written again.
      expect(rowSignature(q)).toStrictEqual(whole.sig);
      expect(storedSignature(q)).toStrictEqual(storedSignature(whole));
      expect(storedDoc(q).b).toEqual(row.b);
    }
    expect(signed).toBe(rows.length);
    // Its bytes damaged: one error naming the row, when judged.
    const q = docOf(rows[5]!);
    expect(() => rowSignature({ ...q, sb: q.sb!.subarray(0, 3) })).toThrow(new RegExp(`doc row ${rows[5]!.n}`));
  });
});
