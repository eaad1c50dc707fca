// WordCache keeps its values side by side with the other caches' (a lane each, word-cache.ts): each
// cache must still give its own value for a word, forget only its own on clear(), and caches made
// past the lanes keep working with an array of their own.
import { describe, expect, it } from 'vitest';
import { tokenize, WordCache } from '../../../lib/arabic';

describe('WordCache lanes', () => {
  const tokens = tokenize('قصف الطيران مدينة حلب وريف إدلب اليوم قصف حلب');

  it('gives each of many caches its own value for the same words, more caches than lanes included', () => {
    const calls: number[] = [];
    const caches = Array.from({ length: 12 }, (_, i) => new WordCache((w) => (calls.push(i), `${i}:${w}`)));
    for (let round = 0; round < 2; round++)
      for (const t of tokens) caches.forEach((c, i) => expect(c.get(t)).toBe(`${i}:${t.text}`));
    // Computed once per distinct word and cache: the second round and the repeated words read back.
    const distinct = new Set(tokens.map((t) => t.text)).size;
    for (let i = 0; i < caches.length; i++) expect(calls.filter((c) => c === i)).toHaveLength(distinct);
  });

  it('forgets only its own values on clear()', () => {
    let a = 0;
    let b = 0;
    const first = new WordCache((w) => `a${a++}${w}`);
    const second = new WordCache((w) => `b${b++}${w}`);
    const t = tokens[0]!;
    const [a0, b0] = [first.get(t), second.get(t)];
    first.clear();
    expect(first.get(t)).not.toBe(a0);
    expect(second.get(t)).toBe(b0);
    expect([a, b]).toEqual([2, 1]);
  });
});
