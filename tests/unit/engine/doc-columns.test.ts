// A worker keeps its segments' doc columns (lib/engine/doc-columns.ts). Their whole decode never
// runs while a query is under way (its slices took turns with a woken worker's first lookup and
// made it slower, bench/RESULTS.md 2026-12-06 session 12); meanwhile a query ranks from the rows
// read and opened, each candidate's block decoded alone, to the same signals.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { columnsLoaded, columnView, decodedColumns, loadAfter, queryBegan, queryEnded } from '../../../lib/engine/doc-columns';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { BLOCK_DOCS, decodeColumns, encodeColumns, minhashSketch, openColumns, type DocValues } from '../../../lib/engine/segments/columns';
import { readManifest } from '../../../lib/engine/segments/store';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A segment's documents from `first` on, every third number, over several blocks. */
const segment = (first: number, count: number): DocValues[] =>
  Array.from({ length: count }, (_, k) => ({
    n: first + 3 * k,
    day: k % 5 ? 19_000 + (k % 30) : null,
    outlet: `o${k % 4}`,
    dup: k % 7 ? null : first,
    entities: [`e${k % 50}`, `e${k % 9}`],
    sources: k % 3 ? [] : ['src:sohr'],
    sketch: k % 11 ? minhashSketch(Array.from({ length: 24 }, (_, j) => k * 977 + j * 131)) : null,
  }));

describe("a worker's doc columns", () => {
  it("give each document's signals from rows opened as from rows decoded whole", () => {
    const rows = [encodeColumns(segment(1, 3 * BLOCK_DOCS + 7)), encodeColumns(segment(10_000, BLOCK_DOCS + 3))];
    const decoded = columnView(rows.map((b) => decodeColumns(b)));
    const opened = columnView(rows.map((b) => openColumns(b)!));
    const article = Array.from({ length: 24 }, (_, j) => 5 * 977 + j * 131);
    const ns = [...segment(1, 3 * BLOCK_DOCS + 7), ...segment(10_000, BLOCK_DOCS + 3)].map((d) => d.n);
    for (const n of ns) {
      expect(opened.signals(n, article)).toEqual(decoded.signals(n, article));
      expect(opened.signals(n, article)).toBeDefined();
    }
    // Numbers no segment holds: before, between and after them.
    for (const n of [0, 2, 9_999, 10_001, 50_000]) expect(opened.signals(n, article)).toBeUndefined();
  });

  it('are read and opened while a query is under way, and decoded whole only once it has answered', async () => {
    const db = openDb(`cols-a-${Math.random()}`);
    await indexReports(db, real.slice(0, 120).map((r) => toReport(r, 'import', 'real-2025')));
    const name = db.name;
    db.close();
    const worker = openDb(name); // as a restarted worker: nothing kept
    const { segs } = await readManifest(worker);
    const query = {};
    queryBegan(worker, query);
    loadAfter(worker, segs);
    let loaded = false;
    void columnsLoaded(worker).then(() => (loaded = true));
    // Ample time for a row of 120 documents to be read and decoded, had nothing waited: it is read
    // and opened (a query that comes ranks from its candidates' blocks), not decoded whole.
    await sleep(100);
    expect(loaded).toBe(false);
    expect(decodedColumns(worker, segs)).not.toBeNull();
    queryEnded(worker, query);
    await columnsLoaded(worker);
    expect(loaded).toBe(true);
    expect(decodedColumns(worker, segs)).not.toBeNull();
    worker.close();
  });

  it('do not wait for a query that never answers longer than a bound', async () => {
    const db = openDb(`cols-b-${Math.random()}`);
    await indexReports(db, real.slice(0, 40).map((r) => toReport(r, 'import', 'real-2025')));
    const { segs } = await readManifest(db);
    queryBegan(db, {}); // never ended (a query that failed without saying so)
    loadAfter(db, segs);
    await columnsLoaded(db);
    expect(decodedColumns(db, segs)).not.toBeNull();
    db.close();
  }, 20_000);
});
