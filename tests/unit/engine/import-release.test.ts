// What an import's merges read of the segments they merge away (their doc columns and blocks: ≈ 13.6
// MB at 100,000 reports, bench/RESULTS.md session 19 (warm20)) is let go when the import ends, not
// kept until the next query reads the manifest.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { compact, indexReports, toReport } from '../../../lib/engine/index-store';
import { cacheOf, readManifest } from '../../../lib/engine/segments/store';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

it('keeps nothing of merged-away segments once an import has ended', async () => {
  const db = openDb(`import-release-${Math.random()}`);
  // Small batches: a segment each, merged as the import goes and wholly at its end.
  await indexReports(db, real.map((r) => toReport(r, 'import', 'real')), 7);
  expect((await readManifest(db)).segs.length).toBeGreaterThan(1);
  // The import's end (imports.ts): every segment merged into one.
  expect(await compact(db, { all: true })).toBeGreaterThan(0);
  const live = (await readManifest(db)).segs.map((x) => x.s);
  expect(live.length).toBe(1);
  const c = cacheOf(db);
  const held = c.size;
  // Dropping what is not live drops nothing: it went when the import ended.
  c.keepOnly(live);
  expect(c.size).toBe(held);
});
