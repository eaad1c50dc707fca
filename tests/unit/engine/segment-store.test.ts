import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { compact, deleteReports, FANOUT, indexReports, prepare, readMeta, readPostings, toReport, writeBatch } from '../../../lib/engine/index-store';
import { SegmentFormatError } from '../../../lib/engine/segments/bytes';
import { withSegment } from '../../../lib/engine/segments/manifest';
import { cacheOf, FIRST_BLOCK, INDEX_ROW, segmentRows } from '../../../lib/engine/segments/store';
import { termColumns } from './term-columns';
import { searchRelated } from '../../../lib/engine/search';
import { dropIndexCopies, type IndexCopy } from '../../../lib/engine/segments/index-copies';
import type { Table } from 'dexie';
import type { ReportRecord } from '../../../lib/types';
import { countReports } from '../../../lib/corpus/report-pages';
import { docCount } from './doc-table';

const TOWNS = ['كفرنبل', 'معرة النعمان', 'سراقب', 'خان شيخون'];
const rec = (i: number): ReportRecord => ({
  url: `https://example.org/r/${i}`,
  outlet: i % 2 ? 'orient-news' : 'eremnews',
  title: `قصف على بلدة ${TOWNS[i % 4]} في ريف إدلب رقم ${i}`,
  publishedAt: `2016-0${1 + (i % 9)}-1${i % 10}`,
  text: `قالت مصادر محلية إن طائرات حربية قصفت بلدة ${TOWNS[i % 4]} صباح اليوم ما أدى إلى سقوط ضحايا ${i} كلمة${i}.`,
});
const batch = (db: ReturnType<typeof openDb>, k: number) => indexReports(db, [toReport(rec(2 * k), 'import', 'a'), toReport(rec(2 * k + 1), 'import', 'a')]);
const fresh = () => openDb(`segments-${Math.random()}`);
const query = { url: '', title: rec(3).title, text: rec(3).text, publishedAt: rec(3).publishedAt };
const docsOf = async (db: ReturnType<typeof openDb>, t: string) => (await readPostings(db, [t])).postings.get(t)!.parts.flatMap((p) => [...p.ids]).sort((a, b) => a - b);
/** The meta table's copies of the term indexes, as index-copies.ts writes them. */
const copies = (db: ReturnType<typeof openDb>) => db.meta as unknown as Table<IndexCopy, string>;
const segsOfRows = async (db: ReturnType<typeof openDb>) => new Set((await db.segs.toArray()).map((r) => r.s));

