// The gazetteer's matches of a text near an offset. Matches come in text order without overlaps:
// the ones near an offset are found by bisection, so that a sentence with thousands of names and
// cues stays linear-logarithmic.
import type { Token } from '../arabic/tokenize';
import type { EntityMatch } from '../entities/types';

// How many names before a sentence a reference like "للحركة" may reach back to.
export const RECENT = 60;

/** Index of the first match starting at or after `pos`. */
export function firstFrom(matches: EntityMatch[], pos: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Matches starting in [a, b). */
export function startingIn(matches: EntityMatch[], a: number, b: number): EntityMatch[] {
  return matches.slice(firstFrom(matches, a), firstFrom(matches, b));
}
/** Whether a token lies inside a match (a word of a name, not a word of the sentence). */
export function covered(matches: EntityMatch[], t: Token): boolean {
  const m = matches[firstFrom(matches, t.start + 1) - 1];
  return !!m && t.start >= m.start && t.end <= m.end;
}

/** The nearest of the RECENT names ending before `at` that passes `ok`. */
export function nearestBefore(recent: EntityMatch[], at: number, ok: (m: EntityMatch) => boolean): EntityMatch | undefined {
  for (let i = firstFrom(recent, at) - 1, n = 0; i >= 0 && n < RECENT; i--, n++) {
    const m = recent[i]!;
    if (m.end <= at && ok(m)) return m;
  }
  return undefined;
}
