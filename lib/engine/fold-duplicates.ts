// Ranking's second step: near-duplicates (one near-duplicate group, near-dups.ts) count once;
// later copies are listed under the first.
import type { DocRow } from './index-types';
import type { Scored } from './rescore';

/** A scored report with the near-duplicates folded under it. */
export interface Folded extends Scored {
  copies: DocRow[];
}

/**
 * The scored reports (best first) down to `min`, one per near-duplicate group, at most `size`:
 * the pool the event model judges.
 */
export function foldDuplicates(scored: readonly Scored[], { min, size }: { min: number; size: number }): Folded[] {
  const pool: Folded[] = [];
  const byGroup = new Map<number, Folded>();
  for (const s of scored) {
    if (s.score < min) break;
    const g = s.d.dup;
    const first = g !== null ? byGroup.get(g) : undefined;
    if (first) {
      first.copies.push(s.d);
      continue;
    }
    const item = { ...s, copies: [] as DocRow[] };
    if (g !== null) byGroup.set(g, item);
    pool.push(item);
    if (pool.length >= size) break;
  }
  return pool;
}
