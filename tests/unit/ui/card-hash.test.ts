import { describe, expect, it } from 'vitest';
import { cardHash, MAX_WORDS, parseCardHash } from '../../../lib/ui/card-hash';

describe("the entity card's hash", () => {
  it('carries the id, the kind and the mark words, so the card names the entity before the corpus answers', () => {
    const h = cardHash({ id: 'place:kuweires-airbase', kind: 'place', words: ' مطار\n كويرس ', up: true });
    expect(parseCardHash(`#${h}`)).toEqual({ id: 'place:kuweires-airbase', kind: 'place', words: 'مطار كويرس', up: true, n: 0 });
    expect(parseCardHash(cardHash({ id: 'a&b=c#d', kind: null, words: 'x', up: false, n: 7 }))).toEqual({ id: 'a&b=c#d', kind: null, words: 'x', up: false, n: 7 });
  });

  it('takes nothing else from the hash: an unknown kind is none, long words are cut', () => {
    expect(parseCardHash('#id=x&kind=script&words=' + 'ا'.repeat(500))).toEqual({ id: 'x', kind: null, words: 'ا'.repeat(MAX_WORDS), up: false, n: 0 });
    expect(parseCardHash('')).toEqual({ id: '', kind: null, words: '', up: false, n: 0 });
    expect(parseCardHash('#id=x&n=abc').n).toBe(0);
  });
});
