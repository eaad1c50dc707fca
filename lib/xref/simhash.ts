// SimHash of a report's word 3-grams: syndicated or republished copies of one text differ in a
// few words and land within a few bits of each other, unrelated texts about half the bits apart.
// 64 bits as two 32-bit halves (JS bit operations are 32-bit).

export type Fingerprint = [number, number];

function fnv1a(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function simhash(seq: readonly string[]): Fingerprint {
  const acc = new Int32Array(64);
  const n = Math.max(1, seq.length - 2);
  for (let i = 0; i < n; i++) {
    const g = seq.slice(i, i + 3).join(' ');
    const lo = fnv1a(g, 0);
    const hi = fnv1a(g, 0x9e3779b9);
    for (let b = 0; b < 32; b++) {
      acc[b]! += (lo >>> b) & 1 ? 1 : -1;
      acc[b + 32]! += (hi >>> b) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (acc[b]! > 0) lo |= 1 << b;
    if (acc[b + 32]! > 0) hi |= 1 << b;
  }
  return [hi >>> 0, lo >>> 0];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function hamming(a: Fingerprint, b: Fingerprint): number {
  return popcount((a[0] ^ b[0]) >>> 0) + popcount((a[1] ^ b[1]) >>> 0);
}

/** Four 16-bit bands: two fingerprints within 3 bits share at least one band exactly. */
export function bands(f: Fingerprint): string[] {
  return [f[0] >>> 16, f[0] & 0xffff, f[1] >>> 16, f[1] & 0xffff].map((v, i) => `${i}${v.toString(36)}`);
}

/** Near-duplicates: at most this many of the 64 bits differ. */
export const NEAR_DUPLICATE_BITS = 3;

/** MinHash of word 2-grams: the share of equal slots estimates how many phrases two texts share. */
export const MINHASH_SLOTS = 24;

export function minhash(seq: readonly string[]): number[] {
  const out = new Array<number>(MINHASH_SLOTS).fill(0xffffffff);
  for (let i = 0; i + 1 < seq.length; i++) {
    const g = `${seq[i]} ${seq[i + 1]}`;
    const base = fnv1a(g, 0x85ebca6b);
    const step = fnv1a(g, 0xc2b2ae35) | 1;
    for (let k = 0; k < MINHASH_SLOTS; k++) {
      const h = (base + Math.imul(k, step)) >>> 0;
      if (h < out[k]!) out[k] = h;
    }
  }
  return out;
}

export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  if (!a.length || a.length !== b.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k] && a[k] !== 0xffffffff) same++;
  return same / a.length;
}
