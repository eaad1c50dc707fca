// Writing reports into a team's corpus: the same analysis, duplicate check, near-duplicate groups
// and BM25 impacts as the extension's index (lib/engine/index-store.ts), so a pair scores the same
// in both; rows go in with COPY, a batch per transaction, one writer per team at a time (the
// team's corpus_stats row is locked).
import { entityTerm, impact, impactByte, K1, B, prepare, toReport } from '../lib/engine/index-store';
import { placeDayTerms } from '../lib/engine/place-days';
import { NearDupIndex, printRow } from '../lib/engine/near-dups';
import { textKey } from '../lib/corpus/ids';
import type { Features } from '../lib/engine/features';
import type { ReportRecord } from '../lib/types';
import { audit } from './auth';
import { copyLine, type Db, type Sql } from './db';
import { addSegment, type DocTerms } from './postings';
import type { ShardCopier } from './shard-copy';

/** Records per batch: the extension indexes 2,000 at a time, and impacts depend on the batch. */
export const BATCH = 2000;

const REPORT_COLUMNS = ['team_id', 'n', 'id', 'url', 'outlet', 'title', 'published_at', 'body', 'day', 'len', 'e', 'en', 'et', 'src', 'h0', 'h1', 'mh', 'dup', 'imp', 'tk', 'added_by', 'ev'] as const;

export interface AddResult {
  added: number;
  duplicates: number;
}

/** The reports a load committed (a sharded load that failed may leave rows past `next_n`: server/shard-copy.ts). */
export const STORED = 'n < (SELECT next_n FROM corpus_stats s WHERE s.team_id = $1)';

// Each team's near-duplicate index, read once from its reports and kept up to date by this process.
const nearByTeam = new Map<number, NearDupIndex>();

async function nearIndex(sql: Sql, teamId: number): Promise<NearDupIndex> {
  let near = nearByTeam.get(teamId);
  if (!near) {
    const rows = await sql.query<{ n: number; h0: number; h1: number }>(`SELECT n::float8 AS n, h0::float8 AS h0, h1::float8 AS h1 FROM reports WHERE team_id = $1 AND ${STORED} ORDER BY n`, [teamId]);
    near = new NearDupIndex([printRow(0, rows.map((r) => ({ n: r.n, h: [r.h0, r.h1] })))]);
    nearByTeam.set(teamId, near);
  }
  return near;
}

/** Forgets what this process knows of a team's corpus (another process wrote to it). */
function forgetTeam(teamId: number): void {
  nearByTeam.delete(teamId);
}

/** The batch's report rows (REPORT_COLUMNS' values), through the coordinator or straight into the shards. */
async function copyReports(sql: Sql, teamId: number, firstN: number, values: unknown[][], shards?: ShardCopier | null): Promise<void> {
  if (!shards) return sql.copyIn('reports', REPORT_COLUMNS, values.map(copyLine).join(''));
  // With the changes feed's numbers the coordinator gives.
  const seqs = await sql.query<{ s: number }>("SELECT nextval('report_seq')::float8 AS s FROM generate_series(1, $1)", [values.length]);
  await shards.copy(sql, teamId, firstN, [...REPORT_COLUMNS, 'seq'], values.map((v, i) => ({ n: v[1] as number, line: copyLine([...v, seqs[i]!.s]) })));
}

/**
 * Adds one batch (≤ BATCH records) to a team's corpus: a report known under one of its URLs (or,
 * without a URL, its text) is a duplicate and skipped. `analyses`, when given, are the records'
 * analysis done by the client (lib/engine/wire.ts, checked there); otherwise the server analyses.
 */
