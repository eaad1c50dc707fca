// The arabic source of the same-event fit (scripts/arabic-source.ts): the committed derived file
// (data/events/arabic-pairs.jsonl) loads, holds ids and numbers and never a text's words, a bad
// line or field is one clear error, and its pairs reach the fit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../lib/events/pair';
import { formatArabicPairs, parseArabicPairs, ARABIC, ARABIC_FILE } from '../../../scripts/arabic-source';
import { arabicData, fitModel, heldOutOn, labelledFrom, SOURCES } from '../../../scripts/fit-events';
import { eventFolds } from '../../../scripts/events-splits';

const text = readFileSync(ARABIC_FILE, 'utf8');
const lines = text.split('\n');
/** Arabic letters (the basic block, its supplements and presentation forms). */
const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

/** The file with line `n` (1-based) replaced by what `edit` makes of its object. */
function edited(n: number, edit: (row: Record<string, unknown>) => unknown): string {
  const copy = [...lines];
  copy[n - 1] = JSON.stringify(edit(JSON.parse(copy[n - 1]!) as Record<string, unknown>));
  return copy.join('\n');
}

describe('the arabic source file', () => {
  const data = parseArabicPairs(text, ARABIC_FILE);
  const firstPair = lines.findIndex((l) => l.includes('"kind":"pair"')) + 1;

  it('loads: its sets with their data hashes, the features it was computed with, reports and labelled pairs', () => {
    expect(data.header.features).toEqual([...FEATURES]);
    expect(data.header.sets.map((s) => s.name)).toContain('dev');
    for (const s of data.header.sets) expect(s.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(data.reports.length).toBe(data.header.sets.reduce((n, s) => n + s.reports, 0));
    expect(data.pairs.filter((p) => p.y).length).toBeGreaterThanOrEqual(55);
    expect(data.pairs.some((p) => p.hard?.startsWith('labelled: '))).toBe(true);
    // Written back, it is the same file: nothing is kept beside what it says.
    expect(formatArabicPairs(data)).toBe(text);
  });

  it('holds no text: no Arabic letter anywhere, every string printable ASCII', () => {
    expect(ARABIC_LETTER.test(text)).toBe(false);
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
  });

  it('a line that is not JSON is one error naming the file and the line', () => {
    const bad = [...lines];
    bad[2] = '{"kind":"report",';
    expect(() => parseArabicPairs(bad.join('\n'), 'f.jsonl')).toThrow(/^f\.jsonl: line 3: not a JSON object$/);
  });

  it('a bad field is one error naming the file, the line and the field', () => {
    const short = edited(firstPair, (r) => ({ ...r, x: (r.x as number[]).slice(1) }));
    expect(() => parseArabicPairs(short, 'f.jsonl')).toThrow(`f.jsonl: line ${firstPair}: x: not ${FEATURES.length} finite numbers`);
    const words = edited(2, (r) => ({ ...r, id: 'منبج' }));
    expect(() => parseArabicPairs(words, 'f.jsonl')).toThrow('f.jsonl: line 2: id: not printable ASCII (the file holds ids and numbers, never text)');
    const label = edited(firstPair, (r) => ({ ...r, y: r.y ? 0 : 1 }));
    expect(() => parseArabicPairs(label, 'f.jsonl')).toThrow(new RegExp(`^f\\.jsonl: line ${firstPair}: y: says`));
    const day = edited(2, (r) => ({ ...r, day: '2025-13' }));
    expect(() => parseArabicPairs(day, 'f.jsonl')).toThrow('f.jsonl: line 2: day: not a day YYYY-MM-DD');
    const other = edited(1, (r) => ({ ...r, features: [...FEATURES].reverse() }));
    expect(() => parseArabicPairs(other, 'f.jsonl')).toThrow(/^f\.jsonl: line 1: features: not lib\/events\/pair\.ts FEATURES/);
  });
});

describe('the arabic source in the fit', () => {
  it('is one of the sources fitted, and its pairs reach the fit and the held-out folds', () => {
    expect(SOURCES).toContain(ARABIC);
    const data = arabicData();
    const { all, bySource } = labelledFrom([], data);
    const arabic = all.filter((p) => p.source === ARABIC);
    expect(arabic.length).toBe(data.pairs.length);
    expect(bySource.get(ARABIC)!.length).toBe(data.reports.length);
    // Fitted on them alone, the model weighs their features (a source dropped leaves nothing to fit).
    const { model } = fitModel(all);
    expect(model.coef.some((c) => Math.abs(c) > 0.01)).toBe(true);
    // Held out by event, every pair is judged once, by a model fitted without its events.
    const held = heldOutOn(all, eventFolds(5));
    expect(held.length).toBe(arabic.length);
    expect(new Set(held.map((x) => x.p)).size).toBe(arabic.length);
  });
});
