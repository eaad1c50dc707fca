// openDb declares the latest version alone (a stopped service worker's start, bench/RESULTS.md
// session 19) and brings an older database up to date on a connection of its own before opening:
// the schema it opens with is the one the whole history gives, and an older database's upgrades
// still run (the migration harness, migrations.test.ts, checks every version's rows).
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../lib/db';
import { SCHEMA_HISTORY } from '../../../lib/db/schema';

const name = () => `open-latest-${Math.random()}`;

/** The tables of an open database: name, primary key and indexes as IndexedDB holds them. */
function shape(db: Dexie) {
  const idb = db.backendDB();
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  return [...idb.objectStoreNames].sort().map((t) => {
    const s = tx.objectStore(t);
    return { t, key: s.keyPath, auto: s.autoIncrement, indexes: [...s.indexNames].sort().map((i) => ({ i, path: s.index(i).keyPath, multi: s.index(i).multiEntry, unique: s.index(i).unique })) };
  });
}

/** A database made by Dexie from the whole history, as the code before this one opened it. */
async function historyShape(): Promise<unknown> {
  const db = new Dexie(name());
  for (const s of SCHEMA_HISTORY) db.version(s.version).stores(s.stores);
  await db.open();
  const made = shape(db);
  await db.delete();
  return made;
}

afterEach(() => vi.restoreAllMocks());

describe('openDb: the latest version alone', () => {
  it('creates a new database with the tables, keys and indexes the whole history gives', async () => {
    const db = openDb(name());
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    expect(shape(db)).toEqual(await historyShape());
    await db.delete();
  });

  it('declares one version when the database is new or up to date, every version only to upgrade an older one', async () => {
    const n = name();
    const declared = vi.spyOn(Dexie.prototype, 'version');
    const fresh = openDb(n);
    await fresh.dpages.count(); // the first read opens it
    fresh.close();
    expect(declared).toHaveBeenCalledTimes(1);

    declared.mockClear();
    const again = openDb(n);
    await again.open();
    again.close();
    expect(declared).toHaveBeenCalledTimes(1);

    // The same database three versions back: the upgrade declares the history on its own connection.
    await Dexie.delete(n);
    const old = new Dexie(n);
    for (const s of SCHEMA_HISTORY.slice(0, -3)) old.version(s.version).stores(s.stores);
    await old.open();
    old.close();
    declared.mockClear();
    const upgraded = openDb(n);
    await upgraded.open();
    expect(declared.mock.calls.length).toBe(1 + SCHEMA_HISTORY.length);
    expect(upgraded.backendDB().version).toBe(SCHEMA_HISTORY.at(-1)!.version * 10);
    await upgraded.delete();
  });

  it('upgrades an older database for a read asked before the open, with the rows kept', async () => {
    const n = name();
    const v8 = new Dexie(n);
    for (const s of SCHEMA_HISTORY.filter((x) => x.version <= 8)) v8.version(s.version).stores(s.stores);
    await v8.open();
    await v8.table('clippings').put({ id: 'c-kept', quote: 'نص', url: 'https://example.org/a', createdAt: 1 });
    v8.close();
    const db = openDb(n);
    // The table's object is taken before the database is opened (as a worker's start does).
    const kept = db.clippings.get('c-kept');
    expect((await kept)?.quote).toBe('نص');
    expect(db.backendDB().version).toBe(SCHEMA_HISTORY.at(-1)!.version * 10);
    await db.delete();
  });

  it('upgrades through the history where the browser cannot tell the installed version', async () => {
    const factory = new IDBFactory();
    Object.defineProperty(factory, 'databases', { value: undefined });
    const deps = { indexedDB: factory, IDBKeyRange };
    const n = name();
    const v9 = new Dexie(n, deps);
    for (const s of SCHEMA_HISTORY.filter((x) => x.version <= 9)) v9.version(s.version).stores(s.stores);
    await v9.open();
    await v9.table('clippings').put({ id: 'c-old', quote: 'قديم', url: 'https://example.org/b', createdAt: 2 });
    v9.close();
    const db = openDb(n, deps);
    expect((await db.clippings.get('c-old'))?.quote).toBe('قديم');
    expect(db.backendDB().version).toBe(SCHEMA_HISTORY.at(-1)!.version * 10);
    db.close();
  });
});
