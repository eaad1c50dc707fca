// Doc rows a running worker has read for earlier queries (the candidates a query re-scores), kept
// for the next ones: reports of the current news recur among candidates. Like the segment cache, a
// cache of reads: rows are dropped when written (a near-duplicate group changes) or deleted.
//
// Rows are kept as stored, packed, in one ring of bytes (row-ring.ts), not as the objects ranking
// reads: a query decodes those it asks for. Kept decoded, 4,000 rows were ≈ 100,000 objects that
// every full collection of the worker marked and every scavenge copied as they were promoted
// (bench/RESULTS.md, session 19 (warm20)). A row of an older shape (fields by name) is kept as it is.
// Each row kept has a key, the same for as long as it is kept unchanged and never given to another:
// what is worked out once per row (its event document, judge-candidates.ts) is kept by it.
// Rows read are put in the ring a task after the read, not while the query that read them goes on
// (keepLater): packing a row into the ring is ≈ 20 µs on a just-started worker's code, ≈ 200 rows
// at its first lookup (bench/RESULTS.md, session 24 (docs-s24)); the query ranks from the rows it
// was given either way, and the next read puts any still waiting first.
import type { DocRecord } from './doc-rows';
import { RowRing, ringable } from './row-ring';
import { misses } from './query-phases';
import { nextTask } from './doc-columns';

/** The ring's bytes: ≈ 5,900 rows of 100,000 synthetic reports (≈ 700 bytes a row packed). */
export const CACHE_BYTES = 4 << 20;
/** Rows the ring holds at most, whatever their size. */
const CACHE_ROWS = 8192;
/** Rows of an older shape held at most (kept as objects). */
const LOOSE_ROWS = 4000;

/** A cached row as stored, and its key. */
export interface KeptRow {
  rec: DocRecord;
  key: number;
}

interface Cache {
  gen: number;
  ring: RowRing;
  loose: Map<number, KeptRow>;
  /** Rows read, not put yet (keepLater); dropped by any write's forgetDocs. */
  pending: KeptRow[];
  scheduled: boolean;
}

const caches = new WeakMap<object, Cache>();
/** Keys are never given twice, whichever database's row. */
let nextKey = 1;

function cacheOf(db: object): Cache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { gen: 0, ring: new RowRing(CACHE_BYTES, CACHE_ROWS), loose: new Map(), pending: [], scheduled: false }));
  return c;
}

function cached(c: Cache, n: number): KeptRow | undefined {
  const got = c.ring.get(n);
  return got ? { rec: got.row, key: got.key } : c.loose.get(n);
}

/** The stored doc rows of `ns` (undefined for a deleted report) with their keys, cached or read with `read`. */
export async function docRecords(db: object, ns: readonly number[], read: (ns: number[]) => Promise<Array<DocRecord | undefined>>): Promise<Array<KeptRow | undefined>> {
  const c = cacheOf(db);
  keep(c);
  const gen = c.gen;
  const missing = ns.filter((n) => !c.ring.has(n) && !c.loose.has(n));
  misses.rows += missing.length;
  const got = missing.length ? await read(missing) : [];
  const fresh = new Map<number, KeptRow | undefined>();
  got.forEach((d, i) => fresh.set(missing[i]!, d && { rec: d, key: nextKey++ }));
  // Rows written while this read was under way are not kept (what was read may be older).
  if (c.gen === gen) keepLater(c, fresh.values());
  return ns.map((n) => (fresh.has(n) ? fresh.get(n) : cached(c, n)));
}

/** Rows to put a task later (their query goes on first); a read before then puts them first. */
function keepLater(c: Cache, rows: Iterable<KeptRow | undefined>): void {
  for (const k of rows) if (k) c.pending.push(k);
  if (c.scheduled || !c.pending.length) return;
  c.scheduled = true;
  void nextTask().then(() => {
    c.scheduled = false;
    keep(c);
  });
}

/** Puts the rows waiting (keepLater) in the ring, or kept as they are where it cannot hold them. */
function keep(c: Cache): void {
  const rows = c.pending;
  if (!rows.length) return;
  c.pending = [];
  for (const k of rows) {
    if (ringable(k.rec)) {
      if (c.ring.put(k.rec, k.key)) continue;
    }
    c.loose.delete(k.rec.n);
    c.loose.set(k.rec.n, k);
    if (c.loose.size > LOOSE_ROWS) c.loose.delete(c.loose.keys().next().value!);
  }
}

/** Called when doc rows are rewritten or deleted. */
export function forgetDocs(db: object, ns: Iterable<number>): void {
  // No cache yet, no read under way (docRecords makes it before it reads): nothing to forget.
  const c = caches.get(db);
  if (!c) return;
  c.gen++;
  // Rows read before this write and not put yet may be older than it: none kept.
  c.pending = [];
  for (const n of ns) {
    c.ring.delete(n);
    c.loose.delete(n);
  }
}
