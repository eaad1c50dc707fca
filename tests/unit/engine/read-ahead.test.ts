// A worker reads ahead as it starts (lib/engine/warm.ts readAhead): the manifest and the term
// indexes, then the doc columns rows, opened as they come. A lookup asked meanwhile shares the
// term index reads under way (each row asked of IndexedDB once), and the columns rows are left
// until it has answered; a lookup after them reads only the doc rows of the candidates that can
// reach the judged pool — with the same answer; a lookup whose postings end while the columns rows
// are still read waits for them rather than read every candidate's row. The rows are asked only
// once no lookup has begun for a while after the term indexes (warm.ts LOOKUP_WINDOW_MS).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { copyReads } from './copy-reads';
import { columnsLoaded, decodedColumns, holdColumns, readColumnsAhead } from '../../../lib/engine/doc-columns';
import { indexReports, readPostings, toReport } from '../../../lib/engine/index-store';
import { recentPhases } from '../../../lib/engine/query-phases';
import { storeReader, type IndexReader } from '../../../lib/engine/reader';
import { searchRelated, searchWith, type Query } from '../../../lib/engine/search';
import type { Table } from 'dexie';
import { dropIndexCopies, type IndexCopy } from '../../../lib/engine/segments/index-copies';
import { cachedIndex, COLUMNS_ROW, INDEX_ROW, readManifest } from '../../../lib/engine/segments/store';
import { LOOKUP_WINDOW_MS, readAhead } from '../../../lib/engine/warm';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const q = (i: number): Query => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });

/** The keys of the `segs` rows asked for by primary key, in the order asked. */
function segGets(): Array<[number, number]> {
  const asked: Array<[number, number]> = [];
  const get = IDBObjectStore.prototype.get;
  vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
    if (this.name === 'segs' && Array.isArray(key)) asked.push([key[0] as number, key[1] as number]);
    return get.call(this, key);
  });
  return asked;
}

/** A corpus of several segments, and its name for a fresh handle (a restarted worker's). */
async function corpus(tag: string, reports = 150): Promise<string> {
  const db = openDb(`ahead-${tag}-${Math.random()}`);
  // Batches of 50: three segments, not merged (fewer than the merge's fan-out).
  await indexReports(db, real.slice(0, reports).map((r) => toReport(r, 'import', 'real-2025')), 50);
  const name = db.name;
  db.close();
  return name;
}

/** A lookup's answer and the doc rows it read in a worker that read nothing ahead. */
async function coldAnswer(name: string, query: Query): Promise<{ expected: unknown; rowsCold: number }> {
  const cold = openDb(name);
  const expected = await searchRelated(cold, query, { explain: false });
  const rowsCold = recentPhases.at(-1)!.rows;
  await columnsLoaded(cold); // its reads after its answer: not the next handle's
  cold.close();
  return { expected, rowsCold };
}

