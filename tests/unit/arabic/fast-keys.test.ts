// The import's analysis reads normalised text without building it where it can: a text's key
// hashed as normalisation gives its characters (lib/corpus/ids.ts spacedKey, textKey) and the
// normalised text with each character's offset (normalizeMapped). Both must give exactly what the
// plain definitions give, on the corpora's texts and lines and on generated strings full of the
// characters where they could part (white space of every kind, removed marks and joiners,
// expansions, characters that need the slow path).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lib/arabic';
import { normalizeMapped, spacedUnits } from '../../../lib/arabic/normalize';
import { hash53, spacedKey, textKey } from '../../../lib/corpus/ids';
import { rng } from '../../../bench/rng';
import { synthCorpus } from '../../../bench/synth';

const refKey = (t: string) => hash53(normalize(t).replace(/\s+/g, ' ').trim());

const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string });
const corpus = [...real.flatMap((r) => [r.title, r.text, ...r.text.split('\n')]), ...synthCorpus(300, 3).records.map((r) => r.text)];
const ALPHABET = [' ', '  ', '\n', '\t', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u200b', '\u200c', 'ـ', 'َ', 'ّ', 'أ', 'آ', 'ة', 'ى', 'a', 'Z', '١', '۴', '،', '«', '\u0654', '\u00bd', '\u00a8', 'é', 'ﻻ', 'Я', '\ud83d\udccc', '\ud800', 'x', 'ي'];
const random = rng(20);
const generated = Array.from({ length: 20_000 }, () => Array.from({ length: Math.floor(random() * 14) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''));

describe('keys and offsets of normalised text, read without building it', () => {
  it('spacedKey and textKey are the hash of the normalised, space-collapsed, trimmed text', () => {
    const differ = [...corpus, ...generated].filter((t) => spacedKey(t) !== refKey(t) || textKey(t) !== refKey(t));
    expect(differ).toEqual([]);
    // The generated strings are not all one key.
    expect(new Set(generated.map(spacedKey)).size).toBeGreaterThan(10_000);
  });

  it('the same for texts longer than the buffer the units are read into, and for short texts after them', () => {
    // Characters of the fast path only (expansions and white space among them), so that the buffer grows.
    const fast = [' ', '  ', '\n', '\u2003', 'ـ', 'َ', 'أ', 'آ', 'ة', 'a', '١', '،', '\u00bd', '\u2026', 'é', 'x', 'ي'];
    const long = [5_000, 20_000, 150_000].map((n) => Array.from({ length: n }, () => fast[Math.floor(random() * fast.length)]).join(''));
    expect(long.every((t) => spacedUnits(t) !== null)).toBe(true);
    const texts = [...long, ...corpus.slice(0, 100), ...[...long].reverse(), ...generated.slice(0, 1_000)];
    expect(texts.filter((t) => spacedKey(t) !== refKey(t))).toEqual([]);
  });

  it('normalizeMapped gives normalize() and where each character went, or null for the slow path', () => {
    let mapped = 0;
    const differ: string[] = [];
    for (const t of [...corpus, ...generated]) {
      const m = normalizeMapped(t);
      if (!m) continue;
      mapped++;
      let ok = m.text === normalize(t) && m.at[t.length] === m.text.length;
      for (let i = 0; ok && i < t.length; i++) ok = m.text.slice(m.at[i], m.at[i + 1]) === normalize(t[i]!);
      if (!ok) differ.push(t);
    }
    expect(differ).toEqual([]);
    expect(mapped).toBeGreaterThan(corpus.length);
  });
});