export async function addBatch(db: Db, who: { teamId: number; memberId: number | null }, { records, source, analyses }: { records: ReportRecord[]; source: string; analyses?: Array<{ f: Features; tk?: string; ev?: string }> }, shards?: ShardCopier | null): Promise<AddResult> {
  if (records.length > BATCH) throw new Error(`at most ${BATCH} records a batch`);
  const reports = records.map((r) => toReport(r, 'import', source));
  const prepared: Array<{ report: (typeof reports)[number]; f: Features; tk?: string; ev?: string }> = analyses ? reports.map((report, i) => ({ report, ...analyses[i]! })) : prepare(reports);
  const { teamId } = who;
  try {
    return await db.tx(async (sql) => {
      const [stats] = await sql.query<{ docs: number; len: number; next_n: number }>('SELECT docs::float8 AS docs, len, next_n::float8 AS next_n FROM corpus_stats WHERE team_id = $1 FOR UPDATE', [teamId]);
      if (!stats) throw new Error(`no team ${teamId}`);
      const keys = [...new Set(reports.flatMap((r) => r.keys ?? []))];
      const known = new Set((await sql.query<{ key: string }>('SELECT key FROM report_keys WHERE team_id = $1 AND key = ANY($2::text[])', [teamId, keys])).map((r) => r.key));
      const noUrl = reports.filter((r) => !r.keys?.length).map((r) => r.id);
      const knownIds = new Set(noUrl.length ? (await sql.query<{ id: string }>(`SELECT id FROM reports WHERE team_id = $1 AND id = ANY($2::text[]) AND ${STORED}`, [teamId, noUrl])).map((r) => r.id) : []);
      const fresh = prepared.filter((p) => {
        const ks = p.report.keys ?? [];
        if (knownIds.has(p.report.id) || ks.some((k) => known.has(k))) return false;
        knownIds.add(p.report.id);
        for (const k of ks) known.add(k);
        return true;
      });
      const duplicates = reports.length - fresh.length;
      if (fresh.length === 0) return { added: 0, duplicates };

      const near = await nearIndex(sql, teamId);
      let n = stats.next_n;
      const rows: Array<{ n: number; f: Features; dup: number | null; p: (typeof fresh)[number] }> = [];
      const firsts = new Map<number, { n: number; dup: number | null } | undefined>();
      const grouped: number[] = [];
      for (const p of fresh) {
        const other = near.find(p.f.fingerprint);
        let dup: number | null = null;
        if (other !== null) {
          const mine = rows.find((r) => r.n === other);
          let first: { n: number; dup: number | null } | undefined = mine;
          if (!mine) {
            if (!firsts.has(other)) firsts.set(other, (await sql.query<{ n: number; dup: number | null }>('SELECT n::float8 AS n, dup::float8 AS dup FROM reports WHERE team_id = $1 AND n = $2', [teamId, other]))[0]);
            first = firsts.get(other);
          }
          if (first) {
            if (first.dup === null) {
              first.dup = first.n;
              if (!mine) grouped.push(first.n);
            }
            dup = first.dup;
          }
        }
        const row = { n: n++, f: p.f, dup, p };
        rows.push(row);
        near.add(row.n, p.f.fingerprint);
      }

      const docs = stats.docs + rows.length;
      const totalLen = stats.len + rows.reduce((s, r) => s + r.f.len, 0);
      const avgLen = totalLen / docs;
      const docTerms: DocTerms[] = [];
      const values: unknown[][] = [];
      for (const { n: rn, f, dup, p } of rows) {
        const norm = K1 * (1 - B + (B * f.len) / Math.max(1, avgLen));
        const terms: string[] = [];
        const imps: number[] = [];
        for (const [t, tf] of f.terms) {
          terms.push(t);
          imps.push(impactByte((tf * (K1 + 1)) / (tf + norm)));
        }
        const entityImp = impactByte(impact(2, f.len, avgLen));
        // Its entities, and its wide places on its day (lib's place-days.ts), as the local index.
        for (const t of [...f.entities.map((e) => entityTerm(e.id)), ...placeDayTerms(f.entities, f.day)]) {
          terms.push(t);
          imps.push(entityImp);
        }
        docTerms.push({ n: rn, terms, imps });
        const r = p.report;
        values.push([teamId, rn, r.id, r.url, r.outlet, r.title, r.publishedAt, r.text, f.day, f.len, f.entities.map((e) => e.id), f.entities.map((e) => e.name), f.entities.map((e) => e.type), f.sources, f.fingerprint[0], f.fingerprint[1], f.phrases, dup, r.importId, p.tk ?? textKey(r.text), who.memberId, p.ev ?? null]);
      }
      await copyReports(sql, teamId, stats.next_n, values, shards);
      if (grouped.length) await sql.query('UPDATE reports SET dup = n WHERE team_id = $1 AND n = ANY($2::bigint[]) AND dup IS NULL', [teamId, grouped]);
      const keyRows = rows.flatMap((r) => (r.p.report.keys ?? []).map((k) => [k, r.n] as const));
      if (keyRows.length) {
        await sql.query('INSERT INTO report_keys (team_id, key, n) SELECT $1, k, n FROM unnest($2::text[], $3::bigint[]) AS x(k, n) ON CONFLICT DO NOTHING', [teamId, keyRows.map((k) => k[0]), keyRows.map((k) => k[1])]);
      }
      await addSegment(sql, teamId, docTerms);
      await sql.query('UPDATE corpus_stats SET docs = $2, len = $3, next_n = $4 WHERE team_id = $1', [teamId, docs, totalLen, n]);
      await audit(sql, teamId, who.memberId, 'reports.add', { source, added: rows.length, duplicates, first: rows[0]!.n, last: n - 1 });
      return { added: rows.length, duplicates };
    });
  } catch (e) {
    // The near-duplicate index may hold docs the failed transaction did not write.
    forgetTeam(teamId);
    throw e;
  }
}
