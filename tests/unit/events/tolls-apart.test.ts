// Two incidents at one place on days two or more apart, with tolls further apart than one toll
// grows as the dead are counted (lib/events/ceilings.ts capOf, numbers.ts TOLL_GROWTH): never one
// event, however alike their words — whichever way each report's day was read (a weekday, "today",
// or only its publication day).
import { describe, expect, it } from 'vitest';
import { eventDoc, judge } from '../../../lib/events';
import { pairFeatures, probabilityOf } from '../../../lib/events/pair';

const cases: Array<{ name: string; a: [string, string, string]; b: [string, string, string] }> = [
  {
    name: 'Manbij: Monday\'s 21 dead, and 160 told two days later with no day but its own',
    a: ['Coalition strikes kill 21 civilians in Manbij', 'Air strikes by the US-led coalition killed at least 21 civilians in Manbij, a monitoring group said on Monday.', '2016-07-18'],
    b: ['Dozens killed in coalition air strikes on Manbij', 'At least 160 civilians were killed in air strikes by the international coalition on Manbij, activists said.', '2016-07-20'],
  },
  {
    name: 'الرستن: 3 قتلى اليوم، ثم 40 بعد يومين',
    a: ['مقتل 3 مدنيين بقصف على مدينة الرستن', 'قتل 3 مدنيين اليوم بقصف مدفعي على مدينة الرستن في ريف حمص الشمالي.', '2025-03-01'],
    b: ['مقتل 40 مدنياً بغارات على مدينة الرستن', 'قتل 40 مدنياً اليوم بغارات جوية على مدينة الرستن في ريف حمص الشمالي، بحسب الدفاع المدني.', '2025-03-03'],
  },
  {
    name: 'Douma: 2 dead on Friday, 31 on Sunday',
    a: ['Shelling kills two in Douma', 'Regime shelling killed two civilians in Douma on Friday, rescuers said.', '2017-11-03'],
    b: ['Air strikes kill 31 in Douma', 'Air strikes killed 31 civilians in Douma on Sunday, rescuers said.', '2017-11-05'],
  },
];

describe('one place, days two or more apart, tolls further apart than one toll grows', () => {
  it('is two incidents: related at most, never same-event', () => {
    for (const { name, a, b } of cases) {
      const da = eventDoc(a[0], a[1], a[2], 'one');
      const db = eventDoc(b[0], b[1], b[2], 'two');
      const facts = pairFeatures(da, db);
      expect([name, facts.gap !== null && facts.gap >= 2, facts.features.numApart > Math.log10(5)]).toEqual([name, true, true]);
      const j = judge(da, db);
      expect([name, j.probability <= 0.5, j.relation]).toEqual([name, true, 'related']);
    }
  });

  it('is not a toll that one event could have grown to, days one apart, or a day the later report names', () => {
    const { a, b } = cases[0]!;
    const facts = pairFeatures(eventDoc(a[0], a[1], a[2], 'one'), eventDoc(b[0], b[1], b[2], 'two'));
    const capped = probabilityOf(facts.features, facts.gap);
    expect(capped).toBeLessThanOrEqual(0.5);
    // The same pair's evidence but for the one thing the rule reads: each lifts the cap.
    const grown = probabilityOf({ ...facts.features, numApart: 0.6, numApartHere: 0.6 }, facts.gap);
    const dayApart = probabilityOf(facts.features, 1);
    const named = probabilityOf({ ...facts.features, dayNamed: 1 }, facts.gap);
    for (const p of [grown, dayApart, named]) expect(p).toBeGreaterThan(capped);
    expect(Math.max(grown, dayApart, named)).toBeGreaterThan(0.5);
  });
});
