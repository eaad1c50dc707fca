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
 * the pool the event model judges; and past `size`, those `keep` holds for (at most `size` more).
 */
export function foldDuplicates(scored: readonly Scored[], { min, size, keep }: { min: number; size: number; keep?: (d: DocRow) => boolean }): Folded[] {
  const pool: Folded[] = [];
  const byGroup = new Map<number, Folded>();
  for (const s of scored) {
    if (s.score < min) break;
    const full = pool.length >= size;
    if (full && (!keep || pool.length >= 2 * size)) break;
    const g = s.d.dup;
    const first = g !== null ? byGroup.get(g) : undefined;
    if (first) {
      first.copies.push(s.d);
      continue;
    }
    if (full && !keep!(s.d)) continue;
    const item = { ...s, copies: [] as DocRow[] };
    if (g !== null) byGroup.set(g, item);
    pool.push(item);
  }
  return pool;
}
