import Dexie, { type EntityTable } from 'dexie';
import type { Report } from '../types';
import { SCHEMA_HISTORY } from './schema';

export interface Clipping {
  id: string;
  quote: string;
  prefix: string;
  suffix: string;
  url: string;
  canonicalUrl: string | null;
  archiveUrl: string | null;
  outlet: string;
  title: string;
  publishedAt: string | null;
  createdAt: number;
  note: string;
  tags: string[];
}

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
