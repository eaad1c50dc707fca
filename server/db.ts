// One small interface over the two databases the team server runs on: a real PostgreSQL (`pg`,
// COPY through pg-copy-streams) when DATABASE_URL is set, else PGlite (PostgreSQL compiled to
// WebAssembly) in a data folder. Everything above this file writes plain SQL for PostgreSQL 15.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PGlite } from '@electric-sql/pglite';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY rows (already in COPY's text format, one line each) into a table's columns. */
  copyIn(table: string, columns: readonly string[], lines: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction on one connection. */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** A pg-compatible client for the migration tool. */
  migrationClient<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const copySql = (table: string, columns: readonly string[], source: string) => `COPY ${table} (${columns.join(', ')}) FROM ${source}`;

function pgSql(client: pg.ClientBase): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    async copyIn(table, columns, lines) {
      if (!lines) return;
      await pipeline(Readable.from([lines]), client.query(copyFrom(copySql(table, columns, 'STDIN'))));
    },
  };
}

export function postgresDb(url: string, opts: { max?: number } = {}): Db {
  // No JIT: the queries are short, and compiling them took longer than running them (seconds).
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, options: '-c jit=off' });
  // An idle connection the server restarts under is dropped by the pool, not the process.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async copyIn(table, columns, lines) {
      const c = await pool.connect();
      try {
        await pgSql(c).copyIn(table, columns, lines);
      } finally {
        c.release();
      }
    },
    async tx(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(pgSql(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    async migrationClient(fn) {
      const c = await pool.connect();
      try {
        return await fn(c);
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

type Pgl = Pick<PGlite, 'query' | 'exec'>;

function pgliteSql(db: Pgl): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    async copyIn(table, columns, lines) {
      if (!lines) return;
      await db.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([lines]) });
    },
  };
}

export async function pgliteDb(dataDir: string): Promise<Db> {
  const db = await PGlite.create(dataDir);
  const sql = pgliteSql(db);
  // PGlite is one connection: transactions take turns.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => {});
    return run;
  };
  return {
    kind: 'pglite',
    query: (text, params) => serial(() => sql.query(text, params)),
    copyIn: (table, columns, lines) => serial(() => sql.copyIn(table, columns, lines)),
    tx: (fn) => serial(() => db.transaction((t) => fn(pgliteSql(t as unknown as Pgl)))),
    migrationClient: (fn) =>
      serial(() => {
        // What the migration tool calls: query(text) for scripts, query(text, values) for its bookkeeping.
        const client = {
          async query(text: string | { text: string; values?: unknown[] }, values?: unknown[]) {
            const q = typeof text === 'string' ? { text, values } : text;
            if (q.values?.length) return db.query(q.text, q.values);
            const all = await db.exec(q.text);
            return all[all.length - 1] ?? { rows: [], fields: [] };
          },
        };
        return fn(client as unknown as pg.ClientBase);
      }),
    close: () => db.close(),
  };
}

/** The database the environment names: DATABASE_URL, else PGlite in `dataDir`. */
export async function openDb(env: { DATABASE_URL?: string }, dataDir: string): Promise<Db> {
  return env.DATABASE_URL ? postgresDb(env.DATABASE_URL) : pgliteDb(dataDir);
}

/** A value in COPY's text format (arrays as array literals; null as \N). */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (Array.isArray(v)) return copyEscape(`{${v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`);
  return copyEscape(String(v));
}

function copyEscape(s: string): string {
  if (!/[\\\n\r\t]/.test(s)) return s;
  // Four plain passes: faster than one with a callback on texts of many lines.
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

export function copyLine(values: readonly unknown[]): string {
  return `${values.map(copyValue).join('\t')}\n`;
}
