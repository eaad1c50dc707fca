// A report's words as bags of numbered words (lib/events/bag.ts), not Maps: a bag answers as the Map
// of its entries did, one outlet's pair loses its shared lines as the Map version did, and pairs are
// judged alike whether their bags were numbered before or after the numbering started again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { eventDoc, judge, judgeAmong, termVector } from '../../../lib/events';
import { Bag, wordGeneration } from '../../../lib/events/bag';
import { withoutSharedLines, type TermVector } from '../../../lib/events/term-vector';
import { Lexicon } from '../../../lib/engine/lexicon';
import { listsOf, packTerms, unpackTerms } from '../../../lib/engine/term-pack';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

/** withoutSharedLines as it was written over Maps. */
function mapsWithout(v: TermVector, other: TermVector): Map<string, number> {
  const all = new Map(v.all);
  for (const [key, words] of v.lines) {
    if (words.length < 8 || !other.lines.has(key)) continue;
    for (const w of words) {
      const c = (all.get(w) ?? 0) - 1;
      if (c > 0) all.set(w, c);
      else all.delete(w);
    }
  }
  return all;
}

describe('bags of words', () => {
  it('answer as the Map of their entries: order, counts, a repeated word last set', () => {
    const entries: Array<[string, number]> = [['قصف', 2], ['بلدة', 1], ['قصف', 5], ['shelling', 1.5], ['ريف', 3], ['بلدة', 4]];
    const bag = Bag.of(entries);
    const map = new Map(entries);
    expect([...bag]).toEqual([...map]);
    expect([...bag.keys()]).toEqual([...map.keys()]);
    expect([...bag.values()]).toEqual([...map.values()]);
    expect(bag.size).toBe(map.size);
    for (const t of ['قصف', 'بلدة', 'shelling', 'ريف', 'غائبة', '']) {
      expect(bag.get(t)).toBe(map.get(t));
      expect(bag.has(t)).toBe(map.has(t));
    }
    const seen: Array<[string, number]> = [];
    bag.forEach((c, t) => seen.push([t, c]));
    expect(seen).toEqual([...map]);
  });

  it("lose one outlet's shared lines as the Maps did", () => {
    let changed = 0;
    const vs = real.slice(0, 80).map((r) => termVector(r.title, r.text));
    for (let i = 0; i < vs.length; i++) {
      for (let j = 0; j < vs.length; j++) {
        if (i === j || real[i]!.outlet !== real[j]!.outlet) continue;
        const got = withoutSharedLines(vs[i]!, vs[j]!);
        expect([...got.all]).toEqual([...mapsWithout(vs[i]!, vs[j]!)]);
        if (got !== vs[i]) changed++;
      }
    }
    // Not vacuous: some pairs of one outlet share a long line.
    expect(changed).toBeGreaterThan(0);
  });

  it('judge pairs alike whether their bags were numbered before or after the numbering started again', () => {
    const docs = real.slice(0, 24).map((r) => eventDoc(r.title, r.text, r.publishedAt, r.outlet));
    const lex = new Lexicon();
    const packed = docs.map((d) => packTerms(listsOf(d.terms), lex)!);
    const unpacked = () => docs.map((d, i) => ({ ...d, terms: unpackTerms(packed[i]!, lex) }));
    const before = unpacked();
    const first = JSON.stringify([docs.slice(1).map((d) => judge(docs[0]!, d)), judgeAmong(before[0]!, before.slice(1)).judgements]);
    const gen = wordGeneration();
    // Words past the numbering's bound (2^16), then a bag made: the numbering starts again.
    Bag.of(Array.from({ length: 70_000 }, (_, i) => [`كلمة${i}`, 1] as const));
    Bag.of([['قصف', 1]]);
    expect(wordGeneration()).toBeGreaterThan(gen);
    // The bags made before, numbered again where compared, and bags made anew.
    const stale = JSON.stringify([docs.slice(1).map((d) => judge(docs[0]!, d)), judgeAmong(before[0]!, before.slice(1)).judgements]);
    const after = unpacked();
    const fresh = JSON.stringify([docs.slice(1).map((d, i) => judge(after[0]!, after[i + 1]!)), judgeAmong(after[0]!, after.slice(1)).judgements]);
    expect(stale).toBe(first);
    expect(fresh).toBe(first);
    expect(after.map((d) => [...d.terms.all])).toEqual(docs.map((d) => [...d.terms.all]));
    // Not vacuous: some of the pairs are related.
    expect(first.includes('"relation":"same-event"') || first.includes('"relation":"related"')).toBe(true);
  });
});
