// A warm postings read asks for its terms' blocks in the segments the last manifest listed beside
// the manifest itself (segments/postings-read.ts): one round trip fewer before the postings. Those
// blocks are the read's only while the manifest lists the same segments; after a merge they are
// dropped and the live segments' read, with the same postings as a fresh handle's.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { compact, indexReports, readPostings, toReport } from '../../../lib/engine/index-store';
import { analyse, QUERY_WORDS } from '../../../lib/engine/features';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

/** A report's words as a query asks for them. */
const termsOf = (i: number): string[] => [...analyse(real[i]!.title, real[i]!.text, real[i]!.publishedAt, QUERY_WORDS).terms.keys()];

/** What a read asked of IndexedDB and when its manifest came: `segs` for a segment row asked,
 *  `manifest` when the manifest's request succeeded. */
function requests(): string[] {
  const log: string[] = [];
  const get = IDBObjectStore.prototype.get;
  vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
    const req = get.call(this, key);
    if (this.name === 'segs') log.push('segs');
    if (this.name === 'meta' && key === 'segments') req.addEventListener('success', () => log.push('manifest'));
    return req;
  });
  return log;
}

/** The postings as plain values, to compare two reads. */
const plain = (m: Awaited<ReturnType<typeof readPostings>>['postings']) => [...m].map(([t, p]) => [t, p.df, p.saturated, p.parts.map((x) => [[...x.ids], [...x.imp]])]);

/** A corpus of three segments (batches of 50, fewer than the merge's fan-out), and a fresh handle
 *  on it that has read the manifest and term indexes only (a warm worker's, none of its blocks). */
async function corpus(): Promise<ReturnType<typeof openDb>> {
  const writer = openDb(`postings-ahead-${Math.random()}`);
  await indexReports(writer, real.slice(0, 150).map((r) => toReport(r, 'import', 'real-2025')), 50);
  const db = openDb(writer.name);
  await readPostings(db, []);
  return db;
}

afterEach(() => vi.restoreAllMocks());

describe('a warm postings read', () => {
  it('asks for its blocks before its manifest has come, and reads what a fresh handle reads', async () => {
    const db = await corpus();
    const log = requests();
    const read = await readPostings(db, termsOf(7));
    expect(read.meta.segs.length).toBe(3);
    expect(log.filter((x) => x === 'segs').length).toBeGreaterThan(0);
    // Every block was asked for before the manifest's answer came.
    expect(log.at(-1)).toBe('manifest');
    vi.restoreAllMocks();
    const fresh = openDb(db.name);
    expect(plain(read.postings)).toEqual(plain((await readPostings(fresh, termsOf(7))).postings));
  });

  it('drops the blocks asked for segments merged away since its last manifest, and reads the live ones', async () => {
    const db = await corpus();
    // Every segment merged into one by another handle (another worker): this handle's last manifest is stale.
    const other = openDb(db.name);
    expect(await compact(other, { all: true })).toBe(1);
    const log = requests();
    const read = await readPostings(db, termsOf(7));
    expect(read.meta.segs.length).toBe(1);
    // The stale segments' blocks were asked for, then the live segment's once the manifest came.
    expect(log.indexOf('manifest')).toBeGreaterThan(0);
    expect(log.slice(log.indexOf('manifest') + 1)).toContain('segs');
    vi.restoreAllMocks();
    expect(plain(read.postings)).toEqual(plain((await readPostings(openDb(db.name), termsOf(7))).postings));
    expect(read.postings.get(termsOf(7)[0]!)!.df).toBeGreaterThan(0);
  });
});
