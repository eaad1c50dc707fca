// A load into a sharded set (server/shards.ts) without the coordinator in the rows' path: each
// report is COPYed straight into the `reports` table of the shard its (team, number) hashes to,
// as PostgreSQL's own partition routing would put it (`satisfies_hash_partition`, asked of the
// coordinator). Through the coordinator, postgres_fdw sends the rows on as batched INSERTs:
// 4.3 s a batch of 2,000 against 1.5 s on one node (bench/TEAM.md). A query reads its candidates'
// rows from the shards the same way (reader()).
//
// A shard's COPY commits before the coordinator's transaction does (there is no two-phase commit
// here). If the coordinator then fails, the shard holds rows numbered at or past the team's
// `next_n`, which nothing reads (queries find reports through the coordinator's postings, the
// changes feed and duplicate checks stop at `next_n`); the next load deletes them before its COPY.
import { postgresDb, type Db, type Sql } from './db';

export interface ShardRoute {
  modulus: number;
  remainder: number;
  db: Db;
}

export class ShardCopier {
  constructor(readonly routes: readonly ShardRoute[]) {}

  /** Rows (COPY lines of REPORT_COLUMNS plus `seq`, keyed by report number) into their shards. */
  async copy(coordinator: Sql, teamId: number, firstN: number, columns: readonly string[], rows: ReadonlyArray<{ n: number; line: string }>): Promise<void> {
    const ns = rows.map((r) => r.n);
    const parts = await Promise.all(
      this.routes.map(async (route) => {
        const mine = await coordinator.query<{ n: number }>(
          "SELECT x.n::float8 AS n FROM unnest($4::bigint[]) AS x(n) WHERE satisfies_hash_partition('reports'::regclass, $2, $3, $1::int, x.n)",
          [teamId, route.modulus, route.remainder, ns],
        );
        return new Set(mine.map((m) => m.n));
      }),
    );
    await Promise.all(
      this.routes.map(async (route, i) => {
        const lines = rows.filter((r) => parts[i]!.has(r.n)).map((r) => r.line).join('');
        await route.db.tx(async (sh) => {
          // Rows of a load the coordinator did not commit.
          await sh.query('DELETE FROM reports WHERE team_id = $1 AND n >= $2', [teamId, firstN]);
          await sh.copyIn('reports', columns, lines);
        });
      }),
    );
  }

  /**
   * Reads of report rows by key (`WHERE team_id = $1 AND n|id = ANY(…)`), asked of every shard at
   * once and their rows put together: each answers for the rows it holds. A shard's own index scan
   * in place of postgres_fdw's remote scan through the coordinator (10.5 against 2.4 ms a query's
   * candidates at 100,000, bench/TEAM.md).
   */
  reader(): Sql {
    return {
      query: async <T>(text: string, params?: unknown[]) => (await Promise.all(this.routes.map((r) => r.db.query<T>(text, params)))).flat(),
      copyIn: () => Promise.reject(new Error('the shards are written by copy()')),
    };
  }

  close(): Promise<void[]> {
    return Promise.all(this.routes.map((r) => r.db.close()));
  }
}

const enc = encodeURIComponent;

/**
 * The coordinator's shards, from its catalogue (the foreign partitions of `reports`, their servers
 * and this user's mapping); null when `reports` is not sharded.
 */
export async function shardCopier(db: Db): Promise<ShardCopier | null> {
  if (db.kind !== 'postgres') return null;
  const rows = await db.query<{ bound: string; srv: string[] | null; um: string[] | null }>(
    `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound, s.srvoptions AS srv, um.umoptions AS um
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_foreign_table ft ON ft.ftrelid = c.oid JOIN pg_foreign_server s ON s.oid = ft.ftserver
       LEFT JOIN pg_user_mappings um ON um.srvid = s.oid AND um.usename IN (current_user, 'public')
      WHERE i.inhparent = to_regclass('reports')`,
  );
  if (!rows.length) return null;
  const routes = rows.map((r) => {
    const m = /modulus (\d+), remainder (\d+)/i.exec(r.bound);
    if (!m) throw new Error(`reports: a partition bound not by hash (${r.bound})`);
    const opt = (list: string[] | null, k: string) => list?.find((o) => o.startsWith(`${k}=`))?.slice(k.length + 1);
    const user = opt(r.um, 'user');
    const password = opt(r.um, 'password');
    const auth = user ? `${enc(user)}${password ? `:${enc(password)}` : ''}@` : '';
    const url = `postgres://${auth}${opt(r.srv, 'host') ?? 'localhost'}:${opt(r.srv, 'port') ?? '5432'}/${enc(opt(r.srv, 'dbname') ?? 'postgres')}`;
    return { modulus: Number(m[1]), remainder: Number(m[2]), db: postgresDb(url, { max: 4 }) };
  });
  return new ShardCopier(routes);
}
