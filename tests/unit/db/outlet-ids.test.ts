// Schema v6 (issues 15 and 16): a database written by an older version, its imported reports
// under the names their records gave ("Shaam Network", "شبكة شام", "shaam.org"), opened by the
// current code: one outlet, one id, in the reports, the index and the clippings; the name given
// is kept; a report stored under a Wayback address gains its capture time. Counts by id.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { SCHEMA_HISTORY } from '../../../lib/db/schema';
import { corpusStats } from '../../../lib/corpus/stats';
import { ensureIndexed } from '../../../lib/engine/index-store';
import { reportKeys } from '../../../lib/corpus/ids';
import { getReport, reportOutlets, reportsWhere } from '../../../lib/corpus/report-pages';
import { allDocs } from '../engine/doc-table';

const WAYBACK = 'https://web.archive.org/web/20170304101112/https://www.orient-news.net/ar/news_show/135000';
const report = (id: string, outlet: string, url: string, extra: Record<string, unknown> = {}) => ({
  id, url, outlet, title: `عنوان ${id}`, publishedAt: '2025-06-18', text: `نص التقرير ${id} في درعا.`, origin: 'import', importId: 'import-old', addedAt: 1, keys: reportKeys(url), ...extra,
});
const OLD_REPORTS = [
  report('a', 'Shaam Network', 'https://shaam.org/news/syria-news/خبر-1'),
  report('b', 'شبكة شام', ''),
  report('c', 'shaam.org', ''),
  report('d', 'Al-Ikhbariya', ''),
  report('e', 'Some Local Page', 'https://example.org/story'),
  // A name the URL contradicts: the URL says where the text was found (as imports do now).
  report('f', 'Kassioun', 'https://7al.net/2025/06/18/story'),
  report('g', 'orient-news', WAYBACK, { origin: 'capture', importId: 'capture' }),
];

/** A database as version 3 wrote it, with old rows in it. */
async function oldDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 3)) old.version(s.version).stores(s.stores);
  await old.open();
  await old.table('reports').bulkPut(OLD_REPORTS);
  await old.table('docs').bulkPut(OLD_REPORTS.map((r, i) => ({ n: i + 1, id: r.id, url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt, day: null, len: 3, e: [], en: [], et: [], src: [], h: [0, 0], mh: [], dup: null, imp: r.importId, tk: r.id })));
  await old.table('meta').put({ k: 'index', docs: OLD_REPORTS.length, len: 21, nextN: OLD_REPORTS.length + 1, nextSeg: 1, segs: [] });
  await old.table('clippings').bulkPut([
    { id: 'c1', quote: 'اقتباس', prefix: '', suffix: '', url: 'https://shaam.org/news/syria-news/خبر-1', canonicalUrl: null, archiveUrl: null, outlet: 'Shaam Network', title: 't', publishedAt: null, createdAt: 1, note: 'ملاحظتي', tags: ['x'] },
    { id: 'c2', quote: 'اقتباس آخر', prefix: '', suffix: '', url: 'https://example.org/story', canonicalUrl: null, archiveUrl: null, outlet: 'Some Local Page', title: 't', publishedAt: null, createdAt: 2, note: '', tags: [] },
  ]);
  old.close();
}

describe('schema v6: outlet ids and archive capture times for rows an older version stored', () => {
  it('an old database opened by the current code: one id per outlet, the given name kept, everything else as it was', async () => {
    const name = `v4-${Math.random()}`;
    await oldDatabase(name);
    const db = openDb(name);
    const rows = await reportsWhere(db);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.outlet]))).toEqual({ a: 'shaam', b: 'shaam', c: 'shaam', d: 'ikhbariya', e: 'Some Local Page', f: 'al-hal', g: 'orient-news' });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.outletGiven ?? null]))).toEqual({ a: 'Shaam Network', b: 'شبكة شام', c: 'shaam.org', d: 'Al-Ikhbariya', e: null, f: 'Kassioun', g: null });
    // Nothing else a row held changed.
    for (const old of OLD_REPORTS) {
      const now = byId.get(old.id)!;
      for (const [k, v] of Object.entries(old)) if (k !== 'outlet') expect([k, (now as unknown as Record<string, unknown>)[k]]).toEqual([k, v]);
    }
    // The index's rows follow (the Compare and corpus filters read them): rebuilt from the reports (v5 emptied them).
    expect(await ensureIndexed(db)).toBe(OLD_REPORTS.length);
    expect(Object.fromEntries((await allDocs(db)).map((d) => [d.id, d.outlet]))).toMatchObject({ a: 'shaam', b: 'shaam', c: 'shaam', d: 'ikhbariya', f: 'al-hal' });
    expect((await allDocs(db)).filter((d) => d.outlet === 'shaam')).toHaveLength(3);
    // Clippings: the id, the given name kept, the note untouched.
    const clips = Object.fromEntries((await db.clippings.toArray()).map((c) => [c.id, c]));
    expect(clips.c1).toMatchObject({ outlet: 'shaam', outletGiven: 'Shaam Network', note: 'ملاحظتي', tags: ['x'] });
    expect(clips.c2).toMatchObject({ outlet: 'Some Local Page', note: '' });
    expect(clips.c2!.outletGiven).toBeUndefined();
    db.close();
  });

  it('a report stored under a Wayback address gains its capture time; others gain nothing', async () => {
    const name = `v4-archive-${Math.random()}`;
    await oldDatabase(name);
    const db = openDb(name);
    expect(await getReport(db, 'g')).toMatchObject({ archivedAt: '2017-03-04T10:11:12Z', archiveUrl: WAYBACK });
    for (const id of ['a', 'b', 'e']) expect((await getReport(db, id))!.archivedAt).toBeUndefined();
    db.close();
  });

  it('counts by outlet id: the options page and the side panel list each outlet once', async () => {
    const name = `v4-stats-${Math.random()}`;
    await oldDatabase(name);
    const db = openDb(name);
    const stats = await corpusStats(db);
    expect(stats.reports).toBe(OLD_REPORTS.length);
    expect(stats.byOutlet).toEqual({ shaam: 3, ikhbariya: 1, 'Some Local Page': 1, 'al-hal': 1, 'orient-news': 1 });
    // The keys the outlet index holds are the ids themselves (no name resolved at read time).
    expect(new Set(await reportOutlets(db))).toEqual(new Set(['shaam', 'ikhbariya', 'Some Local Page', 'al-hal', 'orient-news']));
    db.close();
  });
});
