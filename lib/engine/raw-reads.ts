// A query's reads in plain IndexedDB requests. A query reads the manifest, its terms' blocks in
// each segment and up to 120 doc rows; through Dexie each request costs 0.1–0.5 ms of bookkeeping
// on the service worker's thread (measured: issuing 83 key ranges took 8–42 ms there), more than
// the reads themselves. Reads go this way; writes are in Dexie transactions (an import part's rows
// as plain requests in one: raw-puts.ts).
import { readsBeforeOpen, type IsnadDB } from '../db';

/** A request's result, as a promise. */
export function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** A read-only transaction over `stores` of the open database (opened first if need be). Before
 *  Dexie's connection is open, on the one a starting worker opened at load (lib/db/at-load.ts). */
export async function readOnly(db: IsnadDB, stores: string[]): Promise<IDBTransaction> {
  if (!db.isOpen()) {
    const early = await readsBeforeOpen(db);
    try {
      if (early) return early.transaction(stores, 'readonly');
    } catch {
      // closed meanwhile (Dexie's connection opened, or a version change): read on Dexie's
    }
    if (!db.isOpen()) await db.open();
  }
  return db.backendDB().transaction(stores, 'readonly');
}

/** Rows by primary key, all requests sent at once; undefined where there is none. */
export function getMany<T>(store: IDBObjectStore, keys: readonly IDBValidKey[]): Promise<Array<T | undefined>> {
  return Promise.all(keys.map((k) => result(store.get(k) as IDBRequest<T | undefined>)));
}
