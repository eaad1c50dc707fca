// The candidates' ranking signals from their segments' doc columns (segments/columns.ts: entities,
// sources, day, outlet and near-duplicate group of every document, as typed arrays in one row per
// segment), so that a query need not read a doc row for each of its up to 240 candidates: only for
// those that may reach the judged pool (rank.ts rankLazily). A segment never changes, so its
// decoded columns are kept while it is live: dropped when it is merged away, never invalidated.
//
// Decoding a segment of 100,000 documents whole takes tens of ms on cold code, so a query never
// waits for that: a query that finds the columns not decoded reads their row beside its postings
// and, where the row has an offset table (format 3), decodes only its candidates' blocks
// (`columnView`, segments/columns.ts docAt); the whole is decoded after its answer (`loadAfter`),
// from the row it read. A worker woken by an outlet's page reads and decodes them while the page
// loads, before the article's lookup comes (warm.ts). A lookup that waited for a load under way
// was measured slower at 100,000 reports under load (307 ms median against 228 without the wake):
// the rest of the load outlasts reading every candidate's row. A row of format 1 or 2 (no table)
// is decoded whole after the answer, as before (the query reads its candidates' rows), and then
// written again as format 3 (rewriteColumns).
import type { IsnadDB } from '../db';
import { readOnly, result } from './raw-reads';
import { asBytes, SegmentFormatError } from './segments/bytes';
import { decodeInSlices, docAt, encodeColumns, isCurrentFormat, openColumns, positionOf, sharedSlotsAtMost, valuesAt, type DocColumns, type OpenColumns } from './segments/columns';
import { COLUMNS_ROW, readManifest, type SegRow } from './segments/store';

/** What ranking reads of a candidate besides its MinHash and its row's text fields (rescore.ts). */
interface DocSignals {
  n: number;
  e: string[];
  src: string[];
  /** As indexed: a report merged with a dated capture later (copies.ts) may have a day its columns lack. */
  day: number | null;
  outlet: string;
  /** The near-duplicate group as indexed: a report that later became a group's first has null here. */
  dup: number | null;
  /** The most its shared phrases can give the score (rescore.ts), from its MinHash sketch; absent without one. */
  phr?: number;
}

/** Beyond this many documents the columns are not kept (≈ 90 bytes a document in the heap, the
 *  sketch 24 of it: 9 MB at 100,000). */
const MAX_DOCS = 250_000;

const NO_DAY = -0x80000000;

interface Kept {
  cols: Map<number, DocColumns>;
  /** Rows of format 3 a query read before they were decoded: its candidates' blocks decoded only. */
  open: Map<number, OpenColumns>;
  /** A query's read of rows not opened yet, until they are (loadAfter waits for it, not to read them twice). */
  opening: Promise<unknown> | null;
  loading: Promise<void> | null;
  /** When an import last wrote (performance.now()), until it ends (null): none are read meanwhile. */
  held: number | null;
}

/** An import that wrote no batch for this long (ms) is taken as stopped (its worker may resume it). */
const HOLD = 60_000;

const holding = (k: Kept) => k.held !== null && performance.now() - k.held < HOLD;

const kept = new WeakMap<object, Kept>();

function keptOf(db: object): Kept {
  let k = kept.get(db);
  if (!k) kept.set(db, (k = { cols: new Map(), open: new Map(), opening: null, loading: null, held: null }));
  return k;
}

/** A lookup of documents' signals over some segments' columns. */
export interface ColumnView {
  /** Doc `n`'s signals, its phrases' part bounded against the article's MinHash `phrases`. */
  signals(n: number, phrases: ArrayLike<number>): DocSignals | undefined;
}

/** Doc `n`'s position in decoded columns, or in an opened row's block; null where it has none. */
function find(x: DocColumns | OpenColumns, n: number): { c: DocColumns; i: number } | null {
  if ('table' in x) {
    try {
      return docAt(x, n);
    } catch {
      return null; // a damaged block: the candidate's doc row is read
    }
  }
  if (x.n.length === 0 || n < x.n[0]! || n > x.n[x.n.length - 1]!) return null;
  const i = positionOf(x, n);
  return i < 0 ? null : { c: x, i };
}

