// The first phase of a team query: candidate reports for an article, from the database. Behind
// one interface so that a team with OpenSearch (or another engine holding the same terms) can
// answer this phase there; the second phase (lib's ranking) is the same whatever answers it.
import { best } from '../lib/engine/search';
import type { DocRow } from '../lib/engine/index-types';
import type { Sql } from './db';
import { DOC_COLUMNS, docRowOf, type DocColumns } from './docs';
import { impactByte, K1 } from '../lib/engine/index-store';
import { positionOf, readForward, readPostings, termCounts, type Postings } from './postings';

interface LookupTerm {
  t: string;
  /** What one impact point of this term adds to a report's score (lib's termWeight). */
  w: number;
}

export interface CandidateRow {
  d: DocRow;
  /** The query's terms this report holds, in the query's order, with their impact bytes. */
  hits: string[];
  imps: number[];
}

/** A query's terms as the source holds them. */
export interface LookedUp {
  /** How many of the team's reports hold each term (terms none holds are left out). */
  df: Map<string, number>;
  /**
   * The `limit` reports of highest lexical score (the sum of weight × impact of the terms they
   * hold), over `terms`: those of the looked-up terms the query keeps (held, not too common), in
   * the query's order.
   */
  candidates(terms: readonly LookupTerm[], limit: number): Promise<CandidateRow[]>;
}

export interface CandidateSource {
  /** The terms' document counts; a term held by more than `maxDf` reports will not be asked for. */
  lookUp(teamId: number, terms: readonly string[], maxDf: number): Promise<LookedUp>;
}

/** What one posting can add at most, per point of weight: impacts are below K1 + 1 (lib/engine/bm25.ts). */
const MAX_IMPACT = impactByte(K1 + 1);
/** The heaviest terms read first hold about this many postings per candidate wanted. */
const HEAD = 8;
/** Bounds are compared with this relative margin: scores are float32 sums (rounding ~1e-6). */
const MARGIN = 1e-3;
/** The light terms' bounds add up to at most this share of the first 120th best score: the larger
 *  the share, the more terms go unread but the more reports can still reach the 120 (to complete). */
const LIGHT_SHARE = 0.5;
/** More reports to complete than this and the light terms' postings are read after all (cheaper). */
const MAX_COMPLETED = 4000;

/** How this process's queries found their candidates, summed (the bench reads it): terms looked
 *  up, terms whose postings were not read, postings read, reports completed from forward lists. */
export const retrievalTotals = { queries: 0, terms: 0, skipped: 0, postings: 0, completed: 0 };

// One accumulator for every query (grown as the corpus grows), zeroed after each use: it is only
// used in synchronous stretches, so concurrent queries never share it.
let shared = new Float32Array(0);

/** The `k`th best score among `touched` (0 when fewer), scoring `lists` into the shared accumulator. */
function score(lists: ReadonlyArray<{ w: number; p: Postings }>, use: (acc: Float32Array, touched: number[]) => void): void {
  let max = 0;
  for (const { p } of lists) if (p.ids.length) max = Math.max(max, p.ids[p.ids.length - 1]!);
  if (shared.length <= max) shared = new Float32Array(Math.max(max + 1, shared.length * 2));
  const acc = shared;
  const touched: number[] = [];
  try {
    for (const { w, p } of lists) {
      const { ids, imp } = p;
      for (let k = 0; k < ids.length; k++) {
        const n = ids[k]!;
        if (acc[n] === 0) touched.push(n);
        acc[n]! += w * imp[k]!;
      }
    }
    use(acc, touched);
  } finally {
    for (const n of touched) acc[n] = 0;
  }
}

const kth = (acc: Float32Array, touched: readonly number[], k: number) => (touched.length < k ? 0 : acc[best(touched, acc, k)[k - 1]!]!);

/**
 * PostgreSQL: the packed postings of the query's terms (server/postings.ts) scored in memory with
 * the local engine's own loop (a Float32Array accumulator, term by term in the query's order), so
 * the candidates are the ones the extension would find in the same corpus; then the best `limit`
 * reports' rows. Exact with early termination (MaxScore over terms): the heaviest terms' postings
 * are read first; the 120th best partial score then bounds which of the lightest terms (the
 * commonest, with the longest lists) cannot alone lift a report into the candidates — their
 * postings are not read; the reports that can still reach the candidates get their exact scores
 * from their forward lists.
 */
export class PostingsCandidates implements CandidateSource {
  /** `reports`: where the candidates' rows are read (in a sharded set, the shards themselves: server/shard-copy.ts). */
  constructor(
    private readonly sql: Sql,
    private readonly reports: Sql = sql,
  ) {}

  async lookUp(teamId: number, terms: readonly string[], _maxDf: number): Promise<LookedUp> {
    const df = terms.length ? await termCounts(this.sql, teamId, terms) : new Map<string, number>();
    return { df, candidates: (want, limit) => this.best(teamId, want.filter(({ t }) => df.has(t)).map((x) => ({ ...x, df: df.get(x.t)! })), limit) };
  }

