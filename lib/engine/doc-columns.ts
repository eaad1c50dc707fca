// The candidates' ranking signals from their segments' doc columns (segments/columns.ts: entities,
// sources, day, outlet and near-duplicate group of every document, as typed arrays in one row per
// segment), so that a query need not read a doc row for each of its up to 240 candidates: only for
// those that may reach the judged pool (rank.ts rankLazily). A segment never changes, so its
// decoded columns are kept while it is live: dropped when it is merged away, never invalidated.
//
// Decoding a segment of 100,000 documents takes tens of ms on cold code, so a query never waits
// for it (a lookup that did was measured slower, 307 ms median against 228 under load): a query
// finds the columns decoded or opened (format 3's header, strings and offset table:
// segments/columns.ts openColumns; it decodes only its candidates' blocks, docAt), or waits for
// their rows being read (`columnsInFlight`: a starting worker asks for them after its term
// indexes unless a lookup is under way, warm.ts readAhead), or reads its candidates' rows, the
// columns read after its answer (`loadAfter`). Nor does the whole decode run while a query is under
// way (from searchWith's start to its answer): its slices took turns with the query's tasks and made
// a woken worker's first lookup slower (bench/RESULTS.md, session 12); a row is opened as it comes,
// a query under way or not (0.3 ms at 100,000 documents, 15 ms the first time on cold code).
import type { IsnadDB } from '../db';
import { markStart } from './query-phases';
import { readOnly, result } from './raw-reads';
import { asBytes, SegmentFormatError } from './segments/bytes';
import { decodeInSlices, docAt, openColumns, positionOf, sharedSlotsAtMost, type DocColumns, type OpenColumns } from './segments/columns';
import { COLUMNS_ROW, type SegRow } from './segments/store';

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
  /** Rows read and opened, not decoded whole yet (format 3): a query decodes its candidates' blocks. */
  open: Map<number, OpenColumns>;
  loading: Promise<void> | null;
  /** When an import last wrote (performance.now()), until it ends (null): none are read meanwhile. */
  held: number | null;
  /** The queries under way (their readers), with when each began. */
  busy: Map<object, number>;
  /** What waits for no query to be under way. */
  waiting: Array<() => void>;
  /** Rows being read (readColumnsAhead), by segment: the row, opened where its format allows, or
   *  null when an import held the columns meanwhile. */
  reading: Map<number, Promise<OpenColumns | Uint8Array | null>>;
  /** Bumped when an import holds the columns: a row asked for before is not kept. */
  gen: number;
}

/** A query under way this long (ms) is taken as failed: the decode does not wait for it longer. */
const QUERY_MAX = 2_000;

/** An import that wrote no batch for this long (ms) is taken as stopped (its worker may resume it). */
const HOLD = 60_000;

const holding = (k: Kept) => k.held !== null && performance.now() - k.held < HOLD;

const kept = new WeakMap<object, Kept>();

function keptOf(db: object): Kept {
  let k = kept.get(db);
  if (!k) kept.set(db, (k = { cols: new Map(), open: new Map(), loading: null, held: null, busy: new Map(), waiting: [], reading: new Map(), gen: 0 }));
  return k;
}

/** A lookup of documents' signals over some segments' columns. */
export interface ColumnView {
  /** Doc `n`'s signals, its phrases' part bounded against the article's MinHash `phrases`. */
  signals(n: number, phrases: ArrayLike<number>): DocSignals | undefined;
}

/** The signals of documents over some segments' columns, each decoded whole or opened (a
 *  candidate's block decoded as it is asked for). ≈ 200 candidates a query: each is found and read
 *  with no object or view made on the way but its signals (a heap sampling of warm queries,
 *  session 17: the views, iterators and spreads were ≈ 3/4 of what this allocated). */
