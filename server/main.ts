// `npm run server`: the team server. With DATABASE_URL it uses that PostgreSQL (and reads queries
// from DATABASE_READ_URL, a streaming replica, when set); without, PGlite in
// ISNAD_DATA (default .isnad-team/). Migrates the schema, and on an empty database creates the
// first team and its admin, printing the admin's token once (and, on PGlite, writing it to
// <data>/admin-token, readable by the owner only).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from './app';
import { createTeam } from './auth';
import { openDb, postgresDb } from './db';
import { migrate } from './migrate';

const env = process.env;
const dataDir = resolve(env.ISNAD_DATA ?? '.isnad-team');
if (!env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
const db = await openDb(env, join(dataDir, 'pg'));
await migrate(db);
const [{ count } = { count: 0 }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM teams');
if (count === 0) {
  const team = env.ISNAD_TEAM ?? 'team';
  const { token } = await createTeam(db, team, env.ISNAD_ADMIN ?? 'admin');
  if (!env.DATABASE_URL) writeFileSync(join(dataDir, 'admin-token'), `${token}\n`, { mode: 0o600 });
  process.stdout.write(`team "${team}" created; its admin's token (shown once): ${token}\n`);
}
// Queries and the changes feed can be read from a streaming replica of DATABASE_URL.
const readDb = env.DATABASE_READ_URL ? postgresDb(env.DATABASE_READ_URL) : undefined;
const app = await buildApp({ db, readDb, rateLimit: env.ISNAD_RATE_LIMIT ? Number(env.ISNAD_RATE_LIMIT) : undefined });
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
await app.listen({ port, host });
process.stdout.write(`isnad team server on http://${host}:${port} (${db.kind}${db.kind === 'pglite' ? ` in ${dataDir}` : ''})\n`);
const stop = async () => {
  await app.close();
  await readDb?.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
