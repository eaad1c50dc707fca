// Merging a term's postings segments is housekeeping, done when the reader is idle: a merge is a
// readwrite transaction on the postings, and one running while a query reads them makes the
// query wait for it (at 10,000 reports merges right after each query made queries five times
// slower). Queries ask for merges; they run once no query has come for MERGE_IDLE_MS, one term
// (one short transaction) at a time, and stop as soon as another query comes.
import type { IsnadDB } from './db';
import { mergeTerm } from './index-store';

export const MERGE_IDLE_MS = 2000;

interface Pending {
  terms: Set<string>;
  timer: ReturnType<typeof setTimeout> | null;
  lastQuery: number;
  running: boolean;
}

const pending = new WeakMap<IsnadDB, Pending>();

function stateOf(db: IsnadDB): Pending {
  let p = pending.get(db);
  if (!p) pending.set(db, (p = { terms: new Set(), timer: null, lastQuery: 0, running: false }));
  return p;
}

/** Called by each query: notes the terms it found too fragmented, and pushes merging back. */
export function requestMerges(db: IsnadDB, terms: Iterable<string>): void {
  const p = stateOf(db);
  p.lastQuery = Date.now();
  for (const t of terms) p.terms.add(t);
  if (p.terms.size === 0) return;
  if (p.timer) clearTimeout(p.timer);
  p.timer = setTimeout(() => void mergeWhileIdle(db), MERGE_IDLE_MS);
}

/** Terms waiting to be merged (for tests and diagnostics). */
export function pendingMerges(db: IsnadDB): number {
  return stateOf(db).terms.size;
}

/** Merges waiting terms while no query comes; returns how many were merged. */
export async function mergeWhileIdle(db: IsnadDB): Promise<number> {
  const p = stateOf(db);
  p.timer = null;
  if (p.running) return 0;
  p.running = true;
  const started = Date.now();
  let merged = 0;
  try {
    for (const t of p.terms) {
      // A query came: it goes first, the rest waits for the next idle moment.
      if (p.lastQuery >= started) break;
      p.terms.delete(t);
      await mergeTerm(db, t);
      merged++;
    }
  } catch {
    // The database closed or the worker is stopping: the terms will be asked for again.
  } finally {
    p.running = false;
  }
  if (p.terms.size && !p.timer) p.timer = setTimeout(() => void mergeWhileIdle(db), MERGE_IDLE_MS);
  return merged;
}
