// The benchmark's synthetic corpus is frozen: its places and actors come from a committed list
// (bench/data/synth-names.json), not the live gazetteer, and its background prose from a source
// whose digest the list records. A gazetteer change leaves the corpus as it was; a changed source
// is refused with the reason rather than giving figures that no longer compare.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backgroundText, synthNames } from '../../../bench/synth-names';
import { synthCorpus } from '../../../bench/synth';

describe('the frozen names of the synthetic corpora', () => {
  it('draws events from the frozen list only, never from the gazetteer', () => {
    const src = readFileSync('bench/synth.ts', 'utf8');
    expect(src).not.toMatch(/lib\/entities/);
    const names = synthNames();
    expect(names.places.length).toBeGreaterThan(300);
    expect(names.actors.length).toBeGreaterThan(50);
    const corpus = synthCorpus(300, 2);
    const told = corpus.groups.map((g) => corpus.records[g[0]!]!).map((r) => `${r.title}\n${r.text}`);
    // Every event names one of the frozen places.
    const all = names.places.flat();
    for (const text of told) expect(all.some((n) => text.includes(n))).toBe(true);
  });

  it('refuses a background source other than the one it was frozen with, saying why', () => {
    const names = synthNames();
    expect(backgroundText(names).length).toBeGreaterThan(100_000);
    expect(() => backgroundText({ ...names, background: { ...names.background, sha256: '0'.repeat(64) } })).toThrow(/real-2025\.jsonl changed .*freeze-names/);
  });
});
