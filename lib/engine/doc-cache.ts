// Doc rows a running worker has read for earlier queries (the candidates a query re-scores), kept
// for the next ones: reports of the current news recur among candidates. Like the segment cache, a
// cache of reads: rows are dropped when written (a near-duplicate group changes) or deleted.
import type { DocRow } from './index-types';

export const CACHE_ROWS = 4000;

const caches = new WeakMap<object, { gen: number; rows: Map<number, DocRow> }>();

function cacheOf(db: object) {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { gen: 0, rows: new Map() }));
  return c;
}

/** The doc rows of `ns` (undefined for a deleted report), cached or read with `read`. */
export async function docRows(db: object, ns: readonly number[], read: (ns: number[]) => Promise<Array<DocRow | undefined>>): Promise<Array<DocRow | undefined>> {
  const c = cacheOf(db);
  const gen = c.gen;
  const missing = ns.filter((n) => !c.rows.has(n));
  const got = missing.length ? await read(missing) : [];
  if (c.gen === gen) {
    got.forEach((d) => {
      if (d) c.rows.set(d.n, d);
    });
    for (const k of c.rows.keys()) {
      if (c.rows.size <= CACHE_ROWS) break;
      c.rows.delete(k);
    }
  }
  const fresh = new Map(missing.map((n, i) => [n, got[i]]));
  return ns.map((n) => (fresh.has(n) ? fresh.get(n) : c.rows.get(n)));
}

/** Called when doc rows are rewritten or deleted. */
export function forgetDocs(db: object, ns: Iterable<number>): void {
  const c = cacheOf(db);
  c.gen++;
  for (const n of ns) c.rows.delete(n);
}
