// Posting rows a running worker has already read, kept (bounded) for the next queries: news
// vocabulary is Zipfian, so most of an article's terms were read by an earlier query. This is a
// cache of IndexedDB reads, not an index: a worker that has just woken starts with it empty and
// answers from IndexedDB.
//
// Every write of postings bumps a generation: rows read by a query that overlapped a write are
// not kept, so the cache never holds rows older than what IndexedDB holds.
import type { PostingRow } from './index-types';

/** Bytes of typed arrays kept per database (well inside the worker's heap budget). */
export const CACHE_BYTES = 8 * 1024 * 1024;

interface RowCache {
  gen: number;
  bytes: number;
  rows: Map<string, PostingRow[]>;
}

const caches = new WeakMap<object, RowCache>();

function cacheOf(db: object): RowCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { gen: 0, bytes: 0, rows: new Map() }));
  return c;
}

const sizeOf = (rows: PostingRow[]) => rows.reduce((s, r) => s + r.ids.byteLength + r.tf.byteLength + 64, 64);

/** The current generation, to pass back to remember(). */
export function postingsGeneration(db: object): number {
  return cacheOf(db).gen;
}

export function cachedRows(db: object, t: string): PostingRow[] | undefined {
  const c = cacheOf(db);
  const rows = c.rows.get(t);
  if (rows) {
    // Most recently used last: eviction takes the first.
    c.rows.delete(t);
    c.rows.set(t, rows);
  }
  return rows;
}

/** Keeps rows read at generation `gen`, unless postings were written since. */
export function remember(db: object, gen: number, t: string, rows: PostingRow[]): void {
  const c = cacheOf(db);
  if (gen !== c.gen || c.rows.has(t)) return;
  const size = sizeOf(rows);
  if (size > CACHE_BYTES / 8) return;
  c.rows.set(t, rows);
  c.bytes += size;
  for (const [k, v] of c.rows) {
    if (c.bytes <= CACHE_BYTES) break;
    c.rows.delete(k);
    c.bytes -= sizeOf(v);
  }
}

/** Called when postings are written: of the given terms, or of any term. */
export function forget(db: object, terms?: Iterable<string>): void {
  const c = cacheOf(db);
  c.gen++;
  if (!terms) {
    c.rows.clear();
    c.bytes = 0;
    return;
  }
  for (const t of terms) {
    const rows = c.rows.get(t);
    if (!rows) continue;
    c.rows.delete(t);
    c.bytes -= sizeOf(rows);
  }
}
