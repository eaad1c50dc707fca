// Relations from the engine, judged by the event model: the exchange-rate report relates to
// nothing in the built-in corpus, results carry their probability and event, and a pair keeps
// its relation whether the corpus holds 5 reports or a thousand more.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines, type CorpusPack } from '../../../lib/corpus/formats';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { installBuiltin } from '../../../lib/engine/context';
import type { ReportRecord } from '../../../lib/types';
import { searchRelated, type Query } from '../../../lib/engine/search';
import { synthCorpus } from '../../../bench/synth';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const events = (JSON.parse(readFileSync('tests/fixtures/real-2025-events.json', 'utf8')) as { sameEvent: string[][] }).sameEvent;
const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;
const rate = JSON.parse(readFileSync('tests/fixtures/exchange-rate/report.json', 'utf8')) as ReportRecord;
const byUrl = new Map(real.map((r) => [r.url, r]));
const q = (r: ReportRecord): Query => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });

describe('relations from the event model', () => {
  it('relates the exchange-rate report to nothing in the built-in corpus', async () => {
    const db = openDb(`rate-${Math.random()}`);
    await installBuiltin(db, pack);
    expect(await searchRelated(db, q(rate))).toEqual([]);
  });

  it('gives each result its probability, its event and what agreed and differed', async () => {
    const db = openDb(`shape-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
    const [a, b] = events.find((g) => g.some((u) => u.includes('غراد')))!.map((u) => byUrl.get(u)!);
    const related = await searchRelated(db, q(a!));
    const partner = related.find((r) => r.url === b!.url)!;
    expect(partner.relation).toBe('same-event');
    expect(partner.probability).toBeGreaterThanOrEqual(0.8);
    expect(partner.event).toMatchObject({ place: { id: expect.any(String) }, day: expect.stringMatching(/^2025-06-\d\d$/) });
    expect(partner.agreed!.length).toBeGreaterThan(0);
    for (const r of related) expect(r.relation === 'same-event').toBe(r.probability! >= 0.8);
  });

  it('ranks a related report that may yet be the same incident before one related only by its place', async () => {
    const report = (outlet: string, title: string, text: string, publishedAt: string): ReportRecord => ({
      url: `https://example.org/${outlet}/${publishedAt}`, outlet, title, text, publishedAt,
    });
    const shellingText = 'قتل 4 مدنيين وأصيب آخرون اليوم بقصف مدفعي لقوات النظام استهدف كفرنبل في ريف إدلب الجنوبي، بحسب الدفاع المدني.';
    const article = report('enab-baladi', 'مقتل 4 مدنيين بقصف مدفعي على كفرنبل', shellingText, '2025-03-02');
    // The same words two months before (lexically the best), and strikes on the town that very day told otherwise.
    const before = report('orient-news', 'مقتل 4 مدنيين بقصف مدفعي على كفرنبل', shellingText, '2025-01-10');
    const thatDay = report('halab-today', 'غارات على كفرنبل', 'شنت طائرات حربية غارات على كفرنبل صباح اليوم دون ورود أنباء عن إصابات.', '2025-03-02');
    const db = openDb(`maybe-${Math.random()}`);
    await indexReports(db, [before, thatDay].map((r) => toReport(r, 'import', 'test')));
    const related = await searchRelated(db, q(article), { top: 10 });
    const [first, second] = related;
    expect(related.map((r) => r.relation)).toEqual(['related', 'related']);
    expect(first!.url).toBe(thatDay.url);
    expect(first!.probability).toBeGreaterThanOrEqual(0.5);
    expect(second!.url).toBe(before.url);
    expect(second!.probability).toBeLessThan(0.5);
    db.close();
  });

  it('keeps a pair\'s relation in a corpus of 5 reports and of 1,005', { timeout: 180_000 }, async () => {
    const pairs = events.slice(0, 6).map((g) => [byUrl.get(g[0]!)!, byUrl.get(g[1]!)!] as const);
    const relationIn = async (extra: ReportRecord[]) => {
      const out: string[] = [];
      for (const [a, b] of pairs) {
        const db = openDb(`size-${Math.random()}`);
        await indexReports(db, [b, ...real.filter((r) => r !== a && r !== b).slice(0, 3), ...extra].map((r) => toReport(r, 'import', 'test')));
        const hit = (await searchRelated(db, q(a), { top: 10 })).find((r) => r.url === b.url);
        out.push(`${a.title}: ${hit?.relation ?? 'none'}`);
        db.close();
      }
      return out;
    };
    const small = await relationIn([real[100]!]);
    const large = await relationIn([real[100]!, ...synthCorpus(1000, 5).records]);
    expect(large).toEqual(small);
  });
});
