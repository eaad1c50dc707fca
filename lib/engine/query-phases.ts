// Where a query's time goes (analysis, postings read, scoring, doc rows, explanations), for the
// browser benchmark: the last queries' phases, bounded, read by bench/browser.ts from the worker.
export interface QueryPhases {
  analyse: number;
  postings: number;
  score: number;
  docs: number;
  explain: number;
  blocks: number;
}

const KEEP = 500;
export const recentPhases: QueryPhases[] = [];

export function phaseClock() {
  let last = performance.now();
  const p: QueryPhases = { analyse: 0, postings: 0, score: 0, docs: 0, explain: 0, blocks: 0 };
  return {
    lap(k: Exclude<keyof QueryPhases, 'blocks'>) {
      const now = performance.now();
      p[k] += Math.round((now - last) * 10) / 10;
      last = now;
    },
    done(blocks: number) {
      p.blocks = blocks;
      recentPhases.push(p);
      if (recentPhases.length > KEEP) recentPhases.shift();
    },
  };
}
