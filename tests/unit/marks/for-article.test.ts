import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import type { CorpusPack } from '../../../lib/corpus/formats';
import { matchEntities } from '../../../lib/entities';
import { entityCard } from '../../../lib/engine/entity-card';
import { marksFor } from '../../../lib/marks/for-article';
import { installBuiltin } from '../../../lib/engine/context';
import { extractFromText } from '../../../lib/extract/text';

const seeds = JSON.parse(readFileSync('data/seeds.json', 'utf8')) as Array<{ file: string; outlet: string }>;
const seed = (n: number) => extractFromText(readFileSync(`data/${seeds[n]!.file}`, 'utf8'), { outlet: seeds[n]!.outlet });
const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;

describe('marks for an article', () => {
  const a = seed(0);
  const marks = marksFor(a);
  const words = (kind: string) => marks.filter((m) => m.kind === kind).map((m) => a.paragraphs[m.paragraph]!.slice(m.start, m.end));

  it('mark the page words of places, actors and sources, with their entity ids', () => {
    expect(words('place').join(' ')).toMatch(/كويرس/);
    expect(words('place').join(' ')).toMatch(/طرطوس/);
    expect(words('actor').join(' ')).toMatch(/الأسد/);
    expect(words('source').join(' ')).toMatch(/الميادين/);
    for (const m of marks.filter((m) => m.kind !== 'claim')) expect(m.entity).toBeTruthy();
  });

  it("carry each entity's gazetteer name, not the page's inflected words (the card's first heading)", () => {
    const m = marksFor({ paragraphs: ['وصل الوفد بدمشق ثم توجه إلى حلب.'], publishedAt: { value: '2017-01-01', precision: 'day', source: 'meta' } });
    const damascus = m.find((x) => x.kind === 'place' && x.name?.includes('دمشق'))!;
    expect(damascus.name).toBe(matchEntities('دمشق').find((e) => e.type === 'place')!.name);
    expect(damascus.name).not.toMatch(/^ب/);
    for (const x of m.filter((x) => x.kind !== 'claim')) expect(x.name).toBeTruthy();
  });

  it('mark the cue of each attributed claim, carrying its source', () => {
    const cues = marks.filter((m) => m.kind === 'claim');
    expect(cues.length).toBeGreaterThan(0);
    for (const c of cues) expect(a.paragraphs[c.paragraph]!.slice(c.start, c.end).trim().length).toBeGreaterThan(1);
    expect(cues.some((c) => c.entity)).toBe(true);
  });

  it('keep every offset inside its paragraph', () => {
    for (const m of marks) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(a.paragraphs[m.paragraph]!.length);
      expect(m.end).toBeGreaterThan(m.start);
    }
  });
});

describe('entity card', () => {
  it('counts and lists the corpus reports that name an entity, from the persistent index', async () => {
    const db = openDb(`card-${Math.random()}`);
    await installBuiltin(db, pack);
    const kweires = matchEntities('مطار كويرس العسكري').find((m) => m.type === 'place')!;
    const card = (await entityCard(db, kweires.id))!;
    expect(card.name.ar).toMatch(/كويرس/);
    expect(card.reports).toBeGreaterThanOrEqual(1);
    expect(card.recent.length).toBe(Math.min(card.reports, 5));
    const titles = card.recent.map((r) => r.title);
    expect(titles).toContain(seed(0).title);
    expect(Object.values(card.byOutlet).reduce((x, y) => x + y, 0)).toBe(card.reports);
  });

  it('answers null for an id the gazetteer does not know', async () => {
    const db = openDb(`card-${Math.random()}`);
    expect(await entityCard(db, 'no-such-entity')).toBeNull();
  });
});
