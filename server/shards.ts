// A sharded team corpus on PostgreSQL's own machinery: on the coordinator, `reports` becomes a
// table hash-partitioned by (team_id, n) whose partitions are `reports` tables on other servers,
// reached through postgres_fdw (foreign scans run on the shards at once: async_capable). Everything
// else (people, tokens, term counts, URL keys, the audit log) stays on the coordinator. Each shard
// is migrated like any team database (only its `reports` table is used); then this is run once on
// the coordinator, while its `reports` table is empty.
import type { Db } from './db';

export interface Shard {
  host: string;
  port: number;
  dbname: string;
  user: string;
  password?: string;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function shardingSql(shards: readonly Shard[]): string[] {
  if (shards.length < 1) throw new Error('at least one shard');
  const sql = [
    'CREATE EXTENSION IF NOT EXISTS postgres_fdw',
    'ALTER TABLE reports RENAME TO reports_unsharded',
    'CREATE TABLE reports (LIKE reports_unsharded INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY HASH (team_id, n)',
  ];
  shards.forEach((s, i) => {
    sql.push(
      `CREATE SERVER shard${i} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host ${lit(s.host)}, port ${lit(String(s.port))}, dbname ${lit(s.dbname)}, async_capable 'true', fetch_size '2000', batch_size '500')`,
      `CREATE USER MAPPING FOR CURRENT_USER SERVER shard${i} OPTIONS (user ${lit(s.user)}${s.password ? `, password ${lit(s.password)}` : ''})`,
      `CREATE FOREIGN TABLE reports_shard${i} PARTITION OF reports FOR VALUES WITH (MODULUS ${shards.length}, REMAINDER ${i}) SERVER shard${i} OPTIONS (schema_name 'public', table_name 'reports')`,
    );
  });
  sql.push('DROP TABLE reports_unsharded');
  return sql;
}

/** Makes the coordinator's (empty) `reports` table the union of the shards'. */
export async function shardReports(db: Db, shards: readonly Shard[]): Promise<void> {
  await db.tx(async (tx) => {
    const [{ count }] = (await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM reports')) as [{ count: number }];
    if (count > 0) throw new Error('reports must be empty to be sharded (load after sharding)');
    for (const s of shardingSql(shards)) await tx.query(s);
  });
}
