// `npm run -s bench:team -- [--docs 100000] [--local 3000] [--queries 200] [--shards 2] [--cache DIR]`:
// the team server on PostgreSQL 15 clusters it starts (initdb in a temporary folder, durable
// settings: fsync on), with synthetic reports (bench/synth.ts) and the engine's real analysis.
// Prints, as JSON:
// - analysis rate (reports/s, where `team load` runs: worker threads on every core);
// - load rate (reports/s into the server: one streamed NDJSON upload of every line — HTTP,
//   validation, duplicate check, near-duplicates, COPY, postings and their merges), the lines
//   written to the cache before the upload is timed;
// - query latency p50/p95 through HTTP at 1 and 8 concurrent clients;
// - where the database's time went in each phase (pg_stat_statements: the costliest statements);
// - recall@10 on the labelled event groups, and against the local engine's top 10 on a corpus of
//   --local reports (the local engine on fake-indexeddb is too slow to go further);
// - disk: the team's tables and indexes, per million reports;
// - the machine's load average (1 minute) at each phase: two cores shared with other work.
// With --shards N the reports are on N shards behind a coordinator (postgres_fdw, server/shards.ts).
// The analysed batches are kept in --cache (default: a folder under the temporary folder, by size)
// and reused by the next run of the same size; --reuse DIR:SIZE starts from another size's cache,
// --from N analyses from report N (a second --analyse-only process), --follow loads while another
// run analyses, and --stop-file F ends the load (and starts the queries) at the size reached.
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { memoryDb } from '../cli/engine';
import { importRecords } from '../lib/engine/imports';
import { searchRelated } from '../lib/engine/search';
import type { ReportRecord } from '../lib/types';
import { AnalysePool, uploadLine, type TeamAnalysis } from '../server/analyse-pool';
import { buildApp } from '../server/app';
import { createTeam } from '../server/auth';
import { TeamClient, teamQueryFor } from '../server/client';
import { postgresDb, type Db } from '../server/db';
import { migrate } from '../server/migrate';
import type { TeamQuery } from '../server/query';
import { shardReports } from '../server/shards';
import { BATCH } from '../server/store';
import { Cluster } from '../tests/unit/server/clusters';
import { pickQueries } from './run';
import { synthCorpus, type SynthCorpus } from './synth';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    docs: { type: 'string' },
    local: { type: 'string' },
    queries: { type: 'string' },
    shards: { type: 'string' },
    cache: { type: 'string' },
    'analyse-only': { type: 'boolean' },
    profile: { type: 'string' },
    reuse: { type: 'string', multiple: true },
    follow: { type: 'boolean' },
    from: { type: 'string' },
    'stop-file': { type: 'string' },
  },
});
const DOCS = Number(values.docs ?? 100_000);
const LOCAL = Number(values.local ?? 3000);
const QUERIES = Number(values.queries ?? 200);
const SHARDS = Number(values.shards ?? 0);
const CACHE = values.cache ?? join(tmpdir(), `isnad-bench-team-${DOCS}`);
/** --reuse DIR:SIZE: the analysed cache of another size's corpus (synthCorpus(SIZE)) makes the first
 *  SIZE reports, their URLs moved under /r<k>/ so that no two chunks share one; the rest are the
 *  first reports of synthCorpus(DOCS). Analysis is most of a new size's cost on this machine. */
const REUSE = (values.reuse ?? []).map((x) => {
  const at = x.lastIndexOf(':');
  return { dir: x.slice(0, at), docs: Number(x.slice(at + 1)) };
});

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);
const load1 = () => round(loadavg()[0]!);
const asQuery = (r: ReportRecord) => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });
const batchFile = (i: number, ext = 'packed.ndjson') => join(CACHE, `${String(i / BATCH).padStart(5, '0')}.${ext}`);
const ndjson = (b: { records: ReportRecord[] } & TeamAnalysis) => b.records.map((record, i) => uploadLine(record, b.analyses[i]!, b.events[i]!)).join('');

