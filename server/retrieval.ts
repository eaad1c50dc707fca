// The first phase of a team query: candidate reports for an article, from the database. Behind
// one interface so that a team with OpenSearch (or another engine holding the same terms) can
// answer this phase there; the second phase (lib's ranking) is the same whatever answers it.
import type { Sql } from './db';
import { DOC_COLUMNS, docRowOf, type DocColumns } from './docs';
import type { DocRow } from '../lib/engine/index-types';

export interface LookupTerm {
  t: string;
  /** What one impact point of this term adds to a report's score (lib's termWeight). */
  w: number;
  df: number;
}

export interface CandidateRequest {
  teamId: number;
  /** Every term of the query the corpus holds, in the query's order. */
  terms: readonly LookupTerm[];
  /** The article's day and entity terms: reports of nearby days naming the same entities are candidates too. */
  day: number | null;
  entityTerms: readonly string[];
  limit: number;
}

export interface CandidateRow {
  d: DocRow;
  /** The query's terms this report holds, in the query's order, with their impact bytes. */
  hits: string[];
  imps: number[];
}

export interface CandidateSource {
  candidates(req: CandidateRequest): Promise<CandidateRow[]>;
}

/** Postings read per query at most (the sum of the looked-up terms' document counts). */
export const DEFAULT_POSTINGS_BUDGET = Number(process.env.ISNAD_POSTINGS_BUDGET ?? 4000);
/** Days either side of the article's in which reports naming its entities are candidates. */
export const DAY_WINDOW = 3;

/**
 * The terms to look up: the rarest first, while their postings fit the budget (a term in a few
 * reports says more about which ones are related than a term in thousands, and costs less).
 */
export function lookupTerms(terms: readonly LookupTerm[], budget: number): string[] {
  const byRarity = [...terms].sort((a, b) => a.df - b.df);
  const out: string[] = [];
  let used = 0;
  for (const t of byRarity) {
    if (out.length && used + t.df > budget) break;
    out.push(t.t);
    used += t.df;
  }
  return out;
}

/**
 * PostgreSQL: a GIN index over each report's terms finds the reports holding any looked-up term
 * (`&&`); each is scored by the weighted impacts of all the query's terms it holds, the best
 * `limit` returned with the terms they hold.
 */
export class SqlCandidates implements CandidateSource {
  constructor(
    private readonly sql: Sql,
    private readonly budget = DEFAULT_POSTINGS_BUDGET,
  ) {}

  async candidates(req: CandidateRequest): Promise<CandidateRow[]> {
    if (req.terms.length === 0) return [];
    const lookup = lookupTerms(req.terms, this.budget);
    const windowed = req.day !== null && req.entityTerms.length > 0;
    // Set-based: the candidates' terms unnested once and joined with the query's in one hash
    // join (a subquery per candidate rebuilt the query's hash for each: ten times slower).
    const rows = await this.sql.query<DocColumns & { hits: string[]; hit_imps: number[] }>(
      `WITH c AS MATERIALIZED (
         SELECT r.n, r.terms, r.imps FROM reports r
          WHERE r.team_id = $1
            AND (r.terms && $4::text[] ${windowed ? 'OR (r.day BETWEEN $6::int - $7::int AND $6::int + $7::int AND r.terms && $8::text[])' : ''})
       ),
       q AS (SELECT * FROM unnest($2::text[], $3::float8[]) WITH ORDINALITY AS q(t, w, o)),
       s AS (
         SELECT c.n, array_agg(q.t ORDER BY q.o) AS hits, array_agg(c.imps[x.i]::int ORDER BY q.o) AS hit_imps, sum(q.w * c.imps[x.i]) AS score
           FROM c CROSS JOIN LATERAL unnest(c.terms) WITH ORDINALITY AS x(t, i) JOIN q ON q.t = x.t
          GROUP BY c.n ORDER BY score DESC, c.n LIMIT $5
       )
       SELECT ${DOC_COLUMNS}, s.hits, s.hit_imps FROM s JOIN reports r ON r.team_id = $1 AND r.n = s.n ORDER BY s.score DESC, s.n`,
      [req.teamId, req.terms.map((t) => t.t), req.terms.map((t) => t.w), lookup, req.limit, ...(windowed ? [req.day, DAY_WINDOW, req.entityTerms] : [])],
    );
    return rows.map((r) => ({ d: docRowOf(r), hits: r.hits, imps: r.hit_imps }));
  }
}
