// The event behind two reports, read from third reports: two reports each judged the same event
// as the same other reports are likely one event (an outlet's update and a later count of the
// same attack, told in words that share little), and a report the other's closest partners are
// not the same event as is likely another. A second stage over the pair model's probabilities
// (pair.ts), fitted by scripts/fit-events.ts on out-of-fold first-stage judgements.
//
// Against chaining: only direct partners count (a third report judged with both; never a chain
// of them), the features are of the best one or two partners, and the pair model's rules (events
// days apart, recurring reports, places apart) still cap the result.

/** Below this a pair model probability is read as no evidence (0), and a pair is left as it was judged. */
export const NEIGHBOUR_FLOOR = 0.1;
/** A third report at least this probably the same event as one of the two is a close partner. */
const CLOSE = 0.5;

export const NEIGHBOUR_FEATURES = ['first', 'shared', 'shared2', 'against', 'support', 'alone'] as const;

export interface NeighbourModel {
  features: string[];
  bias: number;
  coef: number[];
  /** Raw → calibrated probability, as the pair model's (linear between points). */
  calibration: Array<[number, number]>;
}

/** What the third reports say of a pair: for each, its first-stage probability with `a` and with `b`. */
export type Thirds = ReadonlyArray<readonly [number, number]>;

const logit = (p: number) => {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
};

/**
 * The second stage's features (each bounded): `first` the pair model's probability as a log-odds
 * scaled to about ±1; `shared` and `shared2` the best two third reports' agreement with both (the
 * lesser of their two probabilities); `against` the most a close partner of one is judged apart
 * from the other, weighed by the share of close partners not of both; `support` the share of close
 * partners of either that are close to both; `alone`
 * when neither has a close partner (the first stage alone speaks).
 */
export function neighbourFeatures(first: number, thirds: Thirds): number[] {
  let s1 = 0;
  let s2 = 0;
  let against = 0;
  let close = 0;
  let both = 0;
  for (const [x, y] of thirds) {
    const pa = x >= NEIGHBOUR_FLOOR ? x : 0;
    const pb = y >= NEIGHBOUR_FLOOR ? y : 0;
    const lo = Math.min(pa, pb);
    const hi = Math.max(pa, pb);
    if (lo > s1) [s1, s2] = [lo, s1];
    else if (lo > s2) s2 = lo;
    if (hi >= CLOSE) {
      close++;
      if (lo >= CLOSE) both++;
      against = Math.max(against, hi - lo);
    }
  }
  const support = close ? both / close : 0;
  // A partner judged apart counts whole where no close partner is of both (two incidents sharing a
  // report), little where most are: in an event of many reports the pair model misses a pair or
  // two of its own (a partial toll, a later count), and that one miss is not two events.
  return [logit(first) / 7, s1, s2, against * (1 - support), support, close ? 0 : 1];
}

export function calibrate(p: number, table: ReadonlyArray<[number, number]>): number {
  if (!table.length) return p;
  if (p <= table[0]![0]) return table[0]![1];
  // Points read by index, not destructured: an array destructured is iterated (garbage at each
  // pair judged, session 17).
  for (let i = 1; i < table.length; i++) {
    const x1 = table[i]![0];
    if (p <= x1) {
      const y1 = table[i]![1];
      const x0 = table[i - 1]![0];
      const y0 = table[i - 1]![1];
      return x1 === x0 ? y1 : y0 + ((p - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return table[table.length - 1]![1];
}

export function neighbourRaw(x: readonly number[], model: NeighbourModel): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.coef[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** A first-stage probability at or over this (the "same event" figure, fixed) is confident. */
export const CONFIDENT = 0.8;
const AGAINST = NEIGHBOUR_FEATURES.indexOf('against');

/**
 * The pair's probability with what the third reports say: the first stage's where it is under
 * the floor (nothing to lift) or there is no second stage; `cap` the most the pair model's rules allow.
 * A pair the first stage is confident of is not lowered unless a third report speaks against it
 * (a close partner of one judged apart from the other) or its own features do (`apart`): without that, the second stage has only
 * its own calibration to lower it by, and each refit moved such pairs either side of the threshold
 * (events17: real pairs at 0.91–0.96 by the pair model held at 0.800, then 0.76–0.79).
 */
export function withNeighbours(first: number, thirds: Thirds, cap: number, model: NeighbourModel | undefined, apart = false): number {
  if (!model || first < NEIGHBOUR_FLOOR) return first;
  const x = neighbourFeatures(first, thirds);
  const second = calibrate(neighbourRaw(x, model), model.calibration);
  // `apart`: the pair's own features say two incidents or share nothing of what happened (ceilings.ts
  // secondMayLower), so nothing keeps the second stage from lowering it — the confident pairs of
  // two events the guard let through (events18) and one place and day alone (events19-20).
  const p = first >= CONFIDENT && x[AGAINST] === 0 && !apart ? Math.max(second, first) : second;
  return Math.round(Math.min(p, cap) * 1000) / 1000;
}
