// Counts every import or harvest keeps, the same for archives, the Wayback Machine and live sites:
// what was seen, what was kept, what was skipped (by kind) and why (a bounded log).
import type { Skip, SkipKind } from './pages';

interface Problem {
  file: string;
  /** Byte offset of the record in its WARC, when the problem is one record. */
  offset?: number;
  reason: string;
}

export interface RunCounts {
  /** Pages looked at (HTML responses, or URLs fetched). */
  pages: number;
  /** Articles extracted (before de-duplication). */
  articles: number;
  /** Of those, stored, and already in the corpus (counted, not added). */
  added: number;
  duplicates: number;
  skipped: Partial<Record<SkipKind, number>>;
  /** The latest skips with their reason, newest last (bounded). */
  log: Skip[];
  /** Bad records and failed requests: where and why. Kept whole (they are few, and each matters). */
  problems: Problem[];
}

/** Skips kept in the log: enough to see why, bounded for a 100,000-page archive. */
const LOG_SIZE = 200;

export function emptyCounts(): RunCounts {
  return { pages: 0, articles: 0, added: 0, duplicates: 0, skipped: {}, log: [], problems: [] };
}

export function noteSkip(c: RunCounts, s: Skip): void {
  c.skipped[s.kind] = (c.skipped[s.kind] ?? 0) + 1;
  c.log.push(s);
  if (c.log.length > LOG_SIZE) c.log.splice(0, c.log.length - LOG_SIZE);
}

export function skippedTotal(c: RunCounts): number {
  return Object.values(c.skipped).reduce((a, b) => a + (b ?? 0), 0);
}