/** Analyses the corpus into request bodies of BATCH records (kept in CACHE); returns reports/s, or null when cached. */
async function analyseAll(records: ReportRecord[]): Promise<number | null> {
  const done = join(CACHE, 'done');
  if (existsSync(done) && readFileSync(done, 'utf8') === String(records.length)) return null;
  mkdirSync(CACHE, { recursive: true });
  const pool = new AnalysePool();
  const t = performance.now();
  let analysed = 0;
  try {
    // A batch already written (a run stopped part way) is kept. The next batch is analysed while
    // this one is serialised and written, so the workers are never idle waiting for the main thread.
    const todo = Array.from({ length: Math.ceil(records.length / BATCH) }, (_, k) => k * BATCH).filter((i) => i >= Number(values.from ?? 0) && !existsSync(batchFile(i)));
    const start = (i: number) => ({ i, part: records.slice(i, i + BATCH), analysis: pool.analyse(records.slice(i, i + BATCH)) });
    let ahead = todo.length ? start(todo[0]!) : null;
    for (let k = 0; ahead; k++) {
      const { i, part, analysis } = ahead;
      const got = await analysis;
      ahead = k + 1 < todo.length ? start(todo[k + 1]!) : null;
      writeFileSync(`${batchFile(i)}.part`, ndjson({ records: part, ...got }));
      renameSync(`${batchFile(i)}.part`, batchFile(i));
      analysed += part.length;
      if ((i / BATCH) % 25 === 0) log(`analysed ${i + part.length} (load ${load1()})`);
    }
  } finally {
    await pool.close();
  }
  const rate = analysed / ((performance.now() - t) / 1000);
  writeFileSync(done, String(records.length));
  return Math.round(rate);
}

/** The cached batches as upload lines (a report, its analysis and packed event document a line);
 *  a cache of JSON bodies (an older bench's) is turned into lines once. */
function ndjsonFiles(docs: number): string[] {
  return Array.from({ length: Math.ceil(docs / BATCH) }, (_, k) => {
    const out = batchFile(k * BATCH);
    if (!existsSync(out)) writeFileSync(out, ndjson(JSON.parse(readFileSync(batchFile(k * BATCH, 'json'), 'utf8')) as { records: ReportRecord[] } & TeamAnalysis));
    return out;
  });
}

const SYNTH_URL = '{"record":{"url":"https://synthetic.example/';

/** The corpus of DOCS reports: the reused chunks' reports (URLs moved; only their count is needed
 *  here), then synthCorpus(DOCS)'s first reports, whose labelled groups make the queries. The
 *  reused caches may come from an older generator (other place names): they are realistic reports
 *  the queries search through, not labelled ones. */
function composeCorpus(): { corpus: SynthCorpus; fresh: ReportRecord[] } {
  const reused = REUSE.reduce((s, r) => s + r.docs, 0);
  const own = synthCorpus(DOCS);
  const fresh = own.records.slice(0, DOCS - reused);
  return { corpus: { records: fresh, groups: own.groups.filter((g) => g.every((i) => i < fresh.length)) }, fresh };
}

/** Every upload file in corpus order, with the URL prefix its lines get (reused chunks). */
function uploadFiles(fresh: number): Array<{ file: string; move?: string }> {
  const out: Array<{ file: string; move?: string }> = [];
  REUSE.forEach(({ dir, docs }, k) => {
    for (let i = 0; i < docs; i += BATCH) {
      const file = join(dir, `${String(i / BATCH).padStart(5, '0')}.packed.ndjson`);
      if (!existsSync(file)) throw new Error(`--reuse ${dir}: no ${file}`);
      out.push({ file, move: `${SYNTH_URL}r${k}/` });
    }
  });
  // --follow: the fresh part is being analysed by another run (--analyse-only); its files are waited for.
  const own = values.follow ? Array.from({ length: Math.ceil(fresh / BATCH) }, (_, k) => batchFile(k * BATCH)) : ndjsonFiles(fresh);
  // The fresh reports first: the queries are theirs (labelled groups), whatever size --stop-file leaves.
  return [...own.map((file) => ({ file })), ...out];
}

/** Profiles this process (the server with it) during `fn` into DIR/name.cpuprofile, with --profile DIR. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!values.profile) return fn();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((res, rej) => session.post(method, params, (e, r) => (e ? rej(e) : res(r))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    mkdirSync(values.profile, { recursive: true });
    writeFileSync(join(values.profile, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** Streams the cached lines in one upload (server/upload.ts), as `team load` does; the request alone is timed. */
