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
import { analyse, QUERY_WORDS, type EntityRef, type Features } from './features';
import { phaseClock } from './query-phases';
import { rankCandidates } from './rank';

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

/** How many BM25 candidates are re-scored with entities, sources and dates (at 30,000 synthetic
 *  reports recall@10 is 0.945 with 60, 0.957 with 150: partners below 60th in BM25 alone). */
export const CANDIDATES = 120;

/**
 * Besides the CANDIDATES, the best RESERVE reports (by the same BM25) of those holding one of the
 * article's specific places (isSpecificPlace): a partner that shares the place but little else of
 * a lede that is mostly background ranks far below 120th in BM25 at 100,000 reports (216th–866th
 * in the benchmark's misses). At most CANDIDATES + RESERVE doc rows are read a query.
 */
export const RESERVE = 80;

/** A gazetteer type narrower than a city (a town, a village, a neighbourhood, an airport…): a
 *  place few events happen at, so that reports naming it are worth judging. */
export function isSpecificPlace(type: string): boolean {
  return /village|town|neighbo|district|airport|crossing|camp|base|prison|hospital|school|bridge|dam|facility|site/i.test(type);
}

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

/** The article's query: its title and lede, with the entities it names. */
export function queryFeatures(q: Query): Features {
  return analyse(q.title, q.text, q.publishedAt, QUERY_WORDS, { surface: true });
}

function has(p: TermPostings, n: number): boolean {
  return p.parts.some((part) => holds(part.ids, n));
}

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

/**
 * The `k` ids of highest score, best first: a bounded min-heap, so that a query touching most of
 * a 100,000-report corpus does not sort all of it.
 */
export function best(ids: readonly number[], score: Float32Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => score[a]! < score[b]! || (score[a] === score[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (less(heap[0]!, id)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}

/** Related reports for an article, read from the reader's IndexedDB index. */
export function searchRelated(db: IsnadDB, q: Query, opts: SearchOptions = {}): Promise<RelatedReport[]> {
  return searchWith(storeReader(db), q, opts);
}

/**
 * The query as its phases, each a function of what the one before gave: analyse the article
 * (queryFeatures, queryTerms), look its terms up (lookUp), score BM25 over their postings
 * (scoreLexical), read the best candidates' doc rows, re-score and explain them (rankCandidates).
 * Every read goes through `reader` (lib/engine/reader.ts).
 */
export async function searchWith(reader: IndexReader, q: Query, opts: SearchOptions = {}): Promise<RelatedReport[]> {
  const clock = phaseClock();
  const f = queryFeatures(q);
  clock.lap('analyse');
  const wanted = queryTerms(f);
  const looked = await lookUp(reader, wanted);
  clock.lap('postings');
  const lexical = scoreLexical(f, looked);
  if (!lexical) {
    clock.done(0);
    return [];
  }
  clock.lap('score');
  const docs = (await reader.docs(lexical.candidates)).filter((d): d is DocRow => !!d);
  clock.lap('docs');
  const { qterms, docs: N } = looked;
  const results = await rankCandidates({ q, f, qterms, self: lexical.self }, docs.map((d) => ({ d, acc: lexical.acc[d.n]! })), {
    holds: (qt, d) => has((qt as LookedUpTerm).postings, d.n),
    texts: (ids) => reader.texts(ids),
    corpus: { docs: N, df: new Map(qterms.filter((x) => !x.entity).map((x) => [x.t, x.postings.df])) },
  }, opts);
  clock.lap('explain');
  clock.done(looked.blocks);
  return results;
}

/** The article's terms as the index holds them: each with its idf and postings. */
export interface LookedUp {
  /** Live docs (at least 1), their average length, and the next doc number (bounds every doc number). */
  docs: number;
  avgLen: number;
  nextN: number;
  qterms: LookedUpTerm[];
  /** Index rows the postings took (blocks read or found cached), for the benchmark's phases. */
  blocks: number;
}

/**
 * Phase 2: the postings of the wanted terms. A term too common to keep postings for is skipped,
 * whether or not every segment has dropped them yet, so that a query costs the same before and
 * after a merge; so is a term no report holds.
 */
export async function lookUp(reader: IndexReader, wanted: readonly WantedTerm[]): Promise<LookedUp> {
  const { meta, postings, blocks } = await reader.postings(wanted.map((w) => w.t));
  const N = Math.max(1, meta.docs);
  const qterms: LookedUpTerm[] = [];
  for (const w of wanted) {
    const p = postings.get(w.t)!;
    if (p.df === 0 || p.saturated || p.df > saturationLimit(N)) continue;
    qterms.push({ ...w, idf: idf(N, p.df), postings: p });
  }
  return { docs: N, avgLen: meta.len / N || 1, nextN: meta.nextN, qterms, blocks: blocks ?? 0 };
}

/**
 * Phase 3: BM25 from the postings' impacts, divided by the article's score against itself (about
 * 0..1); the candidates' doc numbers (candidatesOf: the best, then the reserve). Null when nothing scores.
 */
export function scoreLexical(f: Features, looked: LookedUp): { self: number; candidates: number[]; acc: Float32Array } | null {
  const acc = new Float32Array(looked.nextN + 1);
  const touched: number[] = [];
  const self = selfScore(f, looked.qterms, looked.avgLen);
  for (const qt of looked.qterms) {
    const wgt = termWeight(qt);
    for (const part of qt.postings.parts) {
      const ids = part.ids;
      const imp = part.imp;
      for (let k = 0; k < ids.length; k++) {
        const n = ids[k]!;
        if (n >= acc.length) continue;
        if (acc[n] === 0) touched.push(n);
        acc[n]! += wgt * imp[k]!;
      }
    }
  }
  if (self === 0 || touched.length === 0) return null;
  const places = looked.qterms.filter(reserves).flatMap((qt) => qt.postings.parts.map((part) => part.ids));
  return { self, candidates: candidatesOf(acc, touched, places), acc };
}

/** Whether a looked-up term reserves candidates: one of the article's specific places. */
export function reserves(qt: WantedTerm): boolean {
  return !!qt.entity && isSpecificPlace(qt.entity.type);
}

/**
 * The first phase's candidates, from every scored report (`touched`, scores in `acc`) and the doc
 * numbers holding each reserving term (`places`): the CANDIDATES best, then the RESERVE best of
 * the other holders, each part best first (the local engine and the team server both call this).
 */
export function candidatesOf(acc: Float32Array, touched: readonly number[], places: ReadonlyArray<ArrayLike<number>>): number[] {
  const top = best(touched, acc, CANDIDATES);
  if (!places.length) return top;
  const seen = new Set(top);
  const holders: number[] = [];
  for (const ids of places) {
    for (let k = 0; k < ids.length; k++) {
      const n = ids[k]!;
      if (n < acc.length && acc[n]! > 0 && !seen.has(n)) {
        seen.add(n);
        holders.push(n);
      }
    }
  }
  return [...top, ...best(holders, acc, RESERVE)];
}

/** The article's most repeated words (title words count twice), the first ones on ties, then its
 *  entities: each word is a block read in each segment, and past a few dozen words a lede adds reads more than it
 *  adds recall. */
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
