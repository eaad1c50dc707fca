// Related reports for an article, read from the persistent index: BM25 over normalised stemmed
// terms and entity ids from the postings (the first phase, here), then the best candidates ranked
// (rank.ts: re-scored with shared entities, sources, phrases and dates, near-duplicates folded,
// judged by the event model, explained).
import type { IsnadDB } from '../db';
import type { TermPostings } from './segments/store';
import { entityTerm, impact, IMPACT_SCALE, saturationLimit } from './index-store';
import type { DocRow } from './index-types';
import { storeReader, type IndexReader } from './reader';
import type { RelatedReport } from '../types';
import { analyse, analyseScanned, QUERY_WORDS, type EntityRef, type Features } from './features';
import { phaseClock, type ReadWaits } from './query-phases';
import { rankCandidates, rankLazily, type LazyCandidate } from './rank';
import type { ColumnView } from './doc-columns';
import { candidatesOf, isSpecificPlace } from './candidates';
import { atEventPlace, eventPlaceDays } from './place-days';
import { eventSignature, termVector, type EventDoc } from '../events';

export interface Query {
  url: string;
  /** The article's outlet, when known: its own other reports weigh a little less. */
  outlet?: string;
  /** Other URLs the article is known under (canonical, archive copy). */
  otherUrls?: string[];
  title: string;
  text: string;
  publishedAt: string | null;
  /** The text's key (ids.ts textKey) where the text is not sent (a team server's query). */
  textKey?: string;
}

export interface SearchOptions {
  top?: number;
  relatedThreshold?: number;
  /** Skip the shared phrases (the explanation that costs most): for benchmarks of the ranking alone. */
  explain?: boolean;
}

/** Words of the article looked up (besides its entities). */
const MAX_QUERY_TERMS = 64;

/** How much an entity of each gazetteer type says about which event a report is on. */
function entityTypeWeight(type: string): number {
  if (isSpecificPlace(type)) return 1.5;
  if (/city/i.test(type)) return 1.2;
  if (/governorate|province|region|area/i.test(type)) return 0.8;
  if (/country|state/i.test(type)) return 0.4;
  return 1;
}

export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** A term the article is looked up by, with its weight in the article. */
export interface WantedTerm {
  t: string;
  /** Query weight: from the term's count in the article, and the entity type for entity terms. */
  qw: number;
  entity?: EntityRef;
}

/** A looked-up term the corpus holds, with its idf there. */
export interface QueryTerm extends WantedTerm {
  idf: number;
}

/** A looked-up term with its postings (phase 2's output). */
interface LookedUpTerm extends QueryTerm {
  postings: TermPostings;
}

/** The article's words are kept as written (to explain matches). */
const QUERY_ANALYSIS = { surface: true };

/** The article's query: its title and lede, with the entities it names. */
export function queryFeatures(q: Query): Features {
  return analyse(q.title, q.text, q.publishedAt, QUERY_WORDS, QUERY_ANALYSIS);
}

const has = (p: TermPostings, n: number): boolean => p.parts.some((part) => holds(part.ids, n));

function holds(a: Uint32Array, n: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const v = a[m]!;
    if (v === n) return true;
    if (v < n) lo = m + 1;
    else hi = m - 1;
  }
  return false;
}

/** Related reports for an article, read from the reader's IndexedDB index. */
export function searchRelated(db: IsnadDB, q: Query, opts: SearchOptions = {}): Promise<RelatedReport[]> {
  return searchWith(storeReader(db), q, opts);
}

/**
 * The query as its phases, each a function of what the one before gave: analyse the article
 * (queryFeatures, queryTerms), look its terms up (lookUp), score BM25 over their postings
 * (scoreLexical), read the best candidates' doc rows, re-score and explain them (rankCandidates).
 * Every read goes through `reader` (lib/engine/reader.ts), told when the query begins and when it
 * has answered or failed (the store's background work waits for that).
 */
export async function searchWith(reader: IndexReader, q: Query, opts: SearchOptions = {}): Promise<RelatedReport[]> {
  reader.began?.();
  try {
    return await answer(reader, q, opts);
  } finally {
    reader.idle?.();
  }
}

