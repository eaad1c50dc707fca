// The lexicon (lib/engine/lexicon.ts) as a query reads it — pages over a key range, no word → number
// map — and as a write then uses the same copy: numbers never change, new words come after the stored.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { Lexicon, PAGE, lexiconForWrite, lexiconWith } from '../../../lib/engine/lexicon';
import { putReports } from '../../../lib/engine/reports';

const words = Array.from({ length: 2 * PAGE + 500 }, (_, i) => `كلمة${i.toString(36)}`);
/** Reports of 8 lines of made-up words each (prose enough to be imported). */
const records = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => {
    const r = from + k;
    return {
      url: `https://example.org/lex/${r}`,
      outlet: 'orient-news',
      title: `تقرير رقم ${r} عن القصف في المدينة`,
      publishedAt: '2025-01-01',
      text: Array.from({ length: 8 }, (_, l) => words.slice(((r * 8 + l) * 10) % words.length, ((r * 8 + l) * 10) % words.length + 10).join(' ')).join('\n'),
    };
  });

describe('the lexicon read by a query', () => {
  it('holds every stored page in order, read over a key range, up to what was asked', async () => {
    const db = openDb(`lexq-${Math.random()}`);
    await putReports(db, records(0, 40), 'import', 'a');
    const stored = (await db.lex.orderBy('p').toArray()).flatMap((p) => p.t);
    expect(stored.length).toBeGreaterThan(PAGE);
    // A first read asking for a number on page 0 reads page 0 only; asking past it reads the rest.
    const partial = await lexiconWith(openDb(db.name), 5);
    expect(partial.words).toEqual(stored.slice(0, PAGE));
    const fresh = openDb(db.name);
    expect((await lexiconWith(fresh, Infinity)).words).toEqual(stored);
    expect((await lexiconWith(fresh, stored.length - 1)).words).toEqual(stored);
  });

  it('then written to: the words it read keep their numbers, new ones are numbered after them', async () => {
    const db = openDb(`lexw-${Math.random()}`);
    await putReports(db, records(0, 20), 'import', 'a');
    const before = (await db.lex.orderBy('p').toArray()).flatMap((p) => p.t);
    // The query's copy first (no word → number map), then an import in the same context.
    const read = await lexiconWith(db, Infinity);
    expect(read.size).toBe(before.length);
    await putReports(db, records(20, 30), 'import', 'b');
    const after = (await db.lex.orderBy('p').toArray()).flatMap((p) => p.t);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    expect(new Set(after).size).toBe(after.length);
    const lex = await db.transaction('rw', [db.lex], () => lexiconForWrite(db));
    expect(lex).toBe(read);
    expect(lex.words).toEqual(after);
    for (const [n, w] of after.entries()) if (n % 97 === 0) expect(lex.id(w)).toBe(n);
  });

  it('a word numbered by a write is found again by number and by word', () => {
    const lex = new Lexicon();
    lex.load({ p: 0, t: ['أ', 'ب'] });
    expect(lex.id('ب')).toBe(1);
    expect(lex.id('ج')).toBe(2);
    lex.load({ p: 0, t: ['أ', 'ب', 'ج', 'د'] });
    expect(lex.words).toEqual(['أ', 'ب', 'ج', 'د']);
    expect(lex.id('د')).toBe(3);
    lex.truncate(2);
    expect(lex.id('د')).toBe(2);
  });

  it("numbers a part's words by their index as id() does, and forgets them with a failed write", () => {
    const lex = new Lexicon();
    lex.load({ p: 0, t: ['أ', 'ب'] });
    const words = ['ج', 'ب', 'د'];
    const at = lex.numberer(words);
    expect([at(0), at(1), at(2), at(0)]).toEqual([2, 1, 3, 2]);
    expect(lex.words).toEqual(['أ', 'ب', 'ج', 'د']);
    // A write that numbered ج and د failed: they are numbered again, in the order asked now.
    lex.truncate(2);
    const again = lex.numberer(words);
    expect([again(2), again(0)]).toEqual([2, 3]);
    expect(lex.id('د')).toBe(2);
  });

  it('loads pages as stored: only the words past what it holds, in order, each found by word once a write asks', () => {
    const page = (p: number, n: number) => ({ p, t: Array.from({ length: n }, (_, i) => `w${p * PAGE + i}`) });
    const lex = new Lexicon();
    lex.load(page(0, PAGE));
    lex.load(page(1, 3));
    expect(lex.words).toEqual([...page(0, PAGE).t, ...page(1, 3).t]);
    expect(lex.id(`w${PAGE + 1}`)).toBe(PAGE + 1); // the word → number map made from the words
    // The last page grown since: its new words alone are taken, and found by word at once.
    lex.load(page(1, 7));
    expect(lex.size).toBe(PAGE + 7);
    expect(lex.words.slice(PAGE)).toEqual(page(1, 7).t);
    expect(lex.id(`w${PAGE + 6}`)).toBe(PAGE + 6);
    expect(lex.id('new')).toBe(PAGE + 7);
    // A page read again that holds nothing new changes nothing.
    lex.load(page(0, PAGE));
    expect(lex.size).toBe(PAGE + 8);
  });

  it('takes a page of any length whole, and refuses one past a gap or one whose words do not read', () => {
    const lex = new Lexicon();
    const big = Array.from({ length: 10_000 }, (_, i) => `w${i}`);
    lex.load({ p: 0, t: big });
    expect(lex.words).toEqual(big);
    expect(() => new Lexicon().load({ p: 1, t: ['x'] })).toThrow(/lexicon page 1 read out of order/);
    expect(() => new Lexicon().load({ p: 0, t: 'xyz' as unknown as string[] })).toThrow(/lexicon page 0 is damaged/);
  });
});
