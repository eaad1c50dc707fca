// `npm run -s bench:team -- [--docs 100000] [--local 10000] [--queries 200]`: the team server on a
// PostgreSQL 15 cluster it starts (initdb in a temporary folder, durable settings: fsync on), with
// synthetic reports (bench/synth.ts) and the engine's real analysis. Prints, as JSON:
// - analysis rate (reports/s, where `team load` runs) and load rate (reports/s into the server:
//   HTTP, duplicate check, near-duplicates, COPY, term counts), separately and end to end;
// - query latency p50/p95 through HTTP at 1 and 8 concurrent clients;
// - recall@10 on the labelled event groups, and recall@10 against the local engine's top 10 on a
//   corpus of --local reports (the local engine on fake-indexeddb is too slow to go further);
// - disk: the team's tables and indexes, per million reports.
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { memoryDb } from '../cli/engine';
import { importRecords } from '../lib/engine/imports';
import { analyseRecords, type FeaturesWire } from '../lib/engine/wire';
import { searchRelated } from '../lib/engine/search';
import type { ReportRecord } from '../lib/types';
import { buildApp } from '../server/app';
import { createTeam } from '../server/auth';
import { TeamClient, teamQueryFor } from '../server/client';
import { postgresDb } from '../server/db';
import { migrate } from '../server/migrate';
import type { TeamQuery } from '../server/query';
import { BATCH } from '../server/store';
import { Cluster } from '../tests/unit/server/clusters';
import { pickQueries } from './run';
import { synthCorpus, type SynthCorpus } from './synth';

const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, local: { type: 'string' }, queries: { type: 'string' } } });
const DOCS = Number(values.docs ?? 100_000);
const LOCAL = Number(values.local ?? 10_000);
const QUERIES = Number(values.queries ?? 200);

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);
const asQuery = (r: ReportRecord) => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });

async function loadAll(c: TeamClient, records: ReportRecord[]): Promise<{ analyseMs: number; loadMs: number }> {
  let analyseMs = 0;
  let loadMs = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    const part = records.slice(i, i + BATCH);
    let t = performance.now();
    const analyses: FeaturesWire[] = analyseRecords(part);
    analyseMs += performance.now() - t;
    t = performance.now();
    await c.addReports(part, 'synth', analyses);
    loadMs += performance.now() - t;
    if ((i / BATCH) % 10 === 0) log(`loaded ${i + part.length}`);
  }
  return { analyseMs, loadMs };
}

async function latencies(c: TeamClient, qs: TeamQuery[], clients: number): Promise<{ p50: number; p95: number; qps: number }> {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < qs.length) {
        const q = qs[next++]!;
        const t = performance.now();
        await c.query(q);
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  return { p50: round(pct(times, 50)), p95: round(pct(times, 95)), qps: round((qs.length / wall) * 1000) };
}

async function labelRecall(c: TeamClient, corpus: SynthCorpus, groups: number[][]): Promise<number> {
  const byUrl = new Map(corpus.records.map((r, i) => [r.url, i]));
  let recall = 0;
  for (const g of groups) {
    const got = (await c.query(teamQueryFor(asQuery(corpus.records[g[0]!]!)))).map((x) => byUrl.get(x.url));
    const relevant = new Set(g.slice(1));
    recall += got.filter((i) => i !== undefined && relevant.has(i)).length / relevant.size;
  }
  return round(recall / groups.length, 3);
}

const cluster = await Cluster.primary(['-c fsync=on', '-c synchronous_commit=on', '-c full_page_writes=on', '-c shared_buffers=256MB', '-c work_mem=16MB']);
const db = postgresDb(cluster.url, { max: 10 });
try {
  await migrate(db);
  const app = await buildApp({ db, rateLimit: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const out: Record<string, unknown> = { docs: DOCS, cores: (await import('node:os')).cpus().length };

  log(`synthesising ${DOCS}`);
  const corpus = synthCorpus(DOCS);
  const big = new TeamClient(url, 'big', (await createTeam(db, 'big', 'admin')).token);
  const { analyseMs, loadMs } = await loadAll(big, corpus.records);
  out.analysePerS = Math.round(DOCS / (analyseMs / 1000));
  out.loadPerS = Math.round(DOCS / (loadMs / 1000));
  out.endToEndPerS = Math.round(DOCS / ((analyseMs + loadMs) / 1000));
  await db.query('VACUUM ANALYZE');
  const [size] = await db.query<{ reports: number; terms: number; keys: number; all: number }>(
    `SELECT pg_total_relation_size('reports')::float8 AS reports, pg_total_relation_size('term_df')::float8 AS terms,
            pg_total_relation_size('report_keys')::float8 AS keys, pg_database_size(current_database())::float8 AS all`,
  );
  out.diskMBPerMillion = { reports: round((size!.reports / 1e6) * (1e6 / DOCS)), termDf: round((size!.terms / 1e6) * (1e6 / DOCS)), keys: round((size!.keys / 1e6) * (1e6 / DOCS)), database: round((size!.all / 1e6) * (1e6 / DOCS)) };

  const groups = pickQueries(corpus, QUERIES);
  const qs = groups.map((g) => teamQueryFor(asQuery(corpus.records[g[0]!]!)));
  for (const q of qs.slice(0, 10)) await big.query(q);
  out.query1 = await latencies(big, qs, 1);
  out.query8 = await latencies(big, [...qs, ...qs], 8);
  out.labelRecallAt10 = await labelRecall(big, corpus, groups);
  log(`queries ${JSON.stringify(out)}`);

  // Against the local engine, on a corpus it can hold.
  const small = synthCorpus(LOCAL);
  const sc = new TeamClient(url, 'small', (await createTeam(db, 'small', 'admin')).token);
  await loadAll(sc, small.records);
  const local = memoryDb();
  for (let i = 0; i < small.records.length; i += 5000) await importRecords(local, 'bench.jsonl', small.records.slice(i, i + 5000), () => {});
  const sgroups = pickQueries(small, QUERIES);
  let overlap = 0;
  let same = 0;
  for (const g of sgroups) {
    const r = small.records[g[0]!]!;
    const mine = (await searchRelated(local, asQuery(r), { top: 10, explain: false })).map((x) => `${x.id} ${x.score}`);
    const theirs = (await sc.query(teamQueryFor(asQuery(r)))).map((x) => `${x.id} ${x.score}`);
    const ids = new Set(theirs.map((x) => x.split(' ')[0]));
    overlap += mine.length ? mine.filter((x) => ids.has(x.split(' ')[0])).length / mine.length : 1;
    if (JSON.stringify(mine) === JSON.stringify(theirs)) same++;
  }
  local.close();
  out.vsLocal = { docs: LOCAL, queries: sgroups.length, recallAt10: round(overlap / sgroups.length, 3), identicalTop10: round(same / sgroups.length, 3), labelRecallAt10: await labelRecall(sc, small, sgroups) };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  await app.close();
} finally {
  await db.close();
  cluster.stop();
}
