// Ranking's first step: each lexical candidate re-scored with what else it shares with the article
// (entities weighted by how specific they are, sources, phrases, date proximity), best first.
import type { DocRow } from './index-types';
import { reportId, textKey, urlKey } from '../corpus/ids';
import { minhashSimilarity } from './simhash';
import type { Query } from './search';
import type { Candidate, RankQuery } from './rank';

/** Weights of the signals (a weighted mean of those known for a pair), tuned on the labelled real events. */
const W = { lex: 0.5, ent: 0.15, phrase: 0.15, source: 0.05, date: 0.15, sameOutlet: 0.75 };

/** A candidate with its ranking score and what it shares with the article. */
export interface Scored {
  d: DocRow;
  score: number;
  lex: number;
  /** The shared entities' names as the report gives them. */
  shared: string[];
  gap: number | null;
  sources: string[];
}

function dateScore(gap: number): number {
  return Math.exp(-gap / 4);
}

/** The article's own report id: its URL's, or its text key's when it has no URL. */
export function queryId(q: Query): string {
  return q.url ? reportId(q.url, '') : `t${q.textKey ?? textKey(q.text)}`;
}

/** Each row's URL key, worked out once (a URL parsed): rows are kept across queries (doc-cache.ts)
 *  and a query re-scores its rows at each read (rank.ts rankLazily). */
const urlKeys = new WeakMap<DocRow, string>();

function urlKeyOf(d: DocRow): string {
  let k = urlKeys.get(d);
  if (k === undefined) urlKeys.set(d, (k = urlKey(d.url)));
  return k;
}

/** Whether a doc is the article itself (its id, one of its URLs, or its text where it has no URL). */
function selfTest(q: Query): (d: DocRow) => boolean {
  const qKeys = new Set([q.url, ...(q.otherUrls ?? [])].filter(Boolean).map(urlKey));
  const qtk = q.textKey ?? textKey(q.text);
  const qid = queryId(q);
  return (d) => {
    if (d.id === qid) return true;
    if (d.url && qKeys.size) return qKeys.has(urlKeyOf(d));
    return d.tk === qtk;
  };
}

/** What the score reads of a report besides its MinHash: a doc row holds it, and so do its
 *  segment's columns (doc-columns.ts), as indexed. */
export interface ScoreSignals {
  e: readonly string[];
  src: readonly string[];
  day: number | null;
  outlet: string;
  /** The most its shared phrases can give (0..1), when known without its MinHash (1 otherwise). */
  phr?: number;
}

/** The score, its parts, and what the report shares with the article. */
interface Parts extends Mean {
  ent: readonly string[];
  sources: string[];
}

/** What a report shares with the article: its shared entities' weight and how many sources. */
interface Shares {
  entSum: number;
  sources: number;
}

/** The weighted mean of a report's signals: its sum and weights with and without its day's part. */
interface Mean {
  score: number;
  /** The weighted mean's sum and weights, the day's part left out (for the bound). */
  sum: number;
  weights: number;
  factor: number;
  gap: number | null;
}

/**
 * The score of a report for this article, given its shared phrases' part `phr` (0..1): `parts`
 * with what it shares, `mean` without (the bound and the floor of each of ≈ 200 candidates: no
 * lists made, the same sums in the same order, into one object the caller reads before its next
 * call — two objects a candidate were a tenth of a warm query's garbage, session 17).
 */
