// An article's candidates judged together: each against the article, weighing what the other
// candidates say of both (neighbours.ts) — the event behind the reports, not one pair at a time.
import { NEIGHBOUR_FLOOR } from './neighbours';
import { firstStage, judgeFacts, MODEL, pairScores, probabilityOf, type EventDoc, type Judgement, type Model } from './pair';
import type { CorpusDf } from './lexical';

/**
 * First-stage probabilities of pairs of candidates, kept from query to query by the two event
 * documents themselves (in the order judged: a pair's features are not symmetric). A document is
 * never changed once made, and a stored report's is made once per doc row, which the worker keeps
 * across queries (lib/engine/judge-candidates.ts, doc-cache.ts): the same article asked again (the
 * list, then the side panel or the report viewer) and articles of one story, whose pools share
 * reports, judge the same pairs. Weak both ways: an entry goes with either document. The shipped
 * model's only: a model given by a caller may be changed in place between calls (a fit).
 */
const FIRST = new WeakMap<EventDoc, WeakMap<EventDoc, number>>();

function keptFirstStage(a: EventDoc, b: EventDoc): number {
  let ofA = FIRST.get(a);
  if (!ofA) FIRST.set(a, (ofA = new WeakMap()));
  let p = ofA.get(b);
  if (p === undefined) ofA.set(b, (p = firstStage(a, b, MODEL)));
  return p;
}

export interface JudgedAmong {
  judgements: Judgement[];
  /** How many pairs of candidates were judged with each other (the cost of the second stage). */
  pairs: number;
}

/**
 * Each of `docs` judged against `article`, with the others as third reports. A candidate the pair
 * model gives less than the floor is judged alone (nothing to lift); for each other one, every
 * other candidate is judged with it once (pairs of candidates are judged at most once: at most
 * n·(n−1)/2 for a pool of n, and only as many rows as candidates at the floor).
 */
export function judgeAmong(article: EventDoc, docs: readonly EventDoc[], corpus?: CorpusDf, model: Model = MODEL): JudgedAmong {
  // The shared words shown are worked out by judgeFacts, once, weighed with the corpus where given.
  const facts = docs.map((d) => pairScores(article, d));
  const first = facts.map((f) => probabilityOf(f.features, f.gap, model));
  const between = new Map<number, number>();
  const n = docs.length;
  const of = (i: number, j: number) => {
    const k = i < j ? i * n + j : j * n + i;
    let p = between.get(k);
    if (p === undefined) between.set(k, (p = (model === MODEL ? keptFirstStage : firstStage)(docs[i]!, docs[j]!, model)));
    return p;
  };
  const judgements = docs.map((d, i) => {
    if (!model.neighbours || first[i]! < NEIGHBOUR_FLOOR) return judgeFacts(article, d, facts[i]!, { corpus, model });
    const thirds = docs.flatMap((_, j) => (j === i ? [] : [[first[j]!, of(i, j)] as const]));
    return judgeFacts(article, d, facts[i]!, { corpus, model, thirds });
  });
  return { judgements, pairs: between.size };
}
