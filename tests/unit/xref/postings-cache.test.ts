import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/corpus/db';
import { indexReports, mergeTerm, toReport } from '../../../lib/corpus/index-store';
import type { PostingRow } from '../../../lib/corpus/index-types';
import { cachedRows, forget, postingsGeneration, remember } from '../../../lib/corpus/postings-cache';
import type { ReportRecord } from '../../../lib/types';
import { queryFeatures, searchRelated, type Query } from '../../../lib/xref/search';

const report = (i: number, day: string): ReportRecord => ({
  url: `https://example.org/bakery/${i}`,
  outlet: `Outlet ${i}`,
  title: `افتتاح مخبز آلي جديد في كفرنبل ${i === 1 ? '' : 'بريف إدلب'}`,
  publishedAt: day,
  text: `افتتحت مديرية التجارة مخبزاً آلياً جديداً في مدينة كفرنبل بطاقة إنتاجية تبلغ عشرين طناً يومياً. رقم ${i}`,
});
const query: Query = { url: '', title: 'مخبز آلي جديد في كفرنبل', text: 'بدأ المخبز الآلي في كفرنبل العمل بطاقة عشرين طناً', publishedAt: '2025-06-20' };
const row = (t: string): PostingRow => ({ t, s: 1, ids: Uint32Array.of(1), tf: Uint8Array.of(50) });

describe('the cache of posting rows', () => {
  it('keeps the rows a query read, and drops a term\'s rows when new postings are written for it', async () => {
    const db = openDb(`cache-${Math.random()}`);
    await indexReports(db, [toReport(report(1, '2025-06-19'), 'import', 'a')]);
    const first = await searchRelated(db, query);
    expect(first.map((r) => r.url)).toEqual(['https://example.org/bakery/1']);
    const term = [...queryFeatures(query).terms.keys()].find((t) => cachedRows(db, t)?.length)!;
    expect(term).toBeDefined();

    // A second report with the same words: the cached rows of those words must not hide it.
    await indexReports(db, [toReport(report(2, '2025-06-20'), 'import', 'b')]);
    expect(cachedRows(db, term)).toBeUndefined();
    const second = await searchRelated(db, query);
    expect(second.map((r) => r.url).sort()).toEqual(['https://example.org/bakery/1', 'https://example.org/bakery/2']);

    // Merging a term's segments replaces its rows: the cached ones are dropped too.
    expect(cachedRows(db, term)).toBeDefined();
    await mergeTerm(db, term);
    expect(cachedRows(db, term)).toBeUndefined();
    expect((await searchRelated(db, query)).map((r) => r.url).sort()).toEqual(second.map((r) => r.url).sort());
    db.close();
  });

  it('does not keep rows read before a write that happened while they were being read', () => {
    const db = {};
    const gen = postingsGeneration(db);
    forget(db, ['x']);
    remember(db, gen, 'x', [row('x')]);
    expect(cachedRows(db, 'x')).toBeUndefined();
    remember(db, postingsGeneration(db), 'x', [row('x')]);
    expect(cachedRows(db, 'x')).toHaveLength(1);
  });

  it('stays within its byte budget, dropping the least recently used terms first', () => {
    const db = {};
    const big = (t: string): PostingRow => ({ t, s: 1, ids: new Uint32Array(200_000), tf: new Uint8Array(200_000) });
    for (let i = 0; i < 20; i++) {
      remember(db, postingsGeneration(db), `t${i}`, [big(`t${i}`)]);
      if (i >= 1) cachedRows(db, 't0');
    }
    // 1 MB each against an 8 MB budget: t0 (used all along) stays, the oldest others went.
    expect(cachedRows(db, 't0')).toBeDefined();
    expect(cachedRows(db, 't1')).toBeUndefined();
    expect(cachedRows(db, 't19')).toBeDefined();
  });
});
