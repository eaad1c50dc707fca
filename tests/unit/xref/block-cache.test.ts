import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bucketOf, toRows, type BlockRow } from '../../../lib/corpus/blocks';
import { bucketRows, cachedBuckets, CACHE_BYTES, forget } from '../../../lib/corpus/block-cache';
import { openDb } from '../../../lib/corpus/db';
import { compact, indexReports, toReport } from '../../../lib/corpus/index-store';
import type { ReportRecord } from '../../../lib/types';
import { searchRelated, type Query } from '../../../lib/xref/search';

const report = (i: number, day: string): ReportRecord => ({
  url: `https://example.org/bakery/${i}`,
  outlet: `Outlet ${i}`,
  title: `افتتاح مخبز آلي جديد في كفرنبل ${i === 1 ? '' : 'بريف إدلب'}`,
  publishedAt: day,
  text: `افتتحت مديرية التجارة مخبزاً آلياً جديداً في مدينة كفرنبل بطاقة إنتاجية تبلغ عشرين طناً يومياً. رقم ${i}`,
});
const query: Query = { url: '', title: 'مخبز آلي جديد في كفرنبل', text: 'بدأ المخبز الآلي في كفرنبل العمل بطاقة عشرين طناً', publishedAt: '2025-06-20' };

describe('the cache of bucket rows', () => {
  it('keeps the rows a query read, and drops them when postings are written or merged', async () => {
    const db = openDb(`cache-${Math.random()}`);
    await indexReports(db, [toReport(report(1, '2025-06-19'), 'import', 'a')]);
    const first = await searchRelated(db, query);
    expect(first.map((r) => r.url)).toEqual(['https://example.org/bakery/1']);
    expect(cachedBuckets(db)).toBeGreaterThan(0);

    // A second report with the same words: the cached rows must not hide it.
    await indexReports(db, [toReport(report(2, '2025-06-20'), 'import', 'b')]);
    expect(cachedBuckets(db)).toBe(0);
    const second = await searchRelated(db, query);
    expect(second.map((r) => r.url).sort()).toEqual(['https://example.org/bakery/1', 'https://example.org/bakery/2']);

    // Merging the segments replaces the rows: the cached ones are dropped too, and the answer stays.
    expect(cachedBuckets(db)).toBeGreaterThan(0);
    expect(await compact(db, { all: true })).toBe(1);
    expect(cachedBuckets(db)).toBe(0);
    expect((await searchRelated(db, query)).map((r) => r.url).sort()).toEqual(second.map((r) => r.url).sort());
    db.close();
  });

  it('does not keep rows read while a write happened', async () => {
    const db = {};
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const reading = bucketRows(db, ['x'], async () => {
      await slow;
      return [] as BlockRow[];
    });
    forget(db);
    release();
    await reading;
    expect(cachedBuckets(db)).toBe(0);
    await bucketRows(db, ['x'], async () => [] as BlockRow[]);
    expect(cachedBuckets(db)).toBe(1);
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
