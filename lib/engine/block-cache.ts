// Bucket rows a running worker has already read, kept (bounded) for the next queries: news
// vocabulary is Zipfian, so most of an article's terms were read by an earlier query. This is a
// cache of IndexedDB reads, not an index: a worker that has just woken starts with it empty and
// answers from IndexedDB.
//
// Every write of postings bumps a generation and drops the buckets it wrote: rows of those buckets
// read by a query that overlapped the write are not kept, so the cache never holds rows older than
// what IndexedDB holds. Only the written buckets go: an article captured while reading touches a
// few hundred of the 2,048, and the next article's query still finds the others.
import { bucketOf, rowBytes, type BlockRow } from './posting-blocks';

/** Bytes of rows kept per database (well inside the worker's 64 MB heap budget). */
export const CACHE_BYTES = 16 * 1024 * 1024;

interface RowCache {
  gen: number;
  bytes: number;
  rows: Map<number, BlockRow[]>;
  /** The generation at which each bucket was last written, and at which everything was. */
  written: Map<number, number>;
  cleared: number;
}

const caches = new WeakMap<object, RowCache>();

function cacheOf(db: object): RowCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { gen: 0, bytes: 0, rows: new Map(), written: new Map(), cleared: 0 }));
  return c;
}

const sizeOf = (rows: BlockRow[]) => rows.reduce((s, r) => s + rowBytes(r), 64);

function remember(c: RowCache, b: number, rows: BlockRow[]): void {
  const size = sizeOf(rows);
  if (size > CACHE_BYTES / 8) return;
  c.rows.set(b, rows);
  c.bytes += size;
  for (const [k, v] of c.rows) {
    if (c.bytes <= CACHE_BYTES) break;
    c.rows.delete(k);
    c.bytes -= sizeOf(v);
  }
}

/**
 * The rows of each term's bucket: from the cache, or read with `read` (inside the caller's
 * transaction) and kept unless postings were written meanwhile.
 */
export async function bucketRows(db: object, terms: readonly string[], read: (db: never, b: number) => Promise<BlockRow[]>): Promise<Map<string, BlockRow[]>> {
  const c = cacheOf(db);
  const gen = c.gen;
  const byBucket = new Map<number, BlockRow[] | Promise<BlockRow[]>>();
  for (const t of terms) {
    const b = bucketOf(t);
    if (byBucket.has(b)) continue;
    const hit = c.rows.get(b);
    if (hit) {
      // Most recently used last: eviction takes the first.
      c.rows.delete(b);
      c.rows.set(b, hit);
      byBucket.set(b, hit);
    } else byBucket.set(b, read(db as never, b));
  }
  const out = new Map<string, BlockRow[]>();
  const resolved = new Map<number, BlockRow[]>();
  for (const [b, v] of byBucket) {
    const rows = await v;
    resolved.set(b, rows);
    if (v instanceof Promise && c.cleared <= gen && (c.written.get(b) ?? 0) <= gen && !c.rows.has(b)) remember(c, b, rows);
  }
  for (const t of terms) out.set(t, resolved.get(bucketOf(t))!);
  return out;
}

/** Bucket rows held (for tests and diagnostics). */
export function cachedBuckets(db: object): number {
  return cacheOf(db).rows.size;
}

/** Called when postings are written or merged: in the given buckets, or in all of them. */
export function forget(db: object, buckets?: Iterable<number>): void {
  const c = cacheOf(db);
  c.gen++;
  if (!buckets) {
    c.cleared = c.gen;
    c.written.clear();
    c.rows.clear();
    c.bytes = 0;
    return;
  }
  for (const b of buckets) {
    c.written.set(b, c.gen);
    const rows = c.rows.get(b);
    if (!rows) continue;
    c.rows.delete(b);
    c.bytes -= sizeOf(rows);
  }
}
