// The ring of packed doc rows (lib/engine/row-ring.ts): a row reads back as it was put, the
// oldest go first when bytes or slots run out, and a row dropped or replaced is never read.
import { describe, expect, it } from 'vitest';
import { RowRing, ringable } from '../../../lib/engine/row-ring';
import type { PackedDoc } from '../../../lib/engine/doc-rows';

let seed = 7;
const rand = (k: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % k;
};

function someRow(n: number, size: number): PackedDoc {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = rand(256);
  const outlet = ['sana', 'enabbaladi', 'حلب اليوم', 'x'.repeat(rand(40))][rand(4)]!;
  const d: PackedDoc = { n, id: `تقرير-${n}-\u{1F600}`, outlet, dup: [null, 0, n, 0xfffffffe][rand(4)]!, b };
  if (rand(2)) d.sv = `v${rand(3)}`;
  if (rand(3)) d.tv = b.slice(0, rand(size));
  return d;
}

describe('the ring of packed doc rows', () => {
  it('reads every row back as it was put, with its key', () => {
    const ring = new RowRing(1 << 16, 64);
    const d = someRow(3, 300);
    expect(ring.put({ ...d, tv: new Uint8Array(0) }, 11)).toBe(true);
    expect(ring.get(3)).toEqual({ row: { ...d, tv: new Uint8Array(0) }, key: 11 });
    const plain: PackedDoc = { n: 0, id: '', outlet: '', dup: 0, b: new Uint8Array(0) };
    ring.put(plain, 12);
    expect(ring.get(0)).toEqual({ row: plain, key: 12 });
    // Its bytes are its own: changing what was read changes nothing held.
    ring.get(0)!.row.b = new Uint8Array(5);
    expect(ring.get(0)!.row.b.length).toBe(0);
  });

  it('against a model of the oldest dropped first: random rows, sizes, rewrites and deletes', () => {
    for (const [capacity, maxRows] of [
      [20_000, 1000],
      [50_000, 37],
      [3_000, 500],
    ] as const) {
      const ring = new RowRing(capacity, maxRows);
      const held = new Map<number, { d: PackedDoc; key: number }>();
      for (let step = 0; step < 2000; step++) {
        const n = rand(300);
        const op = rand(10);
        if (op === 0) {
          ring.delete(n);
          held.delete(n);
        } else if (op < 6) {
          const d = someRow(n, rand(4) ? rand(200) : rand(capacity / 2));
          if (ring.put(d, step)) {
            held.delete(n);
            held.set(n, { d, key: step });
          }
        } else {
          const got = ring.get(n);
          if (got) expect(got).toEqual({ row: held.get(n)!.d, key: held.get(n)!.key });
        }
        // What the ring holds is what was put last, and only the newest rows are ever dropped last.
        for (const m of held.keys()) if (!ring.has(m)) held.delete(m);
        expect(ring.size).toBe(held.size);
        expect(ring.bytes).toBeLessThanOrEqual(capacity);
        expect(ring.size).toBeLessThanOrEqual(maxRows);
      }
      // Every row held reads as put; the newest row put is held.
      for (const [m, h] of held) expect(ring.get(m)).toEqual({ row: h.d, key: h.key });
      const last = someRow(999, 100);
      ring.put(last, -1);
      expect(ring.get(999)).toEqual({ row: last, key: -1 });
    }
  });

  it('drops the oldest rows first', () => {
    const ring = new RowRing(10 * 120, 1000);
    for (let n = 0; n < 30; n++) ring.put({ n, id: 'a', outlet: 'o', dup: null, b: new Uint8Array(100) }, n);
    const held = Array.from({ length: 30 }, (_, n) => n).filter((n) => ring.has(n));
    expect(held.length).toBeGreaterThanOrEqual(8);
    expect(held).toEqual(Array.from({ length: held.length }, (_, i) => 30 - held.length + i));
    const slots = new RowRing(1 << 20, 5);
    for (let n = 0; n < 8; n++) slots.put({ n, id: 'a', outlet: 'o', dup: null, b: new Uint8Array(1) }, n);
    expect([0, 1, 2, 3, 4, 5, 6, 7].filter((n) => slots.has(n))).toEqual([3, 4, 5, 6, 7]);
  });

  it('refuses a row larger than itself, and keeps only rows of a packed row fields', () => {
    const ring = new RowRing(100, 10);
    expect(ring.put({ n: 1, id: 'a', outlet: 'o', dup: null, b: new Uint8Array(200) }, 1)).toBe(false);
    expect(ring.has(1)).toBe(false);
    const d = { n: 1, id: 'a', outlet: 'o', dup: null, b: new Uint8Array(2) };
    expect(ringable(d)).toBe(true);
    expect(ringable({ ...d, sv: '3', tv: new Uint8Array(1) })).toBe(true);
    expect(ringable({ ...d, sig: {} })).toBe(false);
    expect(ringable({ ...d, imp: 'x' })).toBe(false);
    expect(ringable({ ...d, dup: -1 })).toBe(false);
    expect(ringable({ ...d, b: [1] })).toBe(false);
  });
});
