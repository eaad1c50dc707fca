// Tolls of two reports: the same, or ones one event cannot give.

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
