// The index's segments in IndexedDB. A batch of reports (an import part) becomes one immutable
// segment, a few dozen rows of the `segs` table keyed [s, k]: k = 0 its term index
// (dictionary.ts), k = 1 its doc columns (columns.ts), k ≥ 2 its postings blocks (postings.ts).
// The manifest (the meta row 'segments') lists the live segments and their deletions; a segment
// is in it only once all its rows are written, in the same transaction.
//
// A query reads the manifest, each segment's term index (cached: it never changes) and the blocks
// of its terms, all requests of a step sent before the first answer is awaited (postings-read.ts). Merges (the tiered
// policy of merge-policy.ts, and everything at the end of an import) go a slice of the term range
// per transaction and record how far they got, so that a worker stopped mid-merge resumes it.
import type { IsnadDB } from '../../db';
import { asBytes, SegmentFormatError } from './bytes';
import { decoding } from '../query-phases';
import { SegmentCache } from './cache';
import { columnBytes, decodeColumns, encodeColumns, positionOf, type DocColumns, type DocValues } from './columns';
import { Deletions } from './deletions';
import { dropIndexCopies, putIndexCopy } from './index-copies';
import { cutBlocks, decodeIndex, encodeIndex, type TermIndex } from './dictionary';
import { cutRuns, sortedOrder, type TermColumns } from './part-terms';
import { checkManifest, MANIFEST_KEY, withMerged, type Manifest, type MergeState, type SegmentInfo } from './manifest';
import { liveIn, mergeColumns, mergeEntries, type MergeInput } from './merge';
import { pickMerge, type MergePolicy } from './merge-policy';
import { blockBytes, decodeBlock, entriesOf, type PostingsBlock } from './postings';

/** One row of a segment. */
export interface SegRow {
  s: number;
  k: number;
  b: Uint8Array;
}

export const INDEX_ROW = 0;
export const COLUMNS_ROW = 1;
export const FIRST_BLOCK = 2;

/** A term's postings as read: one part per segment holding it. */
export interface TermPostings {
  df: number;
  /** Set when some segment dropped the term's postings (too common to say much). */
  saturated: boolean;
  parts: Array<{ ids: Uint32Array; imp: Uint8Array }>;
}

/** Decoded rows kept per database (well inside the worker's 64 MB heap budget). */
const CACHE_BYTES = 16 * 1024 * 1024;

type Decoded = { index: TermIndex } | { block: PostingsBlock } | { cols: DocColumns };
const caches = new WeakMap<object, SegmentCache<{ d: Decoded; bytes: number }>>();

export function cacheOf(db: object): SegmentCache<{ d: Decoded; bytes: number }> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new SegmentCache(CACHE_BYTES, (e) => e.bytes)));
  return c;
}

const indexBytes = (ix: TermIndex) => ix.first.reduce((s, t) => s + 40 + t.length * 2, ix.terms.byteLength);

/** A segment's rows from a batch's postings and the doc values of its documents. */
export function segmentRows(s: number, terms: TermColumns, docs: readonly DocValues[], blockBytes?: number): { rows: SegRow[]; info: SegmentInfo } {
  const { index, blocks } = cutRuns(terms, sortedOrder(terms), blockBytes);
  const rows: SegRow[] = [
    { s, k: INDEX_ROW, b: encodeIndex(index) },
    { s, k: COLUMNS_ROW, b: encodeColumns(docs) },
    ...blocks.map((b, i) => ({ s, k: FIRST_BLOCK + i, b })),
  ];
  const bytes = rows.reduce((sum, r) => sum + r.b.length, 0);
  return { rows, info: { s, docs: docs.length, del: 0, blocks: blocks.length, bytes } };
}

/** The manifest as stored (checked), or the empty one. */
export async function readManifest(db: IsnadDB): Promise<Manifest> {
  return checkManifest(await db.meta.get(MANIFEST_KEY));
}

const missing = (s: number, k: number): never => {
  throw new SegmentFormatError(`${s}`, `row ${k} is missing`);
};

async function rowBytes(get: (s: number, k: number) => Promise<SegRow | undefined>, s: number, k: number): Promise<Uint8Array> {
  const row = await get(s, k);
  return row ? asBytes(row.b, `${s} row ${k}`) : missing(s, k);
}

export type Getter = (s: number, k: number) => Promise<SegRow | undefined>;

/** How one kind of row is decoded and kept in the cache. */
interface RowKind<T> {
  decode(b: Uint8Array, s: number, k: number): T;
  wrap(v: T): Decoded;
  unwrap(d: Decoded): T | undefined;
  size(v: T): number;
}

