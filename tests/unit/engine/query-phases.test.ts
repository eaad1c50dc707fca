// Each query's phases say when it began on the worker's clock (performance.now(), ms from the
// worker's start): bench/main-thread.ts places a woken worker's first lookup on the page's clock
// with it, between the page's extraction and the panel's first related report.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { decodeTime, recentPhases } from '../../../lib/engine/query-phases';
import { searchRelated } from '../../../lib/engine/search';
import { columnsLoaded } from '../../../lib/engine/doc-columns';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

describe("a query's phases", () => {
  it('record when the query began, and its phases fit between its start and its answer', async () => {
    const db = openDb(`phases-${Math.random()}`);
    await indexReports(db, real.slice(0, 60).map((r) => toReport(r, 'import', 'real-2025')));
    const r = real[5]!;
    const before = performance.now();
    await searchRelated(db, { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { explain: false });
    const after = performance.now();
    const p = recentPhases.at(-1)!;
    expect(p.began).toBeGreaterThanOrEqual(Math.floor(before * 10) / 10);
    expect(p.began).toBeLessThanOrEqual(after);
    const spent = p.analyse + p.postings + p.score + p.docs + p.explain;
    expect(spent).toBeGreaterThan(0);
    // Each lap is rounded to 0.1 ms: five of them may add up to 0.5 ms over.
    expect(p.began + spent).toBeLessThanOrEqual(after + 0.5);
    db.close();
  });

  it("tell the postings phase's decoding on the worker's thread from its wait for the reads", async () => {
    const db = openDb(`phases-decode-${Math.random()}`);
    await indexReports(db, real.slice(0, 60).map((r) => toReport(r, 'import', 'real-2025')));
    const r = real[7]!;
    const before = decodeTime.ms;
    await searchRelated(db, { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { explain: false });
    const p = recentPhases.at(-1)!;
    // Its blocks were decoded (a new database: none cached), within the phase and counted once.
    expect(p.blocks).toBeGreaterThan(0);
    expect(p.decode).toBeGreaterThan(0);
    expect(p.decode).toBeLessThanOrEqual(p.postings + 0.1);
    expect(p.decode).toBeLessThanOrEqual(decodeTime.ms - before + 0.1);
    db.close();
  });
});

describe("a query's misses", () => {
  it('count the doc rows read past the doc cache and the event documents unpacked, none when asked again', async () => {
    const db = openDb(`phases-misses-${Math.random()}`);
    await indexReports(db, real.slice(0, 60).map((r) => toReport(r, 'import', 'real-2025')));
    const r = real[9]!;
    const ask = () => searchRelated(db, { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { explain: false });
    await ask();
    const first = recentPhases.at(-1)!;
    // A new database: rows it ranked were read (some the import's own reads kept), and every
    // judged row's document unpacked.
    expect(first.rowsRead).toBeGreaterThan(0);
    expect(first.rowsRead).toBeLessThanOrEqual(first.rows);
    expect(first.eventDocs).toBeGreaterThan(0);
    expect(first.eventDocs).toBeLessThanOrEqual(first.rows);
    // Asked again (its candidates' rows from the doc columns now: fewer, all read before).
    await columnsLoaded(db);
    await ask();
    const again = recentPhases.at(-1)!;
    expect(again.rows).toBeGreaterThan(0);
    expect(again.rowsRead).toBe(0);
    expect(again.eventDocs).toBe(0);
    db.close();
  });
});
