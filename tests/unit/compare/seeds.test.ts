// The seed events through the real analysis (lib/claims over lib/entities) and the CLI's path:
// the article, its group from the ranking, the comparison.
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/compare';
import type { Comparison, ComparisonJson } from '../../../lib/compare/types';

const SEED = (n: string) => `data/seeds/${n}.txt`;

describe('seed 000 (Orient News) compared with its group', () => {
  let json: ComparisonJson;
  let full: Comparison;
  it('groups 000 with 004 (Eram News) and the other seeds', async () => {
    json = (await run([SEED('000_3026c8e06fc5ff61'), '--json'])) as ComparisonJson;
    full = (await run([SEED('000_3026c8e06fc5ff61'), '--full', '--json'])) as Comparison;
    expect(json.outlets.map((o) => o.outlet)).toEqual(expect.arrayContaining(['orient-news', 'eremnews']));
    // No seed is judged the same event as 000: the comparison says it stands on related reports.
    expect(full.basis).toBe('related');
  });

  it("keeps Orient's names apart from Eram's", () => {
    const terms = (outlet: string) => json.outlets.find((o) => o.outlet === outlet)!.naming.flatMap((n) => n.terms);
    const regime = (outlet: string) => json.outlets.find((o) => o.outlet === outlet)!.naming.find((n) => n.actor === 'قوات الأسد')?.terms ?? [];
    expect(terms('orient-news')).toEqual(expect.arrayContaining(['قوات الأسد', 'العدوان الروسي']));
    expect(regime('eremnews')).toEqual(expect.arrayContaining(['الجيش السوري', 'الجيش النظامي']));
    expect(regime('eremnews')).not.toContain('قوات الأسد');
    expect(terms('orient-news')).not.toContain('الجيش النظامي');
  });

  it("lists SANA (state media) and Amaq (jihadist media) among Eram's sources", () => {
    const sources = json.outlets.find((o) => o.outlet === 'eremnews')!.sources;
    expect(sources).toEqual(expect.arrayContaining([{ name: 'سانا', type: 'state-media' }, { name: 'وكالة أعماق', type: 'jihadist-media' }]));
  });

  it('shows a frame cue in its sentence', () => {
    const orient = full.outlets.find((o) => o.outlet === 'orient-news')!;
    const withdrawal = orient.frames.find((f) => f.frame === 'withdrawal')!;
    const x = withdrawal.contexts[0]!;
    expect(x.inTitle).toBe(true); // "تنظيم "الدولة" ينسحب أمام قوات الأسد"
    expect(x.text.slice(x.start, x.end)).toBe('ينسحب');
  });
});

describe('seed 003 (Shaam Network)', () => {
  it("recognises the headline question (تسليم or عجز) as carrying both frames", async () => {
    const full = (await run([SEED('003_02036ec69402faed'), '--full', '--json'])) as Comparison;
    const shaam = full.outlets.find((o) => o.outlet === 'shaam')!;
    const inTitle = (frame: string) => shaam.frames.find((f) => f.frame === frame)?.contexts.filter((x) => x.inTitle).map((x) => x.text.slice(x.start, x.end));
    expect(inTitle('handover')).toContain('تسليم');
    expect(inTitle('collapse')).toContain('عجز');
  });
});

describe('the CLI', () => {
  it('names the file and the reason for bad input', async () => {
    await expect(run(['no-such-file.txt', '--json'])).rejects.toThrow('no-such-file.txt: no such file');
    await expect(run([SEED('000_3026c8e06fc5ff61'), '--lang', 'fr'])).rejects.toThrow('--lang: expected ar or en, got "fr"');
  });
});
