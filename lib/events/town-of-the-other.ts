// Two reports whose event towns differ, one naming the other's town besides its own, on event days
// one or more apart (linked-s25): the fighting that reached the next town the day after (clashes in
// one suburb, then "the clashes of <suburb> and <the first suburb>" the next day), a strike on a
// village the day after the town beside it was hit, the second report telling the first incident's
// town as its background. On one day such a pair is one incident told from two of its places (a
// village and the town it lies by); a day or more apart, each report's own town is its own
// incident: related, not one event. pair-features.ts `placeNear` is 1 where one report names the
// other's town (0.5 where the towns are only of one district or governorate: ceilings.ts
// ownDayOwnTown holds those when both days are told apart).
// Counted first on the training sets dev, A, B and D (flattered: their ledes were read), pairs of
// main's code: event days 1-3 apart with placeNear 1 are 4 pairs — 2 linked report pairs (one of
// them called same-event by main's model, 0.93) and 2 of other incidents — and no same-event pair
// of the 181; on one day, placeNear 1 holds 2 same-event pairs (both found), so the day is a bar.
// A ceiling of the result (ceilings.ts CLASS_CAP), not fitted.
import type { FeatureName } from './pair';

/** One report names the other's town besides its own, the towns differ, and the event days are one or more apart. */
export function townOfTheOtherOnAnotherDay(f: Record<FeatureName, number>, gap: number | null): boolean {
  return f.placeNear === 1 && !f.placeSame && gap !== null && gap >= 1;
}
