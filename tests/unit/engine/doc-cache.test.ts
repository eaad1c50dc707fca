import { describe, expect, it } from 'vitest';
import { CACHE_ROWS, docRows, forgetDocs } from '../../../lib/engine/doc-cache';
import type { DocRow } from '../../../lib/engine/index-types';

const row = (n: number, dup: number | null = null) => ({ n, id: `r${n}`, dup }) as unknown as DocRow;

describe('the cache of doc rows', () => {
  it('reads only rows it does not hold, and reads again a row that was rewritten or deleted', async () => {
    const db = {};
    const reads: number[][] = [];
    let stored = new Map([1, 2, 3].map((n) => [n, row(n)]));
    const read = async (ns: number[]) => {
      reads.push(ns);
      return ns.map((n) => stored.get(n));
    };
    expect((await docRows(db, [1, 2], read)).map((d) => d!.n)).toEqual([1, 2]);
    expect((await docRows(db, [2, 3, 1], read)).map((d) => d!.n)).toEqual([2, 3, 1]);
    expect(reads).toEqual([[1, 2], [3]]);
    // Report 1 joins a near-duplicate group, report 3 is deleted.
    stored = new Map([[1, row(1, 1)], [2, row(2)]]);
    forgetDocs(db, [1, 3]);
    const again = await docRows(db, [1, 2, 3], read);
    expect(again.map((d) => d?.dup ?? null)).toEqual([1, null, null]);
    expect(again[2]).toBeUndefined();
    expect(reads.at(-1)).toEqual([1, 3]);
  });

  it('holds at most CACHE_ROWS rows', async () => {
    const db = {};
    const all = Array.from({ length: CACHE_ROWS + 10 }, (_, i) => i + 1);
    let reads = 0;
    const read = async (ns: number[]) => ((reads += ns.length), ns.map((n) => row(n)));
    await docRows(db, all, read);
    await docRows(db, all.slice(-CACHE_ROWS), read);
    expect(reads).toBe(all.length);
    await docRows(db, [1], read);
    expect(reads).toBe(all.length + 1);
  });
});
