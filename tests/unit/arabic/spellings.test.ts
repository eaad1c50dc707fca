// The word table keeps each spelling's first units in its slot and the rest apart (spellings.ts):
// a known word is told from another by its hash, its length and every unit, whether it fits the
// slot or not, and two spellings of one hash are two words.
import { describe, expect, it } from 'vitest';
import { normalize, scan } from '../../../lib/arabic';

const tokenOf = (word: string) => {
  const ts = scan(word).tokens;
  expect(ts).toHaveLength(1);
  return ts[0]!;
};

/** The scan's hash of a word (FNV-1a over its units), as the table keys it (its low 30 bits). */
function keyOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

// Words of the same key, found once by a birthday search over six Latin letters: two short ones,
// and two longer than a slot holds that differ only past it.
const COLLIDING = [
  ['tcbuaa', 'xbaeea'],
  ['abcdefghijkldcbuaa', 'abcdefghijklhbaeea'],
] as const;

describe('the word table', () => {
  it('tells spellings apart by every unit, those longer than a slot holds included', () => {
    const stem = 'استخباراتيون';
    const words = [stem.slice(0, 10), stem.slice(0, 11), stem, `${stem}ها`, `${stem}هم`, `و${stem}`, 'ي'.repeat(200), `${'ي'.repeat(199)}ه`, `${'ي'.repeat(150)}ه${'ي'.repeat(49)}`];
    const ids = words.map((w) => tokenOf(w).id);
    expect(new Set(ids).size).toBe(words.length);
    // Read again, each is the same word: its number and its form.
    for (const [k, w] of words.entries()) {
      const t = tokenOf(`  ${w} `);
      expect(t.id).toBe(ids[k]);
      expect(t.text).toBe(normalize(w));
    }
  });

  it.each(COLLIDING)('keeps two spellings of one hash as two words (%s, %s)', (a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
    const [ta, tb] = scan(`${a} ${b}`).tokens;
    expect([ta!.text, tb!.text]).toEqual([a, b]);
    expect(ta!.id).not.toBe(tb!.id);
    expect(scan(`${b} ${a}`).tokens.map((t) => t.id)).toEqual([tb!.id, ta!.id]);
  });

  it('gives spellings of one form one number (marks, letter variants)', () => {
    expect(tokenOf('أحمد').id).toBe(tokenOf('احمد').id);
    expect(tokenOf('مُحَمَّد').id).toBe(tokenOf('محمد').id);
    expect(tokenOf('مُحَمَّد').text).toBe('محمد');
  });
});
