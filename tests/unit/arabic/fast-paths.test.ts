// normalize() and tokenize() read most text character by character from tables (the fast paths);
// they must give exactly what the plain definitions give: NFKC and the folds on the whole text,
// the word regular expression on the original text. Checked against those definitions, kept here,
// on every text of the corpora and on generated strings full of the characters where the two
// could part (combining hamza after letters it composes with, NFKC expansions, removed separators,
// joiners, surrogates).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize, scan, tokenize, tokensBefore, WordCache, type Token } from '../../../lib/arabic';
import { toAsciiDigits } from '../../../lib/arabic/digits';
import { isWordUnit, MAX_WORD } from '../../../lib/arabic/tokenize';
import { rng } from '../../../bench/rng';

// The definitions.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const INVISIBLE = /[\u0640\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const PUNCT: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"', '‘': "'", '’': "'", '‚': "'", '′': "'",
  '،': ',', '؛': ';', '؟': '?', '٪': '%', '٫': '.', '٬': ',', '۔': '.',
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
};
const PUNCT_RE = new RegExp(`[${Object.keys(PUNCT).join('')}]`, 'g');
function fold(text: string): string {
  return toAsciiDigits(text.normalize('NFKC'))
    .replace(DIACRITICS, '').replace(INVISIBLE, '')
    .replace(/[أإآٱ]/g, 'ا').replace(/[ىی]/g, 'ي').replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي').replace(/ک/g, 'ك')
    .replace(PUNCT_RE, (c) => PUNCT[c]!)
    .toLowerCase();
}
const refNormalize = (text: string) => fold(fold(text));
// Invisible characters continue a word; a run over MAX_WORD units is not a word.
const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*/gu;
function refTokenize(text: string) {
  return [...text.matchAll(WORD)].flatMap((m) => {
    if (m[0].length > MAX_WORD) return [];
    const n = refNormalize(m[0]);
    return n ? [{ text: n, start: m.index, end: m.index + m[0].length }] : [];
  });
}
const refWordsOfNormalized = (text: string) => [...refNormalize(text).matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => m[0]);

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i));
const ALPHABET = [
  ...range(0x0600, 0x06ff), ...range(0x20, 0x7e), ...range(0x80, 0x17f), ...range(0x2000, 0x206f), '\n', '\u00a0', '\u00ab', '\u00bb', '\u00ad', '\u00a8', '\u00b2', '\u00bc',
  '\u0301', '\u0338', 'Σ', 'İ', 'ß', '™', 'ﻻ', 'ﷲ', 'ﷺ', '①', '⑴', 'ﬁ', '\ufeff', '\ud800', '\udc00', '😀', '𝐀', '中',
];
// The pairs where per-character folding could go wrong, made frequent.
const TRICKY = ['ە\u0654', 'ہ\u0654', 'ے\u0654', 'ا\u0653', 'و\u0654', 'ي\u0654', 'ا\u0655', 'ٵ', '<\u0338', 'a\u0301', 'İ\u0651', 'ı\u0307', 'Σa', 'aΣ', '¨\u064b', '¨\u0301', 'ab\u200bcd', 'ab\u2066cd', 'ab\u06ddcd', 'ab\ufeffcd', 'ab\u200ccd', ' \u200cab', 'ab\u00adcd'];

function randomText(r: () => number): string {
  let s = '';
  const n = Math.floor(r() * 60);
  for (let i = 0; i < n; i++) {
    const x = r();
    s += x < 0.1 ? TRICKY[Math.floor(r() * TRICKY.length)]! : x < 0.5 ? String.fromCharCode(0x0621 + Math.floor(r() * 42)) : x < 0.6 ? ' ' : ALPHABET[Math.floor(r() * ALPHABET.length)]!;
  }
  return s;
}

const corpus: string[] = [
  ...readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).flatMap((l) => {
    const r = JSON.parse(l) as { title: string; text: string };
    return [r.title, r.text];
  }),
  ...readdirSync('data/seeds').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`data/seeds/${f}`, 'utf8')),
];

const plainTokens = (toks: Token[]) => toks.map(({ text, start, end }) => ({ text, start, end }));