const INDEX: RowKind<TermIndex> = { decode: (b, s) => decodeIndex(b, `${s} term index`), wrap: (index) => ({ index }), unwrap: (d) => ('index' in d ? d.index : undefined), size: indexBytes };
const COLUMNS: RowKind<DocColumns> = { decode: (b, s) => decodeColumns(b, `${s} doc columns`), wrap: (cols) => ({ cols }), unwrap: (d) => ('cols' in d ? d.cols : undefined), size: columnBytes };
const BLOCK: RowKind<PostingsBlock> = { decode: (b, s, k) => decodeBlock(b, `${s} block ${k}`), wrap: (block) => ({ block }), unwrap: (d) => ('block' in d ? d.block : undefined), size: blockBytes };

async function cached<T>(db: object, { s, k }: { s: number; k: number }, get: Getter, kind: RowKind<T>, keep = true): Promise<T> {
  const c = cacheOf(db);
  const hit = c.get(s, k);
  const v = hit && kind.unwrap(hit.d);
  if (v) return v;
  const bytes = await rowBytes(get, s, k);
  const out = decoding(() => kind.decode(bytes, s, k));
  if (keep) c.set(s, k, { d: kind.wrap(out), bytes: kind.size(out) });
  return out;
}

export const loadIndex = (db: object, s: number, get: Getter) => cached(db, { s, k: INDEX_ROW }, get, INDEX);
/** A segment's term index when cached (nothing read). */
export const cachedIndex = (db: object, s: number): TermIndex | undefined => {
  const hit = cacheOf(db).get(s, INDEX_ROW);
  return hit && INDEX.unwrap(hit.d);
};
const loadColumns = (db: object, s: number, get: Getter) => cached(db, { s, k: COLUMNS_ROW }, get, COLUMNS);
export const loadBlock = (db: object, s: number, k: number, get: Getter, keep = true) => cached(db, { s, k }, get, BLOCK, keep);

const dexieGet =
  (db: IsnadDB): Getter =>
  (s, k) =>
    db.segs.get([s, k]);

/**
 * Marks documents deleted in the segments holding them (inside the caller's transaction over
 * `segs` and `meta`); returns the manifest to store.
 */
export async function markDeleted(db: IsnadDB, m: Manifest, ns: readonly number[]): Promise<Manifest> {
  if (ns.length === 0) return m;
  const segs: SegmentInfo[] = [];
  for (const info of m.segs) {
    const cols = await loadColumns(db, info.s, dexieGet(db));
    const dels = info.dels ? Deletions.decode(info.dels) : new Deletions(info.docs);
    let added = 0;
    for (const n of ns) {
      const i = positionOf(cols, n);
      if (i >= 0 && dels.add(i)) added++;
    }
    segs.push(added ? { ...info, del: info.del + added, dels: dels.encode() } : info);
  }
  return { ...m, segs };
}

/** Term-range slices of a merge: about this many input blocks each (bounds the worker's memory). */
const MERGE_SLICE = 24;

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges segments until the policy picks none: with `all`, every segment into one (the end of an
 * import). A merge a stopped worker left half done is finished first. Returns the merges done.
 */
export async function compact(db: IsnadDB, opts: { all?: boolean; limit: (docs: number) => number; slice?: number; policy?: MergePolicy }): Promise<number> {
  let merges = 0;
  for (;;) {
    const m = await readManifest(db);
    let plan = m.merging;
    if (!plan) {
      const picked = pickMerge(m.segs, { all: opts.all, policy: opts.policy });
      if (picked.length === 0) return merges;
      const started = await db.transaction('rw', [db.meta], async () => {
        const now = await readManifest(db);
        if (now.nextSeg !== m.nextSeg || now.merging) return null; // another writer: look again
        const next: MergeState = { s: now.nextSeg, from: picked, after: null, blocks: 0, bytes: 0 };
        await db.meta.put({ ...now, nextSeg: now.nextSeg + 1, merging: next });
        return next;
      });
      if (!started) continue;
      plan = started;
    }
    if (await mergeSlices(db, plan, opts.limit, opts.slice ?? MERGE_SLICE)) merges++;
  }
}

/** The blocks of an index that may hold terms in [lo, hi) (null: unbounded). */
function blocksBetween(ix: TermIndex, lo: string | null, hi: string | null): number[] {
  const out: number[] = [];
  for (let b = 0; b < ix.first.length; b++) {
    if (hi !== null && ix.first[b]! >= hi) break;
    const next = ix.first[b + 1];
    if (lo !== null && next !== undefined && next <= lo) continue;
    out.push(b);
  }
  return out;
}

