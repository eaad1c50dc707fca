// Ranking's second step: near-duplicates (one near-duplicate group, near-dups.ts) count once;
// later copies are listed under the first.
import type { DocRow } from './index-types';
import type { Scored } from './rescore';

/** A scored report with the near-duplicates folded under it. */
export interface Folded extends Scored {
  copies: DocRow[];
}

export interface FoldOptions {
  min: number;
  size: number;
  keep?: (d: { e: readonly string[]; day: number | null }) => boolean;
}

/** The pool, and how far down the scored list it looked (rank.ts rankLazily reads no further). */
export interface Fold {
  pool: Folded[];
  /** Where it stopped: the index of the first report not looked at (the list's length if none). */
  looked: number;
  /** Whether it stopped at a report scored below `min`. */
  belowMin: boolean;
  /** The index of the report that filled the pool to `size`, if one did. */
  filledAt: number | null;
}

/**
 * The scored reports (best first) down to `min`, one per near-duplicate group, at most `size`:
 * the pool the event model judges; and past `size`, those `keep` holds for (at most `size` more).
 */
export function foldDuplicates(scored: readonly Scored[], opts: FoldOptions): Folded[] {
  return fold(scored, opts).pool;
}

/** foldDuplicates, saying where it stopped. */
export function fold(scored: readonly Scored[], { min, size, keep }: FoldOptions): Fold {
  const pool: Folded[] = [];
  const byGroup = new Map<number, Folded>();
  let filledAt: number | null = null;
  for (let i = 0; i < scored.length; i++) {
    const s = scored[i]!;
    if (s.score < min) return { pool, looked: i, belowMin: true, filledAt };
    const full = pool.length >= size;
    if (full && (!keep || pool.length >= 2 * size)) return { pool, looked: i, belowMin: false, filledAt };
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
    if (pool.length === size) filledAt = i;
  }
  return { pool, looked: scored.length, belowMin: false, filledAt };
}
