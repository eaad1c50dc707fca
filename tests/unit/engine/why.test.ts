// The in-page panel gets its related reports list first and their shared phrases after
// (lib/engine/explain.ts phrasesFor, lib/engine/context.ts whyFor): the list without phrases is the
// full answer's list, and the phrases asked for afterwards are the full answer's phrases.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { contextFor, whyFor } from '../../../lib/engine/context';
import { textCacheStats } from '../../../lib/corpus/text-cache';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { storeReader, type IndexReader } from '../../../lib/engine/reader';
import { searchRelated, searchWith, type Query } from '../../../lib/engine/search';
import type { Article } from '../../../lib/types';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const q = (i: number): Query => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });
const article = (i: number): Article => ({
  url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, paragraphs: real[i]!.text.split('\n'), pageType: 'article',
  publishedAt: { value: real[i]!.publishedAt, precision: 'day', source: 'meta' },
} as unknown as Article);

describe('related reports, list first and phrases after', () => {
  it('lists the same reports without phrases, and gives each the phrases of the full answer', async () => {
    const db = openDb(`why-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
    let withPhrases = 0;
    for (const i of [0, 7, 21]) {
      const full = await searchRelated(db, q(i));
      const listed = await searchRelated(db, q(i), { explain: false });
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((r) => r.sharedPhrases === undefined)).toBe(true);
      expect(listed).toEqual(full.map(({ sharedPhrases: _, ...r }) => r));
      const why = await whyFor(db, article(i), listed.map((r) => r.id));
      expect(why).toEqual(Object.fromEntries(full.map((r) => [r.id, { sharedPhrases: r.sharedPhrases, ...(r.archivedAt ? { archivedAt: r.archivedAt } : {}) }])));
      withPhrases += full.filter((r) => r.sharedPhrases!.length > 0).length;
    }
    // Not vacuous: some of these reports do share phrases with their article.
    expect(withPhrases).toBeGreaterThan(0);
    db.close();
  });

  it('reads no report text for the list when the doc rows keep the word counts, and the same list', async () => {
    const db = openDb(`why-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
    const store = storeReader(db);
    const asked: string[] = [];
    const counting: IndexReader = { ...store, texts: (ids) => (asked.push(...ids), store.texts(ids)) };
    for (const i of [0, 7, 21]) {
      const listed = await searchWith(counting, q(i), { explain: false });
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).toEqual((await searchRelated(db, q(i))).map(({ sharedPhrases: _, archivedAt: __, ...r }) => r));
    }
    expect(asked).toEqual([]);
    // With phrases, the texts of the reports shown are read (to find the phrases in), and only
    // theirs: the judged pool, larger, is judged from its rows.
    const shown = await searchWith(counting, q(7), { top: 3 });
    expect(shown.length).toBe(3);
    expect(new Set(asked)).toEqual(new Set(shown.map((r) => r.id)));
    expect((await searchWith(store, q(7), { top: 30, explain: false })).length).toBeGreaterThan(3);
    db.close();
  });

  it("gives the panel's context as a list without phrases, and answers for a report gone meanwhile with none", async () => {
    const db = openDb(`why-${Math.random()}`);
    await indexReports(db, real.slice(0, 60).map((r) => toReport(r, 'import', 'real-2025')));
    const { related } = await contextFor(db, article(7), 10, { explain: false });
    expect(related.length).toBeGreaterThan(0);
    expect(related.every((r) => r.sharedPhrases === undefined)).toBe(true);
    expect(await whyFor(db, article(7), ['no-such-report'])).toEqual({ 'no-such-report': { sharedPhrases: [] } });
    db.close();
  });

  it('refuses more ids than a panel shows, or ids that are not strings', async () => {
    const db = openDb(`why-${Math.random()}`);
    await expect(whyFor(db, article(0), Array.from({ length: 21 }, (_, k) => `r${k}`))).rejects.toThrow(/at most 20/);
    await expect(whyFor(db, article(0), [{}] as unknown as string[])).rejects.toThrow(/at most 20/);
    db.close();
  });

  it('finds the texts of a list\'s reports read ahead: its phrases read no page, and are the full answer\'s', async () => {
    const db = openDb(`ahead-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
    for (const i of [0, 7, 21]) {
      const listed = (await contextFor(db, article(i), 10, { explain: false })).related;
      expect(listed.length).toBeGreaterThan(0);
      // The read ahead is under way once the list is answered: its pages are read meanwhile.
      for (let k = 0; k < 100 && listed.some((r) => !textCacheStats(db).ids.includes(r.id)); k++) await new Promise((r) => setTimeout(r, 50));
      const pages = vi.spyOn(db.texts, 'bulkGet');
      const why = await whyFor(db, article(i), listed.map((r) => r.id));
      expect(pages).not.toHaveBeenCalled();
      pages.mockRestore();
      const full = (await contextFor(db, article(i))).related;
      expect(why).toEqual(Object.fromEntries(full.map((r) => [r.id, { sharedPhrases: r.sharedPhrases, ...(r.archivedAt ? { archivedAt: r.archivedAt } : {}) }])));
    }
    db.close();
  });
});
