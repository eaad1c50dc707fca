// The word table's size: an import's analysis worker keeps 160,000 spellings (useLargeWordTable),
// so a word seen early keeps its number — and every WordCache its value — through the tens of
// thousands of distinct words of a big import; the default table starts over at 40,000.
import { describe, expect, it } from 'vitest';
import { scan, useLargeWordTable, WordCache } from '../../../lib/arabic';

/** `n` distinct words (letters only: base 26 over a–z, then a marker so none is another's prefix). */
function distinctWords(n: number, tag: string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    for (let k = i; ; k = Math.floor(k / 26) - 1) {
      w = String.fromCharCode(97 + (k % 26)) + w;
      if (k < 26) break;
    }
    out.push(`${tag}${w}`);
  }
  return out.join(' ');
}

const idOf = (word: string) => scan(word).tokens[0]!.id;

describe('the word table', () => {
  it('starts over past 40,000 spellings by default, and keeps 160,000 once large (values computed once)', () => {
    const first = idOf('غارة');
    scan(distinctWords(45_000, 'q'));
    // The default table started over: the same word has a new number.
    expect(idOf('غارة')).not.toBe(first);

    useLargeWordTable();
    let computed = 0;
    const cache = new WordCache((w) => {
      computed++;
      return w.length;
    });
    const kept = scan('قصف غارة').tokens;
    expect(kept.map((t) => cache.get(t))).toEqual([3, 4]);
    scan(distinctWords(150_000, 'z'));
    const again = scan('قصف غارة').tokens;
    // No new generation: the same numbers, and the cache answers without computing again.
    expect(again.map((t) => t.id)).toEqual(kept.map((t) => t.id));
    expect(again.map((t) => cache.get(t))).toEqual([3, 4]);
    expect(computed).toBe(2);
    // Past 160,000 it starts over too (bounded): new numbers, tokens from before still answered.
    scan(distinctWords(20_000, 'y'));
    expect(idOf('غارة')).not.toBe(kept[1]!.id);
    expect(cache.get(kept[1]!)).toBe(4);
  });
});
