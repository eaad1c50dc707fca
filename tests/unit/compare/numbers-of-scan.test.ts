// The numbers of a text read from a scan's tokens (lib/compare/numbers.ts tokensOfScan): where the
// scan saw no invisible joiner, a token is taken as letters and marks only when its form holds no
// digit, without reading its characters again. That holds only if, in a plain scan, a word's
// character is a digit exactly when it normalises to one: checked here for every character the
// fast path reads, and the numbers found so checked against the characters read again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize, scan } from '../../../lib/arabic';
import { findNumbers } from '../../../lib/compare/numbers';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { synthCorpus } from '../../../bench/synth';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

const TEXTS = [
  'قتل ٣ مدنيين وأصيب 12 آخرون في قصف على ٣أحياء من المدينة',
  'ارتفع عدد القتلى إلى ١٢٫٥ ألفاً و500 شخص، ونزح ٤٬٤٠٠٬٠٠٠',
  'مقتل 4 وإصابة 12 بقصف، و²٣ عنصراً و¹ قتيل وx2y جريحاً',
  'عشرات القتلى ومئات الجرحى في غارات ۳۰ يوماً',
  'أ\u200Dصيب ٣\u200C مدنيين و٥\u200Bعناصر',
  'ﻻ قصف في ﷲ: ٣ قتلى',
];

/** findNumbers of `text` from its scan, told the scan's `joined` or not (then every token's characters are read). */
function both(text: string) {
  const s = scan(text);
  if (!s.plain) return null;
  return {
    joined: s.joined,
    told: findNumbers(text, { tokens: s.tokens, offset: 0, joined: s.joined }),
    read: findNumbers(text, { tokens: s.tokens, offset: 0 }),
    whole: findNumbers(text),
  };
}

describe('numbers read from a scan without reading its characters again', () => {
  it('a word character the fast path reads is a digit exactly when it normalises to one', () => {
    for (let c = 0; c < 0x2070; c++) {
      const ch = String.fromCharCode(c);
      const s = scan(`ب${ch}ب`);
      // A word's character in a plain scan without a joiner: one token over all three.
      if (!s.plain || s.joined || s.tokens.length !== 1 || s.tokens[0]!.end !== 3) continue;
      expect([c, /\p{N}/u.test(ch)]).toEqual([c, /[0-9]/.test(normalize(ch))]);
    }
  });

  it('finds the numbers it finds reading every character, for every text', () => {
    let plainWithout = 0;
    for (const text of [...TEXTS, ...real.map((r) => `${r.title}\n${r.text}`), ...synthCorpus(300, 3).records.map((r) => `${r.title}\n${r.text}`)]) {
      const got = both(text);
      if (!got) continue;
      if (!got.joined) plainWithout++;
      expect(got.told).toEqual(got.read);
    }
    expect(plainWithout).toBeGreaterThan(300);
  });

  it('reads a token with a joiner or a digit by its characters', () => {
    const joined = both(TEXTS[4]!)!;
    expect(joined.joined).toBe(true);
    expect(joined.told).toEqual(joined.whole);
    const digits = both(TEXTS[0]!)!;
    expect(digits.joined).toBe(false);
    expect(digits.told).toEqual(digits.whole);
    expect(digits.told.map((m) => [m.unit, m.value])).toEqual(findNumbers(TEXTS[0]!).map((m) => [m.unit, m.value]));
    expect(digits.told.length).toBeGreaterThan(0);
  });
});
