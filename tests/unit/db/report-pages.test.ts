// Reports in pages (schema v9, lib/corpus/page-rows.ts) behind lib/corpus/report-pages.ts:
// what callers read is what they stored, whichever page or table holds it; a database of v8
// (a row a report) is moved into pages a slice a transaction, readable throughout, and a move
// stopped half way goes on after the next open without losing or doubling a report.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { SCHEMA_HISTORY } from '../../../lib/db/schema';
import { PAGE } from '../../../lib/corpus/page-rows';
import {
  allUrlKeys, countReports, getReports, knownIds, knownUrlKeys, moveToPages, removeReports, replaceReports,
  reportByUrlKeys, reportIds, reportOutlets, reportsWhere, reportTables, storeReports,
} from '../../../lib/corpus/report-pages';
import type { Report } from '../../../lib/types';
import { reportIdAndKeys, urlKeyId } from '../../../lib/corpus/ids';

const OUTLETS = ['orient-news', 'shaam', 'eremnews'];

function report(i: number, importId = 'import-1'): Report {
  return {
    id: `r-${String(i).padStart(4, '0')}`,
    url: `https://example.org/news/${i}`,
    outlet: OUTLETS[i % 3]!,
    title: `عنوان التقرير ${i}`,
    publishedAt: i % 5 ? '2025-06-18' : null,
    text: `نص التقرير رقم ${i} عن الأحداث في حلب وإدلب`,
    origin: i % 7 ? 'import' : 'capture',
    importId,
    addedAt: 1_700_000_000_000 + i,
    keys: [`example.org/news/${i}`, `example.org/amp/${i}`],
    ...(i % 11 === 0 ? { archivedAt: '2017-03-04T10:11:12Z' } : {}),
  };
}

const store = (db: IsnadDB, rs: Report[]) => db.transaction('rw', reportTables(db), () => storeReports(db, rs));
/** Each key with the id its hash stands for, as the duplicate check asks (index-store.ts). */
const pairs = (keys: string[]) => keys.map((k) => [urlKeyId(k), k] as const);
const byId = (rs: Array<Report | undefined>) => [...rs].sort((a, b) => (a!.id < b!.id ? -1 : 1));

/** Every read of the module agrees with `expected`, the reports the database should hold. */
async function readsAll(db: IsnadDB, expected: Report[]): Promise<void> {
  const ids = expected.map((r) => r.id).sort();
  expect(await countReports(db)).toBe(expected.length);
  expect(await reportIds(db)).toEqual(ids);
  expect(await getReports(db, [...ids, 'r-none'])).toEqual([...byId(expected), undefined]);
  expect(byId(await reportsWhere(db))).toEqual(byId(expected));
  expect(await reportIds(db, { importId: 'import-2' })).toEqual(expected.filter((r) => r.importId === 'import-2').map((r) => r.id).sort());
  expect(await reportIds(db, { outlet: 'shaam' })).toEqual(expected.filter((r) => r.outlet === 'shaam').map((r) => r.id).sort());
  expect(byId(await reportsWhere(db, { origins: ['capture'] }))).toEqual(byId(expected.filter((r) => r.origin === 'capture')));
  expect((await reportOutlets(db)).sort()).toEqual(expected.map((r) => r.outlet).sort());
  const all = await allUrlKeys(db);
  const keys = expected.flatMap((r) => r.keys!);
  expect((await all.known(db, pairs([...keys, 'example.org/none']))).known).toEqual(new Set(keys));
  const some = expected.slice(0, 5);
  expect((await knownUrlKeys(db, pairs([...some.map((r) => r.keys![1]!), 'example.org/none']))).known).toEqual(new Set(some.map((r) => r.keys![1]!)));
  expect(await knownIds(db, [some[0]!.id, 'r-none'])).toEqual(new Set([some[0]!.id]));
  for (const r of some) expect(await reportByUrlKeys(db, ['example.org/none', r.keys![1]!])).toEqual(r);
}

