// An import's terms numbered once for all its parts (lib/engine/term-ranks.ts): each part's slots
// come out in the strings' order (`<`, as blocks are searched) whatever came before, and a part's
// segment is the bytes it is when its terms are sorted on their own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../../bench/synth';
import { batchPostings } from '../../../lib/engine/batch-rows';
import { toReport } from '../../../lib/engine/index-store';
import type { StoredDoc } from '../../../lib/engine/index-types';
import { analysePart, fromPartWire } from '../../../lib/engine/part-wire';
import { segmentRows } from '../../../lib/engine/segments/store';
import { storable } from '../../../lib/engine/segments/postings';
import { TermRanks } from '../../../lib/engine/term-ranks';
import { HeldWords, WordTable } from '../../../lib/engine/word-table';

const letter = fc.constantFrom('ا', 'ب', 'ت', 'a', 'z', '0', '@', '~', '\uD800', '\uDC00', '😀', 'ـ');
const term = fc.array(letter, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));

describe("an import's term dictionary", () => {
  it('puts every part in the order its terms sort as strings, part after part, a term not storable left out', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(term, { maxLength: 40 }), { maxLength: 6 }), (parts) => {
        const dict = new TermRanks();
        for (const part of parts) {
          const ids = part.map((t) => dict.id(t));
          const order = dict.order(ids)!;
          expect([...order].map((s) => part[s])).toEqual(part.filter(storable).sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds a word by its index in a word table that grows, and an entity by its id, as the same number as its term', () => {
    const dict = new TermRanks();
    const words = ['حلب', 'إدلب'];
    expect(dict.at(words, 1)).toBe(dict.id('إدلب'));
    words.push('درعا');
    expect(dict.at(words, 2)).toBe(dict.id('درعا'));
    expect(dict.at(words, 0)).toBe(dict.id('حلب'));
    expect(dict.entity('place:aleppo')).toBe(dict.id('@place:aleppo'));
    expect(dict.term(dict.id('درعا'))).toBe('درعا');
  });

  it("writes each part's segment as the bytes its terms sorted alone make, its parts in one session", () => {
    const records = synthCorpus(1200, 5).records;
    const tables = [new WordTable('a'), new WordTable('b')];
    const held = new HeldWords();
    const session = {};
    let n = 1;
    for (let i = 0; i < records.length; i += 300) {
      const recs = records.slice(i, i + 300);
      const runs = [analysePart(recs.slice(0, 150), tables[0]), analysePart(recs.slice(150), tables[1])].map((r) => structuredClone(r));
      const analyses = fromPartWire(runs, recs.length, held);
      const fresh = recs.map((r, k) => ({ report: toReport(r, 'import', 'x', 1), ...analyses[k]! }));
      const rows = fresh.map((p) => ({ n: n++, len: p.f.len }) as StoredDoc);
      const docs = rows.map((d) => ({ n: d.n, day: null, outlet: 'o', dup: null, entities: [], sources: [], sketch: null }));
      const shared = batchPostings(fresh, rows, 180, session);
      expect(shared.sorted).toBeDefined();
      const alone = { ...batchPostings(fresh, rows, 180), sorted: undefined };
      expect(segmentRows(1, shared, docs).rows).toEqual(segmentRows(1, alone, docs).rows);
    }
  });
});