async function answer(reader: IndexReader, q: Query, opts: SearchOptions): Promise<RelatedReport[]> {
  const clock = phaseClock();
  await reader.settle?.(); // a starting worker's read ahead goes on first (reader.ts)
  // The article's event signature and word counts (judging reads them) are its analysis too, read
  // from the analysis's scan of the title and the start of the text (as an import does: wire.ts).
  const { features: f, scanned } = analyseScanned(q.title, q.text, q.publishedAt, QUERY_WORDS, QUERY_ANALYSIS);
  const wanted = queryTerms(f);
  reader.ask?.(wanted.map((w) => w.t)); // a starting worker's read ahead asks their blocks meanwhile
  await reader.settle?.();
  const sig = eventSignature(q.title, q.text, q.publishedAt, { scanned });
  const terms = termVector(q.title, q.text, { scanned });
  clock.lap('analyse');
  const looked = await lookUp(reader, wanted, eventPlaceDays(sig));
  clock.lap('postings');
  clock.reads(looked.waits);
  const lexical = candidateScores(f, looked);
  if (!lexical) {
    clock.done(0, 0);
    return [];
  }
  clock.lap('score');
  const at = atEventPlace(sig);
  const rq = { q, f, qterms: looked.qterms, self: lexical.self, ...(at ? { atEventPlace: at } : {}) };
  // The article's event document as judging reads it (pair.ts eventDoc), its signature worked out once.
  const article: EventDoc = { sig, terms, ...(q.outlet ? { outlet: q.outlet } : {}) };
  const source = {
    article,
    holds: (qt: QueryTerm, d: DocRow) => has((qt as LookedUpTerm).postings, d.n),
    texts: (ids: string[]) => reader.texts(ids),
    corpus: { docs: looked.docs, df: new Map(looked.qterms.filter((x) => !x.entity).map((x) => [x.t, x.postings.df])) },
  };
  let results: RelatedReport[];
  // Columns whose rows are still being read (a just-started worker's read ahead): waited for here
  // rather than read all ≈ 200 candidates' rows (31-48 ms at 100,000 reports, p95: session 15).
  const cols = looked.cols ?? (looked.colsPending ? await clock.waitCols(looked.colsPending) : null);
  if (cols) {
    // Only the rows that can reach the judged pool are read (rank.ts rankLazily).
    const cands = lazyCandidates(cols, lexical.candidates, lexical.scores, f.phrases);
    const lazy = await rankLazily(rq, cands, (ns) => reader.docs(ns).then((rows) => (clock.lap('docs'), rows)), source, opts);
    results = lazy.results;
    clock.lap('explain');
    clock.done(looked.blocks, lazy.rows, lazy.reads);
  } else {
    const rows = await reader.docs(lexical.candidates);
    clock.lap('docs');
    results = await rankCandidates(rq, rows.flatMap((d, i) => (d ? [{ d, acc: lexical.scores[i]! }] : [])), source, opts);
    clock.lap('explain');
    clock.done(looked.blocks, lexical.candidates.length);
  }
  return results;
}

/** The candidates with their signals from the columns (none where the columns do not hold one). */
function lazyCandidates(cols: ColumnView, ns: readonly number[], scores: readonly number[], phrases: ArrayLike<number>): LazyCandidate[] {
  return ns.map((n, i) => {
    const sig = cols.signals(n, phrases);
    return sig ? { n, acc: scores[i]!, sig } : { n, acc: scores[i]! };
  });
}

/** The article's terms as the index holds them: each with its idf and postings. */
export interface LookedUp {
  /** Live docs (at least 1), their average length, and the next doc number (bounds every doc number). */
  docs: number;
  avgLen: number;
  nextN: number;
  qterms: LookedUpTerm[];
  /** The postings of the reserving terms asked besides (the event's place on its days): not scored. */
  reserved: TermPostings[];
  /** Index rows the postings took (blocks read or found cached), for the benchmark's phases. */
  blocks: number;
  /** The doc columns of the segments read, when the reader has them (doc-columns.ts). */
  cols: ColumnView | null;
  /** Else, when their rows are being read: the columns once opened (null if that failed). */
  colsPending?: Promise<ColumnView | null>;
  /** The postings read's waits, when the reader timed them (for the benchmark's phases). */
  waits?: ReadWaits;
}

/**
 * Phase 2: the postings of the wanted terms. A term too common to keep postings for is skipped,
 * whether or not every segment has dropped them yet, so that a query costs the same before and
 * after a merge; so is a term no report holds.
 */
export async function lookUp(reader: IndexReader, wanted: readonly WantedTerm[], reserving: readonly string[] = []): Promise<LookedUp> {
  const { meta, postings, blocks, cols, colsPending, waits } = await reader.postings([...wanted.map((w) => w.t), ...reserving]);
  const N = Math.max(1, meta.docs);
  const qterms: LookedUpTerm[] = [];
  for (const w of wanted) {
    const p = postings.get(w.t)!;
    if (p.df === 0 || p.saturated || p.df > saturationLimit(N)) continue;
    qterms.push({ ...w, idf: idf(N, p.df), postings: p });
  }
  const reserved = reserving.map((t) => postings.get(t)!).filter((p) => p.df > 0 && !p.saturated);
  return { docs: N, avgLen: meta.len / N || 1, nextN: meta.nextN, qterms, reserved, blocks: blocks ?? 0, cols: cols ?? null, ...(colsPending ? { colsPending } : {}), ...(waits ? { waits } : {}) };
}

