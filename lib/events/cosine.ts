// The cosine of two bags of words, each word weighed (lexical.ts: by the reference table, or
// blended with the reader's corpus). A bag's squared norm, weighed by the table alone, is kept per bag.

/** A word's weight (lexical.ts idfOf) → its value, worked out once per word. */
export type Weigh = (t: string) => number;

/**
 * Squared norms of bags weighed by the reference table alone, kept per bag: they never change, and
 * a report is weighed against each of an article's candidates (judge-among.ts), not once per pair.
 * Only the norm: the weighed bag itself (a Map a bag) was a twelfth of a warm query's garbage, and
 * kept with every doc row the worker keeps (a heap sampling of warm queries, session 17); a word's
 * value is worked out again where the two bags share it, the same product of the same numbers.
 */
const REF_NORMS = new WeakMap<ReadonlyMap<string, number>, number>();

/** The sums below, in a typed array: a number a closure adds to is a new heap number each time. */
const acc = new Float64Array(1);

/** A word's value in a bag: (1 + log count) × weight. */
const valueOf = (c: number, w: number) => (1 + Math.log(c)) * w;

/** A bag's squared norm, its words in the bag's order. */
function norm2Of(m: ReadonlyMap<string, number>, weight: Weigh, keep: boolean, weights?: ArrayLike<number>): number {
  const kept = keep ? REF_NORMS.get(m) : undefined;
  if (kept !== undefined) return kept;
  // forEach, not for…of: a Map's entries as [key, value] arrays were a fifth of a warm query's
  // garbage (a heap sampling of the judging); the order, and so each sum, is the same.
  acc[0] = 0;
  walk(weight, weights, EMPTY);
  m.forEach(normStep);
  const norm2 = acc[0]!;
  if (keep) REF_NORMS.set(m, norm2);
  return norm2;
}

/**
 * The cosine of `a` and `b`. `kept(m)`, where given, is the weight of each of bag m's words in m's
 * order, kept per bag (lexical.ts tableWeights: the reference table's, which never change): each
 * shared word's weight is read from the smaller bag's list, the same number `weight` gives, so the
 * same sums in the same order — not looked up again by its string for every pair (a fifth of a
 * pool's judging, session 21).
 */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, weight: Weigh, keep: boolean, kept?: (m: ReadonlyMap<string, number>) => ArrayLike<number>): number {
  if (!a.size || !b.size) return 0;
  const na = norm2Of(a, weight, keep, kept?.(a));
  const nb = norm2Of(b, weight, keep, kept?.(b));
  const swap = a.size > b.size;
  const small = swap ? b : a;
  const large = swap ? a : b;
  acc[0] = 0;
  walk(weight, kept?.(small), large);
  small.forEach(dotStep);
  walk(NO_WEIGH, undefined, EMPTY); // let go of the caller's weights and bag
  const dot = acc[0]!;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

// The walks over a bag (its norm; the dot product over the smaller bag): one function each for
// every call (a closure made per cosine was garbage of every pair), their inputs here (cosine is
// synchronous). A word's weight is the bag's kept one at its place in the bag's order where
// given, else `weight`'s.
const EMPTY: ReadonlyMap<string, number> = new Map();
const NO_WEIGH: Weigh = () => 0;
let walkWeigh = NO_WEIGH;
let walkWeights: ArrayLike<number> | undefined;
let walkLarge = EMPTY;
let walkAt = 0;

function walk(weight: Weigh, weights: ArrayLike<number> | undefined, large: ReadonlyMap<string, number>): void {
  walkWeigh = weight;
  walkWeights = weights;
  walkLarge = large;
  walkAt = 0;
}

const weightAt = (k: number, t: string) => (walkWeights ? walkWeights[k]! : walkWeigh(t));

function normStep(c: number, t: string): void {
  const x = valueOf(c, weightAt(walkAt++, t));
  acc[0] = acc[0]! + x * x;
}

function dotStep(c: number, t: string): void {
  const k = walkAt++;
  const d = walkLarge.get(t);
  if (d === undefined) return;
  const w = weightAt(k, t);
  acc[0] = acc[0]! + valueOf(c, w) * valueOf(d, w);
}