describe('reports in pages', () => {
  it(`fill pages of ${PAGE} in order, across writes, and read back as stored`, async () => {
    const db = openDb(`pages-${Math.random()}`);
    const n = 2 * PAGE + 5;
    const all = Array.from({ length: n }, (_, i) => report(i, i < PAGE ? 'import-1' : 'import-2'));
    await store(db, all.slice(0, PAGE - 3));
    await store(db, all.slice(PAGE - 3, PAGE - 2));
    await store(db, all.slice(PAGE - 2));
    expect((await db.pages.toArray()).map((p) => p.ids.length)).toEqual([PAGE, PAGE, 5]);
    expect(await db.texts.count()).toBe(3);
    expect(await db.reports.count()).toBe(0);
    await readsAll(db, all);
    db.close();
  });

  it('delete and change reports by rewriting their pages; an emptied page goes', async () => {
    const db = openDb(`pages-del-${Math.random()}`);
    const all = Array.from({ length: 2 * PAGE + 2 }, (_, i) => report(i, i % 2 ? 'import-2' : 'import-1'));
    await store(db, all);
    // The whole first page, one report of the second, one of the third's two.
    const gone = new Set([...all.slice(0, PAGE).map((r) => r.id), all[PAGE + 6]!.id, all[2 * PAGE + 1]!.id]);
    await db.transaction('rw', reportTables(db), () => removeReports(db, [...gone, 'r-none']));
    const changed = { ...all[PAGE + 7]!, title: 'عنوان آخر', keys: [...all[PAGE + 7]!.keys!, 'example.org/other/80'] };
    await db.transaction('rw', reportTables(db), () => replaceReports(db, [changed]));
    const left = all.filter((r) => !gone.has(r.id)).map((r) => (r.id === changed.id ? changed : r));
    expect((await db.pages.toArray()).map((p) => [p.p, p.ids.length])).toEqual([[2, PAGE - 1], [3, 1]]);
    await readsAll(db, left);
    expect(await reportByUrlKeys(db, ['example.org/other/80'])).toEqual(changed);
    // The open last page fills up before a new one starts.
    await store(db, [report(500)]);
    expect((await db.pages.toArray()).map((p) => p.ids.length)).toEqual([PAGE - 1, 2]);
    db.close();
  });

  it('a damaged page is one error naming it; a damaged texts row reads as empty texts', async () => {
    const db = openDb(`pages-damaged-${Math.random()}`);
    await store(db, [report(1), report(2)]);
    await db.texts.put({ p: 1, text: 'not a list' as unknown as string[] });
    expect((await getReports(db, [report(2).id]))[0]).toEqual({ ...report(2), text: '' });
    await db.pages.update(1, { m: 'not a list' as unknown as [] });
    await expect(getReports(db, [report(1).id])).rejects.toThrow('report page 1 is damaged: it holds no list of reports');
    db.close();
  });

  it('texts are stored as code units, not strings; a texts row written before as strings reads as it is', async () => {
    const db = openDb(`pages-units-${Math.random()}`);
    await store(db, [report(1), report(2)]);
    const row = (await db.texts.get(1))!;
    expect(row.text).toBeUndefined();
    expect(row.u).toBeInstanceOf(Uint16Array);
    expect([...row.e!]).toEqual([report(1).text.length, report(1).text.length + report(2).text.length]);
    await readsAll(db, [report(1), report(2)]);
    await db.texts.put({ p: 1, text: ['نص كتب قبل', 'والثاني'] });
    expect((await getReports(db, [report(2).id, report(1).id])).map((r) => r?.text)).toEqual(['والثاني', 'نص كتب قبل']);
    // A page written again (a report changed) is packed.
    await db.transaction('rw', reportTables(db), () => replaceReports(db, [{ ...report(1), title: 'عنوان جديد' }]));
    expect((await db.texts.get(1))!.text).toBeUndefined();
    expect((await getReports(db, [report(1).id, report(2).id])).map((r) => r?.text)).toEqual([report(1).text, 'والثاني']);
    await db.texts.put({ p: 1, u: new Uint16Array(3), e: Uint32Array.of(1, 5) });
    await expect(getReports(db, [report(1).id])).rejects.toThrow("texts of report page 1 are damaged: their ends do not match their units or the page's 2 reports");
    db.close();
  });

  it('a transaction that fails after storing stores nothing', async () => {
    const db = openDb(`pages-fail-${Math.random()}`);
    await store(db, [report(1)]);
    await expect(db.transaction('rw', reportTables(db), async () => {
      await storeReports(db, [report(2), report(3)]);
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    await readsAll(db, [report(1)]);
    db.close();
  });
});

describe("a report's main URL key, known by its id", () => {
  // Reports as imports make them: the id is the main URL key's hash (reportIdAndKeys).
  const made = (i: number, extra?: string): Report => {
    const url = `https://example.org/made/${i}`;
    return { ...report(i), url, ...reportIdAndKeys(url, `نص ${i}`, extra ? [extra] : []) };
  };

  it('is left out of the pages\' URL keys index, and every lookup still finds it', async () => {
    const db = openDb(`pages-keys-${Math.random()}`);
    const rs = [made(1), made(2, 'https://example.org/canonical/2'), made(3)];
    await store(db, rs);
    // Only the key an id does not stand for is an index entry.
    expect((await db.pages.toArray()).flatMap((p) => p.keys)).toEqual(['example.org/canonical/2']);
    expect((await knownUrlKeys(db, pairs(['example.org/made/1', 'example.org/canonical/2', 'example.org/made/9']))).known).toEqual(new Set(['example.org/made/1', 'example.org/canonical/2']));
    const all = await allUrlKeys(db);
    expect((await all.known(db, pairs(['example.org/made/1', 'example.org/made/2', 'example.org/canonical/2', 'example.org/made/9']))).known).toEqual(new Set(['example.org/made/1', 'example.org/made/2', 'example.org/canonical/2']));
    expect(await reportByUrlKeys(db, ['example.org/made/3'])).toEqual(rs[2]);
    expect(await reportByUrlKeys(db, ['example.org/canonical/2'])).toEqual(rs[1]);
    expect(await reportByUrlKeys(db, ['example.org/made/9'])).toBeUndefined();
    db.close();
  });

  it('a page written with every key (before session 8) is read as before', async () => {
    const db = openDb(`pages-keys-old-${Math.random()}`);
    const r = made(4);
    await store(db, [r]);
    await db.pages.update(1, { keys: r.keys! });
    expect((await knownUrlKeys(db, pairs(r.keys!))).known).toEqual(new Set(r.keys));
    expect((await (await allUrlKeys(db)).known(db, pairs([r.keys![0]!]))).known.has(r.keys![0]!)).toBe(true);
    expect(await reportByUrlKeys(db, r.keys!)).toEqual(r);
    db.close();
  });

  it('a report whose id stands for no key of its own is found by its keys', async () => {
    const db = openDb(`pages-keys-other-${Math.random()}`);
    // An id another way (report() ids are not hashes): every key is indexed.
    await store(db, [report(5)]);
    expect((await db.pages.toArray())[0]!.keys).toEqual(report(5).keys);
    expect(await reportByUrlKeys(db, [report(5).keys![0]!])).toEqual(report(5));
    db.close();
  });
});

describe('the move of a v8 database (a row a report) into pages', () => {
  it('reads every report before, during and after the move; a move stopped half way goes on after reopening', async () => {
    const name = `move-${Math.random()}`;
    const all = Array.from({ length: 300 }, (_, i) => report(i, i % 3 ? 'import-1' : 'import-2'));
    const old = new Dexie(name);
    for (const s of SCHEMA_HISTORY.filter((h) => h.version <= 8)) old.version(s.version).stores(s.stores);
    await old.table('reports').bulkPut(all);
    old.close();

    let db = openDb(name);
    expect(await db.pages.count()).toBe(0);
    await readsAll(db, all);
    // Stopped after three slices (a worker stopped by the browser).
    expect(await moveToPages(db, 50, 150)).toBe(150);
    expect(await db.reports.count()).toBe(150);
    await readsAll(db, all);
    // A report written meanwhile goes to a page, beside the moved ones.
    const fresh = report(1000, 'import-2');
    await store(db, [fresh]);
    db.close();

    db = openDb(name);
    await readsAll(db, [...all, fresh]);
    expect(await moveToPages(db, 50)).toBe(150);
    expect(await db.reports.count()).toBe(0);
    expect(await db.pages.count()).toBe(Math.ceil(301 / PAGE));
    await readsAll(db, [...all, fresh]);
    expect(await moveToPages(db, 50)).toBe(0);
    db.close();
  });
});
