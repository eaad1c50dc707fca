// The second phase of a query, shared by the local engine (search.ts) and the team server
// (server/query.ts): the lexical candidates re-scored with entities, sources, phrases and dates
// (rescore.ts), near-duplicates folded (fold-duplicates.ts), judged by the event model
// (judge-candidates.ts) and explained (explain.ts), in that order.
import type { DocRow } from './index-types';
import type { RelatedReport } from '../types';
import type { Features } from './features';
import type { CorpusDf, EventDoc } from '../events';
import type { Query, QueryTerm, SearchOptions } from './search';
import { rescore } from './rescore';
import { foldDuplicates } from './fold-duplicates';
import { judgeCandidates } from './judge-candidates';
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
  /** The article's event document, when the article's text is not at hand (a team server). */
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
  atEventPlace?: (d: DocRow) => boolean;
}

/** The candidates as related reports, best first: at most `top`, each judged and explained. */
export async function rankCandidates(rq: RankQuery, docs: readonly Candidate[], source: RankSource, opts: SearchOptions = {}): Promise<RelatedReport[]> {
  const top = opts.top ?? 10;
  const scored = rescore(rq, docs);
  const pool = foldDuplicates(scored, { min: opts.relatedThreshold ?? RELATED_THRESHOLD, size: Math.max(top, JUDGED), ...(rq.atEventPlace ? { keep: rq.atEventPlace } : {}) });
  const judged = await judgeCandidates(rq.q, pool, source, opts.explain === false);
  return explain(rq, judged.slice(0, top), source, opts.explain !== false);
}