/** A cold lookup's answer, then a fresh handle whose read ahead is done, its columns opened. */
async function readWorker(tag: string, query: Query) {
  const name = await corpus(tag);
  const cold = await coldAnswer(name, query);
  const db = openDb(name);
  await readAhead(db);
  return { ...cold, db };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a worker's read ahead at its start", () => {
  it('asks for every term index (their copies, in one request beside the manifest), then the doc columns rows, each once, and opens the columns', async () => {
    const name = await corpus('order');
    const db = openDb(name);
    const { segs } = await readManifest(db);
    expect(segs.length).toBeGreaterThan(1);
    const asked = segGets();
    const copies = copyReads();
    await readAhead(db);
    expect(copies.n).toBe(1);
    expect(asked.map(([, k]) => k)).toEqual(segs.map(() => COLUMNS_ROW));
    expect(asked.map(([s]) => s).sort()).toEqual(segs.map((x) => x.s).sort());
    expect(segs.every((x) => cachedIndex(db, x.s))).toBe(true);
    expect(decodedColumns(db, segs)).not.toBeNull();
    db.close();
  });

  it('reads a term index from its segment where it has no copy (an index written before them), the same answer, and writes its copy for the next start', async () => {
    const name = await corpus('nocopy');
    const { expected } = await coldAnswer(name, q(11));
    const db = openDb(name);
    const { segs } = await readManifest(db);
    const copied = async () => (await Promise.all(segs.map((x) => (db.meta as unknown as Table<IndexCopy, string>).get(`ix:${x.s}`)))).map((c) => c && [...c.b].join());
    const before = await copied();
    await dropIndexCopies(db, [segs[0]!.s]);
    const asked = segGets();
    await readAhead(db);
    expect(asked.map(([s, k]) => `${s}:${k}`)).toEqual([`${segs[0]!.s}:${INDEX_ROW}`, ...segs.map((x) => `${x.s}:${COLUMNS_ROW}`)]);
    // Its copy written again after the read ahead, the same bytes.
    expect(await copied()).toEqual(before);
    expect(before.every((b) => b)).toBe(true);
    db.close();
    const next = openDb(name);
    vi.restoreAllMocks();
    const again = segGets();
    await readAhead(next);
    expect(again.filter(([, k]) => k === INDEX_ROW)).toEqual([]);
    next.close();
    const fresh = openDb(name);
    await dropIndexCopies(fresh, segs.map((x) => x.s));
    expect(await searchRelated(fresh, q(11), { explain: false })).toEqual(expected);
    fresh.close();
  });

  it('shares its term index reads with a lookup asked meanwhile, and leaves the columns rows until it has answered', async () => {
    const name = await corpus('share');
    const { expected, rowsCold } = await coldAnswer(name, q(11));

    const db = openDb(name);
    const asked = segGets();
    const ahead = readAhead(db);
    // The lookup that woke the worker, asked before anything was read.
    const got = await searchRelated(db, q(11), { explain: false });
    const byAnswer = asked.length;
    await ahead;
    await columnsLoaded(db);
    expect(got).toEqual(expected);
    const keys = asked.map(([s, k]) => `${s}:${k}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The lookup joined the read ahead (segments/postings-read.ts askPostings): its blocks were
    // asked in the read ahead's transaction once the term indexes came, each row once.
    const p = recentPhases.at(-1)!;
    const { segs: live } = await readManifest(db);
    // The term indexes came with the manifest (their copies): no segment's own row 0 was asked.
    expect(p.fetched).toBe(asked.slice(0, byAnswer).filter(([, k]) => k !== COLUMNS_ROW).length);
    expect(asked.filter(([, k]) => k === INDEX_ROW)).toEqual([]);
    expect(live.every((x) => cachedIndex(db, x.s))).toBe(true);
    expect(asked.slice(0, byAnswer).filter(([, k]) => k > COLUMNS_ROW).length).toBeGreaterThan(0);
    // No columns row was asked while it was under way (the row's read slowed it: session 15's
    // end); it read its candidates' rows, and the columns were read after its answer.
    expect(asked.slice(0, byAnswer).filter(([, k]) => k === COLUMNS_ROW)).toEqual([]);
    expect(p.rows).toBe(rowsCold);
    const { segs } = await readManifest(db);
    expect(asked.slice(byAnswer).filter(([, k]) => k === COLUMNS_ROW).length).toBe(segs.length);
    expect(decodedColumns(db, segs)).not.toBeNull();
    db.close();
  });

  it('leaves the columns rows to a lookup that begins within its window once the term indexes are in', async () => {
    const name = await corpus('window');
    const { expected, rowsCold } = await coldAnswer(name, q(17));
    const db = openDb(name);
    const { segs } = await readManifest(db);
    const asked = segGets();
    const ahead = readAhead(db);
    // The term indexes asked and answered, then the message that woke the worker handled a little
    // later (as a starting worker's is, after the browser's answer): within LOOKUP_WINDOW_MS.
    while (!segs.every((x) => cachedIndex(db, x.s))) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, LOOKUP_WINDOW_MS / 4));
    expect(asked.filter(([, k]) => k === COLUMNS_ROW)).toEqual([]);
    const got = await searchRelated(db, q(17), { explain: false });
    const byAnswer = asked.length;
    await ahead;
    await columnsLoaded(db);
    expect(got).toEqual(expected);
    // No columns row asked while the lookup was under way: it read its candidates' rows, and the
    // columns were read after its answer, each row once.
    expect(asked.slice(0, byAnswer).filter(([, k]) => k === COLUMNS_ROW)).toEqual([]);
    expect(recentPhases.at(-1)!.rows).toBe(rowsCold);
    expect(recentPhases.at(-1)!.colsWait).toBe(0);
    expect(asked.filter(([, k]) => k === COLUMNS_ROW).length).toBe(segs.length);
    expect(decodedColumns(db, segs)).not.toBeNull();
    db.close();
  });

  it('lets a lookup whose postings end while the columns rows are read wait for them: fewer doc rows, the same answer', async () => {
    const { expected, rowsCold, db } = await readWorker('pending', q(29));
    const store = storeReader(db);
    let rows = 0;
    // The columns still being read when the postings have been: they come 20 ms later.
    const reader: IndexReader = {
      ...store,
      postings: async (terms) => {
        const read = await store.postings(terms);
        expect(read.cols).not.toBeNull();
        return { ...read, cols: null, colsPending: new Promise((resolve) => setTimeout(() => resolve(read.cols!), 20)) };
      },
      docs: (ns) => ((rows += ns.length), store.docs(ns)),
    };
    expect(await searchWith(reader, q(29), { explain: false })).toEqual(expected);
    expect(rows).toBeLessThan(rowsCold);
    expect(recentPhases.at(-1)!.colsWait).toBeGreaterThan(10);
    db.close();
  });

  it('lets the first lookup after it rank from the opened columns: fewer doc rows, the same answer', async () => {
    const { expected, rowsCold, db } = await readWorker('rows', q(23));
    expect(await searchRelated(db, q(23), { explain: false })).toEqual(expected);
    expect(recentPhases.at(-1)!.rows).toBeLessThan(rowsCold);
    db.close();
  });

  it('keeps no columns row that came after an import held the columns', async () => {
    const name = await corpus('held');
    const db = openDb(name);
    await readPostings(db, []);
    const { segs } = await readManifest(db);
    const read = readColumnsAhead(db, segs);
    holdColumns(db); // an import's first batch, while the rows are read
    await read;
    expect(decodedColumns(db, segs)).toBeNull();
    db.close();
  });

  it('fails on a damaged columns row with an error naming its segment; the lookup reads its rows and answers the same', async () => {
    const name = await corpus('damaged');
    const cold = openDb(name);
    const expected = await searchRelated(cold, q(5), { explain: false });
    const { segs } = await readManifest(cold);
    await cold.segs.put({ s: segs[0]!.s, k: COLUMNS_ROW, b: new Uint8Array([0x43, 3, 0xff]) });
    cold.close();
    const db = openDb(name);
    await expect(readAhead(db)).rejects.toThrow(new RegExp(`${segs[0]!.s}.*doc columns|doc columns.*${segs[0]!.s}`));
    expect(decodedColumns(db, segs)).toBeNull();
    expect(await searchRelated(db, q(5), { explain: false })).toEqual(expected);
    db.close();
  });
});
