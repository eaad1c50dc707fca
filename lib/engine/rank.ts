// The second phase of a query, shared by the local engine (search.ts) and the team server
// (server/query.ts): the lexical candidates re-scored with entities, sources, phrases and dates
// (rescore.ts), near-duplicates folded (fold-duplicates.ts), judged by the event model
// (judge-candidates.ts) and explained (explain.ts), in that order.
import type { DocRow } from './index-types';
import type { RelatedReport } from '../types';
import type { Features } from './features';
import type { CorpusDf, EventDoc } from '../events';
import type { Query, QueryTerm, SearchOptions } from './search';
import { rescore, scoreBound, scoreFloor, type ScoreSignals } from './rescore';
import { fold, foldDuplicates, type Fold, type FoldOptions } from './fold-duplicates';
import { judgeCandidates, withTexts } from './judge-candidates';
import { explain } from './explain';

// RELATED: the floor of the ranking score for a report to be judged at all. Which reports are
// the same event, related or neither is the event model's (lib/events, data/events/model.json):
// a calibrated probability, the same in a corpus of 5 reports as of 100,000.
const RELATED_THRESHOLD = 0.06;

/** How many of the best-ranked reports are judged by the event model (their text is read). */
const JUDGED = 24;

/** A candidate of the first (lexical) phase: its doc row and its BM25 score from postings. */
export interface Candidate {
  d: DocRow;
  acc: number;
}

/** What ranking needs from the store the candidates came from (IndexedDB here, a team server there). */
export interface RankSource {
  /** Whether a doc holds a term (to explain a match). */
  holds(qt: QueryTerm, d: DocRow): boolean;
  /** The reports' texts: the event model reads them (and shared phrases are found in them). */
  texts(ids: string[]): Promise<Array<{ text: string; archivedAt?: string } | undefined>> | null;
  /** The corpus's size and how many of its reports hold each of the article's words, when known:
   *  the event model blends them with its reference table. */
  corpus?: CorpusDf;
  /** The article's event document, when worked out already (the local query, for its place on its
   *  days) or the article's text is not at hand (a team server); else judging works it out. */
  article?: EventDoc;
  /** The reports' event documents when the store keeps them (a team server): read in place of
   *  their texts; a report without one is read from its text. */
  eventDocs?(ids: string[]): Promise<Array<EventDoc | undefined>>;
}

/** The article as ranking sees it: its query, its features, its looked-up terms and its score against itself. */
export interface RankQuery {
  q: Query;
  f: Features;
  qterms: readonly QueryTerm[];
  self: number;
  /** Whether a report is at the article's event place on its days (place-days.ts atEventPlace):
   *  judged even below the pool's size. */
  atEventPlace?: (d: { e: readonly string[]; day: number | null }) => boolean;
}

/** The candidates as related reports, best first: at most `top`, each judged and explained. */
export async function rankCandidates(rq: RankQuery, docs: readonly Candidate[], source: RankSource, opts: SearchOptions = {}): Promise<RelatedReport[]> {
  const pool = foldDuplicates(rescore(rq, docs), poolOptions(rq, opts));
  return judgeAndExplain(rq, pool, source, opts);
}

function poolOptions(rq: RankQuery, opts: SearchOptions): FoldOptions {
  return { min: opts.relatedThreshold ?? RELATED_THRESHOLD, size: Math.max(opts.top ?? 10, JUDGED), ...(rq.atEventPlace ? { keep: rq.atEventPlace } : {}) };
}

async function judgeAndExplain(rq: RankQuery, pool: Fold['pool'], source: RankSource, opts: SearchOptions): Promise<RelatedReport[]> {
  const phrases = opts.explain !== false;
  const shown = (await judgeCandidates(rq.q, pool, source, !phrases)).slice(0, opts.top ?? 10);
  return explain(rq, phrases ? await withTexts(shown, source) : shown, source, phrases);
}

/** A lexical candidate before its doc row is read: its signals as its segment's columns keep them
 *  (doc-columns.ts), or none when they do not hold it (its row is then read in any case). */
export interface LazyCandidate {
  n: number;
  acc: number;
  sig?: ScoreSignals & { dup: number | null };
}

/** How many rows past the pool's size the first read takes (one more read costs a round trip),
 *  and up to how many where the candidates' floors say the pool's cut may fall further (poolFloor:
 *  tried on bench/answers.ts's corpora, 12 read as many rows as the second reads they spared). */
const FIRST_EXTRA = 8;
const REACH_EXTRA = 12;
/** The most a first read takes with the reports a fold going on past a full pool may want. */
const FIRST_MAX = 64;

/**
 * rankCandidates, reading only the doc rows that can change the pool: each candidate's score is
 * bounded from its columns (rescore.ts scoreBound: all but its shared phrases are known), rows are
 * read best bound first, and a candidate whose bound is below where the pool stopped is never
 * read. The pool, and so the answer, is the one rankCandidates gives over every row.
 */