describe('the index as immutable segments', () => {
  it('writes a batch as one segment of a few rows, listed in the manifest', async () => {
    const db = fresh();
    await batch(db, 0);
    const meta = await readMeta(db);
    expect(meta.segs).toHaveLength(1);
    expect(meta.segs[0]).toMatchObject({ docs: 2, del: 0, blocks: 1 });
    // The term index, the doc columns, one postings block.
    expect((await db.segs.toArray()).map((r) => r.k)).toEqual([0, 1, 2]);
    expect(await docsOf(db, 'قصف')).toEqual([1, 2]);
    db.close();
  });

  it(`merges ${FANOUT} small segments into one by the tiered policy, and answers as before`, async () => {
    const db = fresh();
    for (let k = 0; k < FANOUT - 1; k++) await batch(db, k);
    expect((await readMeta(db)).segs).toHaveLength(FANOUT - 1);
    const before = (await searchRelated(db, query)).map((r) => r.id);
    await batch(db, 50);
    const meta = await readMeta(db);
    expect(meta.segs).toHaveLength(1);
    expect(meta.segs[0]).toMatchObject({ s: meta.nextSeg - 1, docs: 2 * FANOUT });
    expect(await segsOfRows(db)).toEqual(new Set([meta.nextSeg - 1]));
    const after = (await searchRelated(db, query)).filter((r) => !/\/10[01]$/.test(r.url)).map((r) => r.id);
    expect(after).toEqual(before);
    expect(await docsOf(db, 'قصف')).toEqual(Array.from({ length: 2 * FANOUT }, (_, i) => i + 1));
    db.close();
  });

  it('finishes a merge a stopped worker left after some of its slices, and loses no posting', async () => {
    const db = fresh();
    // Three segments of 40 docs and 300 terms each, in blocks of ≈ 1 KB: a merge of many slices.
    let meta = await readMeta(db);
    const terms = Array.from({ length: 300 }, (_, t) => `t${String(t).padStart(3, '0')}`);
    for (let s = 1; s <= 3; s++) {
      const ns = Array.from({ length: 40 }, (_, i) => (s - 1) * 40 + i + 1);
      const postings = new Map(terms.map((t, ti) => [t, { ids: ns.filter((n) => (n + ti) % 3 === 0), imp: ns.filter((n) => (n + ti) % 3 === 0).map((n) => (n % 200) + 1) }]));
      const docs = ns.map((n) => ({ n, day: n, outlet: 'o', dup: null, entities: [], sources: [], sketch: null }));
      const { rows, info } = segmentRows(s, termColumns(postings), docs, 1024);
      await db.segs.bulkPut(rows);
      meta = withSegment({ ...meta, nextSeg: s + 1 }, info, { docs: 40, len: 400, nextN: s * 40 + 1 });
    }
    await db.meta.put(meta);
    expect(meta.segs.every((x) => x.blocks > 5)).toBe(true);
    const before = (await readPostings(db, terms)).postings;
    const all = (p: typeof before) => terms.map((t) => ({ df: p.get(t)!.df, ids: p.get(t)!.parts.flatMap((x) => [...x.ids]).sort((a, b) => a - b) }));
    // The worker stops (a write fails) in the merge's fourth slice.
    const put = db.segs.bulkPut.bind(db.segs);
    let calls = 0;
    db.segs.bulkPut = ((rows: never) => (++calls === 4 ? Promise.reject(new Error('worker stopped')) : put(rows))) as typeof db.segs.bulkPut;
    await expect(compact(db, { all: true, slice: 2 })).rejects.toThrow('worker stopped');
    db.segs.bulkPut = put;
    const half = await readMeta(db);
    expect(half.merging).toMatchObject({ after: expect.any(String), blocks: expect.any(Number) });
    expect(half.merging!.blocks).toBeGreaterThan(0);
    expect(half.segs).toHaveLength(3);
    // Until it is finished, queries read the old segments.
    expect(all((await readPostings(db, terms)).postings)).toEqual(all(before));
    expect(await compact(db, { all: true, slice: 2 })).toBe(1);
    const done = await readMeta(db);
    expect(done.merging).toBeUndefined();
    expect(done.segs).toEqual([expect.objectContaining({ s: half.merging!.s, docs: 120 })]);
    expect(await segsOfRows(db)).toEqual(new Set([half.merging!.s]));
    expect((await db.segs.toArray()).every((r) => r.k >= 0)).toBe(true);
    const after = await readPostings(db, terms);
    expect(all(after.postings)).toEqual(all(before));
    expect(after.postings.get('t000')!.parts).toHaveLength(1);
    db.close();
  });

  it('marks a deleted report in its segment, and leaves it out when the segment is merged', async () => {
    const db = fresh();
    await batch(db, 0);
    await batch(db, 1);
    const gone = toReport(rec(1), 'import', 'a').id;
    expect(await deleteReports(db, [gone])).toBe(1);
    const meta = await readMeta(db);
    expect(meta.segs.map((x) => x.del)).toEqual([1, 0]);
    expect(meta.docs).toBe(3);
    expect((await searchRelated(db, { ...query, title: rec(1).title, text: rec(1).text })).map((r) => r.id)).not.toContain(gone);
    expect(await docsOf(db, 'قصف')).toEqual([1, 2, 3, 4]);
    await compact(db, { all: true });
    const merged = await readMeta(db);
    expect(merged.segs).toEqual([expect.objectContaining({ docs: 3, del: 0 })]);
    expect(await docsOf(db, 'قصف')).toEqual([1, 3, 4]);
    // A word only the deleted report had is gone from the index.
    expect(await docsOf(db, 'كلمة1')).toEqual([]);
    db.close();
  });

  it('writes a batch whole or not at all: a row that fails undoes the reports, doc rows and segment', async () => {
    const db = fresh();
    await indexReports(db, [toReport(rec(1), 'import', 'a'), toReport(rec(2), 'import', 'a')]);
    const meta = await readMeta(db);
    const rows = await db.segs.count();
    // rec(4)'s report row cannot be stored (a value IndexedDB cannot clone): the batch's last request fails.
    const broken = { ...toReport(rec(4), 'import', 'a'), archiveUrl: (() => 'x') as unknown as string };
    await expect(writeBatch(db, prepare([toReport(rec(3), 'import', 'a'), broken]))).rejects.toThrow();
    expect(await readMeta(db)).toEqual(meta);
    expect(await countReports(db)).toBe(2);
    expect(await docCount(db)).toBe(2);
    expect(await db.segs.count()).toBe(rows);
    expect(await db.prints.count()).toBe(1);
    db.close();
  });

  it('stops at nothing to merge', async () => {
    const db = fresh();
    await indexReports(db, [toReport(rec(1), 'import', 'a')]);
    expect(await compact(db)).toBe(0);
    expect(await compact(db, { all: true })).toBe(0);
    await writeBatch(db, prepare([toReport(rec(2), 'import', 'a')]));
    expect(await compact(db, { all: true })).toBe(1);
    expect((await readMeta(db)).segs).toHaveLength(1);
    db.close();
  });

  it('keeps what a query read by segment, finds a newer segment beside it, and drops merged segments', async () => {
    const db = fresh();
    await batch(db, 0);
    await searchRelated(db, query);
    const first = (await readMeta(db)).segs[0]!.s;
    expect(cacheOf(db).get(first, INDEX_ROW)).toBeDefined();
    expect(cacheOf(db).get(first, FIRST_BLOCK)).toBeDefined();
    // A new segment is never hidden by what is cached of an older one.
    await batch(db, 1);
    expect(await docsOf(db, 'قصف')).toEqual([1, 2, 3, 4]);
    await compact(db, { all: true });
    await searchRelated(db, query);
    expect(cacheOf(db).get(first, INDEX_ROW)).toBeUndefined();
    expect(await docsOf(db, 'قصف')).toEqual([1, 2, 3, 4]);
    db.close();
  });

  it("keeps a copy of each live segment's term index beside the manifest: written with the segment, dropped when it is merged away", async () => {
    const db = openDb(`segments-${Math.random()}`);
    const copied = async () => {
      const rows = await copies(db).where('k').startsWith('ix:').toArray();
      const own = await Promise.all(rows.map((r) => db.segs.get([r.s, INDEX_ROW])));
      return { segs: rows.map((r) => r.s).sort((a, b) => a - b), same: rows.every((r, i) => r.k === `ix:${r.s}` && [...r.b].join() === [...own[i]!.b].join()) };
    };
    for (let k = 0; k < 3; k++) await batch(db, k);
    const parts = (await readMeta(db)).segs.map((x) => x.s);
    expect(parts.length).toBe(3);
    expect(await copied()).toEqual({ segs: parts, same: true });
    await compact(db, { all: true });
    const merged = (await readMeta(db)).segs.map((x) => x.s);
    expect(merged.length).toBe(1);
    expect(merged[0]).not.toBe(parts[0]);
    expect(await copied()).toEqual({ segs: merged, same: true });
    db.close();
  });

  it('answers a query over a damaged segment row with one clear error, and the stored reports stay', async () => {
    const name = `segments-${Math.random()}`;
    const db = openDb(name);
    await batch(db, 0);
    const s = (await readMeta(db)).segs[0]!.s;
    const row = (await db.segs.get([s, FIRST_BLOCK]))!;
    await db.segs.put({ ...row, b: row.b.subarray(0, row.b.length >> 1) });
    const error = await searchRelated(db, query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegmentFormatError);
    expect(String(error)).toMatch(/block 2: .*(truncated|cannot fit|bytes wanted)/);
    // A woken worker (nothing cached) reads the term index's copy beside the manifest: a damaged
    // copy is its segment's term index damaged.
    const copy = copies(db);
    const kept = (await copy.get(`ix:${s}`))!;
    await copy.put({ ...kept, b: kept.b.subarray(0, 3) });
    db.close();
    const woken = openDb(name);
    expect(String(await readPostings(woken, ['x']).catch((e: unknown) => e))).toMatch(new RegExp(`segment ${s} term index`));
    woken.close();
    // Without a copy (an index written before them), its own row: gone, it is told missing.
    const old = openDb(name);
    await dropIndexCopies(old, [s]);
    await old.segs.delete([s, INDEX_ROW]);
    old.close();
    const again = openDb(name);
    expect(String(await readPostings(again, ['x']).catch((e: unknown) => e))).toMatch(/row 0 is missing/);
    expect(await countReports(again)).toBe(2);
    again.close();
  });
});
