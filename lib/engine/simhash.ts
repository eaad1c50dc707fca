// SimHash of a report's word 3-grams: syndicated or republished copies of one text differ in a
// few words and land within a few bits of each other, unrelated texts about half the bits apart.
// 64 bits as two 32-bit halves (JS bit operations are 32-bit).

export type Fingerprint = [number, number];

// FNV-1a from two seeds at once over seq.slice(i, i + n).join(' '), without building the string:
// the results are left in H[0] and H[1]. In a typed array, not in variables of the module: a
// 32-bit value stored there would be a new heap number each time (two a word pair).
const H = new Uint32Array(2);
function fnvWords(seq: readonly string[], i: number, n: number, seed1: number, seed2: number): void {
  let h1 = 0x811c9dc5 ^ seed1;
  let h2 = 0x811c9dc5 ^ seed2;
  const end = Math.min(seq.length, i + n);
  for (let k = i; k < end; k++) {
    if (k > i) {
      h1 = Math.imul(h1 ^ 0x20, 0x01000193);
      h2 = Math.imul(h2 ^ 0x20, 0x01000193);
    }
    const s = seq[k]!;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193);
    }
  }
  H[0] = h1;
  H[1] = h2;
}

// The votes of each bit are counted eight bits at a time: a byte's bits spread into the eight
// nibbles of an integer (BYTE_NIBBLES), added up for at most 15 grams, then carried out.
const BYTE_NIBBLES = new Int32Array(256);
for (let v = 0; v < 256; v++) for (let k = 0; k < 8; k++) BYTE_NIBBLES[v]! |= ((v >>> k) & 1) << (4 * k);

export function simhash(seq: readonly string[]): Fingerprint {
  // ones[b]: how many grams have bit b (0–31 of the low hash, 32–63 of the high one) set.
  const ones = new Int32Array(64);
  const packed = new Int32Array(8);
  const n = Math.max(1, seq.length - 2);
  let pending = 0;
  const carry = () => {
    for (let q = 0; q < 8; q++) {
      const p = packed[q]!;
      for (let k = 0; k < 8; k++) ones[q * 8 + k]! += (p >>> (4 * k)) & 15;
      packed[q] = 0;
    }
    pending = 0;
  };
  for (let i = 0; i < n; i++) {
    fnvWords(seq, i, 3, 0, 0x9e3779b9);
    const lo = H[0]!;
    const hi = H[1]!;
    packed[0]! += BYTE_NIBBLES[lo & 255]!;
    packed[1]! += BYTE_NIBBLES[(lo >>> 8) & 255]!;
    packed[2]! += BYTE_NIBBLES[(lo >>> 16) & 255]!;
    packed[3]! += BYTE_NIBBLES[lo >>> 24]!;
    packed[4]! += BYTE_NIBBLES[hi & 255]!;
    packed[5]! += BYTE_NIBBLES[(hi >>> 8) & 255]!;
    packed[6]! += BYTE_NIBBLES[(hi >>> 16) & 255]!;
    packed[7]! += BYTE_NIBBLES[hi >>> 24]!;
    if (++pending === 15) carry();
  }
  carry();
  // A bit is set when more grams vote for it than against it.
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * ones[b]! > n) lo |= 1 << b;
    if (2 * ones[b + 32]! > n) hi |= 1 << b;
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

/** Near-duplicates: at most this many of the 64 bits differ. */
export const NEAR_DUPLICATE_BITS = 3;

/** MinHash of word 2-grams: the share of equal slots estimates how many phrases two texts share. */
export const MINHASH_SLOTS = 24;

export function minhash(seq: readonly string[]): number[] {
  const min = new Uint32Array(MINHASH_SLOTS).fill(0xffffffff);
  for (let i = 0; i + 1 < seq.length; i++) {
    fnvWords(seq, i, 2, 0x85ebca6b, 0xc2b2ae35);
    const step = H[1]! | 1;
    // Slot k's hash is base + k·step (mod 2^32).
    let h = H[0]!;
    for (let k = 0; k < MINHASH_SLOTS; k++) {
      if (h < min[k]!) min[k] = h;
      h = (h + step) >>> 0;
    }
  }
  return Array.from(min);
}

export function minhashSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (!a.length || a.length !== b.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k] && a[k] !== 0xffffffff) same++;
  return same / a.length;
}
