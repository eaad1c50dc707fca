import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bucketOf, toRows, type BlockRow } from '../../../lib/engine/posting-blocks';
import { bucketRows, cachedBuckets, CACHE_BYTES, forget } from '../../../lib/engine/block-cache';
import { openDb } from '../../../lib/db';
import { compact, indexReports, toReport } from '../../../lib/engine/index-store';
import type { ReportRecord } from '../../../lib/types';
import { searchRelated, type Query } from '../../../lib/engine/search';

const report = (i: number, day: string): ReportRecord => ({
  url: `https://example.org/bakery/${i}`,
  outlet: `Outlet ${i}`,
  title: `افتتاح مخبز آلي جديد في كفرنبل ${i === 1 ? '' : 'بريف إدلب'}`,
  publishedAt: day,
  text: `افتتحت مديرية التجارة مخبزاً آلياً جديداً في مدينة كفرنبل بطاقة إنتاجية تبلغ عشرين طناً يومياً. رقم ${i}`,
});
const query: Query = { url: '', title: 'مخبز آلي جديد في كفرنبل', text: 'بدأ المخبز الآلي في كفرنبل العمل بطاقة عشرين طناً', publishedAt: '2025-06-20' };

describe('the cache of bucket rows', () => {
  it('keeps the rows a query read, and drops the buckets that postings are written or merged in', async () => {
    const db = openDb(`cache-${Math.random()}`);
    await indexReports(db, [toReport(report(1, '2025-06-19'), 'import', 'a')]);
    const first = await searchRelated(db, query);
    expect(first.map((r) => r.url)).toEqual(['https://example.org/bakery/1']);
    const held = cachedBuckets(db);
    expect(held).toBeGreaterThan(0);

    // A second report with the same words: the cached rows must not hide it. The query's words
    // that the report does not hold ("بدأ", "العمل") keep their buckets.
    await indexReports(db, [toReport(report(2, '2025-06-20'), 'import', 'b')]);
    expect(cachedBuckets(db)).toBeGreaterThan(0);
    expect(cachedBuckets(db)).toBeLessThan(held);
    const second = await searchRelated(db, query);
    expect(second.map((r) => r.url).sort()).toEqual(['https://example.org/bakery/1', 'https://example.org/bakery/2']);

    // Merging the segments replaces the rows: the cached ones are dropped too, and the answer stays.
    const beforeMerge = cachedBuckets(db);
    expect(await compact(db, { all: true })).toBe(1);
    // What stays: the buckets no report has a row in ("بدأ", "العمل"), which no merge writes.
    expect(cachedBuckets(db)).toBeLessThan(beforeMerge);
    expect(cachedBuckets(db)).toBeLessThanOrEqual(2);
    expect((await searchRelated(db, query)).map((r) => r.url).sort()).toEqual(second.map((r) => r.url).sort());
    db.close();
  });

  it('does not keep rows of a bucket written while they were read', async () => {
    const other = ['y', 'z', 'w', 'v'].find((t) => bucketOf(t) !== bucketOf('x'))!;
    for (const written of [undefined, [bucketOf('x')]]) {
      const db = {};
      let release!: () => void;
      const slow = new Promise<void>((r) => (release = r));
      const reading = bucketRows(db, ['x', other], async () => {
        await slow;
        return [] as BlockRow[];
      });
      forget(db, written);
      release();
      await reading;
      // A write of every bucket drops both; a write of x's bucket drops x's only.
      expect(cachedBuckets(db)).toBe(written ? 1 : 0);
      await bucketRows(db, ['x'], async () => [] as BlockRow[]);
      expect(cachedBuckets(db)).toBe(written ? 2 : 1);
    }
  });

  it('keeps the buckets a write did not touch', async () => {
    const db = {};
    const other = ['y', 'z', 'w', 'v'].find((t) => bucketOf(t) !== bucketOf('x'))!;
    let reads = 0;
    const read = async () => {
      reads++;
      return [] as BlockRow[];
    };
    await bucketRows(db, ['x', other], read);
    forget(db, [bucketOf(other)]);
    await bucketRows(db, ['x', other], read);
    // x from the cache, the written bucket read again.
    expect(reads).toBe(3);
  });

  it('stays within its byte budget, dropping the least recently used buckets first', async () => {
    const db = {};
    // Terms in distinct buckets, each bucket row ≈ 1/20 of the budget.
    const terms: string[] = [];
    for (let i = 0; terms.length < 40; i++) if (!terms.some((t) => bucketOf(t) === bucketOf(`t${i}`))) terms.push(`t${i}`);
    const big = (t: string): BlockRow[] => toRows(1, 0, new Map([[t, { ids: Array.from({ length: Math.floor(CACHE_BYTES / 100) }, (_, k) => k), imp: new Array<number>(Math.floor(CACHE_BYTES / 100)).fill(1) }]]));
    let reads = 0;
    const read = async (_db: never, b: number) => {
      reads++;
      return big(terms.find((t) => bucketOf(t) === b)!);
    };
    for (const t of terms) {
      await bucketRows(db, [t], read);
      await bucketRows(db, [terms[0]!], read);
    }
    // terms[0], used all along, stayed; the oldest others were dropped and are read again.
    expect(reads).toBe(terms.length);
    const before = reads;
    await bucketRows(db, [terms[1]!], read);
    expect(reads).toBe(before + 1);
    await bucketRows(db, [terms[terms.length - 1]!], read);
    expect(reads).toBe(before + 1);
    expect(cachedBuckets(db)).toBeLessThan(terms.length);
  });
});
