import { describe, expect, it } from 'vitest';
import { NearDupIndex, printRow } from '../../../lib/engine/near-dups';

describe('the near-duplicate index', () => {
  it('finds a stored or added fingerprint within 3 bits, and nothing further', () => {
    const idx = new NearDupIndex([printRow(1, [{ n: 1, h: [0xf0f0f0f0, 0x12345678] }, { n: 2, h: [0x0, 0xffffffff] }])]);
    expect(idx.find([0xf0f0f0f0, 0x12345678 ^ 0b101])).toBe(1);
    expect(idx.find([0xf0f0f0f0 ^ 0xf0000, 0x12345678 ^ 0xf])).toBeNull();
    expect(idx.find([0x1, 0xfffffffe])).toBe(2);
    idx.add(3, [0xabcdef01, 0x0]);
    expect(idx.find([0xabcdef01, 0x1])).toBe(3);
  });

  it('answers the same once added docs are folded into its arrays', () => {
    // Random fingerprints, many within a few bits of an earlier one; queries near stored, added and no docs.
    let x = 7;
    const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const flip = (f: [number, number], bits: number): [number, number] => {
      const g: [number, number] = [f[0], f[1]];
      for (let k = 0; k < bits; k++) {
        const b = rnd() % 64;
        g[b >> 5] = (g[b >> 5]! ^ (1 << (b & 31))) >>> 0;
      }
      return g;
    };
    const prints: Array<[number, number]> = [];
    for (let i = 0; i < 3000; i++) prints.push(i > 0 && rnd() % 3 === 0 ? flip(prints[rnd() % i]!, rnd() % 5) : [rnd(), rnd()]);
    const stored = printRow(1, prints.slice(0, 500).map((h, i) => ({ n: i + 1, h })));
    const folding = new NearDupIndex([stored], { foldAt: 97 });
    const never = new NearDupIndex([stored], { foldAt: Infinity });
    const queries = () => Array.from({ length: 300 }, () => flip(prints[rnd() % prints.length]!, rnd() % 6));
    let hits = 0;
    prints.slice(500).forEach((h, i) => {
      folding.add(501 + i, h);
      never.add(501 + i, h);
      if (i % 500 === 0) {
        const s = x;
        const a = queries().map((q) => folding.find(q));
        x = s;
        const b = queries().map((q) => never.find(q));
        expect(a).toEqual(b);
        hits += a.filter((n) => n !== null).length;
      }
    });
    expect(hits).toBeGreaterThan(100);
  });
});
