// The words' weights and rarity without corpus counts (the reference table's alone) are kept
// across pairs (lib/events/lexical.ts): a pair is judged the same whether its words were worked
// out before, by other pairs, or forgotten when the kept words reached their bound.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { eventDoc, judge, lexicalSimilarity, termVector } from '../../../lib/events';
import { rarity } from '../../../lib/events/lexical';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const doc = (i: number) => eventDoc(real[i]!.title, real[i]!.text, real[i]!.publishedAt, real[i]!.outlet);

describe('weights kept across pairs', () => {
  it('judge a pair alike first, after other pairs, and after the kept words were forgotten', () => {
    const pairs = Array.from({ length: 40 }, (_, k) => [k, (k * 7 + 3) % real.length] as const);
    const first = pairs.map(([a, b]) => JSON.stringify([judge(doc(a), doc(b)), lexicalSimilarity(termVector(real[a]!.title, real[a]!.text), termVector(real[b]!.title, real[b]!.text))]));
    const words = [...termVector(real[0]!.title, real[0]!.text).all.keys()];
    const rare = words.map(rarity);
    // Past the bound (50,000 words): what was kept is forgotten, and worked out again alike.
    for (let i = 0; i < 60_000; i++) rarity(`كلمة${i}`);
    expect(words.map(rarity)).toEqual(rare);
    const again = [...pairs].reverse().map(([a, b]) => JSON.stringify([judge(doc(a), doc(b)), lexicalSimilarity(termVector(real[a]!.title, real[a]!.text), termVector(real[b]!.title, real[b]!.text))])).reverse();
    expect(again).toEqual(first);
    // Not vacuous: the words differ in rarity, and some pairs are related.
    expect(new Set(rare).size).toBeGreaterThan(3);
    expect(first.some((j) => !j.includes('"relation":"none"'))).toBe(true);
  });
});