/**
 * The accumulator a query's BM25 is summed in, kept from query to query: a Float32Array of every
 * doc number (400 KB at 100,000 reports) was garbage at each query's end, where the garbage
 * collector took 15 % of the warm queries' CPU (bench/RESULTS.md, session 9). All zero between
 * queries: candidateScores clears it before it returns (nothing awaits in between).
 */
let kept = new Float32Array(0);
/** The doc numbers a query's BM25 touched, kept likewise: as an array grown by push it was the
 *  larger part of the first phase's garbage (up to every doc number, at 100,000 reports). */
let keptTouched = new Uint32Array(0);

/** scoreLexical in the kept accumulator: the candidates and their BM25 scores, in the same order. */
function candidateScores(f: Features, looked: LookedUp): { self: number; candidates: number[]; scores: number[] } | null {
  if (kept.length < looked.nextN + 1) {
    kept = new Float32Array(looked.nextN + 1);
    keptTouched = new Uint32Array(looked.nextN + 1);
  }
  const acc = kept.subarray(0, looked.nextN + 1);
  try {
    const lexical = scoreLexical(f, looked, acc, keptTouched);
    return lexical && { self: lexical.self, candidates: lexical.candidates, scores: lexical.candidates.map((n) => acc[n]!) };
  } finally {
    acc.fill(0);
  }
}

/**
 * Phase 3: BM25 from the postings' impacts (summed in `acc`: all zero, a slot a doc number),
 * divided by the article's score against itself (about 0..1); the candidates' doc numbers
 * (candidatesOf: the best, then the reserve). Null when nothing scores.
 */
export function scoreLexical(f: Features, looked: LookedUp, acc = new Float32Array(looked.nextN + 1), touchedIn = new Uint32Array(acc.length)): { self: number; candidates: number[]; acc: Float32Array } | null {
  // Each doc number is touched once at most (its slot is then above 0), so `acc.length` slots hold them.
  const touched = touchedIn.length >= acc.length ? touchedIn : new Uint32Array(acc.length);
  let count = 0;
  const self = selfScore(f, looked.qterms, looked.avgLen);
  for (const qt of looked.qterms) {
    const wgt = termWeight(qt);
    for (const part of qt.postings.parts) {
      const ids = part.ids;
      const imp = part.imp;
      for (let k = 0; k < ids.length; k++) {
        const n = ids[k]!;
        if (n >= acc.length) continue;
        if (acc[n] === 0) touched[count++] = n;
        acc[n]! += wgt * imp[k]!;
      }
    }
  }
  if (self === 0 || count === 0) return null;
  const ids = (p: TermPostings) => p.parts.map((part) => part.ids);
  const places = looked.qterms.filter(reserves).flatMap((qt) => ids(qt.postings));
  return { self, candidates: candidatesOf(acc, touched.subarray(0, count), places, looked.reserved.flatMap(ids)), acc };
}

/** Whether a looked-up term reserves candidates: one of the article's specific places. */
export function reserves(qt: WantedTerm): boolean {
  return !!qt.entity && isSpecificPlace(qt.entity.type);
}

/** The article's most repeated words (title words count twice), the first ones on ties, then its entities:
 *  each word is a block read in each segment, and past a few dozen words a lede adds reads more than recall. */
export function queryTerms(f: Features): WantedTerm[] {
  const words = [...f.terms]
    .map(([t, tf], i) => ({ t, qw: 1 + Math.log(tf), i }))
    .sort((a, b) => b.qw - a.qw || a.i - b.i)
    .slice(0, MAX_QUERY_TERMS)
    .map(({ t, qw }) => ({ t, qw }));
  const ents = f.entities.map((e) => ({ t: entityTerm(e.id), qw: entityTypeWeight(e.type), entity: e }));
  return [...words, ...ents];
}

/** What a posting's impact byte adds to a doc's BM25 score for this term. */
export function termWeight(qt: QueryTerm): number {
  return (qt.idf * qt.qw) / IMPACT_SCALE;
}

/** The article's BM25 score against itself: lexical scores are divided by it (about 0..1). */
export function selfScore(f: Features, qterms: readonly QueryTerm[], avgLen: number): number {
  let self = 0;
  for (const qt of qterms) {
    const tf = qt.entity ? 2 : (f.terms.get(qt.t) ?? 1);
    self += qt.idf * qt.qw * impact(tf, avgLen, avgLen);
  }
  return self;
}
