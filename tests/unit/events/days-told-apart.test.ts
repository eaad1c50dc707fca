// One place, the same kind of event and toll, on two days each report tells two or more days apart
// (neither naming the other's): two incidents, the war's commonest pair of them (lib/events/pair.ts
// capOf) — never same-event, however alike their words. Days told one apart, or a later report
// naming the other's day, are not this.
import { describe, expect, it } from 'vitest';
import { eventDoc, judge } from '../../../lib/events';
import { pairFeatures, probabilityOf, type EventDoc } from '../../../lib/events/pair';

// Each case: one report's words, told of one day and, two days later, of another (the weekday and
// the publication day changed, nothing else).
interface Case { name: string; title: string; text: (day: string) => string; days: [string, string]; published: [string, string] }
const cases: Case[] = [
  {
    name: 'Mayadin: 7 dead on Monday, 7 dead on Wednesday',
    title: 'Russian air strikes kill 7 in Mayadin',
    text: (day) => `Russian air strikes killed 7 civilians on ${day} in the town of Mayadin in Deir ez-Zor province, according to local activists.`,
    days: ['Monday', 'Wednesday'],
    published: ['2017-10-02', '2017-10-04'],
  },
  {
    name: 'الميادين: 5 قتلى يوم الاثنين، و5 يوم الأربعاء',
    title: 'مقتل 5 مدنيين بغارات روسية على مدينة الميادين',
    text: (day) => `قتل 5 مدنيين يوم ${day} بغارات روسية على مدينة الميادين في ريف دير الزور الشرقي، بحسب ناشطين.`,
    days: ['الاثنين', 'الأربعاء'],
    published: ['2025-03-03', '2025-03-05'],
  },
];

const docs = (c: Case) => [0, 1].map((i) => eventDoc(c.title, c.text(c.days[i]!), c.published[i]!, ['one', 'two'][i])) as [EventDoc, EventDoc];

describe('one place, days told two or more apart', () => {
  it('is two incidents: related at most, never same-event', () => {
    for (const c of cases) {
      const [da, db] = docs(c);
      const facts = pairFeatures(da, db);
      expect([c.name, facts.gap, facts.features.dayOther, facts.features.dayNamed, facts.features.placeSame]).toEqual([c.name, 2, 1, 0, 1]);
      const j = judge(da, db);
      expect([c.name, j.probability <= 0.5, j.relation]).toEqual([c.name, true, 'related']);
    }
  });

  it('is the days the rule reads: one day apart, or the other day named, lifts the cap', () => {
    for (const c of cases) {
      const [da, db] = docs(c);
      const facts = pairFeatures(da, db);
      const capped = probabilityOf(facts.features, facts.gap);
      expect(capped).toBeLessThanOrEqual(0.5);
      const dayApart = probabilityOf({ ...facts.features, day1: 1 }, 1);
      const named = probabilityOf({ ...facts.features, dayNamed: 1 }, facts.gap);
      expect([c.name, dayApart > 0.5, named > 0.5]).toEqual([c.name, true, true]);
    }
  });
});
