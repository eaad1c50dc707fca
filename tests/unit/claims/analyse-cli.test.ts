import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/analyse';

interface Out {
  text?: string;
  entities: Array<{ id: string; type: string; name: string; start: number; end: number }>;
  claims: Array<{ text: string; source: string; sourceType: string; cue: string; qualifier: string | null }>;
  framing: Array<{ frame: string; cue: string; start: number; end: number }>;
}

describe('isnad analyse', () => {
  it('prints entities, claims and framing for an article file', async () => {
    const out = (await run(['data/seeds/000_3026c8e06fc5ff61.txt', '--json'])) as Out;
    expect(Object.keys(out)).toEqual(['entities', 'claims', 'framing']);
    expect(out.entities).toContainEqual(expect.objectContaining({ id: 'kweires-airbase', type: 'place', name: 'مطار كويرس العسكري' }));
    expect(out.claims).toEqual([expect.objectContaining({ source: 'قناة "الميادين"', sourceType: 'pro-regime-media', cue: 'وأفادت', qualifier: 'التابعة لإيران' })]);
    expect(out.framing.map((f) => f.frame)).toContain('withdrawal');
  });

  it('gives, with --full, the text its offsets index', async () => {
    const out = (await run(['data/seeds/004_5307e28d265a784d.txt', '--full'])) as Out;
    const amaq = out.entities.find((e) => e.id === 'amaq')!;
    expect(out.text!.slice(amaq.start, amaq.end)).toBe('وكالة "أعماق"');
  });

  it('names the file and the reason on bad input', async () => {
    await expect(run([])).rejects.toThrow('missing <file>');
    await expect(run(['nope.txt'])).rejects.toThrow('nope.txt: no such file');
    await expect(run(['data/seeds/000_3026c8e06fc5ff61.txt', '--date', 'May'])).rejects.toThrow('--date: expected YYYY-MM-DD');
  });
});
