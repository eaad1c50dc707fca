// The bytes each object store of the extension's database holds, and the reports' own texts, for
// the browser benchmark: `navigator.storage.estimate()` counts everything together, and the issue's
// target is the index (every store but the reports) against the texts. Sizes are those of V8's
// structured clone, which IndexedDB stores: a string of Latin-1 characters a byte each, any other
// string two bytes a character, a number 8, a typed array its bytes; keys and tags a few bytes.
// storageSizes runs in an extension page (page.evaluate): self-contained, no imports.
import type { Page } from 'playwright-core';

export interface StoreSizes {
  /** Bytes and rows by object store. */
  stores: Record<string, { rows: number; bytes: number }>;
  /** The `text` of every report. */
  textBytes: number;
}

export async function storageSizes(dbName: string): Promise<StoreSizes> {
  const size = (v: unknown): number => {
    if (typeof v === 'string') {
      for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 0xff) return 2 + 2 * v.length;
      return 2 + v.length;
    }
    if (typeof v === 'number') return 9;
    if (typeof v === 'boolean' || v === null || v === undefined) return 1;
    if (ArrayBuffer.isView(v)) return 4 + v.byteLength;
    if (v instanceof ArrayBuffer) return 4 + v.byteLength;
    if (Array.isArray(v)) return v.reduce((s: number, x) => s + size(x), 4);
    if (typeof v === 'object') return Object.entries(v).reduce((s, [k, x]) => s + size(k) + size(x), 4);
    return 0;
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out: StoreSizes = { stores: {}, textBytes: 0 };
  try {
    for (const name of [...db.objectStoreNames]) {
      let rows = 0;
      let bytes = 0;
      let after: IDBValidKey | null = null;
      for (;;) {
        const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
        const page = await new Promise<{ keys: IDBValidKey[]; values: unknown[] }>((resolve, reject) => {
          const store = db.transaction(name, 'readonly').objectStore(name);
          const k = store.getAllKeys(range, 2000);
          const v = store.getAll(range, 2000);
          v.onsuccess = () => resolve({ keys: k.result, values: v.result });
          v.onerror = () => reject(v.error);
        });
        if (!page.values.length) break;
        rows += page.values.length;
        for (const [i, value] of page.values.entries()) {
          bytes += size(page.keys[i]) + size(value);
          if (name === 'reports') out.textBytes += size((value as { text?: string }).text ?? '');
          // v9: the texts of a page of reports, a row (lib/corpus/page-rows.ts): as strings, or
          // since 2026-12-07 as code units end to end (`u`, each text's end in `e`).
          const texts = value as { text?: string[]; u?: ArrayBufferView; e?: ArrayLike<number> };
          if (name === 'texts' && Array.isArray(texts.text)) for (const t of texts.text) out.textBytes += size(t);
          else if (name === 'texts' && texts.u) out.textBytes += texts.u.byteLength + 2 * (texts.e?.length ?? 0);
        }
        after = page.keys[page.keys.length - 1]!;
      }
      out.stores[name] = { rows, bytes };
    }
  } finally {
    db.close();
  }
  return out;
}

/** storageSizes in `page`. tsx names the functions it compiles with a helper (`__name`) that only
 *  Node has: the page is given one that does nothing. */
export async function measureStores(page: Page, dbName: string): Promise<StoreSizes> {
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(storageSizes, dbName);
}