export async function rankLazily(rq: RankQuery, cands: readonly LazyCandidate[], read: (ns: number[]) => Promise<Array<DocRow | undefined>>, source: RankSource, opts: SearchOptions = {}): Promise<{ results: RelatedReport[]; rows: number; reads: number }> {
  const po = poolOptions(rq, opts);
  const bound = scoreBound(rq);
  const hi = cands.map((c) => (c.sig ? bound(c.sig, c.acc) : Infinity));
  const order = cands.map((_, i) => i).sort((a, b) => hi[b]! - hi[a]! || a - b);
  const rows = new Map<number, DocRow | undefined>();
  // The first read: every later read costs a round trip (3-13 ms at 100,000 reports, bench/
  // RESULTS.md session 16), so it takes what the candidates' bounds say the fold may want.
  const cut = poolFloor(rq, cands, po);
  const reach = order.filter((i) => hi[i]! >= Math.max(cut, po.min)).length;
  let want = order.slice(0, Math.max(po.size + FIRST_EXTRA, Math.min(reach, po.size + REACH_EXTRA))).filter((i) => hi[i]! >= po.min);
  if (po.keep) want = withKept(want, order, cands, hi, po);
  let reads = 0;
  for (;;) {
    if (want.length) reads++;
    const got = want.length ? await read(want.map((i) => cands[i]!.n)) : [];
    want.forEach((i, k) => rows.set(i, got[k]));
    // In the candidates' own order, as rankCandidates is given them (rescore's sort keeps ties so).
    const have = [...rows.keys()].sort((a, b) => a - b).flatMap((i) => (rows.get(i) ? [{ d: rows.get(i)!, acc: cands[i]!.acc }] : []));
    const scored = rescore(rq, have);
    const f = fold(scored, po);
    const needed = stillNeeded(f, scored, po, (i) => cands[i]!);
    // Best bound first, a pool's worth a read: the next rows read may move where the fold stops.
    want = order.filter((i) => !rows.has(i) && hi[i]! >= po.min && needed(i, hi[i]!)).slice(0, po.size);
    if (!want.length) return { results: await judgeAndExplain(rq, f.pool, source, opts), rows: rows.size, reads };
  }
}

/** The lowest the pool's cut can fall: the pool's size-th best floor of the candidates' score
 *  among their near-duplicate groups (one more for the article itself, which may be one). */
function poolFloor(rq: RankQuery, cands: readonly LazyCandidate[], po: FoldOptions): number {
  const floor = scoreFloor(rq);
  const best = new Map<number, number>();
  for (const c of cands) {
    if (!c.sig) continue;
    const g = c.sig.dup ?? c.n;
    const lo = floor(c.sig, c.acc);
    if (!(best.get(g)! >= lo)) best.set(g, lo);
  }
  const los = [...best.values()].sort((a, b) => b - a);
  return los[po.size] ?? -Infinity;
}

/** The first read, and past it the candidates a fold that goes on past a full pool would want
 *  (stillNeeded below): those `keep` holds, dayless ones, and copies of the ones read, to FIRST_MAX. */
function withKept(want: number[], order: readonly number[], cands: readonly LazyCandidate[], hi: readonly number[], po: FoldOptions): number[] {
  const keep = po.keep!;
  const taken = new Set(want);
  const groups = new Set(want.map((i) => cands[i]!.sig?.dup ?? cands[i]!.n));
  const more = order.filter((i) => {
    if (taken.has(i) || hi[i]! < po.min) return false;
    const { n, sig } = cands[i]!;
    return !sig || sig.day === null || keep(sig) || groups.has(sig.dup ?? n);
  });
  return [...want, ...more.slice(0, Math.max(0, FIRST_MAX - want.length))];
}

/**
 * Whether a candidate not read yet, with score bound `hi`, could change a fold of the rows read:
 * it could rank above where the fold stopped, or, where the fold went on past a full pool for the
 * reports `keep` holds (place-days.ts), it may be one of those or a copy of a pooled report.
 */
function stillNeeded(f: Fold, scored: readonly { score: number; d: DocRow }[], po: FoldOptions, cand: (i: number) => LazyCandidate): (i: number, hi: number) => boolean {
  if (f.looked < scored.length) {
    const cut = f.belowMin || f.looked === 0 ? po.min : scored[f.looked - 1]!.score;
    return (_, hi) => hi >= cut;
  }
  if (f.filledAt === null) return () => true;
  const cut = scored[f.filledAt]!.score;
  const keep = po.keep;
  if (!keep) return (_, hi) => hi >= cut;
  const groups = new Set(f.pool.flatMap((p) => (p.d.dup === null ? [] : [p.d.dup])));
  return (i, hi) => {
    if (hi >= cut) return true;
    const { n, sig } = cand(i);
    // A day gained since indexing could make it one `keep` holds; a null group may have become its own.
    if (!sig || sig.day === null || keep(sig)) return true;
    return groups.has(sig.dup ?? n);
  };
}