function viewOf(list: ReadonlyArray<DocColumns | OpenColumns>): ColumnView {
  return {
    signals(n, phrases) {
      for (const x of list) {
        const at = find(x, n);
        if (!at) continue;
        const { c, i } = at;
        const s = (k: number) => c.strings[k]!;
        return {
          n,
          e: Array.from(c.ent.subarray(c.entOff[i], c.entOff[i + 1]), s),
          src: Array.from(c.src.subarray(c.srcOff[i], c.srcOff[i + 1]), s),
          day: c.day[i] === NO_DAY ? null : c.day[i]!,
          outlet: s(c.outlet[i]!),
          dup: c.dup[i]! < 0 ? null : c.dup[i]!,
          ...phraseBound(c, i, phrases),
        };
      }
      return undefined;
    },
  };
}

/** As rescore.ts weighs the MinHash similarity: min(1, 2 × equal slots ÷ slots). */
function phraseBound(c: DocColumns, i: number, phrases: ArrayLike<number>): { phr?: number } {
  const m = sharedSlotsAtMost(c, i, phrases);
  if (m === null) return {};
  return { phr: phrases.length ? Math.min(1, (2 * m) / phrases.length) : 0 };
}

/** Forgets what is kept of segments no longer live; whether `segs` hold too many documents to keep. */
function prune(k: Kept, segs: readonly { s: number; docs: number }[]): boolean {
  const live = new Set(segs.map((x) => x.s));
  for (const s of k.cols.keys()) if (!live.has(s)) k.cols.delete(s);
  for (const s of k.open.keys()) if (!live.has(s)) k.open.delete(s);
  return segs.reduce((sum, x) => sum + x.docs, 0) > MAX_DOCS;
}

/**
 * The columns of the live segments `segs` when this worker has them all decoded, else null (and
 * those missing are dropped from what is kept: only live segments are).
 */
export function decodedColumns(db: object, segs: readonly { s: number; docs: number }[]): ColumnView | null {
  const k = keptOf(db);
  if (prune(k, segs)) return null;
  const list = segs.map((x) => k.cols.get(x.s));
  return list.every((c): c is DocColumns => !!c) ? viewOf(list) : null;
}

/** Of the live segments `segs`, those whose columns' row a query should read (neither decoded nor
 *  read already; none while an import writes, or past MAX_DOCS). */
export function columnsWanted(db: object, segs: readonly { s: number; docs: number }[]): number[] {
  const k = keptOf(db);
  if (prune(k, segs) || holding(k)) return [];
  return segs.filter((x) => !k.cols.has(x.s) && !k.open.has(x.s)).map((x) => x.s);
}

/**
 * The columns of the live segments `segs` from those decoded, those opened, and the rows just read
 * (`rows`: format 3's are opened and kept); null when some segment has none (a row of format 1 or
 * 2, or a damaged one: the candidates' doc rows are read).
 */
export function columnView(db: object, segs: readonly { s: number; docs: number }[], rows: Promise<ReadonlyMap<number, Uint8Array>>): Promise<ColumnView | null> {
  const k = keptOf(db);
  const view = rows.then(
    (got) => viewOver(k, segs, got),
    () => null, // a row missing or unreadable: the candidates' doc rows are read
  );
  k.opening = view;
  void view.finally(() => {
    if (k.opening === view) k.opening = null;
  });
  return view;
}

function viewOver(k: Kept, segs: readonly { s: number; docs: number }[], rows: ReadonlyMap<number, Uint8Array>): ColumnView | null {
  if (prune(k, segs) || holding(k)) return null;
  for (const [s, b] of rows) {
    if (k.cols.has(s) || k.open.has(s)) continue;
    try {
      const o = openColumns(b, `${s} doc columns`);
      if (o) k.open.set(s, o);
    } catch {
      // a damaged header: its candidates' rows are read, and loadAfter's decode fails alike
    }
  }
  const list = segs.map((x) => k.cols.get(x.s) ?? k.open.get(x.s));
  return list.every((c): c is DocColumns | OpenColumns => !!c) ? viewOf(list) : null;
}

