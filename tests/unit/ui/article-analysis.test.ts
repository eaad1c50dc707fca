// The Context tab's analysis of an article: each entity once with how often it is named, by kind;
// each attributed claim with its source, kind, cue and sentence; gazetteer names for ids.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromText } from '../../../lib/extract/text';
import { articleAnalysis, entityNames } from '../../../lib/ui/article-analysis';

const article = (paragraphs: string[], date: string | null = '2017-10-22') => ({
  title: 't',
  paragraphs,
  publishedAt: { value: date, precision: 'day' as const, source: 'meta' as const },
});

describe('articleAnalysis', () => {
  const a = articleAnalysis(article([
    'وصلت قوات الأسد إلى بلدة القورية في ريف دير الزور، بعد انسحاب تنظيم الدولة منها.',
    'ونقلت مؤسسة "فرات بوست" عن مصادر محلية أن قوات الأسد دخلت القورية دون قتال.',
  ]));

  it('counts each entity once across paragraphs, in the article’s own words', () => {
    const quriyah = a.entities.find((e) => e.name.ar === 'القورية');
    expect(quriyah).toMatchObject({ type: 'place', count: 2 });
    expect(quriyah!.name.en).toBe('al-Quriyah');
    expect(a.entities.find((e) => e.name.ar === 'قوات الأسد')).toMatchObject({ type: 'actor', count: 2 });
    expect(new Set(a.entities.map((e) => e.id)).size).toBe(a.entities.length);
  });

  it('lists places, then actors, then sources; the most named first within each', () => {
    const order = { place: 0, actor: 1, source: 2 } as const;
    const kinds = a.entities.map((e) => order[e.type]);
    expect(kinds).toEqual([...kinds].sort((x, y) => x - y));
    const places = a.entities.filter((e) => e.type === 'place').map((e) => e.count);
    expect(places).toEqual([...places].sort((x, y) => y - x));
    expect(a.entities.some((e) => e.type === 'source' && e.name.en === 'Furat Post')).toBe(true);
  });

  it('gives who said what: the source as written and as the gazetteer names it, its kind, the cue, the chain, the sentence and its paragraph', () => {
    expect(a.claims).toHaveLength(1);
    const c = a.claims[0]!;
    // "ونقلت فرات بوست عن مصادر محلية": local sources speak, through Furat Post.
    expect(c.source).toBe('مصادر محلية');
    expect(c.sourceName?.en).toBe('local sources');
    expect(c.sourceType).toBe('unnamed');
    expect(c.cue).toBe('ونقلت');
    expect(c.via).toEqual(['مؤسسة "فرات بوست"']);
    expect(c.sentence).toContain('دخلت القورية');
    expect(c.paragraph).toBe(1);
  });

  it('an article without names or claims gives empty lists', () => {
    expect(articleAnalysis(article(['كان الطقس معتدلاً والسماء صافية طوال اليوم.'], null))).toEqual({ entities: [], claims: [] });
  });

  it('reads a real seed (Shaam, 22 October 2017, on al-Quriyah): Furat Post and observers as sources, places first', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const seeds = JSON.parse(readFileSync(join(root, 'data/seeds.json'), 'utf8')) as Array<{ file: string; outlet: string }>;
    const shaam = seeds.find((s) => s.outlet === 'shaam' && readFileSync(join(root, 'data', s.file), 'utf8').includes('القورية'))!;
    const r = articleAnalysis(extractFromText(readFileSync(join(root, 'data', shaam.file), 'utf8'), { outlet: 'shaam' }));
    expect(r.claims.map((c) => c.sourceName?.en)).toEqual(expect.arrayContaining(['Furat Post', 'observers']));
    expect(r.entities[0]).toMatchObject({ type: 'place', name: { en: 'Deir ez-Zor' } });
    expect(r.entities.find((e) => e.name.en === 'Syrian Democratic Forces')?.type).toBe('actor');
  });
});

describe('entityNames', () => {
  it('names known ids in both languages and leaves unknown ones out', () => {
    const known = articleAnalysis(article(['دخلت قوات الأسد القورية.'])).entities[0]!;
    const names = entityNames([known.id, 'no-such-entity']);
    expect(names[known.id]).toEqual(known.name);
    expect(Object.keys(names)).toEqual([known.id]);
  });
});
