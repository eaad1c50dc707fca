// The five seeds analysed against what a reader finds in them (written down by reading each).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFromText } from '../../../lib/extract/text';
import { analyse, type Analysis } from '../../../lib/claims';

interface Expect {
  entities: string[];
  /** Per claim: the source's gazetteer id, or its words when it has none; "a<b" = a via b. */
  claims: string[];
  frames: string[];
}

const SEEDS: Record<string, Expect> = {
  '000_3026c8e06fc5ff61': {
    entities: ['islamic-state', 'regime-forces', 'kweires-airbase', 'aleppo-countryside-east', 'aleppo-countryside', 'pro-regime-militias', 'al-mayadeen', 'iran', 'russia', 'is-media', 'sheikh-ahmad', 'tartus', 'syria', 'assad-regime', 'vienna', 'opposition', 'homs-countryside', 'latakia', 'damascus', 'hama-countryside', 'khanasser-road', 'aleppo', 'safira', 'aleppo-countryside-se', 'aleppo-free-zone', 'aleppo-central-prison', 'aleppo-juvenile-prison', 'jabal-antar', 'aleppo-countryside-north', 'sheikh-najjar', 'handarat', 'breij'],
    claims: ['al-mayadeen'],
    frames: ['withdrawal', 'aggression', 'handover'],
  },
  '001_06caed34417dd74e': {
    entities: ['islamic-state', 'regime-forces', 'deir-ez-zor', 'syria', 'activists', 'assad-hospital-deir', 'pro-regime-militias', 'assad-regime', 'damascus-deir-road', 'mayadin', 'bukamal', 'jorah', 'qusur', 'talaea-camp', 'al-araby-al-jadeed', 'deir-airbase', 'brigade-137', 'tahtouh', 'maleha-deir', 'damascus', 'informed-sources', 'palmyra', 'qaryatayn', 'homs-countryside-east', 'badia-cement', 'shaer-field', 'deir-silos', 'sadcop-deir', 'deir-university-housing'],
    claims: ['activists', 'المصادر', 'al-araby-al-jadeed', 'activists', 'هويدي', 'informed-sources'],
    frames: ['withdrawal', 'handover'],
  },
  '002_83ded0c87ab731c9': {
    entities: ['islamic-state', 'opposition', 'idlib', 'dahr-al-ghuzat', 'tamanah', 'maarat-al-numan', 'idlib-countryside-east', 'regime-forces', 'aleppo', 'hama', 'assad-regime', 'idlib-gov', 'russia', 'umm-al-khalakhil', 'abu-al-duhur', 'khanasser-road', 'raqqa', 'deir-ez-zor', 'hts', 'iraq-border'],
    claims: ['opposition'],
    frames: ['handover', 'withdrawal', 'collapse'],
  },
  '003_02036ec69402faed': {
    entities: ['regime-forces', 'quriyah', 'islamic-state', 'deir-ez-zor-countryside', 'pro-regime-militias', 'sdf', 'furat-post', 'badia', 'old-airport-deir', 'khasarat', 'kanamat', 'deir-ez-zor', 'huwayjat-katea', 'junaynah', 'opposition', 'fsa', 'salihiyah-deir', 'baqras', 'khasham', 'muhasan', 'buamr', 'bulayl', 'tob', 'observers', 'raqqa', 'iraq', 'syria', 'idlib', 'aleppo'],
    claims: ['furat-post', 'observers', 'آخرون'],
    frames: ['withdrawal', 'handover', 'collapse'],
  },
  '004_5307e28d265a784d': {
    entities: ['opposition', 'islamic-state', 'marea', 'aleppo', 'opposition-sources', 'aleppo-countryside-north', 'field-sources', 'eldorar', 'ahrar-al-sham', 'malikiyah-azaz', 'azaz', 'aleppo-countryside', 'media-office', 'umm-al-housh', 'assad-regime', 'syrian-state-tv', 'regime-forces', 'military-sources', 'aleppo-countryside-east', 'kweires-airbase', 'sheikh-najjar', 'bashkoy', 'nubl', 'zahraa', 'shuwayhina-hill', 'scientific-research-aleppo', 'aleppo-west-gate', 'syria', 'hasakah', 'palmyra', 'homs-countryside', 'amaq', 'coalition', 'ghuwayran', 'nashwa', 'sana', 'activists', 'jazal-field', 'bayarat', 'hasakah-sports-city', 'mohammad-zaalan-al-ali'],
    claims: ['opposition-sources', 'field-sources<eldorar', 'ahrar-al-sham', 'field-sources<syrian-state-tv', 'military-sources', 'military-sources', 'amaq', 'mohammad-zaalan-al-ali<sana', 'activists'],
    frames: ['liberation', 'collapse', 'withdrawal'],
  },
};

