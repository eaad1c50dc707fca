import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf, mergeRows, postingsOf, toRows, type Collected } from '../../../lib/engine/posting-blocks';
import { openDb } from '../../../lib/db';
import { compact, FANOUT, indexReports, readMeta, readPostings, toReport, writeBatch, prepare } from '../../../lib/engine/index-store';
import { NearDupIndex, printRow } from '../../../lib/engine/near-dups';
import type { ReportRecord } from '../../../lib/types';
import { searchRelated } from '../../../lib/engine/search';

const seg = (entries: Record<string, number[]>): Map<string, Collected> =>
  new Map(Object.entries(entries).map(([t, ids]) => [t, { ids, imp: ids.map((n) => n % 200 + 1) }]));

describe('postings in bucket rows', () => {
  it('finds each term of a segment in its bucket, with its ids and impacts', () => {
    const rows = toRows(1, 0, seg({ حلب: [1, 4, 9], كويرس: [4], '@place:kweires': [4, 9] }));
    expect(rows.every((r) => r.b >= 0 && r.b < BUCKETS && r.terms.every((t) => bucketOf(t) === r.b))).toBe(true);
    const rowOf = (t: string) => rows.filter((r) => r.b === bucketOf(t));
    const p = postingsOf(rowOf('حلب'), 'حلب');
    expect(p.df).toBe(3);
    expect([...p.parts[0]!.ids]).toEqual([1, 4, 9]);
    expect([...p.parts[0]!.imp]).toEqual([2, 5, 10]);
    expect(postingsOf(rowOf('حلب'), 'دمشق')).toEqual({ df: 0, saturated: false, parts: [] });
  });

  it('merges segments into one row per bucket, keeping only the count of a term past the limit', () => {
    const a = toRows(1, 0, seg({ x: [1, 2], y: [2] }));
    const b = toRows(2, 0, seg({ x: [5], z: [6] }));
    const bucket = bucketOf('x');
    const rows = [...a, ...b].filter((r) => r.b === bucket);
    const merged = mergeRows(rows, 3, 1, 2);
    // x is in 3 documents, over the limit of 2: saturated, its count kept.
    const px = postingsOf([merged], 'x');
    expect(px).toMatchObject({ df: 3, saturated: true, parts: [] });
    const kept = mergeRows(rows, 3, 1, 100);
    expect([...postingsOf([kept], 'x').parts[0]!.ids]).toEqual([1, 2, 5]);
  });
});

