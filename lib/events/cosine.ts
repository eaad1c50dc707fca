// The cosine of two bags of words (bag.ts), each word weighed (lexical.ts: by the reference table,
// or blended with the reader's corpus). A bag's squared norm, weighed by the table alone, is kept by
// the bag.
import { slotsOf, type Bag } from './bag';

/** A word's weight (lexical.ts idfOf) → its value, worked out once per word. */
export type Weigh = (t: string) => number;

/** The reference table's weight of each word by its number (bag.ts wordId; lexical.ts weighed): the
 *  same number `Weigh` gives for the word's string, held for every word of the bags compared. */
export type KeptWeights = Float64Array;

/** A word's value in a bag: (1 + log count) × weight. */
const valueOf = (c: number, w: number) => (1 + Math.log(c)) * w;

/**
 * A bag's squared norm, its words in the bag's order. With `kept` (the reference table's weights,
 * which never change) it is kept by the bag: a report is weighed against each of an article's
 * candidates (judge-among.ts), not once per pair.
 */
function norm2Of(m: Bag, weight: Weigh, kept?: KeptWeights): number {
  if (kept && !Number.isNaN(m.norm2)) return m.norm2;
  const ids = m.ids;
  const words = m.words;
  const counts = m.counts;
  let norm2 = 0;
  for (let k = 0; k < words.length; k++) {
    const x = valueOf(counts[k]!, kept ? kept[ids[k]!]! : weight(words[k]!));
    norm2 += x * x;
  }
  if (kept) m.norm2 = norm2;
  return norm2;
}

/**
 * The cosine of `a` and `b`. The smaller bag is walked in its order and each of its words found in
 * the larger by number (bag.ts slotsOf): each shared word's weight is `kept`'s where given (the
 * reference table's, kept by number), else `weight`'s — the same number either way, so the same sums
 * in the same order as the maps these bags replaced.
 */
export function cosine(a: Bag, b: Bag, weight: Weigh, kept?: KeptWeights): number {
  if (!a.size || !b.size) return 0;
  const na = norm2Of(a, weight, kept);
  const nb = norm2Of(b, weight, kept);
  const swap = a.size > b.size;
  const small = swap ? b : a;
  const large = swap ? a : b;
  const ids = small.ids;
  const words = small.words;
  const counts = small.counts;
  const at = slotsOf(large);
  const other = large.counts;
  let dot = 0;
  for (let k = 0; k < ids.length; k++) {
    const j = at.at(ids[k]!);
    if (j < 0) continue;
    const w = kept ? kept[ids[k]!]! : weight(words[k]!);
    dot += valueOf(counts[k]!, w) * valueOf(other[j]!, w);
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