export function columnView(list: ReadonlyArray<DocColumns | OpenColumns>): ColumnView {
  return {
    signals(n, phrases) {
      for (const seg of list) {
        // Opened (its block decoded now) or decoded whole.
        const at = 'table' in seg ? (n < seg.table.first[0]! ? null : docAt(seg, n)) : null;
        const c = at ? at.c : (seg as DocColumns);
        const i = at ? at.i : 'table' in seg || !c.n.length || n < c.n[0]! || n > c.n[c.n.length - 1]! ? -1 : positionOf(c, n);
        if (i < 0) continue;
        const out: DocSignals = {
          n,
          e: stringsAt(c, c.ent, c.entOff[i]!, c.entOff[i + 1]!),
          src: stringsAt(c, c.src, c.srcOff[i]!, c.srcOff[i + 1]!),
          day: c.day[i] === NO_DAY ? null : c.day[i]!,
          outlet: c.strings[c.outlet[i]!]!,
          dup: c.dup[i]! < 0 ? null : c.dup[i]!,
        };
        // As rescore.ts weighs the MinHash similarity: min(1, 2 × equal slots ÷ slots).
        const m = sharedSlotsAtMost(c, i, phrases);
        if (m !== null) out.phr = phrases.length ? Math.min(1, (2 * m) / phrases.length) : 0;
        return out;
      }
      return undefined;
    },
  };
}

/** The strings of `ids[from..to)` (numbers in the columns' strings). */
function stringsAt(c: DocColumns, ids: ArrayLike<number>, from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) out.push(c.strings[ids[k]!]!);
  return out;
}

/**
 * The columns of the live segments `segs` when this worker has them all decoded or opened, else
 * null (and those of other segments are dropped from what is kept: only live segments are).
 */
export function decodedColumns(db: object, segs: readonly { s: number; docs: number }[]): ColumnView | null {
  const k = keptOf(db);
  const live = new Set(segs.map((x) => x.s));
  for (const s of k.cols.keys()) if (!live.has(s)) k.cols.delete(s);
  for (const s of k.open.keys()) if (!live.has(s)) k.open.delete(s);
  if (segs.reduce((sum, x) => sum + x.docs, 0) > MAX_DOCS) return null;
  const list = segs.map((x) => k.cols.get(x.s) ?? k.open.get(x.s));
  return list.every((c) => !!c) ? columnView(list) : null;
}

/** When live segments' columns rows are being read (readColumnsAhead), their columns once opened
 *  (null if a row failed or an import held them), else undefined: the lookup that woke the worker
 *  waits for them at its doc rows phase rather than read its ≈ 200 candidates' rows. */
export function columnsInFlight(db: object, segs: readonly { s: number; docs: number }[]): Promise<ColumnView | null> | undefined {
  const k = keptOf(db);
  const reads = segs.flatMap((x) => k.reading.get(x.s) ?? []);
  if (!reads.length) return undefined;
  return Promise.all(reads).then(
    () => decodedColumns(db, segs),
    () => null, // a damaged row: the candidates' rows are read, as without the columns
  );
}

/** A query (`who`: its reader) is under way: the columns' whole decode waits for its answer. */
export function queryBegan(db: object, who: object): void {
  keptOf(db).busy.set(who, performance.now());
}

/** The query `who` has answered (or failed). */
export function queryEnded(db: object, who: object): void {
  const k = keptOf(db);
  if (!k.busy.delete(who) || k.busy.size) return;
  for (const go of k.waiting.splice(0)) go();
}

/**
 * Once no query is under way, a task later (its answer sent first). A query under way for over
 * QUERY_MAX ms is taken as failed.
 */
async function quiet(k: Kept): Promise<void> {
  for (;;) {
    const now = performance.now();
    for (const [who, at] of k.busy) if (now - at > QUERY_MAX) k.busy.delete(who);
    if (!k.busy.size) return nextTask();
    // A loop, not a spread: the queries under way are few, but not bounded by construction.
    let oldest = now;
    for (const at of k.busy.values()) if (at < oldest) oldest = at;
    await new Promise<void>((resolve) => {
      k.waiting.push(resolve);
      setTimeout(resolve, oldest + QUERY_MAX - now + 1);
    });
  }
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
    .finally(() => (k.loading = null));
}

