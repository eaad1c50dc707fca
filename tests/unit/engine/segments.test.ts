import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, SegmentFormatError } from '../../../lib/engine/segments/bytes';
import { BLOCK_DOCS, decodeColumns, decodeInSlices, docAt, encodeColumns, minhashSketch, openColumns, positionOf, sharedSlotsAtMost, valuesAt, type DocValues } from '../../../lib/engine/segments/columns';
import { minhashSimilarity } from '../../../lib/engine/simhash';
import { Deletions } from '../../../lib/engine/segments/deletions';
import { blockOf, blocksFor, cutBlocks, decodeIndex, encodeIndex } from '../../../lib/engine/segments/dictionary';
import { cutRuns, sortedOrder } from '../../../lib/engine/segments/part-terms';
import { termColumns } from './term-columns';
import { decodeBlock, encodeBlock, entriesOf, postingsIn, type TermEntry } from '../../../lib/engine/segments/postings';

// Terms as the analyser makes them: Arabic letters, Latin, digits, the entity prefix, and a few
// characters outside the BMP (so prefix sharing must not cut a surrogate pair).
const letter = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى', 'a', 'z', '0', '9', '@', ':', '-', '𝔸', '😀');
const term = fc.array(letter, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

/** Entries with sorted unique terms, ascending doc numbers and impacts 1–255; some saturated. */
const entries = fc.uniqueArray(term, { maxLength: 60 }).chain((terms) =>
  fc.tuple(
    ...[...terms].sort().map((t) =>
      fc.oneof(
        { weight: 5, arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 40 }).chain((ids) => fc.tuple(fc.constant(ids.sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 255 }), { minLength: ids.length, maxLength: ids.length }))).map(([ids, imp]): TermEntry => ({ term: t, df: ids.length, ids, imp })) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 1e6 }).map((df): TermEntry => ({ term: t, df, ids: [], imp: [] })) },
      ),
    ),
  ),
);

/** A map of terms' postings cut as a segment's are (store.ts segmentRows): its terms in order. */
const sortedTerms = (m: Parameters<typeof termColumns>[0]) => {
  const c = termColumns(m);
  return [...sortedOrder(c)].map((s) => c.terms[s]!);
};
const cutMap = (m: Parameters<typeof termColumns>[0], size: number) => {
  const c = termColumns(m);
  return cutRuns(c, sortedOrder(c), size);
};

const plain = (es: readonly TermEntry[]) => es.map((e) => ({ term: e.term, df: e.df, ids: Array.from(e.ids), imp: Array.from(e.imp) }));

/** Every way a stored row can be cut short or have a byte changed decodes to one clear error or to a checked value: never a hang, never a crash of another kind. */
function hostile(bytes: Uint8Array, decode: (b: Uint8Array) => unknown): void {
  for (let cut = 0; cut < bytes.length; cut++) expect(() => decode(bytes.subarray(0, cut))).toThrow(SegmentFormatError);
  for (let i = 0; i < Math.min(bytes.length, 200); i++) {
    for (const v of [0x00, 0xff, 0x80, bytes[i]! ^ 0x01]) {
      const b = bytes.slice();
      b[i] = v;
      try {
        decode(b);
      } catch (e) {
        expect(e).toBeInstanceOf(SegmentFormatError);
      }
    }
  }
}

describe('bytes', () => {
  it('round-trips varints over the whole 32-bit range and strings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff })), fc.array(fc.string({ unit: 'grapheme' })), (ns, ss) => {
        const w = new ByteWriter(1);
        for (const n of ns) w.varint(n);
        for (const s of ss) w.string(s);
        const r = new ByteReader(w.finish(), 'test');
        expect(ns.map(() => r.varint())).toEqual(ns);
        expect(ss.map(() => r.string())).toEqual(ss);
        r.end();
      }),
    );
  });

  it('refuses a varint past 32 bits, and a count the bytes left cannot hold, before allocating', () => {
    expect(() => new ByteReader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x7f]), 'x').varint()).toThrow(/too large/);
    expect(() => new ByteReader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), 'x').varint()).toThrow(/too long/);
    const w = new ByteWriter();
    w.varint(0xffffffff);
    expect(() => new ByteReader(w.finish(), 'x').count(1)).toThrow(/cannot fit/);
    expect(() => new ByteWriter().varint(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().varint(2 ** 32)).toThrow(RangeError);
  });
});

