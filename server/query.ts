// A team query: the article's analysis (never its text) in, related reports out in the shape the
// extension and `isnad xref` use. Candidates come from a CandidateSource; their lexical scores are
// recomputed here exactly as the local engine accumulates them (float32, in the query's term
// order), then lib's rankCandidates re-scores, groups and labels them: a pair scores the same on
// the team server as in the reader's browser.
import { saturationLimit } from '../lib/engine/index-store';
import { fromWire } from '../lib/engine/wire';
import { idf, queryTerms, reserves, selfScore, termWeight, type Query, type QueryTerm } from '../lib/engine/search';
import { rankCandidates, type Candidate } from '../lib/engine/rank';
import type { RelatedReport } from '../lib/types';
import type { Sql } from './db';
import { unpackEventDoc } from './event-pack';
import type { CandidateSource } from './retrieval';
import { eventDocFromWire } from '../lib/events';
import type { TeamQuery } from '../lib/team/query';

/** What the extension (or the CLI) sends: where the article is, and its analysis (lib/team/query.ts). */
export type { TeamQuery } from '../lib/team/query';

const MAX_TOP = 50;

/** Where a query reads: the team's counts (`sql`) and its reports' rows (`reports`: the shards themselves in a sharded set). */
export interface QueryDbs {
  sql: Sql;
  reports: Sql;
}

export async function teamQuery({ sql, reports }: QueryDbs, source: CandidateSource, teamId: number, tq: TeamQuery): Promise<RelatedReport[]> {
  const { f } = fromWire(tq.analysis);
  const top = Math.min(MAX_TOP, Math.max(1, tq.top ?? 10));
  const wanted = queryTerms(f);
  const [stats] = await sql.query<{ docs: number; len: number }>('SELECT docs::float8 AS docs, len FROM corpus_stats WHERE team_id = $1', [teamId]);
  if (!stats || stats.docs === 0 || wanted.length === 0) return [];
  const N = Math.max(1, stats.docs);
  const looked = await source.lookUp(teamId, wanted.map((w) => w.t), saturationLimit(N));
  const { df } = looked;
  const avgLen = stats.len / N || 1;
  const qterms: QueryTerm[] = [];
  for (const w of wanted) {
    const d = df.get(w.t) ?? 0;
    // As the local engine: a term too common to keep postings for is left out.
    if (d === 0 || d > saturationLimit(N)) continue;
    qterms.push({ ...w, idf: idf(N, d) });
  }
  const self = selfScore(f, qterms, avgLen);
  if (self === 0) return [];
  const weights = qterms.map(termWeight);
  const rows = await looked.candidates(qterms.map((qt, i) => ({ t: qt.t, w: weights[i]!, reserve: reserves(qt) })));
  const index = new Map(qterms.map((qt, i) => [qt.t, i]));
  const held = new Map<number, Set<string>>();
  const cands: Candidate[] = rows.map(({ d, hits, imps }) => {
    // The local engine's accumulator is a Float32Array, added to term by term in query order.
    let acc = 0;
    hits.forEach((t, k) => {
      acc = Math.fround(acc + weights[index.get(t)!]! * imps[k]!);
    });
    held.set(d.n, new Set(hits));
    return { d, acc };
  });
  cands.sort((a, b) => b.acc - a.acc || a.d.n - b.d.n);
  const q: Query = { url: tq.url, otherUrls: tq.otherUrls, outlet: tq.outlet, title: '', text: '', publishedAt: null, textKey: tq.textKey };
  const article = tq.event ? eventDocFromWire(tq.event) : undefined;
  // In the local engine's order: the best by BM25, then the reserve (each scores below the best).
  return rankCandidates({ q, f, qterms, self }, cands, {
    holds: (qt, d) => held.get(d.n)?.has(qt.t) ?? false,
    // The event model reads the candidates' texts, as the local engine does.
    texts: async (ids) => {
      const rows = await reports.query<{ id: string; body: string }>('SELECT id, body FROM reports WHERE team_id = $1 AND id = ANY($2::text[])', [teamId, ids]);
      const byId = new Map(rows.map((r) => [r.id, r.body]));
      return ids.map((id) => (byId.has(id) ? { text: byId.get(id)! } : undefined));
    },
    eventDocs: async (ids) => {
      const rows = await reports.query<{ id: string; ev: string | null; outlet: string }>('SELECT id, ev, outlet FROM reports WHERE team_id = $1 AND id = ANY($2::text[])', [teamId, ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const row = byId.get(id);
        return row?.ev ? unpackEventDoc(row.ev, row.outlet) : undefined;
      });
    },
    corpus: { docs: N, df: new Map(qterms.filter((x) => !x.entity).map((x) => [x.t, df.get(x.t)!])) },
    ...(article ? { article } : {}),
  }, { top, explain: false });
}
