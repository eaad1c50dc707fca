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
  /** When the query began, in ms from the worker's start (its performance.timeOrigin): with the
   *  phases' sum, where a woken worker's first lookup sat in the page's load (bench/main-thread.ts). */
  began: number;
}

/** Thread time spent decoding segment rows (segments/store.ts adds to it), in ms since the worker
 *  started: a phase's share is its change over the phase. */
export const decodeTime = { ms: 0 };

/** Runs a synchronous decode and adds its time to decodeTime. */
export function decoding<T>(fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    decodeTime.ms += performance.now() - t0;
  }
}

const KEEP = 500;
export const recentPhases: QueryPhases[] = [];

export function phaseClock() {
  let last = performance.now();
  const p: QueryPhases = { analyse: 0, postings: 0, score: 0, docs: 0, explain: 0, decode: 0, blocks: 0, rows: 0, began: Math.round(last * 10) / 10 };
  let decodedBefore = decodeTime.ms;
  return {
    lap(k: Exclude<keyof QueryPhases, 'decode' | 'blocks' | 'rows' | 'began'>) {
      const now = performance.now();
      p[k] += Math.round((now - last) * 10) / 10;
      last = now;
      if (k === 'postings') p.decode += Math.round((decodeTime.ms - decodedBefore) * 10) / 10;
      decodedBefore = decodeTime.ms;
    },
    done(blocks: number, rows: number) {
      p.blocks = blocks;
      p.rows = rows;
      recentPhases.push(p);
      if (recentPhases.length > KEEP) recentPhases.shift();
    },
  };
}