describe('postings blocks', () => {
  it('round-trip any sorted run of terms, with their counts, doc numbers and impacts', () => {
    fc.assert(
      fc.property(entries, (es) => {
        const block = decodeBlock(encodeBlock(es));
        expect(plain(entriesOf(block))).toEqual(plain(es));
        for (const e of es) {
          const p = postingsIn(block, e.term)!;
          expect(p.df).toBe(e.df);
          expect(p.saturated).toBe(e.ids.length === 0);
          expect(Array.from(p.ids)).toEqual(Array.from(e.ids));
        }
        expect(postingsIn(block, '\u{10FFFF}zzz')).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('store doc numbers as deltas: a dense run costs about two bytes a posting', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => 100_000 + i * 3);
    const bytes = encodeBlock([{ term: 'حلب', df: ids.length, ids, imp: ids.map(() => 120) }]);
    expect(bytes.length).toBeLessThan(ids.length * 2 + 32);
  });

  it('refuse to encode what they could not read back', () => {
    expect(() => encodeBlock([{ term: 'b', df: 1, ids: [1], imp: [1] }, { term: 'a', df: 1, ids: [1], imp: [1] }])).toThrow(/order/);
    expect(() => encodeBlock([{ term: 'a', df: 2, ids: [3, 3], imp: [1, 1] }])).toThrow(/ascending/);
    expect(() => encodeBlock([{ term: 'a', df: 1, ids: [3], imp: [0] }])).toThrow(/impact/);
    expect(() => encodeBlock([{ term: 'a', df: 1, ids: [3, 4], imp: [1, 1] }])).toThrow(/df/);
  });

  it('decode a truncated or altered block to one clear error', () => {
    const es: TermEntry[] = [
      { term: '@place:kweires', df: 2, ids: [4, 9], imp: [30, 31] },
      { term: 'حلب', df: 3, ids: [1, 4, 900_000], imp: [2, 5, 10] },
      { term: 'حلبي', df: 5000, ids: [], imp: [] },
      { term: 'كويرس', df: 1, ids: [4], imp: [200] },
    ];
    const bytes = encodeBlock(es);
    hostile(bytes, (b) => decodeBlock(b));
    expect(() => decodeBlock(new Uint8Array(0))).toThrow(/truncated/);
    expect(() => decodeBlock(Uint8Array.from([0x43, 1]))).toThrow(/not this kind/);
    expect(() => decodeBlock(Uint8Array.from([0x50, 9]))).toThrow(/version 9/);
  });

  it('refuse a block that claims more postings than its bytes hold, without allocating them', () => {
    // One term "a" with df and count 2^32 - 1, and 2^32 - 1 bytes of deltas, then nothing.
    const w = new ByteWriter();
    w.byte(0x50);
    w.byte(2);
    w.varint(1);
    w.varint(1);
    w.varint(0xffffffff);
    w.varint(0xffffffff);
    w.varint(0xffffffff);
    w.varint(1);
    w.string('a');
    expect(() => decodeBlock(w.finish())).toThrow(/cannot fit/);
  });

  it('leave a term with a lone surrogate out of a segment rather than store it as another', () => {
    expect(sortedTerms(new Map([['a\uD800', { ids: [1], imp: [1] }], ['b', { ids: [2], imp: [2] }]]))).toEqual(['b']);
    // Two halves of a pair in two terms are two lone surrogates (a part's terms side by side would
    // make them one pair), and a term with its pair whole is kept.
    expect(sortedTerms(new Map([['x\uD83D', { ids: [1], imp: [1] }], ['\uDE00y', { ids: [2], imp: [2] }], ['z\uD83D\uDE00', { ids: [3], imp: [3] }]]))).toEqual(['z\uD83D\uDE00']);
    expect(() => encodeBlock([{ term: '\uDC00x', df: 1, ids: [1], imp: [1] }])).toThrow(/surrogate/);
  });
});

describe('the term dictionary', () => {
  it('finds the block of every term of a segment cut into blocks, and no block for a term before the first', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 16, max: 2000 }), (es, size) => {
        const { index, blocks } = cutBlocks(es, size);
        const ix = decodeIndex(encodeIndex(index));
        expect(ix.first).toEqual(index.first);
        expect(blocks.length).toBe(es.length ? ix.first.length : 0);
        const decoded = blocks.map((b) => decodeBlock(b));
        expect(decoded.reduce((s, b) => s + b.count, 0)).toBe(es.length);
        for (const e of es) {
          const b = blockOf(ix, e.term);
          expect(postingsIn(decoded[b]!, e.term)!.df).toBe(e.df);
        }
        if (es.length) expect(blockOf(ix, '')).toBe(-1);
        const wanted = blocksFor(ix, es.map((e) => e.term));
        expect([...wanted.values()].flat().sort()).toEqual(es.map((e) => e.term).sort());
      }),
      { numRuns: 100 },
    );
  });

  it("cuts a part's flat columns, its terms in any order, into the bytes its entries sorted are cut into", () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 16, max: 2000 }), fc.integer(), (es, size, seed) => {
        // A part's terms all have postings (none saturated: only a merge drops them), in another
        // order (as a part collects them: by first seen).
        const held = es.filter((e) => e.ids.length > 0);
        const shuffled = held.map((e, i) => ({ e, k: Math.imul(i + 1, seed | 1) >>> 0 })).sort((a, b) => a.k - b.k);
        const m = new Map(shuffled.map(({ e }) => [e.term, { ids: e.ids, imp: e.imp }]));
        const want = cutBlocks(held, size);
        const got = cutMap(m, size);
        expect(got.index.first).toEqual(want.index.first);
        expect([...got.index.terms]).toEqual([...want.index.terms]);
        expect(got.blocks).toEqual(want.blocks);
      }),
      { numRuns: 100 },
    );
  });

  it('cuts a big segment into blocks of about the size asked, one oversized term alone', () => {
    const terms = new Map<string, { ids: number[]; imp: number[] }>();
    for (let t = 0; t < 3000; t++) terms.set(`t${t}`, { ids: [t, t + 5000, t + 9000], imp: [1, 2, 3] });
    terms.set('big', { ids: Array.from({ length: 50_000 }, (_, i) => i), imp: Array.from({ length: 50_000 }, () => 7) });
    const { index, blocks } = cutMap(terms, 16 * 1024);
    expect(blocks.length).toBeGreaterThan(2);
    const big = blockOf(index, 'big');
    expect(index.terms[big]).toBe(1);
    for (const [i, b] of blocks.entries()) if (i !== big) expect(b.length).toBeLessThan(16 * 1024);
  });

  it('decodes a truncated or altered index to one clear error', () => {
    const { index } = cutMap(new Map(['ا', 'ب', 'بب', 'ت', 'ث'].map((t, i) => [t, { ids: [i + 1], imp: [9] }])), 8);
    hostile(encodeIndex(index), (b) => decodeIndex(b));
  });
});

