import Dexie, { type EntityTable } from 'dexie';
import type { Report } from '../types';
import type { SegRow } from '../engine/segments/store';
import type { ImportJob, MetaRow, StagedChunk } from '../engine/index-types';
import type { DocPage } from '../engine/doc-pages';
import type { PrintRow } from '../engine/near-dups';
import type { LexPage } from '../engine/lexicon';
import { SCHEMA_HISTORY } from './schema';
import { DB_NAME, takeAtLoad } from './at-load';

import type { Clipping } from '../clippings/types';
import type { PageRow, TextRow } from '../corpus/page-rows';

export type IsnadDB = Dexie & {
  /** Reports stored a row each before v9, until moved into pages (lib/corpus/report-pages.ts). */
  reports: EntityTable<Report, 'id'>;
  pages: EntityTable<PageRow, 'p'>;
  texts: EntityTable<TextRow, 'p'>;
  clippings: EntityTable<Clipping, 'id'>;
  dpages: EntityTable<DocPage, 'p'>;
  segs: Dexie.Table<SegRow, [number, number]>;
  prints: EntityTable<PrintRow, 's'>;
  meta: EntityTable<MetaRow, 'k'>;
  jobs: EntityTable<ImportJob, 'id'>;
  staged: Dexie.Table<StagedChunk, [string, number]>;
  lex: EntityTable<LexPage, 'p'>;
};


/** The latest version, and every table as the history leaves it (null: a table it dropped). */
const LATEST = SCHEMA_HISTORY.at(-1)!.version;
const LATEST_STORES: Record<string, string | null> = {};
for (const s of SCHEMA_HISTORY) Object.assign(LATEST_STORES, s.stores);

type Deps = { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };

/**
 * Opens (creating or upgrading) the database. `deps` lets Node tests pass fake-indexeddb.
 *
 * The connection this returns declares the latest version alone: Dexie parses the schema of every
 * version declared so far at each declaration (and defines every table again), so the eleven
 * versions cost a stopped service worker ≈ 1 MB of allocation and, measured side by side, 8-11 ms
 * of CPU before it could answer anything (bench/RESULTS.md, session 19), for upgrades that run only
 * on an older database. Its first open asks which version is installed (`indexedDB.databases()`):
 * an older database (or one the browser cannot tell) is first brought up to date by a connection of
 * its own that declares the whole history with its upgrades, then closed. A database not created yet is created at the latest version (Dexie runs
 * no upgrade for it either way). The upgrade is not declared on this connection itself: declaring a
 * version replaces the tables' objects, and a read asked before the open would be left holding one
 * no transaction knows.
 *
 * In the service worker, the database's first open takes the connection lib/db/at-load.ts opened
 * as the script began: its version is the installed one (no `databases()` asked), and until
 * Dexie's own connection is open, plain reads go on it (readsBeforeOpen) when it is at the latest
 * version; it is closed once Dexie's is open.
 */
export function openDb(name = DB_NAME, deps?: Deps): IsnadDB {
  const db = new Dexie(name, deps) as IsnadDB;
  db.version(LATEST).stores(LATEST_STORES);
  const open = db.open.bind(db);
  const early = name === DB_NAME && !deps ? takeAtLoad() : null;
  if (early) atLoad.set(db, early);
  let upToDate: Promise<void> | null = null;
  db.open = (() =>
    (upToDate ??= upgradeIfOlder(name, deps, early).catch(() => {
      // The upgrade failed: this connection declares it and tries again, to fail as it did.
      declareHistory(db);
    }))
      .then(open)
      .finally(() => {
        if (!atLoad.has(db)) return;
        atLoad.delete(db);
        void early?.then((c) => c?.close()); // its transactions end first (IndexedDB's close)
      })) as typeof db.open;
  return db;
}

/** The connection opened at load, by database, until Dexie's own is open. */
const atLoad = new WeakMap<object, Promise<IDBDatabase | null>>();

/**
 * The connection opened as the worker's script began (lib/db/at-load.ts), for plain reads asked
 * before Dexie's own is open: when it is at the latest version and still open, else null.
 */
export async function readsBeforeOpen(db: IsnadDB): Promise<IDBDatabase | null> {
  const early = atLoad.get(db);
  const conn = early ? await early : null;
  return conn && conn.version === LATEST * 10 && atLoad.has(db) ? conn : null;
}

/** The version of database `name` as installed (Dexie's version × 10), null when there is none,
 *  undefined when the browser cannot tell. */
async function installedVersion(name: string, factory: IDBFactory | undefined): Promise<number | null | undefined> {
  const f = factory ?? globalThis.indexedDB;
  if (typeof f?.databases !== 'function') return undefined;
  try {
    const found = (await f.databases()).find((d) => d.name === name);
    return found ? (found.version ?? undefined) : null;
  } catch {
    return undefined;
  }
}

/** Brings an older database to the latest version on a connection of its own, with every upgrade.
 *  `early`: the connection opened at load, whose version is the installed one (none: asked). */
async function upgradeIfOlder(name: string, deps: Deps | undefined, early: Promise<IDBDatabase | null> | null): Promise<void> {
  const conn = early && (await early);
  if (conn && conn.version >= LATEST * 10) return;
  conn?.close(); // older: upgraded on a connection of its own, which this one would block
  const installed = await installedVersion(name, deps?.indexedDB);
  if (installed === null || (installed !== undefined && installed >= LATEST * 10)) return;
  const up = new Dexie(name, deps);
  declareHistory(up);
  try {
    await up.open();
  } finally {
    up.close();
  }
}

function declareHistory(db: Dexie): void {
  for (const s of SCHEMA_HISTORY) {
    const v = db.version(s.version).stores(s.stores);
    if (s.upgrade) v.upgrade(s.upgrade);
  }
}
