import Dexie, { type EntityTable } from 'dexie';
import type { Report } from '../types';
import { SCHEMA_HISTORY } from './schema';

import type { Clipping } from '../clippings/types';
export type { Clipping } from '../clippings/types';

export interface SettingRow {
  key: string;
  version: number;
  value: unknown;
}

export type IsnadDB = Dexie & {
  reports: EntityTable<Report, 'id'>;
  clippings: EntityTable<Clipping, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

export const DB_NAME = 'isnad';

/** Opens (creating or upgrading) the database. `deps` lets Node tests pass fake-indexeddb. */
export function openDb(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): IsnadDB {
  const db = new Dexie(name, deps) as IsnadDB;
  for (const s of SCHEMA_HISTORY) db.version(s.version).stores(s.stores);
  return db;
}
