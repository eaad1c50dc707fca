// Outlet profiles: each outlet's naming and framing habits across the whole corpus, with counts
// of mentions and of reports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/compare';
import { loadCorpus } from '../../../cli/load';
import { outletProfiles } from '../../../lib/compare/profile';
import type { GroupReport, OutletProfile } from '../../../lib/compare/types';
import { fixtureAnalyser } from './fixture-analyser';

const r = (id: string, outlet: string, title: string, text: string): GroupReport => ({ id, outlet, title, text, publishedAt: null, url: '' });

describe('outlet profiles', () => {
  const profiles = outletProfiles(
    [
      r('a', 'orient-news', 'انسحاب داعش أمام قوات الأسد', 'قوات الأسد تتقدم بعد انسحاب داعش.'),
      r('b', 'orient-news', 'قوات الأسد', 'نقلت سانا.'),
      r('c', 'eremnews', 'الجيش السوري', 'تسليم. نقلت سانا وذكرت أعماق.'),
    ],
    fixtureAnalyser,
  );
  const of = (o: string) => profiles.find((p) => p.outlet === o)!;

  it('counts mentions and the reports they are in, per outlet', () => {
    expect(profiles.map((p) => [p.outlet, p.reports])).toEqual([['orient-news', 2], ['eremnews', 1]]);
    expect(of('orient-news').naming.find((n) => n.actorId === 'regime')!.terms).toEqual([{ term: 'قوات الأسد', count: 3, reports: 2 }]);
    expect(of('eremnews').naming.find((n) => n.actorId === 'regime')!.terms).toEqual([{ term: 'الجيش السوري', count: 1, reports: 1 }]);
    expect(of('orient-news').frames).toEqual([{ frame: 'withdrawal', count: 2, reports: 1 }]);
    expect(of('eremnews').frames).toEqual([{ frame: 'handover', count: 1, reports: 1 }]);
    expect(of('eremnews').sourceTypes).toEqual(expect.arrayContaining([{ type: 'state-media', count: 1 }, { type: 'jihadist-media', count: 1 }]));
  });
});

describe('compare --profile', () => {
  it("the seeds: Orient's words for the Assad forces and Eram's, in how many reports", async () => {
    const profiles = (await run(['--profile', '--json'])) as OutletProfile[];
    const terms = (o: string) => profiles.find((p) => p.outlet === o)!.naming.find((n) => n.actorId === 'regime-forces')!.terms;
    expect(profiles.find((p) => p.outlet === 'orient-news')!.reports).toBe(2);
    expect(terms('orient-news').find((t) => t.term === 'قوات الأسد')).toMatchObject({ reports: 2 });
    expect(terms('eremnews').map((t) => t.term)).toEqual(expect.arrayContaining(['الجيش السوري', 'الجيش النظامي']));
    expect(terms('eremnews').map((t) => t.term)).not.toContain('قوات الأسد');
    expect(profiles.find((p) => p.outlet === 'shaam')!.frames.map((f) => f.frame)).toEqual(expect.arrayContaining(['withdrawal', 'handover', 'collapse']));
  });

  it('a text held twice (the seed and the same page captured) counts once', async () => {
    // The seed as the built-in corpus holds it, now with the URL it was captured under.
    const seed = (await loadCorpus([], true, () => {})).find((r) => r.title.startsWith('للمرة الرابعة'))!;
    const file = join(mkdtempSync(join(tmpdir(), 'isnad-profile-')), 'captured.jsonl');
    writeFileSync(file, `${JSON.stringify({ url: 'https://orient-news.net/ar/news_show/92367', outlet: 'orient-news', title: seed.title, publishedAt: '2015-11-11', text: seed.text })}\n`);
    const profiles = (await run(['--profile', '--corpus', file, '--json'])) as OutletProfile[];
    expect(profiles.find((p) => p.outlet === 'orient-news')!.reports).toBe(2);
  });

  it('the real 2025 corpus: one profile per outlet, with as many reports as the file holds', async () => {
    const file = 'tests/fixtures/real-2025.jsonl';
    const perOutlet = new Map<string, number>();
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const { outlet } = JSON.parse(line) as { outlet: string };
      perOutlet.set(outlet, (perOutlet.get(outlet) ?? 0) + 1);
    }
    const profiles = (await run(['--profile', '--corpus', file, '--no-builtin', '--json'])) as OutletProfile[];
    // Every record's outlet is the registry's id: one profile per outlet, named in both languages.
    const byName = new Map(profiles.map((p) => [p.name.en, p.reports]));
    const registryName: Record<string, string> = { 'Horan Free': 'Horan Free League', Almodon: 'Al-Modon' };
    expect(byName).toEqual(new Map([...perOutlet].map(([o, n]) => [registryName[o] ?? o, n])));
    expect(profiles.every((p) => /^[a-z0-9-]+$/.test(p.outlet))).toBe(true);
    expect(profiles.map((p) => p.reports)).toEqual([...profiles.map((p) => p.reports)].sort((a, b) => b - a));
  });
});
