import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/analyse';

interface Out {
  entities: Array<Record<string, unknown>>;
  claims: Array<Record<string, unknown>>;
  framing: Array<Record<string, unknown>>;
}

interface Full {
  text: string;
  entities: Array<{ id: string; start: number; end: number }>;
  claims: Array<{ source: string; sourceId: string | null; qualifier: string | null; via: Array<{ sourceId: string | null }> }>;
  naming: unknown[];
}

const keys = (xs: Array<Record<string, unknown>>) => [...new Set(xs.map((x) => Object.keys(x).join(',')))];

describe('isnad analyse', () => {
  it('prints, as the command line runs it, exactly {entities: [{id,type,name,start,end}], claims: [{text,source,sourceType,cue}], framing: [{frame,cue,start,end}]}', { timeout: 120_000 }, async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['cli/isnad.ts', 'analyse', 'data/seeds/000_3026c8e06fc5ff61.txt', '--json'], { maxBuffer: 16 * 1024 * 1024 });
    const out = JSON.parse(stdout) as Out;
    expect(Object.keys(out)).toEqual(['entities', 'claims', 'framing']);
    expect(keys(out.entities)).toEqual(['id,type,name,start,end']);
    expect(keys(out.claims)).toEqual(['text,source,sourceType,cue']);
    expect(keys(out.framing)).toEqual(['frame,cue,start,end']);
    for (const e of out.entities) {
      expect(typeof e.id).toBe('string');
      expect(['place', 'actor', 'source']).toContain(e.type);
      expect(Number.isInteger(e.start) && Number.isInteger(e.end) && (e.start as number) < (e.end as number)).toBe(true);
    }
    expect(out.entities).toContainEqual(expect.objectContaining({ id: 'kweires-airbase', type: 'place', name: 'مطار كويرس العسكري' }));
    expect(out.claims).toEqual([{ text: expect.stringContaining('وأفادت قناة "الميادين" التابعة لإيران'), source: 'قناة "الميادين"', sourceType: 'pro-regime-media', cue: 'وأفادت' }]);
    expect(out.framing.map((f) => f.frame)).toContain('withdrawal');
  });

  it('gives, with --full, the text its offsets index, the qualifier and the chain a claim came through', async () => {
    const out = (await run(['data/seeds/004_5307e28d265a784d.txt', '--full'])) as Full;
    const amaq = out.entities.find((e) => e.id === 'amaq')!;
    expect(out.text.slice(amaq.start, amaq.end)).toBe('وكالة "أعماق"');
    expect(out.claims.find((c) => c.sourceId === 'amaq')!.qualifier).toBe('المقرّبة من تنظيم "داعش"');
    expect(out.claims.find((c) => c.via[0]?.sourceId === 'eldorar')!.sourceId).toBe('field-sources');
    expect(out.naming.length).toBeGreaterThan(0);
  });

  it('names the file and the reason on bad input', async () => {
    await expect(run([])).rejects.toThrow('missing <file>');
    await expect(run(['nope.txt'])).rejects.toThrow('nope.txt: no such file');
    await expect(run(['data/seeds/000_3026c8e06fc5ff61.txt', '--date', 'May'])).rejects.toThrow('--date: expected YYYY-MM-DD');
  });
});
