// An import part's rows written as plain IndexedDB requests, inside the Dexie transaction that
// writes the part. Dexie's bulkPut sends the same requests, after its middleware has looked at
// every row (keys, hooks, change tracking for live queries, none of which the worker uses): a CPU
// profile of a 100,000-report import in Chromium put that at ≈ 4 s of the worker's time beside the
// requests' own ≈ 13 s. Every other write goes through Dexie's tables.
import Dexie, { type Table, type Transaction } from 'dexie';

/** Puts `rows` into `table` in the current transaction; resolves when the last one is stored.
 *  A failed request (a full disk) aborts the transaction and rejects, as Dexie's would. */
export function putAll(table: Table, rows: readonly unknown[]): Promise<unknown> {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  // Outside a transaction (no caller does that) or with nothing to write: Dexie's own way.
  if (!tx?.idbtrans || rows.length === 0) return table.bulkPut(rows as never[]);
  const store = tx.idbtrans.objectStore(table.name);
  return new Promise((resolve, reject) => {
    const fail = (e: Event) => reject((e.target as IDBRequest).error ?? new Error(`writing ${table.name} failed`));
    let last: IDBRequest | null = null;
    for (const row of rows) {
      last = store.put(row);
      last.onerror = fail;
    }
    // Requests of a transaction complete in order: the last one's success is everyone's.
    if (last) last.onsuccess = () => resolve(undefined);
  });
}
