// The event signature reads the names of a report's title and lede from the names the engine's
// analysis found in the longer start of the same text (lib/entities/prefix-matches.ts). It
// must give exactly what matching the prefix on its own gives: checked against matchEntities on
// the corpora's texts cut at many places, and on generated strings packed with gazetteer names
// (several words, clitics, weak names, names that run across the cut, quotes, list words).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scan, tokensBefore } from '../../../lib/arabic';
import { ENTITIES, aliasText } from '../../../lib/entities';
import { findEntities, matchEntities } from '../../../lib/entities/match';
import { prefixMatches } from '../../../lib/entities/prefix-matches';
import { rng } from '../../../bench/rng';
import { synthCorpus } from '../../../bench/synth';

const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string; publishedAt: string | null });
const texts = [...real, ...synthCorpus(200, 5).records].map((r) => ({ text: `${r.title}\n${r.text.slice(0, 2000)}`, date: r.publishedAt }));

const random = rng(33);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const names = ENTITIES.flatMap((e) => [e.name.ar, e.name.en, ...e.aliases.map(aliasText)]).filter(Boolean);
// Words a name's reading looks at around it: clitics, a definite adjective after a weak name, a
// plural "governorates" before a list, separators a name may or may not span.
const CLITICS = ['', '', 'و', 'ب', 'ل', 'وب', 'ف'];
const AROUND = ['السوري', 'الضريبي', 'محافظات', 'ريف', 'مدينة', 'قوات', 'قال', 'في', 'النشرة', 'الإخبارية'];
const GAPS = [' ', ' ', ' ', '، ', ' و', '\n', ' "', '" ', ' - ', '. ', ' «', '» '];
const generated = Array.from({ length: 1500 }, () => {
  let s = '';
  const n = 2 + Math.floor(random() * 14);
  for (let k = 0; k < n; k++) s += (random() < 0.6 ? pick(CLITICS) + pick(names) : pick(AROUND)) + pick(GAPS);
  return { text: s, date: random() < 0.5 ? null : pick(['2012-06-01', '2019-03-01', '2025-02-10']) };
});

/** The prefix's matches both ways, at `cut` of `text` scanned once (as the import's analysis reads it). */
function both(text: string, date: string | null, cut: number) {
  const toks = scan(text).tokens;
  const finds = findEntities(text, { date, tokens: toks });
  const prefix = text.slice(0, cut);
  const prefixToks = tokensBefore(text, toks, cut);
  return { got: prefixMatches(finds, prefix, { date, tokens: prefixToks }), want: matchEntities(prefix, { date, tokens: prefixToks }) };
}

describe('the matches of a prefix, read from the whole text\'s finds', () => {
  it('are matchEntities(prefix) on corpus texts and generated strings, cut anywhere', () => {
    const differ: Array<{ text: string; cut: number }> = [];
    let named = 0;
    for (const { text, date } of [...texts, ...generated]) {
      const cuts = new Set([0, 1, text.length, ...Array.from({ length: 6 }, () => Math.floor(random() * (text.length + 1)))]);
      for (const cut of cuts) {
        const { got, want } = both(text, date, cut);
        named += want.length;
        if (JSON.stringify(got) !== JSON.stringify(want)) differ.push({ text, cut });
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // The prefixes name many entities: an empty answer everywhere would not pass.
    expect(named).toBeGreaterThan(20_000);
  });

  it('cut inside a name, or inside a word, reads that name on the prefix alone', () => {
    const text = 'قصف على ريف حلب الشمالي وقوات النظام السوري في دير الزور';
    for (let cut = 0; cut <= text.length; cut++) {
      const { got, want } = both(text, '2025-02-10', cut);
      expect(got).toEqual(want);
    }
  });

  it('falls back to matching the prefix when it is not the start of the text or the date differs', () => {
    const text = 'قوات النظام في ريف حلب';
    const toks = scan(text).tokens;
    const finds = findEntities(text, { date: '2025-02-10', tokens: toks });
    const other = 'قوات سوريا الديمقراطية في الرقة';
    expect(prefixMatches(finds, other, { tokens: scan(other).tokens })).toEqual(matchEntities(other));
    expect(prefixMatches(finds, text, { date: '2012-01-01', tokens: toks })).toEqual(matchEntities(text, { date: '2012-01-01', tokens: toks }));
  });
});