const claimKey = (c: Analysis['claims'][number]) => [c.sourceId ?? c.source, ...c.via.map((v) => v.sourceId ?? v.source)].join('<');

/** Matches expected against found as multisets: [hits, expected, found]. */
function score(expected: string[], found: string[]): [number, number, number] {
  const left = [...found];
  let hits = 0;
  for (const e of expected) {
    const i = left.indexOf(e);
    if (i >= 0) {
      hits++;
      left.splice(i, 1);
    }
  }
  return [hits, expected.length, found.length];
}

describe('seeds analysed against what a reader finds in them', () => {
  const results = new Map<string, { a: Analysis; text: string; entities: [number, number, number]; claims: [number, number, number] }>();
  beforeAll(() => {
    for (const [seed, exp] of Object.entries(SEEDS)) {
      const x = extractFromText(readFileSync(`data/seeds/${seed}.txt`, 'utf8'));
      const text = [x.title, ...x.paragraphs].join('\n');
      const a = analyse(text);
      const ents = [...new Set(a.entities.map((e) => e.id))];
      const claims = a.claims.map(claimKey);
      const e = score(exp.entities, ents);
      const c = score(exp.claims, claims);
      results.set(seed, { a, text, entities: e, claims: c });
      const missed = exp.entities.filter((x) => !ents.includes(x));
      const extra = ents.filter((x) => !exp.entities.includes(x));
      console.log(`${seed}: entities ${e[0]}/${e[1]} expected, ${e[0]}/${e[2]} found${missed.length ? `, missed ${missed}` : ''}${extra.length ? `, extra ${extra}` : ''}; claims ${c[0]}/${c[1]}, ${c[0]}/${c[2]} [${claims.join(', ')}]`);
    }
  });

  for (const [seed, exp] of Object.entries(SEEDS)) {
    it(`${seed}: the frames a reader sees, and offsets that point at the words`, () => {
      const { a, text } = results.get(seed)!;
      for (const f of exp.frames) expect(a.framing.map((x) => x.frame), `${seed} frame ${f}`).toContain(f);
      for (const m of a.entities) expect(text.slice(m.start, m.end).length).toBeGreaterThan(1);
      for (const f of a.framing) expect(text.slice(f.start, f.end)).toBe(f.cue);
      for (const c of a.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    });
  }

  it('reaches recall ≥ 0.95 and precision ≥ 0.9 on entities and attributions together (printed)', () => {
    const sum = (k: 'entities' | 'claims', i: number) => [...results.values()].reduce((s, r) => s + r[k][i]!, 0);
    const hits = sum('entities', 0) + sum('claims', 0);
    const recall = hits / (sum('entities', 1) + sum('claims', 1));
    const precision = hits / (sum('entities', 2) + sum('claims', 2));
    const er = sum('entities', 0) / sum('entities', 1);
    const ep = sum('entities', 0) / sum('entities', 2);
    const cr = sum('claims', 0) / sum('claims', 1);
    const cp = sum('claims', 0) / sum('claims', 2);
    console.log(`seeds: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)} (entities ${er.toFixed(3)}/${ep.toFixed(3)} of ${sum('entities', 1)} expected, attributions ${cr.toFixed(3)}/${cp.toFixed(3)} of ${sum('claims', 1)})`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(cr).toBeGreaterThanOrEqual(0.9);
    expect(cp).toBeGreaterThanOrEqual(0.9);
  });
});
