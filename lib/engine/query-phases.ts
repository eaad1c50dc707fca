// Where a query's time goes (analysis, postings read, scoring, doc rows, then ranking: re-scoring,
// judging and explaining, with or without shared phrases — `explain`), for the browser benchmark:
// the last queries' phases, bounded, read by bench/browser.ts from the worker.
export interface QueryPhases {
  analyse: number;
  postings: number;
  score: number;
  docs: number;
  explain: number;
  /** Of `postings`, the worker's thread time decoding segment rows and their terms' postings
   *  (this query's or another read's running meanwhile); the rest waited for the reads. */
  decode: number;
  blocks: number;
  /** Doc rows read (or found cached) for the candidates. */
  rows: number;
  /** The reads they took (each a transaction and a round trip; rank.ts rankLazily). */
  reads: number;
  /** Of `rows`, those not in the doc cache (read from IndexedDB); and the judged rows' event
   *  documents unpacked (not among the last judged): a query's own misses (misses below). */
  rowsRead: number;
  eventDocs: number;
  /** Of `postings`, the waits of its reads in turn (ReadWaits), ms; `fetched`: the rows asked of
   *  IndexedDB (term indexes and blocks not cached). */
  open: number;
  manifest: number;
  dicts: number;
  blockReads: number;
  fetched: number;
  /** Of `docs`, the wait for doc columns rows being read when the postings ended (a just-started
   *  worker's first lookup: doc-columns.ts columnsInFlight). */
  colsWait: number;
  /** When the query began, in ms from the worker's start (its performance.timeOrigin): with the
   *  phases' sum, where a woken worker's first lookup sat in the page's load (bench/main-thread.ts). */
  began: number;
  /** Moments of the worker's start, ms from it (startMarks; 0: not yet): its read ahead began (the
   *  background's main), its term indexes were in, and its doc columns rows were first asked. */
  main: number;
  ahead: number;
  colsAsked: number;
  /** Moments of a page's wake, ms from the worker's start (0: not yet): its page:wake handled, its
   *  warm-up's synchronous steps done (warm.ts warmLookup), the article's page:article handled and
   *  its marks worked out (lib/tabs/handlers.ts) — what a woken worker's first lookup shared its
   *  thread with (bench/main-thread.ts, bench/cold-page.ts). */
  wake: number;
  warmed: number;
  article: number;
  marked: number;
}

/** The moments of this worker's start that each query's phases copy (QueryPhases main, ahead,
 *  colsAsked): where a woken worker's first lookup stood against its read ahead. */
export const startMarks = { main: 0, ahead: 0, colsAsked: 0, wake: 0, warmed: 0, article: 0, marked: 0 };

/** `startMarks[k]` set to now, the first time only. */
export function markStart(k: keyof typeof startMarks): void {
  if (!startMarks[k]) startMarks[k] = Math.round(performance.now() * 10) / 10;
}

/** Thread time spent decoding segment rows (segments/store.ts adds to it), in ms since the worker
 *  started: a phase's share is its change over the phase. */
export const decodeTime = { ms: 0 };

/** Doc rows read past the doc cache (doc-cache.ts) and event documents unpacked (judge-candidates.ts),
 *  counted where they happen, since the worker started: a query's share is its change over the
 *  query (another query under way meanwhile counts in both; the benchmark asks one at a time). */
export const misses = { rows: 0, eventDocs: 0 };

/** Runs a synchronous decode and adds its time to decodeTime. */
export function decoding<T>(fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    decodeTime.ms += performance.now() - t0;
  }
}

/**
 * How long a postings read waited at each of its steps (segments/store.ts readPostings), ms: the
 * database opened and a transaction begun, the manifest, the segments' term indexes (read and
 * decoded where not cached), their blocks (likewise); and how many rows it asked of IndexedDB.
 * What a just-started worker's first lookup waits on, against a warm one's (bench/RESULTS.md,
 * session 15).
 */
export interface ReadWaits {
  open: number;
  manifest: number;
  dicts: number;
  blockReads: number;
  fetched: number;
}

/** A clock over a read's steps: `step(k)` adds the time since the last step to `k`. */
export function readClock(): { waits: ReadWaits; step(k: Exclude<keyof ReadWaits, 'fetched'>): void } {
  const waits: ReadWaits = { open: 0, manifest: 0, dicts: 0, blockReads: 0, fetched: 0 };
  let last = performance.now();
  return {
    waits,
    step(k) {
      const now = performance.now();
      waits[k] += Math.round((now - last) * 10) / 10;
      last = now;
    },
  };
}

const KEEP = 500;
export const recentPhases: QueryPhases[] = [];

/** Lookups begun since the worker started: a page's warm-up runs nothing once one has (lib/tabs/handlers.ts warmer). */
export const lookupsBegun = { n: 0 };

export function phaseClock() {
  lookupsBegun.n++;
  let last = performance.now();
  const p: QueryPhases = { analyse: 0, postings: 0, score: 0, docs: 0, explain: 0, decode: 0, blocks: 0, rows: 0, reads: 0, open: 0, manifest: 0, dicts: 0, blockReads: 0, fetched: 0, colsWait: 0, rowsRead: 0, eventDocs: 0, began: Math.round(last * 10) / 10, main: 0, ahead: 0, colsAsked: 0, wake: 0, warmed: 0, article: 0, marked: 0 };
  let decodedBefore = decodeTime.ms;
  const missed = { ...misses };
  return {
    lap(k: 'analyse' | 'postings' | 'score' | 'docs' | 'explain') {
      const now = performance.now();
      p[k] += Math.round((now - last) * 10) / 10;
      last = now;
      if (k === 'postings') p.decode += Math.round((decodeTime.ms - decodedBefore) * 10) / 10;
      decodedBefore = decodeTime.ms;
    },
    /** Waits for the columns being read (counted in the docs phase, whose lap it does not end). */
    async waitCols<T>(pending: Promise<T>): Promise<T> {
      const t0 = performance.now();
      try {
        return await pending;
      } finally {
        p.colsWait += Math.round((performance.now() - t0) * 10) / 10;
      }
    },
    /** The postings read's own waits (a reader that does not time them leaves them 0). */
    reads(w: ReadWaits | undefined) {
      if (w) Object.assign(p, w);
    },
    done(blocks: number, rows: number, reads = rows ? 1 : 0) {
      p.blocks = blocks;
      p.rows = rows;
      p.reads = reads;
      p.rowsRead = misses.rows - missed.rows;
      p.eventDocs = misses.eventDocs - missed.eventDocs;
      Object.assign(p, startMarks);
      recentPhases.push(p);
      if (recentPhases.length > KEEP) recentPhases.shift();
    },
  };
}
