// The service worker's first IndexedDB request, asked as its script begins: a connection to the
// database at the version installed. A stopped worker's first request waits ≈ 7-8 ms for the
// browser whatever it asks (measured on a cold lookup at 10,000 reports: `databases()` asked
// first took 6.7-8 ms, asked after an open 0.5 ms), and asked at the first open (the start's end)
// it was the first link of the chain a lookup that woke the worker waits on: the database opened,
// the manifest, the term indexes, the blocks (bench/RESULTS.md, session 20). Asked here, it is
// answered while the rest of the script is evaluated; the read ahead (lib/engine/warm.ts) reads on
// it at once (lib/engine/raw-reads.ts readOnly) where Dexie's own open would take another round
// trip, and its version tells lib/db whether an upgrade is due without asking `databases()`.
//
// This module imports nothing, and entrypoints/background.ts imports it first: the bundle
// evaluates it before Dexie and the rest. Nothing is asked outside a service worker (pages and
// tests open the database as before).

/** The database's name (lib/db). */
export const DB_NAME = 'isnad';

/**
 * Opens database `name` of `factory` at its installed version, without creating it: an open that
 * would create it (no database yet) is aborted, and gives null — as does any failure. The
 * connection closes itself when another asks to change the version (an upgrade or a delete).
 */
export function openAsInstalled(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: not made here, at version 1 with no tables (lib/db makes it, at the latest).
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const conn = req.result;
      conn.onversionchange = () => conn.close();
      resolve(conn);
    };
    req.onerror = (e) => {
      e.preventDefault(); // the abort above, or a failure: told as null, not as an uncaught error
      resolve(null);
    };
    req.onblocked = () => resolve(null);
  });
}

let atLoad: Promise<IDBDatabase | null> | null = null;

/** Opens the database now (openAsInstalled); its connection is then taken once (takeAtLoad). */
export function openAtLoad(factory: IDBFactory, name = DB_NAME): void {
  atLoad = openAsInstalled(factory, name);
}

/** The connection opened at load, once (the first openDb of the database takes it), or null. */
export function takeAtLoad(): Promise<IDBDatabase | null> | null {
  const taken = atLoad;
  atLoad = null;
  return taken;
}

const Scope = (globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown }).ServiceWorkerGlobalScope;
if (typeof Scope === 'function' && globalThis instanceof Scope && globalThis.indexedDB) openAtLoad(globalThis.indexedDB);
