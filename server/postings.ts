// A team's inverted index in PostgreSQL, packed as the extension packs its own (lib/corpus/blocks.ts):
// for each term and segment (a range of report numbers) one row with the doc numbers, 4 bytes each,
// big-endian and ascending (int4send's order, so SQL can build and concatenate them too), and their
// impact bytes. A batch of reports adds a level-0 segment; FANOUT segments of one level are merged
// into one of the next (their byte strings concatenated in SQL), so a term has at most
// FANOUT - 1 rows a level. A query reads a term's rows in one index range.
import { FANOUT } from '../lib/engine/index-store';
import { copyLine, type Sql } from './db';

/** One report's terms and their impact bytes, in parallel. */
export interface DocTerms {
  n: number;
  terms: readonly string[];
  imps: readonly number[];
}

/** A term's postings: doc numbers ascending, with their impact bytes. */
export interface Postings {
  ids: Uint32Array;
  imp: Uint8Array;
}

const hex = (b: Uint8Array) => `\\x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`;

/** COPY lines of a batch's postings: one row per term (docs must come in ascending `n`). */
function segmentLines(teamId: number, docs: readonly DocTerms[]): string {
  const byTerm = new Map<string, { ids: number[]; imps: number[] }>();
  for (const d of docs) {
    d.terms.forEach((t, i) => {
      let p = byTerm.get(t);
      if (!p) byTerm.set(t, (p = { ids: [], imps: [] }));
      p.ids.push(d.n);
      p.imps.push(d.imps[i]!);
    });
  }
  const lo = docs[0]!.n;
  let lines = '';
  for (const [t, p] of byTerm) {
    const ids = new Uint8Array(p.ids.length * 4);
    const view = new DataView(ids.buffer);
    p.ids.forEach((n, k) => view.setUint32(k * 4, n, false));
    lines += copyLine([teamId, lo, 0, t, hex(ids), hex(Uint8Array.from(p.imps))]);
  }
  return lines;
}

/** Adds a batch's postings as a level-0 segment, then merges full levels. */
export async function addSegment(sql: Sql, teamId: number, docs: readonly DocTerms[]): Promise<void> {
  if (!docs.length) return;
  const lo = docs[0]!.n;
  const hi = docs[docs.length - 1]!.n;
  await sql.copyIn('postings', ['team_id', 'lo', 'lvl', 'term', 'ids', 'imps'], segmentLines(teamId, docs));
  await sql.query('INSERT INTO posting_segs (team_id, lo, hi, lvl) VALUES ($1, $2, $3, 0)', [teamId, lo, hi]);
  for (let lvl = 0; ; lvl++) {
    const segs = await sql.query<{ lo: number; hi: number }>('SELECT lo::float8 AS lo, hi::float8 AS hi FROM posting_segs WHERE team_id = $1 AND lvl = $2 ORDER BY lo', [teamId, lvl]);
    if (segs.length < FANOUT) return;
    const los = segs.map((s) => s.lo);
    await sql.query(
      `INSERT INTO postings (team_id, lo, lvl, term, ids, imps)
       SELECT team_id, $3::bigint, $4::int, term, string_agg(ids, ''::bytea ORDER BY lo), string_agg(imps, ''::bytea ORDER BY lo)
         FROM postings WHERE team_id = $1 AND lvl = $2 AND lo = ANY($5::bigint[]) GROUP BY team_id, term`,
      [teamId, lvl, los[0], lvl + 1, los],
    );
    await sql.query('DELETE FROM postings WHERE team_id = $1 AND lvl = $2 AND lo = ANY($3::bigint[])', [teamId, lvl, los]);
    await sql.query('DELETE FROM posting_segs WHERE team_id = $1 AND lvl = $2', [teamId, lvl]);
    await sql.query('INSERT INTO posting_segs (team_id, lo, hi, lvl) VALUES ($1, $2, $3, $4)', [teamId, los[0], segs[segs.length - 1]!.hi, lvl + 1]);
  }
}

/**
 * The terms' document counts (the postings' lengths, read without reading the postings) and, for
 * those held by at most `maxDf` reports, their postings whole (every segment's, in order): one
 * statement. A term over `maxDf` (too common to look up) comes with no postings; a term no report
 * holds is left out.
 */
export async function readPostings(sql: Sql, teamId: number, terms: readonly string[], maxDf = 2 ** 31): Promise<Map<string, Postings & { df: number }>> {
  const rows = await sql.query<{ term: string; df: number; ids: Uint8Array | null; imps: Uint8Array | null }>(
    `SELECT d.term, d.df::float8 AS df, p.ids, p.imps
       FROM (SELECT term, sum(octet_length(imps)) AS df FROM postings WHERE team_id = $1 AND term = ANY($2::text[]) GROUP BY term) d
       LEFT JOIN LATERAL (SELECT string_agg(ids, ''::bytea ORDER BY lo) AS ids, string_agg(imps, ''::bytea ORDER BY lo) AS imps
                            FROM postings WHERE team_id = $1 AND term = d.term AND d.df <= $3) p ON true`,
    [teamId, terms, maxDf],
  );
  const out = new Map<string, Postings & { df: number }>();
  for (const r of rows) {
    const b = r.ids ?? new Uint8Array(0);
    const ids = new Uint32Array(b.length >>> 2);
    for (let k = 0, i = 0; k < ids.length; k++, i += 4) ids[k] = ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
    out.set(r.term, { df: r.df, ids, imp: r.imps ?? new Uint8Array(0) });
  }
  return out;
}

/** Where a doc is in a term's postings (binary search), or -1. */
export function positionOf(p: Postings, n: number): number {
  const a = p.ids;
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const v = a[m]!;
    if (v === n) return m;
    if (v < n) lo = m + 1;
    else hi = m - 1;
  }
  return -1;
}
