import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/corpus/db';
import { indexReports, MAX_SEGMENTS, termRows, toReport } from '../../../lib/corpus/index-store';
import { MERGE_IDLE_MS, mergeWhileIdle, pendingMerges, requestMerges } from '../../../lib/corpus/merges';
import type { ReportRecord } from '../../../lib/types';
import { searchRelated, type Query } from '../../../lib/xref/search';

const report = (i: number): ReportRecord => ({
  url: `https://example.org/bakery/${i}`,
  outlet: `Outlet ${i % 3}`,
  title: `افتتاح مخبز آلي في كفرنبل ${i}`,
  publishedAt: '2025-06-19',
  text: `افتتحت مديرية التجارة مخبزاً آلياً في مدينة كفرنبل بطاقة عشرين طناً يومياً، الخبر رقم ${i}.`,
});
const query: Query = { url: '', title: 'مخبز آلي في كفرنبل', text: 'بدأ المخبز الآلي في كفرنبل العمل بطاقة عشرين طناً', publishedAt: '2025-06-20' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fragmented() {
  const db = openDb(`merges-${Math.random()}`);
  // One segment per batch: more segments than a query reads before asking for a merge.
  for (let i = 0; i < MAX_SEGMENTS + 2; i++) await indexReports(db, [toReport(report(i), 'import', `b${i}`)]);
  return db;
}

describe('merging postings segments', () => {
  it('waits until no query has come for a while, then merges without changing any answer', async () => {
    const db = await fragmented();
    expect((await termRows(db, 'كفرنبل')).length).toBe(MAX_SEGMENTS + 2);
    const before = await searchRelated(db, query, { explain: false });
    expect(pendingMerges(db)).toBeGreaterThan(0);
    // Right after the query nothing is merged: the next query would have waited for it.
    expect((await termRows(db, 'كفرنبل')).length).toBe(MAX_SEGMENTS + 2);
    await sleep(MERGE_IDLE_MS + 1500);
    expect(pendingMerges(db)).toBe(0);
    expect((await termRows(db, 'كفرنبل')).length).toBe(1);
    const after = await searchRelated(db, query, { explain: false });
    expect(after.map((r) => [r.url, r.score])).toEqual(before.map((r) => [r.url, r.score]));
    db.close();
  }, 20_000);

  it('stops merging when a query comes, and leaves the rest for later', async () => {
    const db = await fragmented();
    await searchRelated(db, query, { explain: false });
    const waiting = pendingMerges(db);
    expect(waiting).toBeGreaterThan(1);
    // A query arrives just as merging starts: it goes first.
    const run = mergeWhileIdle(db);
    requestMerges(db, []);
    expect(await run).toBeLessThanOrEqual(1);
    expect(pendingMerges(db)).toBeGreaterThanOrEqual(waiting - 1);
    db.close();
  });
});
