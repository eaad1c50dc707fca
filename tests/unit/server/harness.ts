// What the team server tests share: a server on a database, a team with its admin, the real 2025
// corpus loaded through the API, and the local engine's answers to compare with.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { memoryDb } from '../../../cli/engine';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { analyseForTeam } from '../../../server/analyse-pool';
import type { RelatedReport, ReportRecord } from '../../../lib/types';
import { searchRelated, type Query } from '../../../lib/engine/search';
import { buildApp } from '../../../server/app';
import { createTeam } from '../../../server/auth';
import { TeamClient, teamQueryFor } from '../../../server/client';
import type { Db } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { BATCH } from '../../../server/store';
import { reportId } from '../../../lib/corpus/ids';
import { reserveCorpus } from '../engine/reserve-corpus';

export const real: ReportRecord[] = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

const queryOf = (r: ReportRecord): Query => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });

export interface Running {
  url: string;
  admin: TeamClient;
  close(): Promise<void>;
}

/** A server on `db` (migrated), listening on a free local port, with team `team` and its admin. */
export async function serve(db: Db, team = 'newsroom', opts: { rateLimit?: number; migrated?: boolean } = {}): Promise<Running & { token: string }> {
  if (!opts.migrated) await migrate(db);
  const { token } = await createTeam(db, team, 'admin');
  const app = await buildApp({ db, rateLimit: opts.rateLimit ?? 100_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { url, token, admin: new TeamClient(url, team, token), close: () => app.close() };
}

/** Loads records through the API as `team load` does (client-side analysis, 2,000 a request). */
/** With `events: false` the server keeps no event documents: queries judge reports from their texts. */
export async function load(c: TeamClient, records: ReportRecord[], opts: { events?: boolean } = {}): Promise<number> {
  let added = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    const part = records.slice(i, i + BATCH);
    const { analyses, events } = analyseForTeam(part);
    added += (await c.addReports(part, 'real-2025.jsonl', analyses, opts.events === false ? undefined : events)).added;
  }
  return added;
}

export type Top = Array<Pick<RelatedReport, 'id' | 'score' | 'relation'>>;
const pick = (rs: RelatedReport[]): Top => rs.map(({ id, score, relation }) => ({ id, score, relation }));

/** The local engine's top 10 for each record, on a corpus of `records`. */
export async function localTops(records: ReportRecord[], queries: ReportRecord[]): Promise<Top[]> {
  const db = memoryDb();
  await indexReports(db, records.map((r) => toReport(r, 'import', 'real-2025.jsonl')));
  const out: Top[] = [];
  for (const r of queries) out.push(pick(await searchRelated(db, queryOf(r), { explain: false })));
  db.close();
  return out;
}

export async function teamTops(c: TeamClient, queries: ReportRecord[]): Promise<Top[]> {
  const out: Top[] = [];
  for (const r of queries) out.push(pick(await c.query(teamQueryFor(queryOf(r)))));
  return out;
}

/**
 * On an empty database: a team corpus stored before the place-day terms (the schema before their
 * migration, the `@place~day` postings deleted) misses the city's-day partner the local engine
 * finds; after the migration its answers are the local engine's.
 */
export async function placeDaysBackfilled(db: Db): Promise<void> {
  const { records, article, partner } = reserveCorpus('city');
  await migrate(db, { count: 2 });
  const team = await serve(db, 'before-place-days', { migrated: true });
  try {
    expect(await load(team.admin, records)).toBe(records.length);
    const gone = await db.query<{ n: number }>("DELETE FROM postings WHERE term ~ '^@.*~-?[0-9]+$' RETURNING 1 AS n");
    expect(gone.length).toBeGreaterThan(0);
    const queries = [article, partner, records[5]!];
    const local = await localTops(records, queries);
    const partnerId = reportId(partner.url, '');
    expect((await teamTops(team.admin, queries))[0]!.find((r) => r.id === partnerId)).toBeUndefined();
    expect(await migrate(db)).toEqual(['1765065600000_place-day-postings']);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM postings WHERE term ~ '^@.*~-?[0-9]+$'"))[0]!.n).toBe(gone.length);
    const remote = await teamTops(team.admin, queries);
    expect(remote[0]!.find((r) => r.id === partnerId)).toMatchObject({ relation: 'related' });
    expect(remote).toEqual(local);
  } finally {
    await team.close();
  }
}
