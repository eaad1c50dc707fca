// The first phase of a team query: candidate reports for an article, from the database. Behind
// one interface so that a team with OpenSearch (or another engine holding the same terms) can
// answer this phase there; the second phase (lib's ranking) is the same whatever answers it.
import { candidatesOf } from '../lib/engine/search';
import type { DocRow } from '../lib/engine/index-types';
import type { Sql } from './db';
import { DOC_COLUMNS, docRowOf, type DocColumns } from './docs';
import { positionOf, readPostings, type Postings } from './postings';

interface LookupTerm {
  t: string;
  /** What one impact point of this term adds to a report's score (lib's termWeight). */
  w: number;
  /** Its holders are reserved candidates besides the best (lib's `reserves`: a specific place). */
  reserve?: boolean;
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
   * The reports of highest lexical score (the sum of weight × impact of the terms they hold), over
   * `terms` (those of the looked-up terms the query keeps: held, not too common, in the query's
   * order), chosen as the local engine chooses them (lib's candidatesOf): the CANDIDATES best,
   * and the RESERVE best of the other holders of the `reserve` terms.
   */
  candidates(terms: readonly LookupTerm[]): Promise<CandidateRow[]>;
}

export interface CandidateSource {
  /** The terms' document counts; a term held by more than `maxDf` reports will not be asked for. */
  lookUp(teamId: number, terms: readonly string[], maxDf: number): Promise<LookedUp>;
}

/**
 * PostgreSQL: the packed postings of the query's terms (server/postings.ts) read with their
 * document counts in one statement and scored in memory with the local engine's own loop (a
 * Float32Array accumulator, term by term in the query's order), so the candidates are the ones
 * the extension would find in the same corpus; then the best `limit` reports' rows.
 */
export class PostingsCandidates implements CandidateSource {
  /** `reports`: where the candidates' rows are read (in a sharded set, the shards themselves: server/shard-copy.ts). */
  constructor(
    private readonly sql: Sql,
    private readonly reports: Sql = sql,
  ) {}

  async lookUp(teamId: number, terms: readonly string[], maxDf: number): Promise<LookedUp> {
    const postings = terms.length ? await readPostings(this.sql, teamId, terms, maxDf) : new Map<string, Postings & { df: number }>();
    return {
      df: new Map([...postings].map(([t, p]) => [t, p.df])),
      candidates: (want) => this.best(teamId, want.flatMap((x) => (postings.has(x.t) ? [{ ...x, p: postings.get(x.t)! }] : []))),
    };
  }

  private async best(teamId: number, lists: ReadonlyArray<LookupTerm & { p: Postings }>): Promise<CandidateRow[]> {
    if (lists.length === 0) return [];
    let max = 0;
    for (const { p } of lists) if (p.ids.length) max = Math.max(max, p.ids[p.ids.length - 1]!);
    const acc = new Float32Array(max + 1);
    const touched: number[] = [];
    for (const { w, p } of lists) {
      const { ids, imp } = p;
      for (let k = 0; k < ids.length; k++) {
        const n = ids[k]!;
        if (acc[n] === 0) touched.push(n);
        acc[n]! += w * imp[k]!;
      }
    }
    const top = candidatesOf(acc, touched, lists.filter((x) => x.reserve).map((x) => x.p.ids));
    if (!top.length) return [];
    const rows = await this.reports.query<DocColumns>(`SELECT ${DOC_COLUMNS} FROM reports r WHERE r.team_id = $1 AND r.n = ANY($2::bigint[])`, [teamId, top]);
    const byN = new Map(rows.map((r) => [r.n, r]));
    const out: CandidateRow[] = [];
    for (const n of top) {
      const r = byN.get(n);
      if (!r) continue;
      const hits: string[] = [];
      const imps: number[] = [];
      for (const { t, p } of lists) {
        const k = positionOf(p, n);
        if (k < 0) continue;
        hits.push(t);
        imps.push(p.imp[k]!);
      }
      out.push({ d: docRowOf(r), hits, imps });
    }
    return out;
  }
}
