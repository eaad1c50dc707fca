// Tolls of two reports: the same, or ones one event cannot give.
import type { EventSignature } from './types';

/** A toll grows as the dead are counted, up to this many times over (and two more): not one dead become 18. */
export const TOLL_GROWTH = 5;

/**
 * Two counts of one event agree when they are the same (within 1, or 5 %): in a war, tolls of 11
 * and 13, or of 22 and 25, are as often two strikes as one.
 */
export function countsAgree(x: number, y: number): boolean {
  return Math.abs(x - y) <= Math.max(1, 0.05 * Math.max(x, y));
}

/**
 * Two counts that one event cannot give: a toll grows as the dead are counted, it does not shrink,
 * so a later report with a third fewer dead, or one of the same day with three times as many, tells
 * another incident. `later` is the count published later (or the same day: `sameDay`).
 */
export function countsConflict(earlier: number, later: number, sameDay: boolean): boolean {
  const lo = Math.min(earlier, later);
  const hi = Math.max(earlier, later);
  return later < earlier * 0.67 - 1 || (sameDay && hi > 3 * lo + 2);
}

/**
 * The tolls of a pair: both given, the same (countsAgree), ones one event cannot give
 * (countsConflict), a toll risen (`numRise`), and how far apart the dead are otherwise when neither
 * report tells a new toll of the other's count (`numApart`: 0 for the same, 1 for ten times as many
 * or more — "one dead in a raid" and "a strike kills 18" of one day are two strikes; a new toll of
 * 43 then 126 of one town's bombing is one).
 *
 * A toll grows as the dead are counted, a few times over at most (not one dead become 18), in
 * reports of the same event day (`oneDay`: one report names the other's event day): a report of a
 * later day with more dead tells the toll as it stood then, and so does one of the same day that
 * tells a new toll ("the toll rose to 70", published after the first count, or the same day) with
 * more dead than the other — an update, not a conflict. Two counts of one day far apart that no
 * report tells as a new toll are still two incidents' (countsConflict).
 *
 * A new toll is the count of its own event grown: it excuses a count apart only where the other
 * count is of the same specific place and the same kind of event (`ownCount`). "86 dead, new
 * toll" of a chemical attack on a town in Idlib, naming no place but Syria, against "shelling near
 * the capital kills 19" of the day before, is two events' counts, not one count grown.
 */
export function numberFeatures(a: EventSignature, b: EventSignature, pubGap: number | null, oneDay: boolean, ownCount: boolean) {
  const f = { numBoth: 0, numAgree: 0, numConflict: 0, numApart: 0, numRise: 0 };
  const aFirst = a.published === null || b.published === null || a.published <= b.published;
  const updated = ownCount && !!(a.what?.update || b.what?.update);
  for (const k of ['killed', 'injured'] as const) {
    const x = a.numbers[k];
    const y = b.numbers[k];
    if (x === undefined || y === undefined) continue;
    f.numBoth = 1;
    if (countsAgree(x, y)) {
      f.numAgree = 1;
      continue;
    }
    const rise = k === 'killed' && oneDay && x > 0 && y > 0 && risen(a, b, pubGap, aFirst, ownCount);
    if (rise) f.numRise = 1;
    else if (aFirst ? countsConflict(x, y, pubGap === 0) : countsConflict(y, x, pubGap === 0)) f.numConflict = 1;
    if (k === 'killed' && !rise && !updated && x > 0 && y > 0) f.numApart = Math.min(1, Math.abs(Math.log(x / y)) / Math.LN10);
  }
  return f;
}

/** The dead of `a` and of `b`, of one event day: the higher count grown from the lower, told later or told as a new toll of the other's count (`ownCount`). */
function risen(a: EventSignature, b: EventSignature, pubGap: number | null, aFirst: boolean, ownCount: boolean): boolean {
  const x = a.numbers.killed ?? 0;
  const y = b.numbers.killed ?? 0;
  const [lo, hi, high, low] = x < y ? [x, y, b, a] : [y, x, a, b];
  if (hi > TOLL_GROWTH * lo + 2) return false;
  // Published a day or more after the other (which of the two is `aFirst` says).
  if (pubGap !== null && pubGap >= 1) return (high === b) === aFirst;
  // The same day (or a day unknown): the higher count is a new toll, not published before the other.
  return ownCount && !!high.what?.update && !(high.published !== null && low.published !== null && high.published < low.published);
}
