// The migration harness: for every schema the database has had, a database is created at that
// version with rows in every table, closed, and opened again with the current code. Nothing a
// reader stored may be lost. When you add a version to SCHEMA_HISTORY, add sample rows for any new
// table to SAMPLES below: the harness refuses a table it has no rows for. The index's tables
// (DERIVED_TABLES) are rebuilt from the reports: an upgrade may empty them, and a test below checks
// that an upgraded database is indexed again. Old databases are built from published-schemas.json,
// a copy of each schema as it was published: editing a published entry of SCHEMA_HISTORY instead of
// adding a version fails here. A table a version retired on purpose (RETIRED_TABLES) is not counted.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { DERIVED_TABLES, RETIRED_TABLES, SCHEMA_HISTORY, type SchemaVersion } from '../../../lib/db/schema';
import { deleteReports, ensureIndexed, indexReports, readPostings, toReport } from '../../../lib/engine/index-store';
import { rowsOf } from '../../../lib/engine/doc-pages';
import { placeDayTerms } from '../../../lib/engine/place-days';
import { analyse } from '../../../lib/engine/features';
import type { Report } from '../../../lib/types';
import { searchRelated } from '../../../lib/engine/search';
import { allDocs, docCount, pageNumbers } from '../engine/doc-table';
import { searchCorpus } from '../../../lib/engine/context';
import { loadNearDupIndex, type PrintRow } from '../../../lib/engine/near-dups';
import { parseJsonLines } from '../../../lib/corpus/formats';
import type { PageRow } from '../../../lib/corpus/page-rows';

const SAMPLES: Record<string, Array<Record<string, unknown>>> = {
  reports: [
    {
      id: 'r-orient-1',
      url: 'https://orient-news.net/ar/news_show/92367',
      outlet: 'orient-news',
      title: 'قوات الأسد تصل إلى مطار كويرس',
      publishedAt: '2015-11-10',
      text: 'وصلت قوات الأسد إلى مطار كويرس العسكري في ريف حلب الشرقي.',
      origin: 'import',
      importId: 'import-1',
      addedAt: 1_447_000_000_000,
    },
    {
      id: 'r-capture-1',
      url: 'https://www.eremnews.com/news/arab-world/syria/1',
      outlet: 'eremnews',
      title: 'الجيش السوري يفك الحصار',
      publishedAt: null,
      text: 'نص مُشَكَّل ١٢٣',
      origin: 'capture',
      importId: 'capture',
      addedAt: 1_447_000_000_001,
    },
  ],
  clippings: [
    {
      id: 'c-1',
      quote: 'بحسب ما نقلت قناة الميادين',
      prefix: 'وصلت قوات الأسد ',
      suffix: ' التابعة لإيران',
      url: 'https://orient-news.net/ar/news_show/92367',
      canonicalUrl: 'https://orient-news.net/ar/news_show/92367',
      archiveUrl: 'https://web.archive.org/web/20151110000000/https://orient-news.net/ar/news_show/92367',
      outlet: 'orient-news',
      title: 'قوات الأسد تصل إلى مطار كويرس',
      publishedAt: '2015-11-10',
      createdAt: 1_700_000_000_000,
      note: 'ملاحظة القارئ — keep me',
      tags: ['كويرس', 'airport'],
    },
  ],
  settings: [{ key: 'ui', version: 1, value: { theme: 'dark', lang: 'ar' } }],
  // v2: the persistent index and import jobs.
  docs: [
    {
      n: 1, id: 'r-orient-1', url: 'https://orient-news.net/ar/news_show/92367', outlet: 'orient-news', title: 'قوات الأسد تصل إلى مطار كويرس',
      publishedAt: '2015-11-10', day: 16749, len: 12, e: [], en: [], et: [], src: [], h: [1, 2], mh: [3, 4], b: ['01', '12'], dup: null, imp: 'import-1', tk: 'abc',
    },
  ],
  postings: [{ t: 'كويرس', s: 1, ids: new Uint32Array([1]), tf: new Uint8Array([120]) }],
  meta: [{ k: 'index', docs: 1, len: 12, nextN: 2, nextSeg: 2 }],
  jobs: [{ id: 'import-1', file: 'a.jsonl', status: 'running', total: 2, done: 1, added: 1, duplicates: 0, problems: [{ file: 'a.jsonl', line: 3, reason: 'invalid JSON' }], startedAt: 1, updatedAt: 2 }],
  // v3: postings as bucket rows, fingerprints a batch to a row.
  blocks: [{ b: 7, s: 1, lvl: 0, terms: ['كويرس'], off: Uint32Array.of(0, 1), df: Uint32Array.of(1), ids: Uint32Array.of(1), imp: Uint8Array.of(120) }],
  prints: [{ s: 1, ns: Uint32Array.of(1), h: Uint32Array.of(1, 2) }],
  // v5: the index as immutable segments (rows of bytes keyed [segment, row]).
  segs: [{ s: 1, k: 0, b: Uint8Array.of(0x49, 1, 0) }],
  // v7: the lexicon of the doc rows' word counts.
  lex: [{ p: 0, t: ['كويرس', 'مطار'] }],
  // v9: reports in pages (lib/corpus/page-rows.ts): a page's reports but their texts, and their texts.
  pages: [
    {
      p: 1, ids: ['r-paged-1'], keys: ['shaam.org/news/1'], imp: ['import-2'], outlet: ['shaam'], origin: ['import'],
      m: [{ id: 'r-paged-1', url: 'https://shaam.org/news/1', outlet: 'shaam', title: 'عنوان', publishedAt: '2025-06-18', origin: 'import', importId: 'import-2', addedAt: 1, keys: ['shaam.org/news/1'] }],
    },
  ],
  texts: [{ p: 1, text: ['نص التقرير في صفحة'] }],
  // v10: doc rows in pages of 16 by number (lib/engine/doc-pages.ts).
  dpages: [{ p: 0, ids: ['r-orient-1'], d: [{ n: 1, id: 'r-orient-1', outlet: 'orient-news', dup: null, b: Uint8Array.of(0x52, 2) }] }],
  staged: [{ job: 'import-1', i: 1, records: [{ url: '', outlet: 'x', title: 't', publishedAt: null, text: 'نص' }] }],
};

