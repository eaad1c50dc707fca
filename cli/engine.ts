// The engine for the command line: the same IndexedDB code as the extension, on fake-indexeddb
// (in memory), filled from the corpus files given.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type IsnadDB } from '../lib/db';
import { indexReports } from '../lib/engine/index-store';
import type { Report } from '../lib/types';

let count = 0;

export function memoryDb(): IsnadDB {
  return openDb(`isnad-cli-${process.pid}-${count++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export async function indexedDb(reports: Report[]): Promise<IsnadDB> {
  const db = memoryDb();
  await indexReports(db, reports);
  return db;
}
