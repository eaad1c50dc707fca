// A worker woken by an outlet's page readies the lookup (lib/engine/warm.ts): the index's segment
// dictionaries are read into the segment cache and the lexicon is read before the article comes,
// and the lookup that follows answers as it would have without.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { lexiconRead } from '../../../lib/engine/lexicon';
import { searchRelated, type Query } from '../../../lib/engine/search';
import { cacheOf, readManifest } from '../../../lib/engine/segments/store';
import { columnsLoaded, decodedColumns } from '../../../lib/engine/doc-columns';
import { recentPhases } from '../../../lib/engine/query-phases';
import { warmLookup } from '../../../lib/engine/warm';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const q = (i: number): Query => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });

/** A worker restarted on an index of the first `n` real reports: a fresh handle, nothing cached. */
async function restartedOn(n: number, key: string) {
  const db = openDb(`warm-${key}-${Math.random()}`);
  await indexReports(db, real.slice(0, n).map((r) => toReport(r, 'import', 'real-2025')));
  const name = db.name;
  db.close();
  return openDb(name);
}

describe('readying the lookup', () => {
  it('reads the segment dictionaries into the cache, and the lookup after answers the same', async () => {
    const cold = openDb(`warm-a-${Math.random()}`);
    const warmed = openDb(`warm-b-${Math.random()}`);
    for (const db of [cold, warmed]) await indexReports(db, real.slice(0, 80).map((r) => toReport(r, 'import', 'real-2025')));
    // A fresh handle on the same data: as a restarted worker, nothing cached.
    const name = warmed.name;
    warmed.close();
    const restarted = openDb(name);
    expect(cacheOf(restarted).bytes).toBe(0);
    await warmLookup(restarted);
    expect(cacheOf(restarted).bytes).toBeGreaterThan(0);
    // The lexicon of the doc rows' word counts is read.
    expect(lexiconRead(restarted)).toBe(true);
    expect(await searchRelated(restarted, q(7))).toEqual(await searchRelated(cold, q(7)));
    cold.close();
    restarted.close();
  });

  it("reads the segments' doc columns, so that the first lookup reads only the rows that can reach the judged pool", async () => {
    const db = openDb(`warm-d-${Math.random()}`);
    await indexReports(db, real.slice(0, 120).map((r) => toReport(r, 'import', 'real-2025')));
    const name = db.name;
    db.close();
    // Two restarted workers: one woken by a page first, one asked straight away.
    const asked = openDb(name);
    const answered = await searchRelated(asked, q(11), { explain: false });
    const rowsCold = recentPhases.at(-1)!.rows;
    asked.close();
    const woken = openDb(name);
    const { segs } = await readManifest(woken);
    expect(decodedColumns(woken, segs)).toBeNull();
    await warmLookup(woken);
    await columnsLoaded(woken);
    expect(decodedColumns(woken, segs)).not.toBeNull();
    expect(await searchRelated(woken, q(11), { explain: false })).toEqual(answered);
    const rowsWoken = recentPhases.at(-1)!.rows;
    expect(rowsWoken).toBeGreaterThan(0);
    expect(rowsWoken).toBeLessThan(rowsCold);
    woken.close();
  });

  it("asks the index's first reads and the doc columns even when its runs are not wanted (the article's lookup has come), and runs none", async () => {
    const restarted = await restartedOn(40, 'e');
    const { segs } = await readManifest(restarted);
    const wanted = vi.fn(() => false);
    await warmLookup(restarted, wanted, 5);
    // Asked before each run (the analysis, then the event model), each a task after the last.
    expect(wanted).toHaveBeenCalledTimes(2);
    expect(cacheOf(restarted).bytes).toBeGreaterThan(0);
    expect(lexiconRead(restarted)).toBe(true);
    await columnsLoaded(restarted);
    expect(decodedColumns(restarted, segs)).not.toBeNull();
    restarted.close();
  });

  it('asks the reads before its runs begin', async () => {
    const restarted = await restartedOn(40, 'f');
    // The first run is asked for once the reads are in: they did not wait for it.
    let readFirst: boolean | null = null;
    await warmLookup(restarted, () => {
      readFirst ??= cacheOf(restarted).bytes > 0 && lexiconRead(restarted);
      return false;
    }, 200);
    expect(readFirst).toBe(true);
    restarted.close();
  });

  it('does not fail on an empty corpus', async () => {
    const db = openDb(`warm-c-${Math.random()}`);
    await expect(warmLookup(db)).resolves.toBeUndefined();
    db.close();
  });
});