async function loadAll(c: TeamClient, files: ReadonlyArray<{ file: string; move?: string }>): Promise<{ perS: number; added: number; waitedS: number; perSNotWaiting: number }> {
  let sent = 0;
  let waited = 0;
  const lines = async function* () {
    for (const { file, move } of files) {
      // --stop-file F: the load ends (and the queries start) at the size reached when F appears.
      if (values['stop-file'] && existsSync(values['stop-file'])) {
        log(`stopped at ${sent} of ${files.length} files: ${values['stop-file']} exists`);
        return;
      }
      const w = performance.now();
      for (let tries = 0; !existsSync(file); tries++) {
        if (tries > 3600) throw new Error(`no ${file} after an hour`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      waited += performance.now() - w;
      if (move) yield Buffer.from(readFileSync(file, 'utf8').replaceAll(SYNTH_URL, move));
      else for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
      if (++sent % 10 === 0) log(`sent ${sent} of ${files.length} files (load ${load1()})`);
    }
  };
  const t = performance.now();
  const res = await c.upload(lines(), 'synth');
  const s = (performance.now() - t) / 1000;
  if (res.problems.length) throw new Error(`load: ${JSON.stringify(res.problems.slice(0, 3))}`);
  return { perS: Math.round(res.added / s), added: res.added, waitedS: round(waited / 1000), perSNotWaiting: Math.round(res.added / (s - waited / 1000)) };
}

async function latencies(c: TeamClient, qs: TeamQuery[], clients: number): Promise<{ p50: number; p95: number; qps: number; load: number }> {
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
  return { p50: round(pct(times, 50)), p95: round(pct(times, 95)), qps: round((qs.length / wall) * 1000), load: load1() };
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

/** CPU seconds used so far by this process (server and client, all threads) and by the clusters'
 *  processes (the postmaster's children, from /proc): on a machine shared with other work, CPU
 *  time says what a phase costs better than the wall clock does. */
function cpuNow(): { node: number; pg: number } {
  const tick = 100; // USER_HZ on Linux
  let pg = 0;
  for (const c of clusters) {
    const pid = Number(readFileSync(join(c.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    for (const p of readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // A backend's own time; the postmaster's includes its children that have exited.
        if (Number(f[1]) === pid) pg += (Number(f[11]) + Number(f[12])) / tick;
        else if (Number(p) === pid) pg += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
      } catch {
        /* gone */
      }
    }
  }
  const u = process.cpuUsage();
  return { node: (u.user + u.system) / 1e6, pg };
}

/** CPU ms per unit between two readings. */
const cpuPer = (a: { node: number; pg: number }, b: { node: number; pg: number }, units: number) => ({ nodeMs: round(((b.node - a.node) * 1000) / units, 2), pgMs: round(((b.pg - a.pg) * 1000) / units, 2) });

/** The database's costliest statements since the last reset (total ms, calls, mean ms). */
async function statements(db: Db): Promise<Array<{ ms: number; calls: number; mean: number; sql: string }>> {
  const rows = await db.query<{ ms: number; calls: number; sql: string }>(
    `SELECT total_exec_time AS ms, calls::float8 AS calls, query AS sql FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 8`,
  );
  await db.query('SELECT pg_stat_statements_reset()');
  return rows.map((r) => ({ ms: Math.round(r.ms), calls: r.calls, mean: round(r.ms / Math.max(1, r.calls), 2), sql: r.sql.replace(/\s+/g, ' ').slice(0, 160) }));
}

// auto_explain is loaded but off (log_min_duration -1) until the plans are asked for (--profile).
const settings = ['-c fsync=on', '-c synchronous_commit=on', '-c full_page_writes=on', '-c shared_buffers=1GB', '-c work_mem=16MB', '-c max_wal_size=4GB', '-c shared_preload_libraries=pg_stat_statements,auto_explain'];

/** With --profile DIR: the plans (EXPLAIN ANALYZE, BUFFERS) of a few queries' statements, from the coordinator's log, into DIR/plans.txt. */
async function plans(db: Db, c: TeamClient, qs: TeamQuery[]): Promise<void> {
  if (!values.profile) return;
  const set = async (on: boolean) => {
    for (const [k, v] of [['log_min_duration', on ? '0' : '-1'], ['log_analyze', String(on)], ['log_buffers', String(on)], ['log_nested_statements', String(on)]]) await db.query(`ALTER SYSTEM SET auto_explain.${k} = '${v}'`);
    await db.query('SELECT pg_reload_conf()');
  };
  const log = join(clusters[0]!.dir, 'log');
  const from = readFileSync(log, 'utf8').length;
  await set(true);
  for (const q of qs) await c.query(q);
  await set(false);
  mkdirSync(values.profile, { recursive: true });
  writeFileSync(join(values.profile, 'plans.txt'), readFileSync(log, 'utf8').slice(from));
}
const clusters: Cluster[] = [];
const dbs: Db[] = [];
try {
  const out: Record<string, unknown> = { docs: DOCS, shards: SHARDS, cores: cpus().length, loadAtStart: load1() };
  log(`synthesising ${DOCS}`);
  const { corpus, fresh } = composeCorpus();
  if (REUSE.length) out.reused = REUSE.map((r) => ({ docs: r.docs, dir: r.dir }));
  const analysePerS = values.follow ? 'another process' : await analyseAll(fresh);
  out.analysePerS = analysePerS ?? 'cached';
  out.loadAfterAnalysis = load1();
  if (values['analyse-only']) {
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    process.exit(0);
  }

  const coordinator = await Cluster.primary(settings);
  clusters.push(coordinator);
  const db = postgresDb(coordinator.url, { max: 10 });
  dbs.push(db);
  await migrate(db);
  const shardDbs: Db[] = [];
  if (SHARDS > 0) {
    const shards = [];
    for (let i = 0; i < SHARDS; i++) shards.push(await Cluster.primary(settings));
    clusters.push(...shards);
    for (const sh of shards) {
      const sdb = postgresDb(sh.url, { max: 2 });
      dbs.push(sdb);
      shardDbs.push(sdb);
      await migrate(sdb);
    }
    await shardReports(db, shards.map((sh) => ({ host: '127.0.0.1', port: sh.port, dbname: 'postgres', user: 'isnad' })));
  }
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.query('SELECT pg_stat_statements_reset()');
  const app = await buildApp({ db, rateLimit: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const { token } = await createTeam(db, 'big', 'admin');
  const big = new TeamClient(url, 'big', token);
  const files = uploadFiles(fresh.length);
  let cpu0 = cpuNow();
  const loaded = await profiled('load', () => loadAll(big, files));
  out.loadCpuPerBatch = cpuPer(cpu0, cpuNow(), loaded.added / BATCH);
  out.loadPerS = loaded.perS;
  if (values.follow) Object.assign(out, { loadWaitedForAnalysisS: loaded.waitedS, loadPerSNotWaiting: loaded.perSNotWaiting });
  out.loadAfterLoading = load1();
  out.loadStatements = await statements(db);
  await db.query('VACUUM ANALYZE');
  for (const s of shardDbs) await s.query('VACUUM ANALYZE');
  const size = async (d: Db, rel: string) => (await d.query<{ b: number }>(`SELECT coalesce(pg_total_relation_size(to_regclass('${rel}')), 0)::float8 AS b`))[0]!.b;
  const perMillion = (bytes: number) => round((bytes / 1e6) * (1e6 / loaded.added));
  out.loadedDocs = loaded.added;
  let reportsBytes = await size(db, 'reports');
  let dbBytes = (await db.query<{ b: number }>('SELECT pg_database_size(current_database())::float8 AS b'))[0]!.b;
  for (const s of shardDbs) {
    reportsBytes += await size(s, 'reports');
    dbBytes += (await s.query<{ b: number }>('SELECT pg_database_size(current_database())::float8 AS b'))[0]!.b;
  }
  out.diskMBPerMillion = {
    reports: perMillion(reportsBytes),
    postings: perMillion((await size(db, 'postings')) + (await size(db, 'posting_segs'))),
    keys: perMillion(await size(db, 'report_keys')),
    databases: perMillion(dbBytes),
  };
  log(`loaded ${JSON.stringify(out)}`);

  // The labelled groups of the fresh reports loaded (all of them, unless --stop-file cut the load short).
  const freshLoaded = Math.min(loaded.added, fresh.length);
  const groups = pickQueries({ records: corpus.records, groups: corpus.groups.filter((g) => g.every((i) => i < freshLoaded)) }, QUERIES);
  const qs = groups.map((g) => teamQueryFor(asQuery(corpus.records[g[0]!]!)));
  for (const q of qs.slice(0, 10)) await big.query(q);
  await db.query('SELECT pg_stat_statements_reset()');
  cpu0 = cpuNow();
  out.query1 = await profiled('query1', () => latencies(big, qs, 1));
  out.queryCpu = cpuPer(cpu0, cpuNow(), qs.length);
  out.queryStatements = await statements(db);
  out.query8 = await latencies(big, [...qs, ...qs], 8);
  out.labelRecallAt10 = await labelRecall(big, corpus, groups);
  await plans(db, big, qs.slice(0, 3));
  log(`queries ${JSON.stringify(out.query1)} ${JSON.stringify(out.query8)}`);

  // Against the local engine, on a corpus it can hold.
  if (LOCAL > 0) {
    const small = synthCorpus(LOCAL);
    const sc = new TeamClient(url, 'small', (await createTeam(db, 'small', 'admin')).token);
    const pool = new AnalysePool();
    for (let i = 0; i < small.records.length; i += BATCH) {
      const part = small.records.slice(i, i + BATCH);
      const { analyses, events } = await pool.analyse(part);
      await sc.addReports(part, 'synth', analyses, events);
    }
    await pool.close();
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
  }
  out.loadAtEnd = load1();
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  await app.close();
} finally {
  for (const d of dbs) await d.close();
  for (const c of clusters.reverse()) c.stop();
}
