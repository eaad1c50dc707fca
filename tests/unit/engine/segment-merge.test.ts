import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentCache } from '../../../lib/engine/segments/cache';
import { decodeColumns, encodeColumns, type DocValues } from '../../../lib/engine/segments/columns';
import { checkManifest, emptyManifest, withMerged, withSegment } from '../../../lib/engine/segments/manifest';
import { liveIn, mergeColumns, mergeEntries } from '../../../lib/engine/segments/merge';
import { Deletions } from '../../../lib/engine/segments/deletions';
import { DEFAULT_POLICY, IMPORT_POLICY, pickMerge, tierOf, type MergePolicy, type SegmentSize } from '../../../lib/engine/segments/merge-policy';
import type { TermEntry } from '../../../lib/engine/segments/postings';

const entry = (term: string, ids: number[], df = ids.length): TermEntry => ({ term, df, ids, imp: ids.map((n) => (n % 250) + 1) });
const all = () => true;

describe('merging postings', () => {
  it('concatenates a term\'s postings in doc-number order, whatever order the segments come in', () => {
    const a = { entries: [entry('x', [1, 2]), entry('y', [2])], live: all };
    const b = { entries: [entry('x', [5]), entry('z', [6])], live: all };
    const m = mergeEntries([b, a], 100);
    expect(m.map((e) => [e.term, Array.from(e.ids)])).toEqual([['x', [1, 2, 5]], ['y', [2]], ['z', [6]]]);
    expect(Array.from(m[0]!.imp)).toEqual([2, 3, 6]);
  });

  it('leaves deleted documents out, drops a term none is left for, and saturates past the limit', () => {
    const a = { entries: [entry('x', [1, 2, 3]), entry('y', [2])], live: (n: number) => n !== 2 };
    const m = mergeEntries([a], 100);
    expect(m.map((e) => [e.term, e.df, Array.from(e.ids)])).toEqual([['x', 2, [1, 3]]]);
    const sat = mergeEntries([{ entries: [entry('x', [1, 2, 3])], live: all }, { entries: [entry('x', [], 40)], live: all }], 100);
    expect(sat).toEqual([{ term: 'x', df: 43, ids: [], imp: [] }]);
    expect(mergeEntries([{ entries: [entry('x', [1, 2, 3])], live: all }], 2)).toEqual([{ term: 'x', df: 3, ids: [], imp: [] }]);
  });

  it('refuses inputs whose terms are out of order (a damaged term index), as one error', () => {
    const a = { entries: [entry('y', [1]), entry('x', [2])], live: all };
    expect(() => mergeEntries([a, { entries: [entry('w', [3])], live: all }], 100)).toThrow('merge inputs not sorted by term: x after y');
  });

  it('keeps every live posting of any split of a segment into pieces (a property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 6 }), fc.func(fc.boolean()), (ids, pieces, del) => {
        ids.sort((a, b) => a - b);
        const dead = new Set(ids.filter((n) => del(n)));
        const chunks = Array.from({ length: pieces }, (_, p) => ids.filter((_, i) => i % pieces === p));
        const inputs = chunks.filter((c) => c.length).map((c) => ({ entries: [entry('t', c)], live: (n: number) => !dead.has(n) }));
        const [m] = mergeEntries(inputs, Infinity);
        const want = ids.filter((n) => !dead.has(n));
        if (want.length === 0) expect(m).toBeUndefined();
        else expect(Array.from(m!.ids)).toEqual(want);
      }),
    );
  });

  it('merges doc columns in doc-number order without the deleted documents', () => {
    const d = (n: number): DocValues => ({ n, day: n, outlet: `o${n % 2}`, dup: null, entities: [`e${n}`], sources: [], sketch: n % 3 ? Uint8Array.from([n, 255 - n]) : null });
    const a = decodeColumns(encodeColumns([d(1), d(4), d(6)]));
    const b = decodeColumns(encodeColumns([d(2), d(3)]));
    const out = mergeColumns([{ cols: b, live: all }, { cols: a, live: (n) => n !== 4 }]);
    expect(out).toEqual([d(1), d(2), d(3), d(6)]);
  });
});