describe('segments merged level by level', () => {
  const rec = (i: number): ReportRecord => ({
    url: `https://example.org/r/${i}`,
    outlet: i % 2 ? 'orient-news' : 'eremnews',
    title: `قصف على بلدة ${['كفرنبل', 'معرة النعمان', 'سراقب', 'خان شيخون'][i % 4]} في ريف إدلب رقم ${i}`,
    publishedAt: `2016-0${1 + (i % 9)}-1${i % 10}`,
    text: `قالت مصادر محلية إن طائرات حربية قصفت بلدة ${['كفرنبل', 'معرة النعمان', 'سراقب', 'خان شيخون'][i % 4]} صباح اليوم ما أدى إلى سقوط ضحايا ${i}.`,
  });

  /** Three segments of two reports each, and what a query finds in them before any merge. */
  async function threeSegments(db: ReturnType<typeof openDb>) {
    for (let i = 0; i < 3; i++) await indexReports(db, [toReport(rec(2 * i), 'import', 'a'), toReport(rec(2 * i + 1), 'import', 'a')]);
    const query = { url: '', title: rec(3).title, text: rec(3).text, publishedAt: rec(3).publishedAt };
    return { query, before: (await searchRelated(db, query)).map((r) => r.id) };
  }

  it(`merges ${FANOUT} batches into one segment, and answers as before`, async () => {
    const db = openDb(`levels-${Math.random()}`);
    for (let i = 0; i < FANOUT - 1; i++) await indexReports(db, [toReport(rec(2 * i), 'import', 'a'), toReport(rec(2 * i + 1), 'import', 'a')]);
    expect((await readMeta(db)).segs).toHaveLength(FANOUT - 1);
    const query = { url: '', title: rec(3).title, text: rec(3).text, publishedAt: rec(3).publishedAt };
    const before = await searchRelated(db, query);
    // The 8th batch makes 8 level-0 segments: they become one level-1 segment.
    await indexReports(db, [toReport(rec(100), 'import', 'a'), toReport(rec(101), 'import', 'a')]);
    const meta = await readMeta(db);
    expect(meta.segs).toEqual([{ s: meta.nextSeg - 1, lvl: 1 }]);
    expect((await db.blocks.toArray()).filter((r) => r.s !== meta.nextSeg - 1)).toEqual([]);
    const after = await searchRelated(db, query);
    expect(after.filter((r) => !r.url.endsWith('/100') && !r.url.endsWith('/101')).map((r) => r.id)).toEqual(before.map((r) => r.id));
    const t = [...(await readPostings(db, ['بلد'])).postings.values()][0]!;
    expect(t.parts.length).toBeLessThanOrEqual(1);
    db.close();
  });

  it('finishes a merge a stopped worker left half done, and loses no posting', async () => {
    const db = openDb(`levels-${Math.random()}`);
    const { query, before } = await threeSegments(db);
    // The worker recorded the merge, then stopped before merging any bucket.
    const meta = await readMeta(db);
    await db.meta.put({ ...meta, nextSeg: meta.nextSeg + 1, merging: { s: meta.nextSeg, lvl: 1, from: meta.segs.map((x) => x.s) } });
    expect(await compact(db)).toBe(1);
    const after = await readMeta(db);
    expect(after.merging).toBeUndefined();
    expect(after.segs).toEqual([{ s: meta.nextSeg, lvl: 1 }]);
    expect(new Set((await db.blocks.toArray()).map((r) => r.s))).toEqual(new Set([meta.nextSeg]));
    expect((await searchRelated(db, query)).map((r) => r.id)).toEqual(before);
    db.close();
  });

  it('merges the newest level without touching an older level, and everything at the end', async () => {
    const db = openDb(`levels-${Math.random()}`);
    const batch = (k: number) => indexReports(db, [toReport(rec(2 * k), 'import', 'a'), toReport(rec(2 * k + 1), 'import', 'a')]);
    for (let k = 0; k < FANOUT; k++) await batch(k);
    const [older] = (await readMeta(db)).segs;
    expect(older).toMatchObject({ lvl: 1 });
    const olderRows = (await db.blocks.toArray()).filter((r) => r.s === older!.s).length;
    // Eight more batches: their level-0 segments merge into a second level-1 segment, the first
    // one's rows (older, in the same buckets) stay as they were.
    for (let k = FANOUT; k < 2 * FANOUT; k++) await batch(k);
    const segs = (await readMeta(db)).segs;
    expect(segs.map((x) => x.lvl)).toEqual([1, 1]);
    expect(segs[0]!.s).toBe(older!.s);
    expect((await db.blocks.toArray()).filter((r) => r.s === older!.s)).toHaveLength(olderRows);
    const docsOf = async (t: string) => (await readPostings(db, [t])).postings.get(t)!.parts.flatMap((p) => [...p.ids]);
    // Every report has the word قصف: its postings hold all 32 docs, in order, at every step.
    const all = await docsOf('قصف');
    expect(all).toHaveLength(4 * FANOUT);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(await compact(db, { all: true })).toBe(1);
    expect((await readMeta(db)).segs).toHaveLength(1);
    expect(new Set((await db.blocks.toArray()).map((r) => r.s)).size).toBe(1);
    expect(await docsOf('قصف')).toEqual(all);
    db.close();
  });

  it('finishes a merge a stopped worker left after some slices, without deleting their merged rows', async () => {
    const db = openDb(`levels-${Math.random()}`);
    const { query, before } = await threeSegments(db);
    const meta = await readMeta(db);
    const plan = { s: meta.nextSeg, lvl: 1, from: meta.segs.map((x) => x.s) };
    await db.meta.put({ ...meta, nextSeg: meta.nextSeg + 1, merging: plan });
    // The first half of the buckets was merged before the stop.
    const rows = (await db.blocks.toArray()).filter((r) => r.b < BUCKETS / 2);
    const byBucket = new Map<number, typeof rows>();
    for (const r of rows) byBucket.set(r.b, [...(byBucket.get(r.b) ?? []), r]);
    await db.blocks.bulkDelete(rows.map((r) => [r.b, r.s] as [number, number]));
    await db.blocks.bulkPut([...byBucket.values()].map((rs) => mergeRows(rs, plan.s, plan.lvl, 1000)));
    expect(await compact(db)).toBe(1);
    expect(new Set((await db.blocks.toArray()).map((r) => r.s))).toEqual(new Set([plan.s]));
    expect((await db.blocks.toArray()).filter((r) => r.b < BUCKETS / 2)).toHaveLength(byBucket.size);
    expect((await searchRelated(db, query)).map((r) => r.id)).toEqual(before);
    db.close();
  });

  it('writes a batch whole or not at all: a row that fails undoes the reports, doc rows and postings', async () => {
    const db = openDb(`levels-${Math.random()}`);
    await indexReports(db, [toReport(rec(1), 'import', 'a'), toReport(rec(2), 'import', 'a')]);
    const meta = await readMeta(db);
    const blocks = await db.blocks.count();
    // rec(2) is indexed already: its doc row breaks the unique index on report ids.
    await expect(writeBatch(db, prepare([toReport(rec(3), 'import', 'a'), toReport(rec(2), 'import', 'a')]), { stored: true })).rejects.toThrow();
    expect(await readMeta(db)).toEqual(meta);
    expect(await db.reports.count()).toBe(2);
    expect(await db.docs.count()).toBe(2);
    expect(await db.blocks.count()).toBe(blocks);
    expect(await db.prints.count()).toBe(1);
    db.close();
  });

  it('stops at nothing to merge', async () => {
    const db = openDb(`levels-${Math.random()}`);
    await indexReports(db, [toReport(rec(1), 'import', 'a')]);
    expect(await compact(db)).toBe(0);
    expect(await compact(db, { all: true })).toBe(0);
    await writeBatch(db, prepare([toReport(rec(2), 'import', 'a')]));
    expect(await compact(db, { all: true })).toBe(1);
    expect((await readMeta(db)).segs).toHaveLength(1);
    db.close();
  });
});

