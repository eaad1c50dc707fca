import { describe, expect, it } from 'vitest';
import { CACHE_BYTES, docRecords, forgetDocs } from '../../../lib/engine/doc-cache';
import type { DocRecord, PackedDoc } from '../../../lib/engine/doc-rows';

/** A packed row as a doc page gives it (the ring keeps it), with `size` bytes of `b`. */
const row = (n: number, dup: number | null = null, size = 40): PackedDoc => ({ n, id: `r${n}`, outlet: 'sana', dup, b: new Uint8Array(size).fill(n & 0xff) });
/** A row of the older shape (fields by name): kept as it is. */
const old = (n: number) => ({ n, id: `o${n}`, outlet: 'sana', dup: null, url: `https://x.example/${n}`, title: 't', publishedAt: null, day: null, len: 3, e: [], src: [], h: [0, 0], mh: [], tk: 'k' }) as unknown as DocRecord;

describe('the cache of doc rows', () => {
  it('reads only rows it does not hold, and reads again a row that was rewritten or deleted', async () => {
    const db = {};
    const reads: number[][] = [];
    let stored = new Map<number, DocRecord>([...[1, 2, 3].map((n) => [n, row(n)] as const), [4, old(4)]]);
    const read = async (ns: number[]) => {
      reads.push(ns);
      return ns.map((n) => stored.get(n));
    };
    const first = await docRecords(db, [1, 2, 4], read);
    expect(first.map((k) => k!.rec.n)).toEqual([1, 2, 4]);
    const second = await docRecords(db, [2, 3, 1, 4], read);
    expect(second.map((k) => k!.rec)).toEqual([row(2), row(3), row(1), old(4)]);
    expect(reads).toEqual([[1, 2, 4], [3]]);
    // A row from the ring is a new object each time, with the same key; an older row is kept as it is.
    expect(second[2]!.rec).not.toBe(first[0]!.rec);
    expect(second[2]!.key).toBe(first[0]!.key);
    expect(second[3]!.rec).toBe(first[2]!.rec);
    // Report 1 joins a near-duplicate group, report 3 is deleted.
    stored = new Map([[1, row(1, 1)], [2, row(2)]]);
    forgetDocs(db, [1, 3]);
    const again = await docRecords(db, [1, 2, 3], read);
    expect(again.map((k) => k?.rec.dup ?? null)).toEqual([1, null, null]);
    expect(again[2]).toBeUndefined();
    expect(again[0]!.key).not.toBe(first[0]!.key);
    expect(reads.at(-1)).toEqual([1, 3]);
  });

  it('keeps no row read while a write was under way', async () => {
    const db = {};
    let reads = 0;
    const read = async (ns: number[]) => {
      reads++;
      forgetDocs(db, ns); // a write lands while the read is under way
      return ns.map((n) => row(n));
    };
    await docRecords(db, [5], read);
    await docRecords(db, [5], read);
    expect(reads).toBe(2);
  });

  it('holds at most CACHE_BYTES of rows, the oldest dropped first', async () => {
    const db = {};
    const size = 1000;
    const fit = Math.floor(CACHE_BYTES / (size + 8));
    const all = Array.from({ length: fit + 50 }, (_, i) => i + 1);
    let reads = 0;
    const read = async (ns: number[]) => ((reads += ns.length), ns.map((n) => row(n, null, size)));
    for (let i = 0; i < all.length; i += 500) await docRecords(db, all.slice(i, i + 500), read);
    expect(reads).toBe(all.length);
    // The last rows put are held, the first ones are not.
    await docRecords(db, all.slice(-Math.floor(fit * 0.9)), read);
    expect(reads).toBe(all.length);
    await docRecords(db, [1], read);
    expect(reads).toBe(all.length + 1);
  });

  it('puts the rows a read gave a task later, and none a write came before', async () => {
    const db = {};
    const reads: number[][] = [];
    let dup: number | null = null;
    const read = async (ns: number[]) => (reads.push(ns), ns.map((n) => row(n, dup)));
    await docRecords(db, [7, 8], read);
    // A write before the rows were put (its query went on): rows 7 and 8 are read again, anew.
    dup = 3;
    forgetDocs(db, [7]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await docRecords(db, [7, 8], read);
    expect(reads).toEqual([[7, 8], [7, 8]]);
    expect(again.map((k) => k!.rec.dup)).toEqual([3, 3]);
    // Put a task later: held then, read no more.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await docRecords(db, [8, 7], read);
    expect(reads).toHaveLength(2);
  });
});

