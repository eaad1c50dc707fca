// Held-out designs of the same-event model (scripts/fit-events.ts, scripts/events-shift.ts): which
// pairs a model is fitted on and which it judges. Every design keeps an event on one side: a
// report held out takes its whole event out of fitting, so no event is fitted and judged at once.
//  - by event (the standard cross-validation): an event's fold from a hash of its name and a seed;
//  - by outlet (leave a family of sources out): an outlet's reports held out, with their events;
//  - by time (fit on the earlier, judge the later): events begun on or after a cut held out.

/** What a split reads of a report. */
export interface Unit {
  source: string;
  event: string;
  outlet: string;
  publishedAt: string | null;
}

/** One split: the pairs its model is fitted on, the pairs it judges (neither side of one pair both). */
export interface Split<U extends Unit> {
  name: string;
  fit: (a: U, b: U) => boolean;
  judge: (a: U, b: U) => boolean;
}

/** FNV-1a of a string, unsigned 32 bits. */
function fnv(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** An event's fold of `folds` (FNV-1a of its name; seed 0 is the fold every fit before shift18 used). */
export function foldOf(event: string, folds: number, seed = 0): number {
  return fnv(seed ? `${seed}#${event}` : event) % folds;
}

/**
 * An event's inner fold of `folds` under fold seed `seed`: the partition a fit draws of its own
 * pairs to judge them out of fold (its calibration, second stage and threshold), the same rule for
 * a held-out fold's fit and the final one (inner20). Drawn apart from the outer folds: FNV-1a under
 * a salt of its own, then mixed (murmur3's finaliser), because FNV-1a keys that end alike
 * ("2#e" and "inner 2#e") leave their hashes a near-constant distance apart, so their folds follow
 * each other (measured on the labelled events: chi-square 127-214 on 16 degrees of freedom).
 */
export function innerFoldOf(event: string, folds: number, seed = 0): number {
  let h = fnv(`inner ${seed}#${event}`);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % folds;
}

/** Splits by a fold of each event: fold f fits the pairs touching no event of f and judges those whose lower fold is f. */
function byFold<U extends Unit>(of: (u: U) => number, folds: number, name: string): Array<Split<U>> {
  return Array.from({ length: folds }, (_, f) => ({
    name: `${name} fold ${f}`,
    fit: (a, b) => of(a) !== f && of(b) !== f,
    judge: (a, b) => Math.min(of(a), of(b)) === f,
  }));
}

/**
 * The standard cross-validation by event: fold f fits the pairs touching no event of f and judges
 * the pairs whose lower fold is f (each pair judged once).
 */
export function eventFolds<U extends Unit>(folds: number, seed = 0): Array<Split<U>> {
  return byFold((u: U) => foldOf(u.event, folds, seed), folds, `seed ${seed}`);
}

/**
 * The inner folds of one fit (scripts/fit-events.ts fitModel), as eventFolds but by innerFoldOf:
 * a partition of any fit's pairs, a held-out fold's or the final one's, into `folds` of events,
 * none empty for want of the events its outer fold holds out.
 */
export function innerFolds<U extends Unit>(folds: number, seed = 0): Array<Split<U>> {
  return byFold((u: U) => innerFoldOf(u.event, folds, seed), folds, `seed ${seed} inner`);
}

/**
 * Held-out report sets as splits: set k fits the pairs of no event any of its reports tells (with
 * `events` false, the pairs of none of its reports: the other reports of their events still
 * fitted), and judges the pairs with a report of its own, unless an earlier set (of `sets`, in
 * order) judged it.
 */
function heldSplits<U extends Unit>(sets: Array<{ name: string; held: Set<U> }>, disjoint: boolean, events = true): Array<Split<U>> {
  return sets.map(({ name, held }, k) => {
    const blocked = new Set([...held].map((u) => u.event));
    const before = disjoint ? sets.slice(0, k).map((s) => s.held) : [];
    const judged = (u: U) => held.has(u) && !before.some((h) => h.has(u));
    const fit = events ? (a: U, b: U) => !blocked.has(a.event) && !blocked.has(b.event) : (a: U, b: U) => !held.has(a) && !held.has(b);
    return { name, fit, judge: (a, b) => (judged(a) || judged(b)) && !before.some((h) => h.has(a) || h.has(b)) };
  });
}

/**
 * Leave a family of sources out: the outlets of `source` shared among `groups` groups (largest
 * first, each to the group of fewest reports so far: groups of about one size), each group's
 * reports held out with their events (with `events` false, the reports alone: the other outlets'
 * reports of their events still fitted, as the locked set's articles that tell a labelled
 * incident). Reports of other sources are always fitted, never judged.
 */
export function outletSplits<U extends Unit>(reports: U[], source: string, groups: number, events = true): Array<Split<U>> {
  const count = new Map<string, number>();
  for (const r of reports) if (r.source === source) count.set(r.outlet, (count.get(r.outlet) ?? 0) + 1);
  const outlets = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const sizes = new Array<number>(groups).fill(0);
  const groupOf = new Map<string, number>();
  for (const [outlet, n] of outlets) {
    const g = sizes.indexOf(Math.min(...sizes));
    groupOf.set(outlet, g);
    sizes[g]! += n;
  }
  const sets = Array.from({ length: groups }, (_, g) => {
    const mine = outlets.filter(([o]) => groupOf.get(o) === g).map(([o]) => o);
    return { name: `outlets ${mine.join(', ')}`, held: new Set(reports.filter((r) => r.source === source && groupOf.get(r.outlet) === g)) };
  });
  return heldSplits(sets, true, events);
}

/** The day an event began: the earliest publication day of its reports (an event is never split by a cut). */
function eventStarts<U extends Unit>(reports: U[]): Map<string, string> {
  const start = new Map<string, string>();
  for (const r of reports) {
    const day = r.publishedAt?.slice(0, 10) ?? '';
    const seen = start.get(r.event);
    if (seen === undefined || day < seen) start.set(r.event, day);
  }
  return start;
}

/**
 * Fit on the earlier, judge the later: for each source named in `cuts`, the reports of the events
 * begun on or after its cut (an ISO day) held out. Sources not named are always fitted.
 */
export function timeSplit<U extends Unit>(reports: U[], cuts: Record<string, string>, name: string): Split<U> {
  const start = eventStarts(reports);
  return eventsSplit(reports, (r) => cuts[r.source] !== undefined && start.get(r.event)! >= cuts[r.source]!, name);
}

/** The reports `held` says (whole events: it must say alike of an event's reports) held out with their events. */
export function eventsSplit<U extends Unit>(reports: U[], held: (r: U) => boolean, name: string): Split<U> {
  return heldSplits([{ name, held: new Set(reports.filter(held)) }], false)[0]!;
}