describe('the near-duplicate index', () => {
  it('finds a stored or added fingerprint within 3 bits, and nothing further', () => {
    const idx = new NearDupIndex([printRow(1, [{ n: 1, h: [0xf0f0f0f0, 0x12345678] }, { n: 2, h: [0x0, 0xffffffff] }])]);
    expect(idx.find([0xf0f0f0f0, 0x12345678 ^ 0b101])).toBe(1);
    expect(idx.find([0xf0f0f0f0 ^ 0xf0000, 0x12345678 ^ 0xf])).toBeNull();
    expect(idx.find([0x1, 0xfffffffe])).toBe(2);
    idx.add(3, [0xabcdef01, 0x0]);
    expect(idx.find([0xabcdef01, 0x1])).toBe(3);
  });

  it('answers the same once added docs are folded into its arrays', () => {
    // Random fingerprints, many within a few bits of an earlier one; queries near stored, added and no docs.
    let x = 7;
    const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const flip = (f: [number, number], bits: number): [number, number] => {
      const g: [number, number] = [f[0], f[1]];
      for (let k = 0; k < bits; k++) {
        const b = rnd() % 64;
        g[b >> 5] = (g[b >> 5]! ^ (1 << (b & 31))) >>> 0;
      }
      return g;
    };
    const prints: Array<[number, number]> = [];
    for (let i = 0; i < 3000; i++) prints.push(i > 0 && rnd() % 3 === 0 ? flip(prints[rnd() % i]!, rnd() % 5) : [rnd(), rnd()]);
    const stored = printRow(1, prints.slice(0, 500).map((h, i) => ({ n: i + 1, h })));
    const folding = new NearDupIndex([stored], { foldAt: 97 });
    const never = new NearDupIndex([stored], { foldAt: Infinity });
    const queries = () => Array.from({ length: 300 }, () => flip(prints[rnd() % prints.length]!, rnd() % 6));
    let hits = 0;
    prints.slice(500).forEach((h, i) => {
      folding.add(501 + i, h);
      never.add(501 + i, h);
      if (i % 500 === 0) {
        const s = x;
        const a = queries().map((q) => folding.find(q));
        x = s;
        const b = queries().map((q) => never.find(q));
        expect(a).toEqual(b);
        hits += a.filter((n) => n !== null).length;
      }
    });
    expect(hits).toBeGreaterThan(100);
  });
});