/** Runs a merge's remaining slices; false when another worker moved it on first. */
async function mergeSlices(db: IsnadDB, plan: MergeState, limit: (docs: number) => number, per: number): Promise<boolean> {
  const get = dexieGet(db);
  const indexes = await Promise.all(plan.from.map((s) => loadIndex(db, s, get)));
  const bounds = [...new Set(indexes.flatMap((ix) => ix.first))].sort(byCode);
  // Slice i covers [cuts[i - 1], cuts[i]); the first starts at nothing, the last ends at nothing.
  const cuts = bounds.filter((_, i) => i > 0 && i % per === 0);
  let slice = plan.after === null ? 0 : cuts.indexOf(plan.after) + 1;
  if (slice === 0 && plan.after !== null) throw new SegmentFormatError(`${plan.s}`, 'merge cursor is not a slice bound');
  for (; slice <= cuts.length; slice++) {
    const lo = slice === 0 ? null : cuts[slice - 1]!;
    const hi = slice < cuts.length ? cuts[slice]! : null;
    const moved = await db.transaction('rw', [db.segs, db.meta], async () => {
      const now = await readManifest(db);
      const state = now.merging;
      if (!state || state.s !== plan.s || state.after !== lo) return false;
      const infos = plan.from.map((s) => now.segs.find((x) => x.s === s) ?? missing(s, INDEX_ROW));
      const inputs: Array<MergeInput & { first: number }> = [];
      for (const [i, info] of infos.entries()) {
        const cols = await loadColumns(db, info.s, get);
        // Merge reads are not kept: the segments are about to go.
        const blocks = await Promise.all(blocksBetween(indexes[i]!, lo, hi).map((b) => loadBlock(db, info.s, FIRST_BLOCK + b, get, false)));
        const entries = blocks.flatMap(entriesOf).filter((e) => (lo === null || e.term >= lo) && (hi === null || e.term < hi));
        inputs.push({ entries, live: liveIn(cols, info), first: cols.n.length ? cols.n[0]! : Infinity });
      }
      // By their first doc number, not their segment's: a merged segment is numbered after the parts
      // an import wrote while it was merged, but holds earlier documents. In that order a term's
      // postings are its inputs' one after the other, ascending, and not sorted again (mergeEntries:
      // the sort was ≈ a fifth of a 100,000-report import's merges, two parts in flight). The same
      // postings either way: doc numbers are the index's, each in one segment.
      inputs.sort((a, b) => a.first - b.first);
      const merged = mergeEntries(inputs, limit(now.docs));
      const { index, blocks } = cutBlocks(merged);
      const rows: SegRow[] = blocks.map((b, i) => ({ s: plan.s, k: FIRST_BLOCK + state.blocks + i, b }));
      if (blocks.length) rows.push({ s: plan.s, k: -1 - slice, b: encodeIndex(index) });
      await db.segs.bulkPut(rows);
      const progress: MergeState = { ...state, after: hi, blocks: state.blocks + blocks.length, bytes: state.bytes + blocks.reduce((sum, b) => sum + b.length, 0) };
      if (hi !== null) {
        await db.meta.put({ ...now, merging: progress });
        return true;
      }
      await finish(db, now, progress, infos);
      return true;
    });
    if (!moved) return false;
  }
  return true;
}

/** The last step of a merge: the segment's index and columns, then it replaces its inputs. */
async function finish(db: IsnadDB, now: Manifest, state: MergeState, infos: SegmentInfo[]): Promise<void> {
  const s = state.s;
  const range = (x: number, lo: number, hi: number) => db.segs.where('[s+k]').between([x, lo], [x, hi], true, true);
  // Slice indexes are keyed -1, -2, …: read back highest key first to get them in slice order.
  const parts = (await range(s, -Infinity, -1).toArray()).reverse().map((r) => decodeIndex(asBytes(r.b, `${s} slice index`)));
  const index: TermIndex = { first: parts.flatMap((p) => p.first), terms: Uint32Array.from(parts.flatMap((p) => [...p.terms])) };
  const inputs = [];
  for (const info of infos) {
    const cols = await loadColumns(db, info.s, dexieGet(db));
    inputs.push({ cols, live: liveIn(cols, info) });
  }
  const docs = mergeColumns(inputs);
  await range(s, -Infinity, -1).delete();
  for (const info of infos) await range(info.s, -Infinity, Infinity).delete();
  await dropIndexCopies(db, infos.map((x) => x.s));
  const { merging: _done, ...rest } = now;
  if (docs.length === 0) {
    // Every document of the inputs was deleted: no segment replaces them.
    await range(s, -Infinity, Infinity).delete();
    const from = new Set(state.from);
    await db.meta.put({ ...rest, segs: now.segs.filter((x) => !from.has(x.s)) });
    return;
  }
  const head: SegRow[] = [
    { s, k: INDEX_ROW, b: encodeIndex(index) },
    { s, k: COLUMNS_ROW, b: encodeColumns(docs) },
  ];
  await Promise.all([db.segs.bulkPut(head), putIndexCopy(db, head[0]!)]);
  const bytes = state.bytes + head.reduce((sum, r) => sum + r.b.length, 0);
  await db.meta.put(withMerged({ ...now, merging: state }, { s, docs: docs.length, del: 0, blocks: state.blocks, bytes }));
}
