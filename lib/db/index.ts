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

/** Opens (creating or upgrading) the database. `deps` lets Node tests pass fake-indexeddb. */
export function openDb(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): IsnadDB {
  const db = new Dexie(name, deps) as IsnadDB;
  for (const s of SCHEMA_HISTORY) {
    const v = db.version(s.version).stores(s.stores);
    if (s.upgrade) v.upgrade(s.upgrade);
  }
  return db;
}
