// The held-out designs of scripts/events-splits.ts keep each event (and, by outlet, each held
// outlet) on one side: no pair fitted shares an event with a report judged, and each pair is
// judged once. Checked on a small made-up set of reports.
import { describe, expect, it } from 'vitest';
import { eventFolds, foldOf, outletSplits, timeSplit, type Split, type Unit } from '../../../scripts/events-splits';

const OUTLETS = ['ahram', 'alaraby', 'dailysabah', 'manar', 'trt', 'sputnik', 'sana'];
/** 60 events of one to four reports each, over two sources, outlets and years. */
const units: Unit[] = Array.from({ length: 60 }, (_, e) =>
  Array.from({ length: 1 + (e % 4) }, (_, k) => ({
    source: e % 3 ? 'fa-kes' : 'real-2025',
    event: `${e % 3 ? 'fa-kes' : 'real-2025'}:e${e}`,
    outlet: OUTLETS[(e + 2 * k) % OUTLETS.length]!,
    publishedAt: `${2013 + (e % 5) + (k === 3 ? 1 : 0)}-0${1 + k}-1${e % 10}`,
  })),
).flat();
const pairs = units.flatMap((a, i) => units.slice(i + 1).filter((b) => b.source === a.source).map((b) => [a, b] as const));

/** The events of fitted pairs and the events and reports of judged pairs, for one split. */
function sides(s: Split<Unit>) {
  const fitted = pairs.filter(([a, b]) => s.fit(a, b));
  const judged = pairs.filter(([a, b]) => s.judge(a, b));
  const fitEvents = new Set(fitted.flatMap(([a, b]) => [a.event, b.event]));
  const fitReports = new Set(fitted.flat());
  return { fitted, judged, fitEvents, fitReports };
}

describe('eventFolds', () => {
  it('fits no pair of an event it judges, judges each pair once, and moves events between folds with the seed', () => {
    for (const seed of [0, 1, 2]) {
      const folds = eventFolds<Unit>(5, seed);
      const count = new Map<string, number>();
      for (const s of folds) {
        const { judged, fitEvents } = sides(s);
        const ownEvents = new Set(units.filter((u) => foldOf(u.event, 5, seed) === folds.indexOf(s)).map((u) => u.event));
        for (const e of ownEvents) expect(fitEvents.has(e)).toBe(false);
        for (const [a, b] of judged) expect(ownEvents.has(a.event) || ownEvents.has(b.event)).toBe(true);
        for (const [a, b] of judged) {
          const key = `${units.indexOf(a)}-${units.indexOf(b)}`;
          count.set(key, 1 + (count.get(key) ?? 0));
        }
      }
      expect(Math.max(...count.values())).toBe(1);
      expect([...count.values()].length).toBe(pairs.length);
    }
    // Seed 0 is the fold every fit before used (FNV-1a of the name alone).
    expect(foldOf('fa-kes:e1', 5)).toBe(foldOf('fa-kes:e1', 5, 0));
    const moved = units.filter((u) => foldOf(u.event, 5, 0) !== foldOf(u.event, 5, 1)).length;
    expect(moved).toBeGreaterThan(units.length / 2);
  });
});

describe('outletSplits', () => {
  it('holds each outlet of the source in one group, with its events: no held outlet or event among the fitted pairs', () => {
    const splits = outletSplits(units, 'fa-kes', 3);
    const groupOf = new Map<string, number>();
    const judgedOnce = new Map<string, number>();
    splits.forEach((s, g) => {
      const { judged, fitReports, fitEvents } = sides(s);
      const held = new Set(judged.flat().filter((u) => s.name.includes(u.outlet) && u.source === 'fa-kes'));
      expect(held.size).toBeGreaterThan(0);
      for (const u of held) {
        expect(fitEvents.has(u.event)).toBe(false);
        expect(fitReports.has(u)).toBe(false);
        expect(groupOf.get(u.outlet) ?? g).toBe(g);
        groupOf.set(u.outlet, g);
      }
      // No report of a held outlet of this source is fitted; every judged pair holds one, of FA-KES.
      for (const u of fitReports) expect(u.source !== 'fa-kes' || !s.name.split(', ').some((n) => n.endsWith(u.outlet))).toBe(true);
      for (const [a, b] of judged) {
        expect(a.source).toBe('fa-kes');
        expect(held.has(a) || held.has(b)).toBe(true);
        const key = `${units.indexOf(a)}-${units.indexOf(b)}`;
        judgedOnce.set(key, 1 + (judgedOnce.get(key) ?? 0));
      }
    });
    // Every outlet of the source in a group; every FA-KES pair judged exactly once; real 2025 always fitted.
    expect(new Set(groupOf.keys())).toEqual(new Set(units.filter((u) => u.source === 'fa-kes').map((u) => u.outlet)));
    expect([...judgedOnce.values()].every((n) => n === 1)).toBe(true);
    expect(judgedOnce.size).toBe(pairs.filter(([a]) => a.source === 'fa-kes').length);
    for (const s of splits) for (const [a, b] of pairs.filter(([a]) => a.source === 'real-2025')) expect(s.fit(a, b)).toBe(true);
  });
});

describe('outletSplits, the articles alone', () => {
  it('fits no held report, but the other outlets\' reports of a held report\'s event', () => {
    const splits = outletSplits(units, 'fa-kes', 3, false);
    let sharedEvents = 0;
    splits.forEach((s) => {
      const { judged, fitReports, fitEvents } = sides(s);
      const held = new Set(units.filter((u) => u.source === 'fa-kes' && s.name.split(', ').some((n) => n.endsWith(u.outlet))));
      for (const u of held) expect(fitReports.has(u)).toBe(false);
      for (const [a, b] of judged) expect(held.has(a) || held.has(b)).toBe(true);
      sharedEvents += [...held].filter((u) => fitEvents.has(u.event)).length;
    });
    // Unlike the default, an event may be fitted (through its other outlets' reports) and judged.
    expect(sharedEvents).toBeGreaterThan(0);
  });
});

describe('timeSplit', () => {
  it('fits only events begun before the cut and judges only pairs with a report of an event begun on or after it', () => {
    const s = timeSplit(units, { 'fa-kes': '2016-01-01' }, 'FA-KES from 2016');
    const { judged, fitted } = sides(s);
    const start = new Map<string, string>();
    for (const u of units) if (!start.has(u.event) || u.publishedAt! < start.get(u.event)!) start.set(u.event, u.publishedAt!);
    const later = (u: Unit) => u.source === 'fa-kes' && start.get(u.event)! >= '2016-01-01';
    expect(judged.length).toBeGreaterThan(0);
    for (const [a, b] of fitted) expect(later(a) || later(b)).toBe(false);
    for (const [a, b] of judged) expect(later(a) || later(b)).toBe(true);
    // An event begun before the cut with a report after it stays whole on the fitted side.
    const straddling = units.filter((u) => u.source === 'fa-kes' && u.publishedAt! >= '2016-01-01' && !later(u));
    expect(straddling.length).toBeGreaterThan(0);
    for (const u of straddling) {
      const own = pairs.filter(([a, b]) => a.event === u.event && b.event === u.event && (a === u || b === u));
      expect(own.length).toBeGreaterThan(0);
      for (const [a, b] of own) expect([s.fit(a, b), s.judge(a, b)]).toEqual([true, false]);
    }
    // Real 2025 has no cut here: fitted, never judged.
    expect(judged.some(([a]) => a.source === 'real-2025')).toBe(false);
  });
});
