import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { corpusStats } from '../../../lib/corpus/stats';
import { searchCorpus } from '../../../lib/engine/context';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

describe('searching the corpus from the index', () => {
  it('finds every report holding all the words, in any spelling, with filters and a snippet', async () => {
    const db = openDb(`search-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real')));
    // Diacritics, hamza and ta marbuta do not matter; both words are required.
    const res = await searchCorpus(db, { text: 'صَواريخ غراد' });
    const expected = real.filter((r) => /صواريخ/.test(r.text + r.title) && /غراد/.test(r.text + r.title));
    expect(res.total).toBe(expected.length);
    expect(res.hits.map((h) => h.url).sort()).toEqual(expected.map((r) => r.url).sort());
    expect(res.hits[0]!.snippet).toMatch(/غراد|صواريخ/);
    // Imported records carry the registry's ids; a filter may name the outlet either way.
    const shaam = await searchCorpus(db, { text: 'صواريخ غراد', outlets: ['Shaam Network'] });
    expect(shaam.hits.every((h) => h.outlet === 'shaam')).toBe(true);
    expect(shaam.total).toBe(expected.filter((r) => r.outlet === 'shaam').length);
    expect(shaam.total).toBeGreaterThan(0);
    expect((await searchCorpus(db, { text: 'صواريخ غراد', outlets: ['شبكة شام'] })).total).toBe(shaam.total);
    const june2 = await searchCorpus(db, { from: '2025-06-02', to: '2025-06-02', outlets: ['sana'] });
    expect(june2.total).toBe(real.filter((r) => r.outlet === 'sana' && r.publishedAt === '2025-06-02').length);
    expect(june2.total).toBeGreaterThan(0);
    expect((await searchCorpus(db, { text: 'كلمةلاتوجد' })).total).toBe(0);
    const stats = await corpusStats(db);
    expect(stats.reports).toBe(real.length);
    expect(stats.byOutlet['shaam']).toBe(real.filter((r) => r.outlet === 'shaam').length);
  });
});