/**
 * A task later, by a message port: a timer set from a timer's task is nested, and from the fifth
 * level on waits 4 ms at least (HTML timers) — ≈ 40 ms of waiting over a segment's 13 slices.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Asks for the doc columns rows of the live segments `segs` not kept, opened or asked for yet, at
 * once in a transaction of their own, and opens each as it comes (format 3's header, strings and
 * offset table: its documents are decoded later, between queries, by loadAfter), a query under way
 * or not: the query that comes next ranks from the opened row, reading ≈ 32 doc rows instead of
 * ≈ 200. A worker asks for them as it starts, after the term indexes, unless a query is under way
 * (`unlessQuery`: a lookup woke it, warm.ts readAhead); asked only once that lookup had asked for
 * its blocks, it waited for the row longer than its blocks gained (bench/RESULTS.md, columns16).
 * A damaged or missing row rejects with a SegmentFormatError naming its segment; the query
 * reads its candidates' rows then, as without the columns.
 */
export function readColumnsAhead(db: IsnadDB, segs: readonly { s: number; docs: number }[], unlessQuery = false): Promise<void> {
  const k = keptOf(db);
  if (holding(k) || (unlessQuery && k.busy.size) || segs.reduce((sum, x) => sum + x.docs, 0) > MAX_DOCS) return Promise.resolve();
  return Promise.all(rowsOf(db, k, segs.map((x) => x.s))).then(() => undefined);
}

/** Each segment's columns row: opened, being read, or asked for now (all at once). */
function rowsOf(db: IsnadDB, k: Kept, segs: readonly number[]): Array<Promise<OpenColumns | Uint8Array | null>> {
  const ask = segs.filter((s) => !k.open.has(s) && !k.reading.has(s) && !k.cols.has(s));
  if (ask.length) {
    markStart('colsAsked');
    const gen = k.gen;
    const store = readOnly(db, ['segs']).then((tx) => tx.objectStore('segs'));
    const rows = store.then((st) => ask.map((s) => result(st.get([s, COLUMNS_ROW]) as IDBRequest<SegRow | undefined>)));
    ask.forEach((s, i) => {
      const read = rows.then((r) => r[i]!).then((row) => {
        if (k.gen !== gen) return null; // an import held the columns meanwhile: its heap
        if (!row) throw new SegmentFormatError(`${s}`, `row ${COLUMNS_ROW} is missing`);
        const bytes = asBytes(row.b, `${s} doc columns`);
        const o = openColumns(bytes, `${s} doc columns`);
        if (o) k.open.set(s, o);
        return o ?? bytes;
      });
      k.reading.set(s, read);
      const done = () => k.reading.delete(s);
      read.then(done, done);
    });
  }
  return segs.map((s) => (k.open.get(s) ? Promise.resolve(k.open.get(s)!) : (k.reading.get(s) ?? Promise.resolve(null))));
}

async function loadColumns(db: IsnadDB, segs: readonly number[]): Promise<void> {
  // The rows are asked for at once (read in the browser while this worker does other work) unless
  // opened or asked for already (at the worker's start), then decoded whole a slice at a time
  // between queries.
  const k = keptOf(db);
  const gen = k.gen;
  const read = Promise.all(rowsOf(db, k, segs));
  await nextTask();
  const rows = await read;
  for (const [i, row] of rows.entries()) {
    const s = segs[i]!;
    if (!row) return; // an import held the columns
    const steps = decodeInSlices(row, `${s} doc columns`);
    for (;;) {
      await quiet(k);
      if (holding(k) || k.gen !== gen) return; // an import began meanwhile
      const step = steps.next();
      if (step.done) {
        k.cols.set(s, step.value);
        k.open.delete(s);
        break;
      }
    }
  }
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
  k.gen++;
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
