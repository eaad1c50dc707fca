// A query with its segments' doc columns at hand reads the doc rows only of the candidates that
// can reach the judged pool (lib/engine/rank.ts rankLazily, doc-columns.ts): its answer must be
// the one read from every candidate's row, and it must read fewer rows. Checked on the real 2025
// corpus (with near-duplicate groups formed across two imports, so that a stored row's group is
// newer than its columns), and on a corpus where the event's city on its day decides (the fold
// goes on past a full pool for those reports).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb, type IsnadDB } from '../../../lib/db';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { columnsLoaded, holdColumns } from '../../../lib/engine/doc-columns';
import { recentPhases } from '../../../lib/engine/query-phases';
import { searchRelated, type Query } from '../../../lib/engine/search';
import type { ReportRecord } from '../../../lib/types';
import { reserveCorpus } from './reserve-corpus';
import { allDocs } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const asQuery = (r: ReportRecord): Query => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });

/** The same report told again by another outlet, a word changed: a near-duplicate. */
const retold = (r: ReportRecord, i: number): ReportRecord => ({ ...r, url: `https://example.org/retold/${i}`, outlet: 'eremnews', text: r.text.replace(/\s\S+\s*$/, ' اليوم.') });

/** Each query answered twice on one database: from a fresh handle (no columns: every candidate's
 *  row read), then once its columns are read (only the rows that can reach the pool). */
async function bothWays(db: IsnadDB, queries: Query[]): Promise<{ rowsRead: number[]; lazyRead: number[]; lazyReads: number[] }> {
  const rowsRead: number[] = [];
  const lazyRead: number[] = [];
  const lazyReads: number[] = [];
  for (const q of queries) {
    const fresh = openDb(db.name);
    const full = await searchRelated(fresh, q, { explain: false });
    rowsRead.push(recentPhases.at(-1)!.rows);
    // The columns are read once the query is answered (reader.idle), a task later.
    await new Promise((resolve) => setTimeout(resolve, 1));
    await columnsLoaded(fresh);
    const lazy = await searchRelated(fresh, q, { explain: false });
    lazyRead.push(recentPhases.at(-1)!.rows);
    lazyReads.push(recentPhases.at(-1)!.reads);
    expect(lazy).toEqual(full);
    // With the shared phrases too.
    expect(await searchRelated(fresh, q)).toEqual(await searchRelated(openDb(db.name), q));
    fresh.close();
  }
  return { rowsRead, lazyRead, lazyReads };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('ranking from the doc columns', () => {
  it('answers as from every row, reading fewer, near-duplicate groups newer than the columns included', async () => {
    const db = openDb(`lazy-a-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
    // A second import: near-duplicates of ten stored reports, whose rows become their group's first.
    await indexReports(db, real.slice(0, 40).filter((_, i) => i % 4 === 0).map((r, i) => toReport(retold(r, i), 'import', 'retold')));
    const grouped = (await allDocs(db)).filter((d) => d.dup !== null);
    expect(grouped.length).toBeGreaterThanOrEqual(10);
    const { rowsRead, lazyRead, lazyReads } = await bothWays(db, [...real.slice(0, 40).filter((_, i) => i % 2 === 0), ...real.slice(100, 110)].map(asQuery));
    expect(sum(lazyRead)).toBeLessThan(sum(rowsRead));
    // Each in one read (one round trip): its first read sized by the candidates' bounds. Reading 8
    // rows past the pool's size, 12 of these 30 took a second or third read (session 16).
    expect(lazyReads).toEqual(lazyReads.map(() => 1));
    db.close();
  }, 120_000);

  it('answers as from every row where the event city on its day reserves candidates', async () => {
    const db = openDb(`lazy-b-${Math.random()}`);
    const corpus = reserveCorpus('city', 300);
    await indexReports(db, corpus.records.map((r) => toReport(r, 'import', 'reserve')));
    const { rowsRead, lazyRead } = await bothWays(db, [corpus.article, corpus.partner].map(asQuery));
    expect(sum(lazyRead)).toBeLessThan(sum(rowsRead));
    // The partner, found only through the city's day, is still found.
    expect((await searchRelated(db, asQuery(corpus.article), { explain: false })).map((r) => r.url)).toContain(corpus.partner.url);
    db.close();
  }, 120_000);

  it('keeps no columns while an import writes, and reads them again once it has ended', async () => {
    const db = openDb(`lazy-c-${Math.random()}`);
    await indexReports(db, real.slice(0, 140).map((r) => toReport(r, 'import', 'real-2025')));
    const queries = real.slice(0, 40).filter((_, i) => i % 2 === 0).map(asQuery);
    const rowsRead = async () => {
      let rows = 0;
      for (const q of queries) {
        await searchRelated(db, q, { explain: false });
        await new Promise((resolve) => setTimeout(resolve, 1));
        await columnsLoaded(db);
        await searchRelated(db, q, { explain: false });
        rows += recentPhases.at(-1)!.rows;
      }
      return rows;
    };
    const lazy = await rowsRead();
    holdColumns(db); // as an import's batch does (index-store.ts writeBatch)
    const held = await rowsRead();
    expect(held).toBeGreaterThan(lazy);
    // An import's end (its segments merged into one) lets the next query's columns be read.
    await indexReports(db, real.slice(140).map((r) => toReport(r, 'import', 'real-2025')));
    expect(await rowsRead()).toBeLessThan(held);
    db.close();
  }, 120_000);
});
