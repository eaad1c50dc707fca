// The team server on real PostgreSQL 15: migrations from empty, and the same top 10 (ids, scores,
// relations) as the local engine from a primary, its streaming replica, and two postgres_fdw
// shards behind a coordinator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../server/app';
import { TeamClient } from '../../../server/client';
import { postgresDb, type Db } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { readPostings } from '../../../server/postings';
import { shardReports } from '../../../server/shards';
import { shardCopier } from '../../../server/shard-copy';
import { Cluster } from './clusters';
import { load, localTops, placeDaysBackfilled, real, serve, teamTops, type Running, type Top } from './harness';

const queries = real.filter((_, i) => i % 5 === 0);
const ALL = ['1764892800000_team-corpus', '1764979200000_packed-postings', '1765065600000_place-day-postings'];

describe('team server on PostgreSQL', () => {
  const clusters: Cluster[] = [];
  const dbs: Db[] = [];
  const servers: Running[] = [];
  let local: Top[];
  const open = (c: Cluster) => {
    const db = postgresDb(c.url, { max: 4 });
    dbs.push(db);
    return db;
  };
  beforeAll(async () => {
    local = await localTops(real, queries);
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const d of dbs) await d.close();
    for (const c of clusters.reverse()) c.stop();
    // Stopping five clusters on a loaded machine takes longer than the default 10 s.
  }, 120_000);

  let primary: Cluster;
  let replica: Cluster;
  let admin: TeamClient;
  let adminToken: string;

  it('migrates an empty database up, down to empty and up again', async () => {
    primary = await Cluster.primary();
    clusters.push(primary);
    const db = open(primary);
    expect(await migrate(db)).toEqual(ALL);
    expect(await migrate(db)).toEqual([]);
    await migrate(db, { direction: 'down', count: ALL.length });
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'pgmigrations'"))[0]!.n).toBe(0);
    // Up from the previous version with reports in it: their postings are built from their terms.
    expect(await migrate(db, { count: 1 })).toEqual(ALL.slice(0, 1));
    const cols = "team_id, n, id, url, outlet, title, body, len, terms, imps, e, en, et, src, h0, h1, mh, imp, tk";
    const row = (n: number, terms: string, imps: string) => `(1, ${n}, 'r${n}', '', 'x', '', '', 3, '${terms}', '${imps}', '{}', '{}', '{}', '{}', 0, 0, '{}', 'i', 'k${n}')`;
    await db.query(`INSERT INTO reports (${cols}) VALUES ${row(1, '{a,b}', '{10,20}')}, ${row(2, '{b}', '{30}')}, ${row(300, '{a,c}', '{40,255}')}`);
    // Reports naming places, with their days: a city's and a governorate's get place-day postings
    // (with their entity term's impact), a town's and a day-less report's none.
    const placed = (n: number, day: number | null, ents: Array<[string, string, number]>) => {
      const arr = (k: 0 | 1 | 2, pre = '') => `'{${ents.map((x) => pre + String(x[k])).join(',')}}'`;
      return `(1, ${n}, 'r${n}', '', 'x', '', '', 3, ${day ?? 'NULL'}, ${arr(0, '@')}, ${arr(2)}, ${arr(0)}, '{}', ${arr(1)}, '{}', 0, 0, '{}', 'i', 'k${n}')`;
    };
    await db.query(`INSERT INTO reports (team_id, n, id, url, outlet, title, body, len, day, terms, imps, e, en, et, src, h0, h1, mh, imp, tk) VALUES
      ${placed(400, 20000, [['aleppo', 'city', 77], ['sarmin', 'town', 66]])}, ${placed(401, 20001, [['aleppo', 'city', 55], ['aleppo-gov', 'governorate', 200]])},
      ${placed(402, null, [['aleppo', 'city', 44]])}`);
    expect(await migrate(db)).toEqual(ALL.slice(1));
    const [a, b] = [(await readPostings(db, 1, ['a', 'b'])).get('a')!, (await readPostings(db, 1, ['a', 'b'])).get('b')!];
    expect([[...a.ids], [...a.imp], [...b.ids], [...b.imp]]).toEqual([[1, 300], [10, 40], [1, 2], [20, 30]]);
    expect(Object.fromEntries([...(await readPostings(db, 1, ['a', 'b', 'c']))].map(([t, p]) => [t, p.df]))).toEqual({ a: 2, b: 2, c: 1 });
    const placeDays = await readPostings(db, 1, ['@aleppo~20000', '@aleppo~20001', '@aleppo-gov~20001', '@sarmin~20000']);
    expect(Object.fromEntries([...placeDays].map(([t, p]) => [t, [[...p.ids], [...p.imp]]]))).toEqual({ '@aleppo~20000': [[400], [77]], '@aleppo~20001': [[401], [55]], '@aleppo-gov~20001': [[401], [200]] });
    // Down: the place-day postings go; up: back; down two: the reports get their term arrays back.
    await migrate(db, { direction: 'down', count: 1 });
    expect((await readPostings(db, 1, ['@aleppo~20000'])).size).toBe(0);
    expect(await migrate(db)).toEqual(ALL.slice(2));
    expect((await readPostings(db, 1, ['@aleppo~20000'])).get('@aleppo~20000')!.df).toBe(1);
    await db.query('DELETE FROM reports WHERE n >= 400');
    await migrate(db, { direction: 'down', count: 2 });
    expect(await db.query('SELECT n::int AS n, terms, imps FROM reports ORDER BY n')).toEqual([
      { n: 1, terms: ['a', 'b'], imps: [10, 20] },
      { n: 2, terms: ['b'], imps: [30] },
      { n: 300, terms: ['a', 'c'], imps: [40, 255] },
    ]);
    expect(await migrate(db)).toEqual(ALL.slice(1));
    await db.query('DELETE FROM reports');
    await db.query('DELETE FROM postings');
    await db.query('DELETE FROM posting_segs');
    // The replica starts empty: the reports reach it by streaming replication.
    replica = await primary.replica();
    clusters.push(replica);
  }, 120_000);

  it("gives a corpus stored before the place-day terms their postings: the city's day partner is found as the local engine finds it", async () => {
    const before = await Cluster.primary();
    clusters.push(before);
    await placeDaysBackfilled(open(before));
  }, 300_000);

  it('answers as the local engine from a primary', async () => {
    const s = await serve(dbs[0]!, 'newsroom', { migrated: true });
    servers.push(s);
    admin = s.admin;
    adminToken = s.token;
    expect(await load(admin, real)).toBe(real.length);
    const team = await teamTops(admin, queries);
    expect(local.flat().length).toBeGreaterThan(80);
    expect(team).toEqual(local);
  }, 300_000);

  it('answers the same from its streaming replica', async () => {
    const db = open(replica);
    for (let i = 0; i < 600; i++) {
      const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
      if (r!.n === real.length) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect((await db.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r'))[0]!.r).toBe(true);
    const app = await buildApp({ db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    servers.push({ url: '', admin, close: () => app.close() });
    const reader = new TeamClient(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, 'newsroom', adminToken);
    expect(await teamTops(reader, queries)).toEqual(local);
    // Writes go to the primary: the replica refuses them.
    await expect(reader.addReports(real.slice(0, 1), 'x')).rejects.toThrow(/500/);
    // One server writing to the primary and reading queries from the replica.
    const split = await buildApp({ db: dbs[0]!, readDb: db });
    await split.listen({ port: 0, host: '127.0.0.1' });
    servers.push({ url: '', admin, close: () => split.close() });
    const both = new TeamClient(`http://127.0.0.1:${(split.server.address() as AddressInfo).port}`, 'newsroom', adminToken);
    expect(await teamTops(both, queries)).toEqual(local);
    expect((await both.addReports([{ ...real[0]!, url: 'https://example.org/copy' }], 'x')).added).toBe(1);
  }, 300_000);

  it('answers the same from two postgres_fdw shards behind a coordinator', async () => {
    const shards = [await Cluster.primary(), await Cluster.primary()];
    const coordinator = await Cluster.primary();
    clusters.push(...shards, coordinator);
    for (const sh of shards) await migrate(open(sh));
    const db = open(coordinator);
    await migrate(db);
    await shardReports(db, shards.map((sh) => ({ host: '127.0.0.1', port: sh.port, dbname: 'postgres', user: 'isnad' })));
    const s = await serve(db, 'newsroom', { migrated: true });
    servers.push(s);
    expect(await load(s.admin, real)).toBe(real.length);
    // The reports are on the shards, both of them.
    const held = await Promise.all(shards.map(async (sh) => (await open(sh).query<{ n: number }>('SELECT count(*)::int AS n FROM reports'))[0]!.n));
    expect(held[0]! + held[1]!).toBe(real.length);
    expect(Math.min(...held)).toBeGreaterThan(real.length / 4);
    expect(await teamTops(s.admin, queries)).toEqual(local);

    // The server COPYs straight into the shards; rows a failed load left on a shard past the
    // team's next number are neither listed nor in the way of the next load.
    const copier = await shardCopier(db);
    await copier?.close();
    expect(copier?.routes.map((r) => [r.modulus, r.remainder])).toEqual([[2, 0], [2, 1]]);
    const [{ team, next }] = (await db.query<{ team: number; next: number }>("SELECT s.team_id AS team, s.next_n::int AS next FROM corpus_stats s JOIN teams t ON t.id = s.team_id WHERE t.name = 'newsroom'")) as [{ team: number; next: number }];
    const [{ first }] = (await db.query<{ first: boolean }>("SELECT satisfies_hash_partition('reports'::regclass, 2, 0, $1::int, $2::bigint) AS first", [team, next])) as [{ first: boolean }];
    const orphanShard = open(shards[first ? 0 : 1]!);
    await orphanShard.tx(async (sh) => {
      await sh.query('CREATE TEMP TABLE orphan ON COMMIT DROP AS SELECT * FROM reports LIMIT 1');
      await sh.query("UPDATE orphan SET n = $1, seq = 999999999, url = 'https://example.org/orphan'", [next]);
      await sh.query('INSERT INTO reports SELECT * FROM orphan');
    });
    const feed = await s.admin.changes(0, 5000);
    expect(feed.reports.length).toBe(real.length);
    expect(feed.reports.some((r) => r.record.url === 'https://example.org/orphan')).toBe(false);
    expect((await s.admin.addReports([{ ...real[0]!, url: 'https://example.org/after-a-failed-load' }], 'x')).added).toBe(1);
    expect((await orphanShard.query<{ url: string }>('SELECT url FROM reports WHERE n = $1', [next])).map((r) => r.url)).toEqual(['https://example.org/after-a-failed-load']);
  }, 300_000);
});