describe('which documents of a segment a merge keeps', () => {
  const d = (n: number): DocValues => ({ n, day: null, outlet: 'o', dup: null, entities: [], sources: [], sketch: null });
  const dels = (size: number, at: number[]) => {
    const x = new Deletions(size);
    for (const i of at) x.add(i);
    return x.encode();
  };

  it('are its columns\' documents less the deleted positions, whether its numbers are close or far apart', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 }), { minLength: 1, maxLength: 60 }), fc.boolean(), fc.func(fc.boolean()), (raw, close, del) => {
        // Close: numbers packed in a small range (the map); else spread over 2^31 (the search).
        const ns = [...new Set(raw.map((n) => (close ? n % 500 : n)))].sort((a, b) => a - b);
        const cols = decodeColumns(encodeColumns(ns.map(d)));
        const dead = ns.map((_, i) => i).filter((i) => del(i));
        const live = liveIn(cols, { dels: dead.length ? dels(ns.length, dead) : undefined });
        ns.forEach((n, i) => expect(live(n)).toBe(!dead.includes(i)));
        for (const n of [ns[0]! - 1, ns.at(-1)! + 1, (ns[0]! + ns.at(-1)!) / 2, -1]) if (!ns.includes(n)) expect(live(n)).toBe(false);
      }),
    );
  });
});

describe('the tiered merge policy', () => {
  const seg = (s: number, docs: number, del = 0): SegmentSize => ({ s, docs, del });

  it('merges a tier once it holds `fanout` segments, the smallest of it, and nothing before', () => {
    const seven = Array.from({ length: 7 }, (_, i) => seg(i + 1, 2000));
    expect(pickMerge(seven)).toEqual([]);
    expect(pickMerge([...seven, seg(8, 1500)])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A big segment is in a higher tier: eight small ones beside it merge without it.
    expect(pickMerge([seg(1, 100_000), ...Array.from({ length: 8 }, (_, i) => seg(i + 2, 1000))])).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tierOf(1999)).toBe(0);
    expect(tierOf(16_000)).toBe(1);
    expect(tierOf(128_000)).toBe(2);
  });

  it('rewrites a segment that is mostly deleted, and with `all` everything', () => {
    expect(pickMerge([seg(1, 10_000, 3500), seg(2, 100)])).toEqual([1]);
    expect(pickMerge([seg(2, 100), seg(1, 10_000)], { all: true })).toEqual([1, 2]);
    expect(pickMerge([seg(1, 10_000)], { all: true })).toEqual([]);
    expect(pickMerge([seg(1, 10_000, 1)], { all: true })).toEqual([1]);
  });

  it("an import's policy rewrites each part's postings about once before the import's last merge", () => {
    // 100 parts of 1,000, as the options page sends them; the merges while they arrive.
    const merged = (policy?: MergePolicy) => {
      let segs: SegmentSize[] = [];
      let rewritten = 0;
      for (let s = 1; s <= 100; s++) {
        segs.push(seg(s, 1000));
        for (let pick = pickMerge(segs, { policy }); pick.length; pick = pickMerge(segs, { policy })) {
          const docs = segs.filter((x) => pick.includes(x.s)).reduce((n, x) => n + x.docs, 0);
          segs = [...segs.filter((x) => !pick.includes(x.s)), seg(1000 + s * 10 + pick.length, docs)];
          rewritten += docs;
        }
      }
      return { rewritten, segs: segs.length };
    };
    expect(merged()).toEqual({ rewritten: 188_000, segs: 9 });
    expect(merged(IMPORT_POLICY)).toEqual({ rewritten: 96_000, segs: 10 });
    // A part's segment is in the first tier; sixteen of them merged are not.
    expect([tierOf(1000, IMPORT_POLICY), tierOf(16_000, IMPORT_POLICY)]).toEqual([0, 1]);
  });

  it('keeps the number of segments logarithmic as batches arrive (a property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 300 }), (batches) => {
        let segs: SegmentSize[] = [];
        let next = 1;
        let written = 0;
        for (const docs of batches) {
          segs.push(seg(next++, docs));
          written += docs;
          for (let pick = pickMerge(segs); pick.length; pick = pickMerge(segs)) {
            const merged = segs.filter((x) => pick.includes(x.s));
            segs = [...segs.filter((x) => !pick.includes(x.s)), seg(next++, merged.reduce((s, x) => s + x.docs, 0))];
            written += merged.reduce((s, x) => s + x.docs, 0);
          }
        }
        const total = batches.reduce((s, d) => s + d, 0);
        const tiers = tierOf(total) + 1;
        expect(segs.length).toBeLessThanOrEqual((DEFAULT_POLICY.fanout - 1) * tiers + 1);
        expect(segs.reduce((s, x) => s + x.docs, 0)).toBe(total);
        // Each document is rewritten about once per tier, not once per batch.
        expect(written).toBeLessThanOrEqual(total * (tiers + 2));
      }),
    );
  });
});

