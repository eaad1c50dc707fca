import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import type { CorpusPack } from '../../../lib/corpus/formats';
import { installBuiltin, contextFor } from '../../../lib/engine/context';
import { extractFromText } from '../../../lib/extract/text';
import { countReports, reportsWhere } from '../../../lib/corpus/report-pages';

const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;

describe('built-in corpus', () => {
  it('loads the five seeds idempotently: two installs leave five reports', async () => {
    const db = openDb(`builtin-${Math.random()}`);
    await installBuiltin(db, pack);
    await installBuiltin(db, pack);
    expect(await countReports(db)).toBe(5);
    const outlets = (await reportsWhere(db)).map((r) => r.outlet).sort();
    expect(outlets).toEqual(['eremnews', 'idlib24', 'orient-news', 'orient-news', 'shaam']);
  });

  it('answers a seed article with related reports read from IndexedDB, never itself', async () => {
    const db = openDb(`ctx-${Math.random()}`);
    await installBuiltin(db, pack);
    const article = extractFromText(readFileSync('data/seeds/000_3026c8e06fc5ff61.txt', 'utf8'));
    const ctx = await contextFor(db, article);
    const titles = ctx.related.map((r) => r.title);
    expect(titles).toContain(pack.reports[4]!.title);
    expect(titles).not.toContain(pack.reports[0]!.title);
  });

  it('is built from the seed files by the script, one report per seed', () => {
    const seeds = JSON.parse(readFileSync('data/seeds.json', 'utf8')) as Array<{ outlet: string }>;
    expect(pack.reports.map((r) => r.outlet)).toEqual(seeds.map((s) => s.outlet));
    for (const r of pack.reports) expect(r.text.length).toBeGreaterThan(1000);
  });
});
