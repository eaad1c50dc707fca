// Schema migrations: node-pg-migrate over the SQL files in server/migrations/, on either database.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type { Db } from './db';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Migrates up to the newest schema, or `count` steps; returns the names of the migrations run. */
export async function migrate(db: Db, opts: { direction?: 'up' | 'down'; count?: number } = {}): Promise<string[]> {
  return db.migrationClient(async (dbClient) => {
    const ran = await runner({
      dbClient,
      dir: MIGRATIONS_DIR,
      direction: opts.direction ?? 'up',
      ...(opts.count === undefined ? {} : { count: opts.count }),
      migrationsTable: 'pgmigrations',
      // PGlite is a single connection (no lock needed); on PostgreSQL the lock keeps two servers
      // starting at once from migrating twice.
      noLock: db.kind === 'pglite',
      advisoryLockMode: 'wait',
      log: () => {},
      checkOrder: true,
    });
    return ran.map((m) => m.name);
  });
}
