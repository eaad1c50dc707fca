// After an upgrade empties the index (schema v8 did), the background rebuilds it from the stored
// reports (installBuiltin → ensureIndexed: ≈ 2 min at 100,000 reports). A lookup meanwhile does not
// wait for it: it answers from what is indexed so far and says how far the rebuild got; imports
// still wait for it.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CorpusPack } from '../../../lib/corpus/formats';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { contextFor, installBuiltin } from '../../../lib/engine/context';
import { engineHandlers } from '../../../lib/engine/handlers';
import { toReport } from '../../../lib/engine/index-store';
import type { Article, ReportRecord, TabContext } from '../../../lib/types';
import { allDocs } from './doc-table';

const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;
const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

const articleOf = (r: ReportRecord): Article => ({
  url: 'https://example.org/reading',
  outlet: 'orient-news',
  title: r.title,
  paragraphs: r.text.split('\n'),
  publishedAt: { value: r.publishedAt, source: 'meta' },
  canonicalUrl: null,
} as unknown as Article);

describe('a lookup while the index is rebuilt', () => {
  it('answers from the reports indexed so far, saying how many of how many, and fully once done', async () => {
    const db = openDb(`rebuild-${Math.random()}`);
    // Stored reports without an index: what the v8 upgrade leaves.
    await db.reports.bulkPut(real.map((r) => toReport(r, 'import', 'real-2025')));
    const article = articleOf(real[5]!);
    let during: TabContext | null = null;
    let indexedThen = new Set<string>();
    let steps = 0;
    let packIn = false;
    await installBuiltin(db, pack, {
      batch: 40,
      loaded: () => (packIn = true),
      progress: async () => {
        // The second step: 40 of the stored reports indexed, the rest not yet.
        if (++steps !== 2) return;
        expect(packIn).toBe(true);
        during = await contextFor(db, article, 10, { explain: false });
        indexedThen = new Set((await allDocs(db)).map((d) => d.id));
      },
    });
    expect(during!.indexing).toEqual({ done: 40, total: real.length });
    expect(during!.related.every((r) => indexedThen.has(r.id))).toBe(true);
    const after = await contextFor(db, article, 10, { explain: false });
    expect(after.indexing).toBeUndefined();
    expect(after.related.some((r) => !indexedThen.has(r.id))).toBe(true);
    db.close();
  }, 120_000);

  it('lets a lookup through while the rebuild holds imports back', async () => {
    const db = openDb(`rebuild-handlers-${Math.random()}`);
    await installBuiltin(db, pack);
    const handlers = engineHandlers(db, { lookups: () => Promise.resolve(), writes: () => new Promise(() => undefined) });
    const r = real[5]!;
    const related = await handlers['ui:related']({ query: { url: '', title: r.title, text: r.text, publishedAt: r.publishedAt }, top: 5, explain: false }, {} as never);
    expect(Array.isArray(related)).toBe(true);
    const begun = handlers['ui:import-begin']({ file: 'x.jsonl', total: 1, problems: [] }, {} as never);
    const first = await Promise.race([Promise.resolve(begun).then(() => 'import'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 50))]);
    expect(first).toBe('waiting');
    db.close();
  }, 60_000);
});
