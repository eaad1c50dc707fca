// The service worker opens the database as its script begins (lib/db/at-load.ts), at the version
// installed and without creating it; the first openDb takes that connection: its version stands for
// `databases()`, plain reads go on it until Dexie's own connection is open, and it is closed then.
// An older database is still upgraded with every step (its rows kept), a missing one made at the
// latest version.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, readsBeforeOpen } from '../../../lib/db';
import { DB_NAME, openAsInstalled, openAtLoad, takeAtLoad } from '../../../lib/db/at-load';
import { SCHEMA_HISTORY } from '../../../lib/db/schema';
import { readOnly, result } from '../../../lib/engine/raw-reads';

const LATEST = SCHEMA_HISTORY.at(-1)!.version;

/** The database made by the history up to `version`, with one clipping. */
async function made(version: number): Promise<void> {
  const db = new Dexie(DB_NAME);
  for (const s of SCHEMA_HISTORY.filter((x) => x.version <= version)) db.version(s.version).stores(s.stores);
  await db.open();
  await db.table('clippings').put({ id: 'c-kept', quote: 'نص', url: 'https://example.org/a', createdAt: 1 });
  db.close();
}

afterEach(async () => {
  vi.restoreAllMocks();
  void takeAtLoad()?.then((c) => c?.close());
  await Dexie.delete(DB_NAME);
});

describe('the database opened at load', () => {
  it('is not created when there is none', async () => {
    expect(await openAsInstalled(indexedDB, DB_NAME)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
  });

  it('opens an existing database at its version, and closes itself for a version change', async () => {
    await made(LATEST);
    const conn = await openAsInstalled(indexedDB, DB_NAME);
    expect(conn?.version).toBe(LATEST * 10);
    await Dexie.delete(DB_NAME); // not blocked by it
    expect(() => conn!.transaction(['clippings'], 'readonly')).toThrow();
  });

  it("is read on before Dexie's connection is open, asks no databases(), and is closed once it is", async () => {
    await made(LATEST);
    openAtLoad(indexedDB); // as the worker's script does, for openDb to take
    const asked = vi.spyOn(indexedDB, 'databases');
    const db = openDb();
    const tx = await readOnly(db, ['clippings']);
    expect(db.isOpen()).toBe(false);
    expect(tx.db.version).toBe(LATEST * 10);
    expect(await readsBeforeOpen(db)).toBe(tx.db);
    expect(((await result(tx.objectStore('clippings').get('c-kept'))) as { quote: string }).quote).toBe('نص');
    await db.open();
    expect(asked).not.toHaveBeenCalled();
    expect(() => tx.db.transaction(['clippings'], 'readonly')).toThrow(); // closed
    expect(await readsBeforeOpen(db)).toBeNull();
    expect((await readOnly(db, ['clippings'])).db).toBe(db.backendDB());
    db.close();
  });

  it('is not read on when older: the database is upgraded with every step, its rows kept', async () => {
    await made(8);
    openAtLoad(indexedDB);
    const db = openDb();
    expect((await db.clippings.get('c-kept'))?.quote).toBe('نص');
    expect(db.backendDB().version).toBe(LATEST * 10);
    db.close();
  });

  it('leaves a missing database to be made at the latest version', async () => {
    openAtLoad(indexedDB);
    const db = openDb();
    expect(await readsBeforeOpen(db)).toBeNull();
    await db.open();
    expect(db.backendDB().version).toBe(LATEST * 10);
    db.close();
  });

  it('is taken by the default database alone', async () => {
    await made(LATEST);
    openAtLoad(indexedDB);
    const other = openDb(`other-${Math.random()}`);
    await other.open();
    other.close();
    expect(takeAtLoad()).not.toBeNull(); // still there for the worker's own
  });
});