/** Each schema as it was published (its store definitions), frozen: never edited, only appended to. */
const PUBLISHED = JSON.parse(readFileSync(new URL('./published-schemas.json', import.meta.url), 'utf8')) as SchemaVersion[];

/** Creates a database as the code of `upTo` would have, with every table of that version filled. */
async function createAt(name: string, history: readonly SchemaVersion[], upTo: number): Promise<Record<string, Array<Record<string, unknown>>>> {
  const old = new Dexie(name);
  for (const s of history.filter((h) => h.version <= upTo)) old.version(s.version).stores(s.stores);
  await old.open();
  const written: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of old.tables) {
    const rows = SAMPLES[table.name];
    if (!rows) throw new Error(`the migration harness has no sample rows for table "${table.name}" (schema v${upTo}): add them to SAMPLES`);
    await table.bulkPut(rows);
    written[table.name] = rows;
  }
  old.close();
  return written;
}

/** What the current code can no longer find of what was written: "table/id" for each lost row. */
async function lostAfterUpgrade(name: string, written: Record<string, Array<Record<string, unknown>>>, open: () => Dexie): Promise<string[]> {
  const db = open();
  await db.open();
  const lost: string[] = [];
  for (const [tableName, rows] of Object.entries(written)) {
    if (DERIVED_TABLES.has(tableName) || RETIRED_TABLES.has(tableName)) continue;
    const table = db.tables.find((t) => t.name === tableName);
    for (const row of rows) {
      const path = table?.schema.primKey.keyPath;
      const key = Array.isArray(path) ? path.map((p) => row[p]) : (row[path as string] ?? row.id ?? row.key);
      const now = table ? await table.get(key as string) : undefined;
      // Every field the reader had must still be there with its value; upgrades may add fields.
      if (!now || Object.entries(row).some(([k, v]) => JSON.stringify((now as Record<string, unknown>)[k]) !== JSON.stringify(v))) lost.push(`${tableName}/${String(key)}`);
    }
  }
  db.close();
  return lost;
}

