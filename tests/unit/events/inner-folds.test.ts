// Every fit of the same-event model (scripts/fit-events.ts fitModel), a held-out fold's and the
// final one, judges its own pairs out of fold on inner folds by event (its calibration, second
// stage and threshold read those judgements). The inner folds must be made alike for every fit:
// five non-empty folds of the fit's own pairs, no event in two, drawn apart from the outer folds —
// not the outer partition again, which leaves a held-out fold's fit one inner fold empty (its own
// held-out events) and four inner fits on three fifths of the events (inner20).
import { describe, expect, it } from 'vitest';
import { eventFolds, foldOf, innerFoldOf, innerFolds, type Unit } from '../../../scripts/events-splits';

const FOLDS = 5;
const SOURCES = ['real-2025', 'fa-kes', 'synthetic'];
/** 500 made-up events named as the fitting script names them (source:id), one to three reports each. */
const units: Unit[] = Array.from({ length: 500 }, (_, e) =>
  Array.from({ length: 1 + (e % 3) }, (_, k) => ({
    source: SOURCES[e % 3]!,
    event: `${SOURCES[e % 3]}:${e % 3 === 1 ? 'incident-' : ''}${e}`,
    outlet: `outlet${(e + k) % 7}`,
    publishedAt: `2017-0${1 + k}-1${e % 10}`,
  })),
).flat();
/** The pairs of one source among the first 300 reports (every pair of them: a fit's candidates). */
const pairs = units.slice(0, 300).flatMap((a, i) => units.slice(i + 1, 300).filter((b) => b.source === a.source).map((b) => [a, b] as const));
const events = [...new Set(units.map((u) => u.event))];
const index = new Map(units.map((u, i) => [u, i]));

describe('a fit\'s inner folds', () => {
  it('are five non-empty folds of every fit\'s pairs, each held-out fold\'s (fold seeds 0-4) and the final one\'s', () => {
    for (const seed of [0, 1, 2, 3, 4]) {
      const fits = [...eventFolds<Unit>(FOLDS, seed).map((s) => pairs.filter(([a, b]) => s.fit(a, b))), pairs];
      for (const train of fits) {
        for (const s of innerFolds<Unit>(FOLDS, seed)) {
          const judged = train.filter(([a, b]) => s.judge(a, b));
          const fitted = train.filter(([a, b]) => s.fit(a, b));
          // A fold judged out of fold by a fit on the rest: both sides hold pairs, same-event ones too.
          expect(judged.length).toBeGreaterThan(0);
          expect(judged.some(([a, b]) => a.event === b.event)).toBe(true);
          expect(fitted.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('keep each event in one fold: no pair fitted by an inner fold touches an event it judges, and each pair is judged once', () => {
    for (const seed of [0, 1, 2, 3, 4]) {
      const times = new Map<string, number>();
      for (const [f, s] of innerFolds<Unit>(FOLDS, seed).entries()) {
        const own = new Set(events.filter((e) => innerFoldOf(e, FOLDS, seed) === f));
        const crossing = pairs.filter(([a, b]) => s.fit(a, b) && (own.has(a.event) || own.has(b.event)));
        expect(crossing).toEqual([]);
        const judged = pairs.filter(([a, b]) => s.judge(a, b));
        expect(judged.filter(([a, b]) => !own.has(a.event) && !own.has(b.event))).toEqual([]);
        for (const [a, b] of judged) {
          const key = `${index.get(a)}-${index.get(b)}`;
          times.set(key, 1 + (times.get(key) ?? 0));
        }
      }
      expect(times.size).toBe(pairs.length);
      expect([...times.values()].every((n) => n === 1)).toBe(true);
    }
  });

  it('are drawn apart from the outer folds: every outer fold\'s events spread over all five inner folds, as chance would', () => {
    for (const seed of [0, 1, 2, 3, 4]) {
      const cells = Array.from({ length: FOLDS }, () => new Array<number>(FOLDS).fill(0));
      for (const e of events) cells[foldOf(e, FOLDS, seed)]![innerFoldOf(e, FOLDS, seed)]! += 1;
      const rows = cells.map((r) => r.reduce((x, y) => x + y, 0));
      const cols = cells[0]!.map((_, j) => cells.reduce((x, r) => x + r[j]!, 0));
      let chi2 = 0;
      cells.forEach((r, i) => r.forEach((n, j) => (chi2 += (n - (rows[i]! * cols[j]!) / events.length) ** 2 / ((rows[i]! * cols[j]!) / events.length))));
      // Every cell holds events (about 20 each); the table is no further from independence than
      // chance puts it one time in a thousand (chi-square, 16 degrees of freedom: 39.25).
      expect(Math.min(...cells.flat())).toBeGreaterThan(5);
      expect(chi2).toBeLessThan(39.25);
    }
  });
});
