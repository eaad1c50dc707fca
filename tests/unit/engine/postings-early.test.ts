// A lookup that comes while a starting worker's read ahead has not asked for its blocks joins its
// terms to it as soon as its analysis has them (segments/postings-read.ts askPostings): their
// blocks are asked in the read ahead's transaction once the term indexes come, each row once; the
// terms it adds after that read has asked are read anew. Until the read's manifest and its term
// indexes' copies (segments/index-copies.ts) are asked,
// a lookup lets it go on a task before its analysis (reader.ts settle). Every way reads the
// postings a fresh handle reads, and a lookup answers as one that joined nothing.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { copyReads } from './copy-reads';
import { analyse, QUERY_WORDS } from '../../../lib/engine/features';
import { indexReports, readPostings, toReport } from '../../../lib/engine/index-store';
import { storeReader, type IndexReader } from '../../../lib/engine/reader';
import { searchWith, type Query } from '../../../lib/engine/search';
import { askPostings, readIndexesAhead } from '../../../lib/engine/segments/postings-read';
import { cachedIndex } from '../../../lib/engine/segments/store';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const q = (i: number): Query => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });
const termsOf = (i: number): string[] => [...analyse(real[i]!.title, real[i]!.text, real[i]!.publishedAt, QUERY_WORDS).terms.keys()];

/** The `segs` rows asked for by primary key, as "s:k", in the order asked. */
function segGets(): string[] {
  const asked: string[] = [];
  const get = IDBObjectStore.prototype.get;
  vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
    if (this.name === 'segs' && Array.isArray(key)) asked.push(`${String(key[0])}:${String(key[1])}`);
    return get.call(this, key);
  });
  return asked;
}

const plain = (m: Awaited<ReturnType<typeof readPostings>>['postings']) => [...m].map(([t, p]) => [t, p.df, p.saturated, p.parts.map((x) => [[...x.ids], [...x.imp]])]);

/** A corpus of three segments, its name for fresh handles. */
async function corpus(): Promise<string> {
  const writer = openDb(`postings-early-${Math.random()}`);
  await indexReports(writer, real.slice(0, 150).map((r) => toReport(r, 'import', 'real-2025')), 50);
  writer.close();
  return writer.name;
}

/** A handle that has read the manifest and term indexes (a running worker's). */
async function warmHandle(name: string) {
  const db = openDb(name);
  await readPostings(db, []);
  return db;
}

/** The postings of `terms` as a fresh handle reads them. */
async function freshRead(name: string, terms: string[]) {
  const db = openDb(name);
  const read = plain((await readPostings(db, terms)).postings);
  db.close();
  return read;
}

afterEach(() => vi.restoreAllMocks());

describe("a lookup's terms joined to a starting worker's read ahead", () => {
  it("joins a starting worker's read ahead: its blocks asked in that read once the term indexes came, each row once", async () => {
    const name = await corpus();
    const db = openDb(name);
    const asked = segGets();
    const ahead = readIndexesAhead(db);
    const early = askPostings(db, termsOf(9));
    expect(early).not.toBeNull();
    expect(asked).toEqual([]); // nothing asked yet: the term indexes first
    const extra = termsOf(70).filter((t) => !termsOf(9).includes(t));
    const read = await readPostings(db, [...termsOf(9), ...extra], early);
    const meta = await ahead;
    // The term indexes came with the manifest (their copies), then the blocks of both lists'
    // terms: one read, each row once, no segment's own term index row.
    expect(asked.filter((k) => k.endsWith(':0'))).toEqual([]);
    expect(meta.segs.every((x) => cachedIndex(db, x.s))).toBe(true);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size).toBe(asked.length);
    vi.restoreAllMocks();
    expect(plain(read.postings)).toEqual(await freshRead(name, [...termsOf(9), ...extra]));
    db.close();
  });

  it('is not joined once the read ahead has asked for its blocks: the terms added then are read anew, with the same postings', async () => {
    const name = await corpus();
    const db = openDb(name);
    const ahead = readIndexesAhead(db);
    const early = askPostings(db, termsOf(5).slice(0, 1));
    expect(early).not.toBeNull();
    await ahead; // its blocks asked and read: the other terms can no longer join
    const more = termsOf(60).filter((t) => t !== termsOf(5)[0]);
    expect(early!.add(more)).toBe(false);
    const read = await readPostings(db, [termsOf(5)[0]!, ...more], early);
    expect(plain(read.postings)).toEqual(await freshRead(name, [termsOf(5)[0]!, ...more]));
    // A running worker's query asks nothing early (no gain shown: bench/RESULTS.md, session 20).
    expect(askPostings(db, more)).toBeNull();
    db.close();
  });

  it("lets a starting worker's read ahead go on before a lookup's analysis until its manifest and term indexes' copies are asked, then not (the lookup's terms, then the place-day terms, still join)", async () => {
    const name = await corpus();
    const db = openDb(name);
    const copies = copyReads();
    const asked = segGets();
    const ahead = readIndexesAhead(db);
    const reader = storeReader(db);
    // Its manifest not handled yet: the lookup waits a task (each time) before its synchronous work.
    let tasks = 0;
    for (let wait = reader.settle!(); wait; wait = reader.settle!()) {
      expect(asked).toEqual([]);
      await wait;
      tasks++;
    }
    expect(tasks).toBeGreaterThan(0);
    // Then the manifest and the term indexes' copies have been asked (and nothing else), and a
    // lookup's terms can still join their blocks, and more terms after them.
    expect(copies.n).toBe(1);
    expect(asked).toEqual([]);
    const early = askPostings(db, termsOf(9));
    expect(early).not.toBeNull();
    expect(reader.settle!()).toBeUndefined();
    const more = termsOf(70).filter((t) => !termsOf(9).includes(t));
    const read = plain((await readPostings(db, [...termsOf(9), ...more], early)).postings);
    // Their blocks asked in the read ahead's transaction, each once.
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size).toBe(asked.length);
    vi.restoreAllMocks();
    expect(read).toEqual(await freshRead(name, [...termsOf(9), ...more]));
    await ahead;
    // A running worker's query does not wait.
    expect(storeReader(db).settle!()).toBeUndefined();
    db.close();
  });

  it('gives a lookup the answer of a reader that asks nothing early, warm and just started', async () => {
    const name = await corpus();
    for (const i of [11, 23, 47]) {
      const plainReader = (db: ReturnType<typeof openDb>): IndexReader => ({ ...storeReader(db), ask: undefined, settle: undefined });
      const expected = await searchWith(plainReader(openDb(name)), q(i), { explain: false });
      const started = openDb(name);
      void readIndexesAhead(started);
      expect(await searchWith(storeReader(started), q(i), { explain: false })).toEqual(expected);
      const warm = await warmHandle(name);
      expect(await searchWith(storeReader(warm), q(i), { explain: false })).toEqual(expected);
      [started, warm].forEach((d) => d.close());
    }
  });
});