describe('the manifest', () => {
  it('adds segments and swaps merged ones, and reads back what it wrote', () => {
    let m = emptyManifest();
    m = withSegment(m, { s: 1, docs: 10, del: 0, blocks: 2, bytes: 100 }, { docs: 10, len: 500, nextN: 11 });
    m = withSegment(m, { s: 2, docs: 5, del: 1, blocks: 1, bytes: 50 }, { docs: 5, len: 200, nextN: 16 });
    m = { ...m, nextSeg: 4, merging: { s: 3, from: [1, 2], after: 'حلب', blocks: 1, bytes: 80 } };
    expect(checkManifest(structuredClone(m))).toEqual(m);
    const done = withMerged(m, { s: 3, docs: 14, del: 0, blocks: 3, bytes: 140 });
    expect(done.segs.map((x) => x.s)).toEqual([3]);
    expect(done.merging).toBeUndefined();
    expect(checkManifest(undefined)).toEqual(emptyManifest());
  });

  it('refuses a stored manifest of the wrong shape with the field at fault', () => {
    const ok = withSegment(emptyManifest(), { s: 1, docs: 10, del: 0, blocks: 2, bytes: 100 }, { docs: 10, len: 500, nextN: 11 });
    expect(() => checkManifest({ ...ok, docs: -1 })).toThrow(/docs/);
    expect(() => checkManifest({ ...ok, segs: [{ ...ok.segs[0]!, del: 11 }] })).toThrow(/deletions/);
    expect(() => checkManifest({ ...ok, segs: [ok.segs[0], ok.segs[0]] })).toThrow(/repeated/);
    expect(() => checkManifest({ ...ok, merging: { s: 9, from: [7], after: null, blocks: 0, bytes: 0 } })).toThrow(/not live/);
    expect(() => checkManifest({ ...ok, merging: { s: 1, from: [1], after: null, blocks: 0, bytes: 0 } })).toThrow(/live segment/);
    expect(() => checkManifest('segments')).toThrow(/not an object/);
  });
});

describe('the segment cache', () => {
  it('keeps entries by segment within its budget, least recently used out first, and drops merged segments', () => {
    const c = new SegmentCache<Uint8Array>(100, (v) => v.length);
    c.set(1, 0, new Uint8Array(40));
    c.set(1, 1, new Uint8Array(40));
    expect(c.get(1, 0)).toBeDefined();
    c.set(2, 0, new Uint8Array(40));
    // 120 bytes over a budget of 100: the least recently used (1:1) went.
    expect(c.get(1, 1)).toBeUndefined();
    expect(c.get(1, 0)).toBeDefined();
    expect(c.bytes).toBe(80);
    c.set(3, 0, new Uint8Array(60));
    expect(c.get(3, 0)).toBeUndefined();
    c.keepOnly([2]);
    expect(c.size).toBe(1);
    expect(c.get(2, 0)).toBeDefined();
    expect(c.bytes).toBe(40);
  });
});