const doc = fc.record({
  day: fc.option(fc.integer({ min: -800_000, max: 800_000 })),
  outlet: fc.constantFrom('orient-news', 'idlib24', 'shaam', 'eremnews', 'سانا'),
  dup: fc.option(fc.integer({ min: 0, max: 0x7ffffffe })),
  entities: fc.uniqueArray(fc.constantFrom('place:aleppo', 'place:kweires', 'actor:sdf', 'org:un'), { maxLength: 4 }),
  sources: fc.uniqueArray(fc.constantFrom('src:sohr', 'src:sana'), { maxLength: 2 }),
  sketch: fc.option(fc.uint8Array({ maxLength: 64 })),
});
const docs = fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 80 }), fc.array(doc, { minLength: 80, maxLength: 80 })).map(([ns, ds]) =>
  ns.sort((a, b) => a - b).map((n, i): DocValues => ({ ...ds[i]!, n })),
);

/** The head of a columns row of an older format: 'C' version | 2 docs | 3 strings. */
function oldRowHead(version: number): ByteWriter {
  const w = new ByteWriter(64);
  w.byte(0x43);
  w.byte(version);
  w.varint(2);
  w.varint(3);
  for (const t of ['orient-news', 'place:aleppo', 'src:sohr']) w.string(t);
  return w;
}