/**
 * Reads and decodes the columns of the live segments not kept yet, beginning once the current task
 * is done and a slice at a time (segments/columns.ts decodeInSlices), so that a message coming
 * meanwhile waits a few ms at most.
 */
export function loadAfter(db: IsnadDB, segs: readonly { s: number; docs: number }[]): void {
  const k = keptOf(db);
  if (k.loading || holding(k) || segs.reduce((sum, x) => sum + x.docs, 0) > MAX_DOCS) return;
  const missing = segs.filter((x) => !k.cols.has(x.s)).map((x) => x.s);
  if (!missing.length) return;
  k.loading = loadColumns(db, missing)
    .catch(() => undefined) // a damaged row or a segment merged away: the rows are read, as before
    .finally(() => {
      k.loading = null;
    });
}

/**
 * A task later, by a message port: a timer set from a timer's task is nested, and from the fifth
 * level on waits 4 ms at least (HTML timers) — ≈ 40 ms of waiting over a segment's 13 slices.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

async function loadColumns(db: IsnadDB, segs: readonly number[]): Promise<void> {
  // The rows are asked for at once (read in the browser while this worker does other work) and
  // decoded from the next task on.
  // Rows a query opened are decoded from the bytes it read.
  const k = keptOf(db);
  await k.opening;
  const toRead = segs.filter((s) => !k.open.has(s));
  const store = toRead.length ? (await readOnly(db, ['segs'])).objectStore('segs') : null;
  const read = Promise.all(toRead.map((s) => result(store!.get([s, COLUMNS_ROW]) as IDBRequest<SegRow | undefined>)));
  await nextTask();
  const got = new Map((await read).map((row, i) => [toRead[i]!, row]));
  for (const s of segs) {
    const open = k.open.get(s);
    const row = got.get(s);
    if (!open && !row) throw new SegmentFormatError(`${s}`, `row ${COLUMNS_ROW} is missing`);
    const bytes = open ? open.bytes : asBytes(row!.b, `${s} doc columns`);
    const steps = decodeInSlices(bytes, `${s} doc columns`);
    for (let step = steps.next(); ; step = steps.next()) {
      if (holding(k)) return; // an import began meanwhile
      if (step.done) {
        k.cols.set(s, step.value);
        k.open.delete(s);
        if (!isCurrentFormat(bytes)) {
          await nextTask();
          await rewriteColumns(db, s, step.value);
        }
        break;
      }
      await nextTask();
    }
    await nextTask();
  }
}

/**
 * A row of format 1 or 2 (no offset table) written again as format 3, the same documents and
 * values, so that the next restarted worker's first query decodes only its candidates' blocks
 * (the segment is otherwise as it was: no rebuild). Not while a merge takes the segment or after it
 * is gone, in one transaction with the manifest's check.
 */
async function rewriteColumns(db: IsnadDB, s: number, c: DocColumns): Promise<void> {
  const b = encodeColumns(Array.from(c.n, (_, i) => valuesAt(c, i)));
  await db.transaction('rw', [db.segs, db.meta], async () => {
    const m = await readManifest(db);
    if (!m.segs.some((x) => x.s === s) || m.merging?.from.includes(s)) return;
    await db.segs.put({ s, k: COLUMNS_ROW, b });
  });
}

/**
 * Drops the columns kept and reads none for a while: an import is writing (its heap, ≤ 64 MB with
 * a part prepared beside one written, has no room for 9 MB of columns at 100,000 documents, and
 * its segments change with every part and merge).
 */
export function holdColumns(db: object): void {
  const k = keptOf(db);
  k.cols.clear();
  k.open.clear();
  k.held = performance.now();
}

/** The import ended (its segments merged): columns are read again after the next query. */
export function releaseColumns(db: object): void {
  keptOf(db).held = null;
}

/** Waits for a load under way (tests, and the benchmark's warm-up). */
export function columnsLoaded(db: object): Promise<void> {
  return keptOf(db).loading ?? Promise.resolve();
}