function check(s: string) {
  expect(normalize(s), JSON.stringify(s)).toBe(refNormalize(s));
  const { tokens, plain } = scan(s);
  expect(plainTokens(tokens), JSON.stringify(s)).toEqual(refTokenize(s));
  if (plain) expect(tokens.map((t) => t.text), JSON.stringify(s)).toEqual(refWordsOfNormalized(s));
  return plain;
}

describe('fast paths agree with the definitions', () => {
  it('on every title and text of the real corpus and the seeds (and most of them take the plain path)', () => {
    let plain = 0;
    for (const s of corpus) if (check(s)) plain++;
    expect(plain / corpus.length).toBeGreaterThan(0.8);
  });

  it('on generated strings with the characters where they could part', () => {
    const r = rng(11);
    let plain = 0;
    let notPlain = 0;
    for (let i = 0; i < 20_000; i++) {
      if (check(randomText(r))) plain++;
      else notPlain++;
    }
    // Both branches are exercised.
    expect(plain).toBeGreaterThan(1000);
    expect(notPlain).toBeGreaterThan(1000);
  });

  it('reads a word the same the second time (the word table), and texts where a word recurs in other spellings', () => {
    const s = 'الحسكة الحسكه الحَسَكة الحسكة، والحسكة ٱلحسكة الحسكة';
    expect(plainTokens(tokenize(s))).toEqual(refTokenize(s));
    expect(plainTokens(tokenize(s))).toEqual(refTokenize(s));
  });

  it('gives the tokens of a prefix from the tokens of the whole text, cutting inside a word too', () => {
    const r = rng(12);
    for (let i = 0; i < 2000; i++) {
      const s = i < 200 ? corpus[i]!.slice(0, 300) : randomText(r);
      const toks = tokenize(s);
      for (let cut = 0; cut <= s.length; cut += 1 + Math.floor(r() * 7)) expect(plainTokens(tokensBefore(s, toks, cut)), `${JSON.stringify(s)} @${cut}`).toEqual(plainTokens(tokenize(s.slice(0, cut))));
    }
  });

  it('keeps a value per word (WordCache), and never gives a word another word\'s value once the word table starts over', () => {
    let computed = 0;
    const cache = new WordCache((w: string) => {
      computed++;
      return `${w}!`;
    });
    const [a, b, a2] = tokenize('الحسكة حلب الحَسَكة');
    expect([cache.get(a!), cache.get(b!), cache.get(a2!)]).toEqual(['الحسكه!', 'حلب!', 'الحسكه!']);
    expect(computed).toBe(2);
    // More distinct words than the table keeps: it starts over, numbering words anew.
    const flood = Array.from({ length: 41_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    for (const t of tokenize(flood)) expect(cache.get(t)).toBe(`${t.text}!`);
    const [c] = tokenize('دمشق');
    expect(cache.get(c!)).toBe('دمشق!');
    expect(cache.get(a!)).toBe('الحسكه!');
    expect(cache.get(b!)).toBe('حلب!');
    // A token made by hand (no number) is computed from its text.
    expect(cache.get({ text: 'ادلب', start: 0, end: 4 })).toBe('ادلب!');
  });

  it('classes ASCII and the Arabic block as \\p{L}\\p{M}\\p{N} does, and knows every mark NFKC leaves in the characters it folds alone', () => {
    for (let c = 0; c < 0x0800; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      expect(isWordUnit(c), `U+${c.toString(16)}`).toBe(/^[\p{L}\p{M}\p{N}]$/u.test(String.fromCharCode(c)));
    }
    for (const [a, b] of [[0x80, 0x17f], [0x2000, 0x206f]] as const) {
      for (let c = a; c <= b; c++) {
        const marks = String.fromCharCode(c).normalize('NFKC').match(/\p{M}/gu) ?? [];
        for (const m of marks) expect(m.charCodeAt(0), `U+${c.toString(16)}`).toBeGreaterThanOrEqual(0x300);
        for (const m of marks) expect(m.charCodeAt(0), `U+${c.toString(16)}`).toBeLessThanOrEqual(0x36f);
      }
    }
  });
});