describe('doc columns', () => {
  it('round-trip every document column, and find a document by its number', () => {
    fc.assert(
      fc.property(docs, (ds) => {
        const c = decodeColumns(encodeColumns(ds));
        expect(ds.map((_, i) => valuesAt(c, i))).toEqual(ds);
        ds.forEach((d, i) => expect(positionOf(c, d.n)).toBe(i));
      }),
      { numRuns: 150 },
    );
  });

  it('find each document in its block alone, a row opened without decoding the rest', () => {
    fc.assert(
      fc.property(docs, fc.integer({ min: 0, max: 0xffffffff }), (ds, absent) => {
        const bytes = encodeColumns(ds);
        for (const d of ds) {
          // A fresh opening each time: one block decoded, the one holding d.
          const o = openColumns(bytes)!;
          const at = docAt(o, d.n)!;
          expect(valuesAt(at.c, at.i)).toEqual(d);
          expect([...o.blocks.keys()]).toEqual([Math.floor(ds.indexOf(d) / BLOCK_DOCS)]);
        }
        if (!ds.some((d) => d.n === absent)) expect(docAt(openColumns(bytes)!, absent)).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('decode a row whole from its opening (header and tables not read again), to the same columns', () => {
    fc.assert(
      fc.property(docs, (ds) => {
        const bytes = encodeColumns(ds);
        const o = openColumns(bytes)!;
        if (ds.length) docAt(o, ds[ds.length - 1]!.n); // a block decoded first changes nothing
        const steps = decodeInSlices(o);
        let step = steps.next();
        while (!step.done) step = steps.next();
        expect(step.value).toEqual(decodeColumns(bytes));
      }),
      { numRuns: 60 },
    );
  });

  it('read format 2 columns (one run, no offset table) whole, and open none of them', () => {
    // 'C' 2 | 2 docs | strings | per doc: delta, day, outlet, dup + 1, entities, sources, sketch count + 1.
    const w = oldRowHead(2);
    for (const v of [7, 2 * 20_000 + 1, 0, 0, 1, 1, 1, 2, 3, 5, 6]) w.varint(v);
    for (const v of [2, 0, 0, 8, 0, 0, 0]) w.varint(v);
    const bytes = w.finish();
    const c = decodeColumns(bytes);
    expect([valuesAt(c, 0), valuesAt(c, 1)]).toEqual([
      { n: 7, day: 20_000, outlet: 'orient-news', dup: null, entities: ['place:aleppo'], sources: ['src:sohr'], sketch: Uint8Array.from([5, 6]) },
      { n: 9, day: null, outlet: 'orient-news', dup: 7, entities: [], sources: [], sketch: null },
    ]);
    expect(openColumns(bytes)).toBeNull();
  });

  it('read format 1 columns (written before the sketch) as they were, without a sketch', () => {
    // 'C' 1 | 2 docs | strings | per doc: delta, day, outlet, dup + 1, entities, sources | lengths, fingerprints.
    const w = oldRowHead(1);
    for (const v of [7, 2 * 20_000 + 1, 0, 0, 1, 1, 1, 2]) w.varint(v);
    for (const v of [2, 0, 0, 8, 0, 0]) w.varint(v);
    w.bytes(new Uint8Array(24));
    const c = decodeColumns(w.finish());
    expect([valuesAt(c, 0), valuesAt(c, 1)]).toEqual([
      { n: 7, day: 20_000, outlet: 'orient-news', dup: null, entities: ['place:aleppo'], sources: ['src:sohr'], sketch: null },
      { n: 9, day: null, outlet: 'orient-news', dup: 7, entities: [], sources: [], sketch: null },
    ]);
    expect(sharedSlotsAtMost(c, 0, [1, 2, 3])).toBeNull();
  });

  it('bound the MinHash slots a document shares with an article from its sketch, never below', () => {
    const hash = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constant(0xffffffff), fc.constantFrom(0x100, 0x200, 0x1100));
    fc.assert(
      fc.property(fc.array(hash, { minLength: 24, maxLength: 24 }), fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), fc.array(hash, { maxLength: 24 }), (doc, same, other) => {
        // The article shares some slots with the document, and has others of its own.
        const article = doc.map((h, k) => (same[k] ? h : (other[k] ?? h ^ 0x100)));
        const c = decodeColumns(encodeColumns([{ n: 1, day: null, outlet: 'o', dup: null, entities: [], sources: [], sketch: minhashSketch(doc) }]));
        const atMost = sharedSlotsAtMost(c, 0, article)!;
        expect(atMost).toBeGreaterThanOrEqual(minhashSimilarity(article, doc) * 24);
        // Of another length, no slot is compared (minhashSimilarity gives 0).
        expect(sharedSlotsAtMost(c, 0, article.slice(1))).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('decode a large segment a slice at a time (a worker answers between slices), to the same columns', () => {
    const ds: DocValues[] = Array.from({ length: 20_000 }, (_, n) => ({ n: 2 * n, day: n % 7 ? 19_000 + (n % 40) : null, outlet: `o${n % 5}`, dup: n % 11 ? null : n, entities: [`e${n % 300}`, `e${n % 17}`], sources: n % 3 ? [] : ['src:sohr'], sketch: n % 13 ? Uint8Array.from({ length: 24 }, (_, k) => (n * 31 + k) & 0xff) : null }));
    const bytes = encodeColumns(ds);
    const steps = decodeInSlices(bytes);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(2); // 20,000 documents, 8,192 a slice
    expect(step.value).toEqual(decodeColumns(bytes));
    expect([0, 8191, 8192, 19_999].map((i) => valuesAt(step.value, i))).toEqual([0, 8191, 8192, 19_999].map((i) => ds[i]));
  });

  it('decode truncated or altered columns to one clear error', () => {
    const ds: DocValues[] = [
      { n: 7, day: 20_000, outlet: 'orient-news', dup: null, entities: ['place:aleppo'], sources: ['src:sohr'], sketch: Uint8Array.from([1, 2, 255]) },
      { n: 9, day: null, outlet: 'سانا', dup: 7, entities: [], sources: [], sketch: null },
    ];
    hostile(encodeColumns(ds), (b) => decodeColumns(b));
    // Opened for a few documents, over several blocks: the table and each block are checked.
    const many: DocValues[] = Array.from({ length: 2 * BLOCK_DOCS + 5 }, (_, k) => ({ ...ds[k % 2]!, n: 3 * k + 1, dup: k % 2 ? 1 : null }));
    hostile(encodeColumns(many), (b) => {
      const o = openColumns(b);
      if (!o) throw new SegmentFormatError('test', 'not format 3');
      return many.map((d) => docAt(o, d.n));
    });
  });
});

describe('deletions', () => {
  it('round-trip any set of deleted positions and count them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }).chain((size) => fc.tuple(fc.constant(size), fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, size - 1) }), { maxLength: size }))), ([size, del]) => {
        const d = new Deletions(size);
        for (const i of del) d.add(i);
        const back = Deletions.decode(d.encode());
        expect(back.count()).toBe(del.length);
        for (let i = 0; i < size; i++) expect(back.has(i)).toBe(del.includes(i));
      }),
    );
  });

  it('refuse a position outside the segment, and a stored set with bits past its size', () => {
    const d = new Deletions(10);
    expect(() => d.add(10)).toThrow(RangeError);
    expect(d.add(3)).toBe(true);
    expect(d.add(3)).toBe(false);
    const bytes = d.encode();
    bytes[bytes.length - 1] = 0xff;
    expect(() => Deletions.decode(bytes)).toThrow(/past the size/);
    hostile(d.encode(), (b) => Deletions.decode(b));
  });
});
