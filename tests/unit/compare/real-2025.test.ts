// Real 2025 reports (tests/fixtures/real-2025.jsonl) compared end to end through the CLI's path.
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/compare';
import type { Comparison, ComparisonJson } from '../../../lib/compare/types';

const CORPUS = 'tests/fixtures/real-2025.jsonl';
const dir = mkdtempSync(join(tmpdir(), 'isnad-compare-'));
let files = 0;

/** One record of the corpus, as an article file for the CLI. */
function articleFile(titleHas: string, outlet: string): string {
  const line = readFileSync(CORPUS, 'utf8').split('\n').find((l) => l.includes(titleHas) && l.includes(`"outlet": "${outlet}"`));
  if (!line) throw new Error(`no ${outlet} record with ${titleHas}`);
  const file = join(dir, `${outlet.replace(/\W/g, '')}-${++files}.json`);
  writeFileSync(file, line);
  return file;
}

describe('OPEC Fund ready to return to Syria: three outlets on one day', () => {
  const file = articleFile('مستعدون للعودة إلى سوريا', 'Shaam Network');
  it('groups Shaam Network with Halab Today, each with its reports, sources and numbers', async () => {
    const json = (await run([file, '--corpus', CORPUS, '--no-builtin', '--json'])) as ComparisonJson;
    expect(json.event).toMatchObject({ from: '2025-06-18', to: '2025-06-18' });
    // The labelled event has Enab Baladi's report too; the event model (probability < 0.8) misses
    // it: one of the real 2025 same-event pairs bench/EVENTS.md counts as missed.
    expect(json.outlets.map((o) => o.outlet).sort()).toEqual(expect.arrayContaining(['halab-today', 'shaam']));
    for (const o of json.outlets) {
      expect(o.reports.length).toBeGreaterThan(0);
      expect(o.reports.every((r) => r.publishedAt === '2025-06-18' && r.url.startsWith('https://'))).toBe(true);
      // Every outlet quotes the Fund's director: an official source.
      expect(o.sources.some((s) => s.type === 'official')).toBe(true);
    }
    const usd = (outlet: string) => json.outlets.find((o) => o.outlet === outlet)!.numbers.filter((n) => n.text.includes('دولار')).map((n) => n.value);
    expect(usd('shaam')).toContain(20_000_000_000);
    expect(usd('halab-today')).toContain(20_000_000_000);
  });

  it('exports the comparison as Markdown and CSV', async () => {
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (chunks.push(s), true)) as typeof process.stdout.write;
    try {
      await run([file, '--corpus', CORPUS, '--no-builtin', '--csv']);
      await run([file, '--corpus', CORPUS, '--no-builtin', '--markdown', '--lang', 'en']);
    } finally {
      process.stdout.write = write;
    }
    const [csv, md] = chunks;
    expect(csv!.startsWith('\uFEFFoutlet,outlet_name,aspect')).toBe(true);
    expect(csv).toContain('halab-today,حلب اليوم,');
    expect(md).toContain('## Who published first');
    expect(md).toContain('\u2068Halab Today\u2069');
  });

  it('the full model says the group is of the same event', async () => {
    const full = (await run([file, '--corpus', CORPUS, '--no-builtin', '--full', '--json'])) as Comparison;
    expect(full.basis).toBe('same-event');
    expect(full.outlets.find((o) => o.current)!.outlet).toBe('shaam');
  });
});

describe('the denial that Damascus airport was closed', () => {
  const file = articleFile('ينفي إغلاق مطار دمشق', 'Shaam Network');
  it('compares Shaam Network with Syria TV: the two denials (the labelled event), not the other airport news of those days', async () => {
    const full = (await run([file, '--corpus', CORPUS, '--no-builtin', '--full', '--json'])) as Comparison;
    expect(full.basis).toBe('same-event');
    const by = Object.fromEntries(full.outlets.map((o) => [o.outlet, o]));
    // tests/fixtures/real-2025-events.json: the denial is Shaam Network's and Syria TV's. Enab
    // Baladi's flydubai story (two days before) and SANA's rerouted flights are other incidents at
    // the same airport: related, not this event. (Syria TV's pilgrims' flight, which retells the
    // denial in its second paragraph, may join Syria TV's column.)
    expect(Object.keys(by).sort()).toEqual(['shaam', 'syria-tv']);
    expect(full.event.to).toBe('2025-06-19');
    // Shaam reported the denial on the 18th, Syria TV a day later.
    expect(by.shaam!.first).toBe('2025-06-18');
    expect(by['syria-tv']!.first).toBe('2025-06-19');
    expect(by['syria-tv']!.lagDays! - by.shaam!.lagDays!).toBe(1);
    expect(by['syria-tv']!.reports.map((r) => r.title)).toContain('الهيئة العامة للطيران المدني السوري تنفي إغلاق مطار دمشق الدولي');
    // Both denials cite the civil aviation authority: an official source in each.
    expect(by.shaam!.sources.some((s) => s.type === 'official')).toBe(true);
    expect(by['syria-tv']!.sources.some((s) => s.type === 'official')).toBe(true);
  });
});