describe('database migrations', () => {
  it('every published schema is as it was published, and every schema is published (frozen in published-schemas.json)', () => {
    expect(SCHEMA_HISTORY.map((s) => ({ version: s.version, stores: s.stores }))).toEqual(PUBLISHED);
  });

  for (const s of PUBLISHED) {
    it(`a database at v${s.version} opened by the current code keeps every row`, async () => {
      const name = `migrate-v${s.version}-${Math.random()}`;
      const written = await createAt(name, PUBLISHED, s.version);
      expect(Object.keys(written)).toContain('clippings');
      const lost = await lostAfterUpgrade(name, written, () => openDb(name));
      expect(lost).toEqual([]);
    });
  }

  it('catches a schema change that would drop the clippings', async () => {
    // A made-up next version that deletes the clippings table: the harness must report the loss.
    const last = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!;
    const bad: SchemaVersion[] = [...SCHEMA_HISTORY, { version: last.version + 1, stores: { clippings: null } }];
    const name = `migrate-bad-${Math.random()}`;
    const written = await createAt(name, PUBLISHED, last.version);
    const lost = await lostAfterUpgrade(name, written, () => {
      const db = new Dexie(name);
      for (const s of bad) db.version(s.version).stores(s.stores);
      return db;
    });
    expect(lost).toContain('clippings/c-1');
    expect(lost.filter((l) => l.startsWith('reports/'))).toEqual([]);
  });

  it('catches an upgrade that rewrites a note', async () => {
    const last = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!;
    const name = `migrate-note-${Math.random()}`;
    const written = await createAt(name, PUBLISHED, last.version);
    const lost = await lostAfterUpgrade(name, written, () => {
      const db = new Dexie(name);
      for (const s of SCHEMA_HISTORY) db.version(s.version).stores(s.stores);
      db.version(last.version + 1)
        .stores({})
        .upgrade((tx) => tx.table('clippings').toCollection().modify((c: { note: string }) => void (c.note = '')));
      return db;
    });
    expect(lost).toEqual(['clippings/c-1']);
  });

  it('drops the retired settings table (v4) and keeps everything else', async () => {
    const name = `migrate-retired-${Math.random()}`;
    const written = await createAt(name, PUBLISHED, 3);
    expect(written.settings).toBeDefined();
    expect(await lostAfterUpgrade(name, written, () => openDb(name))).toEqual([]);
    const db = openDb(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('settings');
    expect(db.tables.map((t) => t.name)).toContain('clippings');
    db.close();
  });

  it('rebuilds the index of an upgraded database from its reports', async () => {
    const name = `migrate-reindex-${Math.random()}`;
    const written = await createAt(name, PUBLISHED, 2);
    const db = openDb(name);
    // v3 empties the v2 index (its rows are of the old shape) ...
    expect(await docCount(db)).toBe(0);
    expect(await ensureIndexed(db)).toBe(written.reports!.length);
    // ... and the reports are found again through the new one.
    const r = written.reports![0]! as { id: string; title: string; text: string };
    const related = await searchRelated(db, { url: '', title: r.title, text: `${r.text} ${r.text}`, publishedAt: null });
    expect(await docCount(db)).toBe(written.reports!.length);
    expect(await db.segs.count()).toBeGreaterThan(0);
    expect(related.map((x) => x.id)).toEqual([r.id]);
    db.close();
  });

  it('rebuilds a v4 index (bucket rows) as segments: its counters, doc rows and fingerprints emptied, then found again', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const written = await createAt(name, PUBLISHED, 4);
    const db = openDb(name);
    expect(db.tables.map((t) => t.name)).not.toContain('blocks');
    expect(await docCount(db)).toBe(0);
    expect(await db.prints.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
    expect(await ensureIndexed(db)).toBe(written.reports!.length);
    const r = written.reports![0]! as { id: string; title: string; text: string };
    const related = await searchRelated(db, { url: '', title: r.title, text: `${r.text} ${r.text}`, publishedAt: null });
    expect(related.map((x) => x.id)).toEqual([r.id]);
    expect((await db.meta.get('segments'))!.segs).toHaveLength(1);
    db.close();
  });

  it('rebuilds a v6 index with the word counts kept (v7): every doc row holds them, their words in the lexicon', async () => {
    const name = `migrate-v6-${Math.random()}`;
    const written = await createAt(name, PUBLISHED.filter((s) => s.version <= 6), 6);
    const db = openDb(name);
    expect(await docCount(db)).toBe(0);
    expect(await db.segs.count()).toBe(0);
    expect(await ensureIndexed(db)).toBe(written.reports!.length);
    const rows = await allDocs(db);
    expect(rows).toHaveLength(written.reports!.length);
    for (const d of rows) expect(d.tv).toBeInstanceOf(Uint8Array);
    const words = (await db.lex.toArray()).flatMap((p) => p.t);
    expect(words).toContain('كويرس');
    expect(new Set(words).size).toBe(words.length);
    db.close();
  });
  it('rebuilds a v9 index (a doc row a report) as doc pages (v10): the old rows gone, every report indexed again, found, and deleted from its page', async () => {
    const name = `migrate-v9-${Math.random()}`;
    const written = await createAt(name, PUBLISHED.filter((s) => s.version <= 9), 9);
    const db = openDb(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('docs');
    for (const t of [db.dpages, db.segs, db.lex, db.meta, db.prints]) expect(await t.count()).toBe(0);
    const reports = written.reports!.length + (written.pages![0]!.ids as string[]).length;
    expect(await ensureIndexed(db)).toBe(reports);
    expect(await docCount(db)).toBe(reports);
    // Pages of 16 by number, each listing its reports' ids (the one index).
    const pages = await db.dpages.toArray();
    for (const page of pages) expect(page.ids).toEqual(rowsOf(page).map((d) => d.id));
    expect(pages.every((page) => rowsOf(page).every((d) => Math.floor(d.n / 16) === page.p))).toBe(true);
    const r = written.reports![0]! as { id: string; title: string; text: string };
    const q = { url: '', title: r.title, text: `${r.text} ${r.text}`, publishedAt: null };
    expect((await searchRelated(db, q)).map((x) => x.id)).toEqual([r.id]);
    expect(await deleteReports(db, [r.id])).toBe(1);
    expect((await allDocs(db)).map((d) => d.id)).not.toContain(r.id);
    expect(await searchRelated(db, q)).toEqual([]);
    db.close();
  });

  it('keeps a v10 index (doc pages with an index of ids) at v11: the report pages name each doc number, the fingerprints their groups; nothing indexed twice; deletes, corpus search and groups answer as before', async () => {
    const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records.slice(0, 60);
    // A wire story told again by another outlet: a near-duplicate group of two.
    const wire = real[7]!;
    const copy = { ...wire, outlet: wire.outlet === 'shaam' ? 'eremnews' : 'shaam', url: 'https://other.example/copy' };
    const made = openDb(`migrate-v10-made-${Math.random()}`);
    await indexReports(made, [...real, copy].map((r) => toReport(r, 'import', 'real')));
    // The same database as v10's code wrote it: its report pages without numbers, its fingerprint
    // rows without groups, its doc pages indexed by their reports' ids.
    const name = `migrate-v10-${Math.random()}`;
    const v10 = new Dexie(name);
    for (const v of PUBLISHED.filter((x) => x.version <= 10)) v10.version(v.version).stores(v.stores);
    await v10.open();
    for (const t of made.tables) {
      const rows = await t.toArray();
      const asV10 = t.name === 'pages' ? (rows as PageRow[]).map(({ dn: _dn, ...p }) => p) : t.name === 'prints' ? (rows as PrintRow[]).map(({ g: _g, ...r }) => r) : rows;
      await v10.table(t.name).bulkPut(asV10);
    }
    expect(await v10.table('dpages').where('ids').equals(toReport(copy, 'import', 'real').id).count()).toBe(1);
    v10.close();
    const numbers = await pageNumbers(made);
    const outlet = copy.outlet;
    const byOutlet = await searchCorpus(made, { outlets: [outlet], limit: 500 });
    expect(byOutlet.total).toBeGreaterThan(1);

    const db = openDb(name);
    await db.open();
    expect(db.dpages.schema.indexes).toEqual([]);
    // The numbers the upgrade read from the doc pages are those v11's import writes.
    expect(await pageNumbers(db)).toEqual(numbers);
    expect(numbers.size).toBe(real.length + 1);
    const near = await loadNearDupIndex(db);
    const [w, c] = [wire, copy].map((r) => numbers.get(toReport(r, 'import', 'real').id)!);
    expect(near.members(w!).sort()).toEqual([w, c].sort());
    expect(await ensureIndexed(db)).toBe(0);
    expect(await docCount(db)).toBe(real.length + 1);
    expect(await searchCorpus(db, { outlets: [outlet], limit: 500 })).toEqual(byOutlet);
    const gone = toReport(real[0]!, 'import', 'real').id;
    const q = { url: '', title: real[0]!.title, text: real[0]!.text.slice(0, 600), publishedAt: real[0]!.publishedAt };
    expect((await searchRelated(db, q)).map((x) => x.id)).toContain(gone);
    expect(await deleteReports(db, [gone])).toBe(1);
    expect((await allDocs(db)).map((d) => d.id)).not.toContain(gone);
    expect((await searchRelated(db, q)).map((x) => x.id)).not.toContain(gone);
    db.close();
  });

  it('rebuilds a v7 index with the place-day terms (v8): a report that shares only its city and day is found', async () => {
    const name = `migrate-v7-${Math.random()}`;
    const written = await createAt(name, PUBLISHED.filter((s) => s.version <= 7), 7);
    const db = openDb(name);
    // The v7 rows (written without place-day terms) are gone, to be written again from the reports.
    for (const t of [db.dpages, db.segs, db.lex, db.meta]) expect(await t.count()).toBe(0);
    const title = 'قصف على مدينة حلب';
    const text = 'قصفت طائرات حربية أحياء في مدينة حلب صباح اليوم وأسفر القصف عن قتلى وجرحى بين المدنيين.';
    await db.reports.put({ ...(written.reports![0] as unknown as Report), id: 'r-aleppo', url: 'https://orient-news.net/ar/news_show/1', title, text });
    expect(await ensureIndexed(db)).toBe(written.reports!.length + 1);
    const f = analyse(title, text, '2015-11-10');
    const terms = placeDayTerms(f.entities, f.day);
    expect(terms).toEqual(['@aleppo~16749']);
    const { postings } = await readPostings(db, terms);
    expect(postings.get(terms[0]!)?.df).toBe(1);
    const words = (await db.lex.toArray()).flatMap((p) => p.t);
    expect(new Set(words).size).toBe(words.length);
    db.close();
  });
});
