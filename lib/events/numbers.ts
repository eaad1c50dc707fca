// Tolls of two reports: the same, or ones one event cannot give.
import type { EventSignature } from './types';

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
 * (countsConflict), a toll risen in a report of a later day (`numRise`), and how far apart the
 * dead are otherwise when neither report tells a new toll (`numApart`: 0 for the same, 1 for ten
 * times as many or more — "one dead in a raid" and "a strike kills 18" of one day are two strikes;
 * a new toll of 43 then 126 is one).
 */
export function numberFeatures(a: EventSignature, b: EventSignature, pubGap: number | null, oneDay: boolean) {
  const f = { numBoth: 0, numAgree: 0, numConflict: 0, numApart: 0, numRise: 0 };
  const aFirst = a.published === null || b.published === null || a.published <= b.published;
  for (const k of ['killed', 'injured'] as const) {
    const x = a.numbers[k];
    const y = b.numbers[k];
    if (x === undefined || y === undefined) continue;
    f.numBoth = 1;
    if (countsAgree(x, y)) f.numAgree = 1;
    else if (aFirst ? countsConflict(x, y, pubGap === 0) : countsConflict(y, x, pubGap === 0)) f.numConflict = 1;
    const updated = a.what?.update || b.what?.update;
    if (k !== 'killed' || countsAgree(x, y) || x <= 0 || y <= 0) continue;
    // A toll grows as the dead are counted: a report of a later day with more dead than an earlier
    // one, of the event of the same day (`oneDay`: one report names the other's event day), tells
    // the same toll as it stood then (43, then 126), not another incident.
    const [earlier, later] = aFirst ? [x, y] : [y, x];
    // Not one dead become 18: a count grows by the dead found, a few times over at most.
    if (oneDay && pubGap !== null && pubGap >= 1 && later > earlier && later <= 5 * earlier + 2) f.numRise = 1;
    else if (!updated) f.numApart = Math.min(1, Math.abs(Math.log(x / y)) / Math.LN10);
  }
  return f;
}
