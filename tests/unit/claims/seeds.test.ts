// The five seeds analysed against what a reader finds in them (written down by reading each).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFromText } from '../../../lib/extract/text';
import { analyse, type Analysis } from '../../../lib/claims';
import { claimKey, scoreKeys, type Score } from './score';

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
    entities: ['islamic-state', 'opposition', 'idlib', 'dahr-al-ghuzat', 'tamanah', 'maarat-al-numan', 'idlib-countryside-east', 'regime-forces', 'aleppo', 'hama', 'assad-regime', 'idlib-gov', 'russia', 'umm-al-khalakhil', 'abu-al-duhur', 'khanasser-road', 'raqqa', 'deir-ez-zor', 'hts', 'iraq-border', 'aleppo-gov', 'hama-gov'],
    claims: ['opposition'],
    frames: ['handover', 'withdrawal', 'collapse'],
  },
  '003_02036ec69402faed': {
    entities: ['regime-forces', 'quriyah', 'islamic-state', 'deir-ez-zor-countryside', 'pro-regime-militias', 'sdf', 'furat-post', 'badia', 'old-airport-deir', 'khasarat', 'kanamat', 'deir-ez-zor', 'huwayjat-katea', 'junaynah', 'opposition', 'fsa', 'salihiyah-deir', 'baqras', 'khasham', 'muhasan', 'buamr', 'bulayl', 'tob', 'observers', 'raqqa', 'iraq', 'syria', 'idlib', 'aleppo', 'deir-ez-zor-gov', 'raqqa-gov'],
    claims: ['furat-post', 'observers', 'آخرون'],
    frames: ['withdrawal', 'handover', 'collapse'],
  },
  '004_5307e28d265a784d': {
    entities: ['opposition', 'islamic-state', 'marea', 'aleppo', 'opposition-sources', 'aleppo-countryside-north', 'field-sources', 'eldorar', 'ahrar-al-sham', 'malikiyah-azaz', 'azaz', 'aleppo-countryside', 'media-office', 'umm-al-housh', 'assad-regime', 'syrian-state-tv', 'regime-forces', 'military-sources', 'aleppo-countryside-east', 'kweires-airbase', 'sheikh-najjar', 'bashkoy', 'nubl', 'zahraa', 'shuwayhina-hill', 'scientific-research-aleppo', 'aleppo-west-gate', 'syria', 'hasakah', 'palmyra', 'homs-countryside', 'amaq', 'coalition', 'ghuwayran', 'nashwa', 'sana', 'activists', 'jazal-field', 'bayarat', 'hasakah-sports-city', 'mohammad-zaalan-al-ali'],
    claims: ['opposition-sources', 'field-sources<eldorar', 'ahrar-al-sham', 'field-sources<syrian-state-tv', 'military-sources', 'military-sources', 'amaq', 'mohammad-zaalan-al-ali<sana', 'activists'],
    frames: ['liberation', 'collapse', 'withdrawal'],
  },
};

describe('seeds analysed against what a reader finds in them', () => {
  const results = new Map<string, { a: Analysis; text: string; entities: Score; claims: Score }>();
  beforeAll(() => {
    for (const [seed, exp] of Object.entries(SEEDS)) {
      const x = extractFromText(readFileSync(`data/seeds/${seed}.txt`, 'utf8'));
      const text = [x.title, ...x.paragraphs].join('\n');
      const a = analyse(text);
      const ents = [...new Set(a.entities.map((e) => e.id))];
      const claims = a.claims.map(claimKey);
      const e = scoreKeys(exp.entities, ents);
      const c = scoreKeys(exp.claims, claims);
      results.set(seed, { a, text, entities: e, claims: c });
      console.log(`${seed}: entities ${e.hits}/${e.expected} expected, ${e.hits}/${e.found} found${e.missed.length ? `, missed ${e.missed}` : ''}${e.extra.length ? `, extra ${e.extra}` : ''}; claims ${c.hits}/${c.expected}, ${c.hits}/${c.found} [${claims.join(', ')}]`);
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
    const sum = (k: 'entities' | 'claims', f: 'hits' | 'expected' | 'found') => [...results.values()].reduce((s, r) => s + r[k][f], 0);
    const hits = sum('entities', 'hits') + sum('claims', 'hits');
    const recall = hits / (sum('entities', 'expected') + sum('claims', 'expected'));
    const precision = hits / (sum('entities', 'found') + sum('claims', 'found'));
    const er = sum('entities', 'hits') / sum('entities', 'expected');
    const ep = sum('entities', 'hits') / sum('entities', 'found');
    const cr = sum('claims', 'hits') / sum('claims', 'expected');
    const cp = sum('claims', 'hits') / sum('claims', 'found');
    console.log(`seeds: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)} (entities ${er.toFixed(3)}/${ep.toFixed(3)} of ${sum('entities', 'expected')} expected, attributions ${cr.toFixed(3)}/${cp.toFixed(3)} of ${sum('claims', 'expected')})`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(cr).toBeGreaterThanOrEqual(0.9);
    expect(cp).toBeGreaterThanOrEqual(0.9);
  });
});
