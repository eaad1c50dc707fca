// The first phase of a team query: candidate reports for an article, from the database. Behind
// one interface so that a team with OpenSearch (or another engine holding the same terms) can
// answer this phase there; the second phase (lib's ranking) is the same whatever answers it.
import { best } from '../lib/engine/search';
import type { DocRow } from '../lib/engine/index-types';
import type { Sql } from './db';
import { DOC_COLUMNS, docRowOf, type DocColumns } from './docs';
import { docFreqs, positionOf, readPostings } from './postings';

interface LookupTerm {
  t: string;
  /** What one impact point of this term adds to a report's score (lib's termWeight). */
  w: number;
}

export interface CandidateRequest {
  teamId: number;
  /** The query's terms the corpus holds and are not too common, in the query's order. */
  terms: readonly LookupTerm[];
  limit: number;
}

export interface CandidateRow {
  d: DocRow;
  /** The query's terms this report holds, in the query's order, with their impact bytes. */
  hits: string[];
  imps: number[];
}

export interface CandidateSource {
  /** How many of the team's reports hold each term (terms none holds are left out). */
  docFreqs(teamId: number, terms: readonly string[]): Promise<Map<string, number>>;
  /** The `limit` reports of highest lexical score (the sum of weight × impact of the terms they hold). */
  candidates(req: CandidateRequest): Promise<CandidateRow[]>;
}

/**
 * PostgreSQL: the packed postings of the query's terms (server/postings.ts) read in one statement
 * and scored in memory with the local engine's own loop (a Float32Array accumulator, term by term
 * in the query's order), so the candidates are the ones the extension would find in the same
 * corpus; then the best `limit` reports' rows.
 */
export class PostingsCandidates implements CandidateSource {
  constructor(private readonly sql: Sql) {}

  docFreqs(teamId: number, terms: readonly string[]): Promise<Map<string, number>> {
    return docFreqs(this.sql, teamId, terms);
  }

  async candidates(req: CandidateRequest): Promise<CandidateRow[]> {
    if (req.terms.length === 0) return [];
    const postings = await readPostings(this.sql, req.teamId, req.terms.map((t) => t.t));
    const lists = req.terms.map((t) => ({ t: t.t, w: t.w, p: postings.get(t.t) })).filter((x) => x.p !== undefined).map((x) => ({ ...x, p: x.p! }));
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
    const top = best(touched, acc, req.limit);
    if (!top.length) return [];
    const rows = await this.sql.query<DocColumns>(`SELECT ${DOC_COLUMNS} FROM reports r WHERE r.team_id = $1 AND r.n = ANY($2::bigint[])`, [req.teamId, top]);
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