  private async best(teamId: number, want: ReadonlyArray<LookupTerm & { df: number }>, limit: number): Promise<CandidateRow[]> {
    if (want.length === 0) return [];
    const lists = new Map<string, Postings>();
    const read = async (ts: ReadonlyArray<{ t: string }>) => {
      const todo = ts.filter(({ t }) => !lists.has(t)).map(({ t }) => t);
      if (todo.length) for (const [t, p] of await readPostings(this.sql, teamId, todo)) lists.set(t, p);
    };
    const inQueryOrder = (ts: ReadonlySet<string>) => want.flatMap(({ t, w }) => (ts.has(t) && lists.has(t) ? [{ t, w, p: lists.get(t)! }] : []));
    // The heaviest terms first, until they hold HEAD × limit postings: the partial scores' 120th
    // best is a lower bound of the final one.
    const heavy = [...want].sort((a, b) => b.w - a.w || a.df - b.df);
    let head = 0;
    for (let held = 0; head < heavy.length && held < HEAD * limit; ) held += heavy[head++]!.df;
    await read(heavy.slice(0, head));
    let floor = 0;
    score(inQueryOrder(new Set(heavy.slice(0, head).map((x) => x.t))), (acc, touched) => (floor = kth(acc, touched, limit)));
    // The lightest terms whose bounds together stay below it cannot lift a report alone.
    const light = new Set<string>();
    let bound = 0;
    for (let i = heavy.length - 1; i >= head; i--) {
      const m = heavy[i]!.w * MAX_IMPACT;
      if ((bound + m) * (1 + MARGIN) >= floor * LIGHT_SHARE) break;
      bound += m;
      light.add(heavy[i]!.t);
    }
    const essential = heavy.filter(({ t }) => !light.has(t));
    await read(essential);
    const totals = retrievalTotals;
    totals.queries++;
    totals.terms += want.length;
    totals.skipped += light.size;
    for (const p of lists.values()) totals.postings += p.ids.length;
    if (light.size === 0) return this.rows(teamId, inQueryOrder(new Set(want.map((x) => x.t))), limit);
    // Reports whose partial score plus the light terms' bound can still reach the 120th best.
    let maybe: number[] = [];
    score(inQueryOrder(new Set(essential.map((x) => x.t))), (acc, touched) => {
      const cut = kth(acc, touched, limit) * (1 - MARGIN) - bound;
      // Ascending, so that ties fall to the lower report number as in the local engine's best().
      maybe = touched.filter((n) => acc[n]! >= cut).sort((a, b) => a - b);
    });
    if (maybe.length > MAX_COMPLETED) {
      await read(want);
      totals.skipped -= light.size;
      for (const t of light) totals.postings += lists.get(t)?.ids.length ?? 0;
      return this.rows(teamId, inQueryOrder(new Set(want.map((x) => x.t))), limit);
    }
    totals.completed += maybe.length;
    const forward = await readForward(this.sql, teamId, maybe);
    // Their exact scores, as the local engine adds them: float32, term by term in the query's order.
    const exact = new Float32Array(maybe.length);
    const ids = maybe.map((n, i) => {
      const f = forward.get(n);
      if (!f) throw new Error(`report ${n} has no forward list`);
      for (const { t, w } of want) {
        const imp = f.get(t);
        if (imp !== undefined) exact[i] = exact[i]! + w * imp;
      }
      return i;
    });
    const top = best(ids, exact, limit).map((i) => maybe[i]!);
    return this.fetch(teamId, top, (n) => {
      const f = forward.get(n)!;
      const hits = want.filter(({ t }) => f.has(t)).map(({ t }) => t);
      return { hits, imps: hits.map((t) => f.get(t)!) };
    });
  }

  /** Every term's postings read: the best `limit` reports, as the local engine finds them. */
  private async rows(teamId: number, lists: ReadonlyArray<LookupTerm & { p: Postings }>, limit: number): Promise<CandidateRow[]> {
    let top: number[] = [];
    score(lists, (acc, touched) => (top = best(touched, acc, limit)));
    return this.fetch(teamId, top, (n) => {
      const hits: string[] = [];
      const imps: number[] = [];
      for (const { t, p } of lists) {
        const k = positionOf(p, n);
        if (k < 0) continue;
        hits.push(t);
        imps.push(p.imp[k]!);
      }
      return { hits, imps };
    });
  }

  /** The top reports' rows, best first, with the query's terms each holds. */
  private async fetch(teamId: number, top: readonly number[], held: (n: number) => { hits: string[]; imps: number[] }): Promise<CandidateRow[]> {
    if (!top.length) return [];
    const rows = await this.reports.query<DocColumns>(`SELECT ${DOC_COLUMNS} FROM reports r WHERE r.team_id = $1 AND r.n = ANY($2::bigint[])`, [teamId, top]);
    const byN = new Map(rows.map((r) => [r.n, r]));
    return top.flatMap((n) => {
      const r = byN.get(n);
      return r ? [{ d: docRowOf(r), ...held(n) }] : [];
    });
  }
}
