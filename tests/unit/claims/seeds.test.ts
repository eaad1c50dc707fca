// The five seeds analysed against what a reader finds in them (written down by reading each).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
    entities: ['islamic-state', 'regime-forces', 'deir-ez-zor', 'syria', 'activists', 'assad-hospital-deir', 'pro-regime-militias', 'assad-regime', 'damascus-deir-road', 'mayadin', 'bukamal', 'jorah', 'qusur', 'talaea-camp', 'al-araby-al-jadeed', 'deir-airbase', 'brigade-137', 'tahtouh', 'maleha-deir', 'damascus', 'informed-sources', 'palmyra', 'qaryatayn', 'homs-countryside-east', 'badia-cement', 'shaer-field'],
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
    claims: ['furat-post', 'observers'],
    frames: ['withdrawal', 'handover', 'collapse'],
  },
  '004_5307e28d265a784d': {
    entities: ['opposition', 'islamic-state', 'marea', 'aleppo', 'opposition-sources', 'aleppo-countryside-north', 'field-sources', 'eldorar', 'ahrar-al-sham', 'malikiyah-azaz', 'azaz', 'aleppo-countryside', 'media-office', 'umm-al-housh', 'assad-regime', 'syrian-state-tv', 'regime-forces', 'military-sources', 'aleppo-countryside-east', 'kweires-airbase', 'sheikh-najjar', 'bashkoy', 'nubl', 'zahraa', 'shuwayhina-hill', 'scientific-research-aleppo', 'aleppo-west-gate', 'syria', 'hasakah', 'palmyra', 'homs-countryside', 'amaq', 'coalition', 'ghuwayran', 'nashwa', 'sana', 'activists', 'jazal-field', 'bayarat'],
    claims: ['opposition-sources', 'field-sources<eldorar', 'ahrar-al-sham', 'field-sources<syrian-state-tv', 'military-sources', 'military-sources', 'amaq', 'محافظ الحسكة محمد زعلل العلي<sana', 'activists'],
    frames: ['liberation', 'collapse', 'withdrawal'],
  },
};

function analysed(seed: string): Analysis {
  const a = extractFromText(readFileSync(`data/seeds/${seed}.txt`, 'utf8'));
  return analyse([a.title, ...a.paragraphs].join('\n'));
}

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
  const totals = { entities: [0, 0, 0], claims: [0, 0, 0] };
  for (const [seed, exp] of Object.entries(SEEDS)) {
    it(seed, () => {
      const a = analysed(seed);
      const ents = [...new Set(a.entities.map((e) => e.id))];
      const claims = a.claims.map(claimKey);
      const e = score(exp.entities, ents);
      const c = score(exp.claims, claims);
      e.forEach((v, i) => (totals.entities[i]! += v));
      c.forEach((v, i) => (totals.claims[i]! += v));
      const missed = exp.entities.filter((x) => !ents.includes(x));
      const extra = ents.filter((x) => !exp.entities.includes(x));
      console.log(`${seed}: entities ${e[0]}/${e[1]} expected, ${e[0]}/${e[2]} found${missed.length ? `, missed ${missed}` : ''}${extra.length ? `, extra ${extra}` : ''}; claims ${c[0]}/${c[1]}, ${c[0]}/${c[2]} [${claims.join(', ')}]`);
      for (const f of exp.frames) expect(a.framing.map((x) => x.frame), `${seed} frame ${f}`).toContain(f);
      // Every offset points at the words it names.
      const text = (() => { const x = extractFromText(readFileSync(`data/seeds/${seed}.txt`, 'utf8')); return [x.title, ...x.paragraphs].join('\n'); })();
      for (const m of a.entities) expect(text.slice(m.start, m.end).length).toBeGreaterThan(1);
      for (const f of a.framing) expect(text.slice(f.start, f.end)).toBe(f.cue);
    });
  }

  it('reaches recall ≥ 0.95 and precision ≥ 0.9 on entities and attributions together', () => {
    const hits = totals.entities[0]! + totals.claims[0]!;
    const recall = hits / (totals.entities[1]! + totals.claims[1]!);
    const precision = hits / (totals.entities[2]! + totals.claims[2]!);
    const er = totals.entities[0]! / totals.entities[1]!;
    const ep = totals.entities[0]! / totals.entities[2]!;
    const cr = totals.claims[0]! / totals.claims[1]!;
    const cp = totals.claims[0]! / totals.claims[2]!;
    console.log(`seeds: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)} (entities ${er.toFixed(3)}/${ep.toFixed(3)}, attributions ${cr.toFixed(3)}/${cp.toFixed(3)})`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(cr).toBeGreaterThanOrEqual(0.9);
    expect(cp).toBeGreaterThanOrEqual(0.9);
  });
});