function scorer({ q, f, qterms, self }: RankQuery): { parts: (d: ScoreSignals, acc: number, phr: number) => Parts; mean: (d: ScoreSignals, acc: number, phr: number) => Readonly<Mean> } {
  const entIdf = new Map(qterms.filter((x) => x.entity).map((x) => [x.entity!.id, x.idf * x.qw]));
  const entTotal = [...entIdf.values()].reduce((s, v) => s + v, 0);
  const qSources = new Set(f.sources);
  const qOutlet = q.outlet;
  const weigh = (d: ScoreSignals, acc: number, phr: number, { entSum, sources }: Shares, out: Mean): Mean => {
    const lex = Math.min(1, acc / self);
    const ent = entTotal ? entSum / entTotal : 0;
    const gap = f.day !== null && d.day !== null ? Math.abs(f.day - d.day) : null;
    // Signals that cannot be known for this pair (no entities named, a date missing) are left
    // out of the weighted mean rather than counted as agreement or disagreement.
    let sum = W.lex * lex + W.phrase * phr + W.source * Math.min(1, sources);
    let weights = W.lex + W.phrase + W.source;
    if (entTotal) {
      sum += W.ent * ent;
      weights += W.ent;
    }
    out.sum = sum;
    out.weights = weights;
    if (gap !== null) {
      sum += W.date * dateScore(gap);
      weights += W.date;
    }
    const base = sum / weights;
    // One outlet seldom reports one event twice; its reports share boilerplate more than events.
    const factor = qOutlet && d.outlet === qOutlet ? W.sameOutlet : 1;
    out.score = base * factor;
    out.factor = factor;
    out.gap = gap;
    return out;
  };
  const kept: Mean = { score: 0, sum: 0, weights: 0, factor: 1, gap: null };
  const keptShares: Shares = { entSum: 0, sources: 0 };
  return {
    parts: (d, acc, phr) => {
      const shared = d.e.filter((id) => entIdf.has(id));
      const sources = d.src.filter((s) => qSources.has(s));
      const out = { score: 0, sum: 0, weights: 0, factor: 1, gap: null, ent: shared, sources };
      return weigh(d, acc, phr, { entSum: shared.reduce((s, id) => s + entIdf.get(id)!, 0), sources: sources.length }, out) as Parts;
    },
    mean: (d, acc, phr) => {
      let entSum = 0;
      for (let i = 0; i < d.e.length; i++) {
        const w = entIdf.get(d.e[i]!);
        if (w !== undefined) entSum += w;
      }
      let sources = 0;
      for (let i = 0; i < d.src.length; i++) if (qSources.has(d.src[i]!)) sources++;
      keptShares.entSum = entSum;
      keptShares.sources = sources;
      return weigh(d, acc, phr, keptShares, kept);
    },
  };
}

/** Rounding slack: a bound is compared with scores summed in another order. */
const SLACK = 1e-9;

/**
 * The highest score a report can have from what its columns say (its phrases shared in full; a
 * report indexed without a day may have gained one since, copies.ts mergeInto): no report scores
 * above it, so one whose bound is below what the pool needs is never read (rank.ts rankLazily).
 */
export function scoreBound(rq: RankQuery): (d: ScoreSignals, acc: number) => number {
  const { mean } = scorer(rq);
  const qDay = rq.f.day;
  return (d, acc) => {
    const p = mean(d, acc, d.phr ?? 1);
    const dated = d.day === null && qDay !== null ? ((p.sum + W.date) / (p.weights + W.date)) * p.factor : 0;
    return Math.max(p.score, dated) + SLACK;
  };
}

/**
 * The lowest score a report can have from what its columns say (no phrases shared; a report
 * indexed without a day may have gained one since, at no closeness): what no read of its row can
 * lower, so the pool's cut cannot fall below the pool's size-th best of them (rank.ts rankLazily
 * sizes its first read by it).
 */
export function scoreFloor(rq: RankQuery): (d: ScoreSignals, acc: number) => number {
  const { mean } = scorer(rq);
  const qDay = rq.f.day;
  return (d, acc) => {
    const p = mean(d, acc, 0);
    const dated = d.day === null && qDay !== null ? (p.sum / (p.weights + W.date)) * p.factor : Infinity;
    return Math.min(p.score, dated) - SLACK;
  };
}

/** The candidates other than the article, each with its score, best first. */
export function rescore(rq: RankQuery, docs: readonly Candidate[]): Scored[] {
  const isSelf = selfTest(rq.q);
  const { parts } = scorer(rq);
  const scored: Scored[] = [];
  for (const { d, acc } of docs) {
    if (isSelf(d)) continue;
    const p = parts(d, acc, Math.min(1, 2 * minhashSimilarity(rq.f.phrases, d.mh ?? [])));
    scored.push({ d, score: p.score, lex: Math.min(1, acc / rq.self), shared: p.ent.map((id) => d.en[d.e.indexOf(id)] ?? id), gap: p.gap, sources: p.sources });
  }
  return scored.sort((a, b) => b.score - a.score);
}
