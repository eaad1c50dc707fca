// Properties of normalisation checked on many generated strings (a seeded generator, so a failure
// can be replayed), and on the seeds' own words: idempotent, diacritics and tatweel invisible,
// the three digit sets equal, offsets into the original always valid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap, tokenize } from '../../../lib/arabic';
import { matchEntities } from '../../../lib/entities';
import { rng } from '../../../bench/rng';


const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i));
const LETTERS = range(0x0621, 0x064a).concat(['ی', 'ک', 'ٱ']);
const MARKS = range(0x064b, 0x0652).concat(['\u0670', '\u0640']);
const ASCII_DIGITS = range(0x30, 0x39);
const ARABIC_DIGITS = range(0x0660, 0x0669);
const PERSIAN_DIGITS = range(0x06f0, 0x06f9);
const OTHER = [
  ...range(0x41, 0x5a), ...range(0x61, 0x7a), ' ', '\n', '\t', '،', '؛', '؟', '«', '»', '“', '”', '"', '.', '-', '–',
  '\u200c', '\u200d', '\u200f', '\u202e', '\ufeff', '\u00ad', '\u0000', '\u0007', '\ud800', '\udfff', 'ﻻ', 'ﷲ', 'ﺍ', '①', 'ﬁ', 'Ⅻ', 'İ', 'ß', '中', '😀',
];
const ANY = [...LETTERS, ...MARKS, ...ASCII_DIGITS, ...ARABIC_DIGITS, ...PERSIAN_DIGITS, ...OTHER];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function randomString(r: () => number, alphabet: readonly string[], max = 40): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += pick(r, alphabet);
  return s;
}

/** The same string with marks and tatweel sprinkled after its Arabic letters. */
function diacritise(r: () => number, s: string): string {
  let out = '';
  for (const ch of s) {
    out += ch;
    if (/[\u0621-\u064a]/.test(ch)) while (r() < 0.5) out += pick(r, MARKS);
  }
  return out;
}

const N = 3000;

describe('normalisation properties (generated strings)', () => {
  it('is idempotent on any text', () => {
    const r = rng(1);
    for (let i = 0; i < N; i++) {
      const s = randomString(r, ANY);
      const n = normalize(s);
      expect(normalize(n), JSON.stringify(s)).toBe(n);
    }
  });

  it('makes diacritised and plain forms equal', () => {
    const r = rng(2);
    for (let i = 0; i < N; i++) {
      const s = randomString(r, [...LETTERS, ' ']);
      const d = diacritise(r, s);
      expect(normalize(d), JSON.stringify(d)).toBe(normalize(s));
      expect(tokenize(d).map((t) => t.text)).toEqual(tokenize(s).map((t) => t.text));
    }
  });

  it('makes ASCII, Arabic-Indic and Persian digits equal', () => {
    const r = rng(3);
    for (let i = 0; i < N; i++) {
      const ascii = randomString(r, [...ASCII_DIGITS, ...LETTERS, ' ']);
      const arabic = ascii.replace(/\d/g, (d) => ARABIC_DIGITS[+d]!);
      const persian = ascii.replace(/\d/g, (d) => PERSIAN_DIGITS[+d]!);
      expect(normalize(arabic)).toBe(normalize(ascii));
      expect(normalize(persian)).toBe(normalize(ascii));
    }
  });

  it('maps every normalised character to an offset in the original, in order', () => {
    const r = rng(4);
    for (let i = 0; i < N; i++) {
      const s = randomString(r, ANY);
      const { text, map } = normalizeWithMap(s);
      expect(map).toHaveLength(text.length + 1);
      expect(map[text.length]).toBe(s.length);
      for (let k = 1; k < map.length; k++) expect(map[k]!).toBeGreaterThanOrEqual(map[k - 1]!);
      for (const t of tokenize(s)) {
        expect(t.start).toBeGreaterThanOrEqual(0);
        expect(t.end).toBeLessThanOrEqual(s.length);
        expect(t.start).toBeLessThan(t.end);
      }
    }
  });
});

describe('matching does not see diacritics, tatweel or digit sets', () => {
  const seed = readFileSync('data/seeds/004_5307e28d265a784d.txt', 'utf8');
  const plain = matchEntities(seed).map((m) => m.id);

  it('finds the same entities in a diacritised copy of a seed', () => {
    const r = rng(5);
    for (let i = 0; i < 5; i++) expect(matchEntities(diacritise(r, seed)).map((m) => m.id)).toEqual(plain);
  });

  it('finds the same entities with the digits in another set', () => {
    const digits = 'قوات الأسد تتقدم نحو اللواء 137 في دير الزور';
    const ids = matchEntities(digits).map((m) => m.id);
    expect(ids).toContain('brigade-137');
    expect(matchEntities(digits.replace(/\d/g, (d) => ARABIC_DIGITS[+d]!)).map((m) => m.id)).toEqual(ids);
    expect(matchEntities(digits.replace(/\d/g, (d) => PERSIAN_DIGITS[+d]!)).map((m) => m.id)).toEqual(ids);
  });
});
