import Dexie, { type EntityTable } from 'dexie';
import type { Report } from '../types';
import type { SegRow } from '../engine/segments/store';
import type { ImportJob, MetaRow, StagedChunk } from '../engine/index-types';
import type { DocPage } from '../engine/doc-pages';
import type { PrintRow } from '../engine/near-dups';
import type { LexPage } from '../engine/lexicon';
import { SCHEMA_HISTORY } from './schema';

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

const DB_NAME = 'isnad';

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
 */
export function openDb(name = DB_NAME, deps?: Deps): IsnadDB {
  const db = new Dexie(name, deps) as IsnadDB;
  db.version(LATEST).stores(LATEST_STORES);
  const open = db.open.bind(db);
  let upToDate: Promise<void> | null = null;
  db.open = (() =>
    (upToDate ??= upgradeIfOlder(name, deps).catch(() => {
      // The upgrade failed: this connection declares it and tries again, to fail as it did.
      declareHistory(db);
    })).then(open)) as typeof db.open;
  return db;
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

/** Brings an older database to the latest version on a connection of its own, with every upgrade. */
async function upgradeIfOlder(name: string, deps: Deps | undefined): Promise<void> {
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
