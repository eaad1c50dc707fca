// The cosine of two bags of words, each word weighed (lexical.ts: by the reference table, or
// blended with the reader's corpus). Bags weighed by the table alone are kept per bag.

/** A word's weight (lexical.ts idfOf) → its value, worked out once per word. */
export type Weigh = (t: string) => number;

/** A bag of words weighed: each word's (1 + log count) × weight, and the vector's squared norm. */
interface Weighed {
  v: Map<string, number>;
  norm2: number;
}

/**
 * Bags weighed by the reference table alone, kept per bag: they never change, and a report is
 * weighed against each of an article's candidates (judge-among.ts), not once per pair.
 */
const REF_WEIGHED = new WeakMap<ReadonlyMap<string, number>, Weighed>();

function weighed(m: ReadonlyMap<string, number>, weight: Weigh, keep: boolean): Weighed {
  const kept = keep ? REF_WEIGHED.get(m) : undefined;
  if (kept) return kept;
  const v = new Map<string, number>();
  let norm2 = 0;
  // forEach, not for…of: a Map's entries as [key, value] arrays were a fifth of a warm query's
  // garbage (a heap sampling of the judging); the order, and so each sum, is the same.
  m.forEach((c, t) => {
    const x = (1 + Math.log(c)) * weight(t);
    v.set(t, x);
    norm2 += x * x;
  });
  const w = { v, norm2 };
  if (keep) REF_WEIGHED.set(m, w);
  return w;
}

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, weight: Weigh, keep: boolean): number {
  if (!a.size || !b.size) return 0;
  const wa = weighed(a, weight, keep);
  const wb = weighed(b, weight, keep);
  const swap = wa.v.size > wb.v.size;
  const small = swap ? wb.v : wa.v;
  const large = swap ? wa.v : wb.v;
  let dot = 0;
  small.forEach((x, t) => {
    const y = large.get(t);
    if (y !== undefined) dot += x * y;
  });
  return wa.norm2 && wb.norm2 ? dot / Math.sqrt(wa.norm2 * wb.norm2) : 0;
}
