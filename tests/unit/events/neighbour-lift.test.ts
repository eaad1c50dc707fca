// A shared partner lifts only a pair whose own evidence is of one event (lib/events/pair.ts
// partnersMayLift): a reaction shares the reports of what it reacts to, and two days' strikes on
// one town share the reports that tell both days — those partners are no evidence of one event.
import { describe, expect, it } from 'vitest';
import { eventDoc, judge, MODEL } from '../../../lib/events';
import { NEIGHBOUR_FLOOR } from '../../../lib/events/neighbours';
import { firstStage, pairFeatures } from '../../../lib/events/pair';
import { partnersMayLift } from '../../../lib/events/ceilings';
import { isReaction } from '../../../lib/events/what';
import type { EventDoc } from '../../../lib/events';

/** Two close partners of both: what the second stage lifts a pair on. */
const PARTNERS: Array<[number, number]> = [[0.98, 0.97], [0.96, 0.95]];
const lifted = (a: EventDoc, b: EventDoc) => judge(a, b, undefined, MODEL, PARTNERS).probability;
const mayLift = (a: EventDoc, b: EventDoc) => {
  const f = pairFeatures(a, b);
  return partnersMayLift(a.sig, b.sig, f.features, f.gap);
};

describe('a reaction', () => {
  it('is read from the headline, in Arabic and in English', () => {
    for (const t of ['ألمانيا ترحب بالتقدم في محادثات دمشق وقسد', 'الخارجية التركية تدين الهجوم على المدنيين', 'الائتلاف يستنكر المجزرة في الأتارب', 'Germany welcomes progress in Damascus–SDF talks', 'Syrian Coalition condemns massacre in Atareb', 'UN chief urges restraint after strikes'])
      expect([t, isReaction(eventDoc(t, '', '2025-06-02').sig)]).toEqual([t, true]);
    for (const t of ['تفاصيل لقاء قسد ودمشق.. لجان مشتركة', 'Air strikes kill 61 in Atareb market'])
      expect([t, isReaction(eventDoc(t, '', '2025-06-02').sig)]).toEqual([t, false]);
  });

  // [the event, a reaction to it naming neither its place nor its toll]
  const cases: Array<[string, [string, string], [string, string], string]> = [
    ['ar', ['تفاصيل لقاء قسد والحكومة السورية في دمشق.. لجان مشتركة وتفاهمات أولية', 'التقى وفد من قوات سوريا الديمقراطية "قسد" أمس وفداً من الحكومة السورية في دمشق، واتفق الطرفان على تشكيل لجان مشتركة.'],
      ['ألمانيا ترحب بالتقدم في محادثات دمشق بين الحكومة السورية و"قسد"', 'رحبت وزارة الخارجية الألمانية اليوم بالتقدم في المحادثات بين الحكومة السورية وقوات سوريا الديمقراطية "قسد".'], '2025-06-02'],
    ['en', ['SDF and Damascus agree on joint committees after talks', 'Delegations of the Syrian Democratic Forces and the Syrian government met in Damascus on Sunday and agreed to form joint committees.'],
      ['Germany welcomes progress in talks between Damascus and the SDF', 'Germany\'s foreign ministry on Monday welcomed progress in the talks between the Syrian government and the Syrian Democratic Forces.'], '2025-06-02'],
  ];
  it('is not lifted by partners it shares with the event it reacts to', () => {
    for (const [lang, ev, re, day] of cases) {
      const a = eventDoc(ev[0], ev[1], day, 'Al-Hal');
      const b = eventDoc(re[0], re[1], day, 'Shaam Network');
      expect([lang, mayLift(a, b), mayLift(b, a)]).toEqual([lang, false, false]);
      const first = firstStage(a, b);
      expect(first).toBeGreaterThanOrEqual(NEIGHBOUR_FLOOR);
      expect([lang, lifted(a, b) <= first]).toEqual([lang, true]);
    }
  });

  it('is lifted where it names the event\'s own place or toll (a condemnation of the massacre at Atareb)', () => {
    for (const [lang, ev, re] of [
      ['en', ['Air raids kill dozens in northern Syria town', 'Air strikes hit a crowded market in the rebel-held town of Atareb on Monday, killing dozens, a monitor said.'], ['Syrian Coalition condemns Russian massacre', 'The Syrian Coalition strongly condemned the crime committed by Russian warplanes against civilians in Atareb.']],
      ['ar', ['مقتل 61 مدنياً بغارات على سوق الأتارب', 'قتل 61 مدنياً اليوم بغارات جوية على سوق مدينة الأتارب في ريف حلب الغربي.'], ['الائتلاف يدين مجزرة الأتارب', 'أدان الائتلاف الوطني المجزرة التي ارتكبها الطيران الروسي في مدينة الأتارب وراح ضحيتها 61 مدنياً.']],
    ] as const) {
      const a = eventDoc(ev[0], ev[1], '2017-11-13', 'x');
      const b = eventDoc(re[0], re[1], '2017-11-14', 'y');
      expect([lang, isReaction(b.sig), mayLift(a, b)]).toEqual([lang, true, true]);
      const first = firstStage(a, b);
      expect([lang, first >= NEIGHBOUR_FLOOR && first < 0.99 && lifted(a, b) > first]).toEqual([lang, true]);
    }
  });
});

describe('strikes on one town on days apart', () => {
  // [a strike, one on the same town two days later] — the reports telling both days are partners of both.
  const cases: Array<[string, [string, string, string], [string, string, string]]> = [
    ['en', ['Coalition strikes kill 21 civilians in Manbij', 'US-led coalition air strikes killed 21 civilians on Monday in Manbij, a monitor said.', '2016-07-18'],
      ['Coalition airstrikes on Manbij kill dozens', 'Coalition air strikes killed dozens of civilians on Wednesday in Manbij, activists said.', '2016-07-20']],
    ['ar', ['مقتل 21 مدنياً بغارات للتحالف على منبج', 'قتل 21 مدنياً اليوم بغارات جوية للتحالف الدولي على مدينة منبج.', '2016-07-18'],
      ['غارات التحالف على منبج توقع عشرات الضحايا', 'أوقعت غارات جوية للتحالف الدولي على مدينة منبج اليوم عشرات الضحايا من المدنيين.', '2016-07-20']],
  ];
  it('are not lifted by partners they share', () => {
    for (const [lang, x, y] of cases) {
      const a = eventDoc(x[0], x[1], x[2], 'ahram');
      const b = eventDoc(y[0], y[1], y[2], 'asharqalawsat');
      expect([lang, mayLift(a, b)]).toEqual([lang, false]);
      const first = firstStage(a, b);
      expect(first).toBeGreaterThanOrEqual(NEIGHBOUR_FLOOR);
      expect([lang, lifted(a, b) <= first]).toEqual([lang, true]);
    }
  });

  it('are lifted when told as one day (a report of the next day naming the day before)', () => {
    const a = eventDoc('Coalition strikes kill 21 civilians in Manbij', 'US-led coalition air strikes killed 21 civilians on Monday in Manbij, a monitor said.', '2016-07-18', 'ahram');
    const b = eventDoc('Toll from coalition strikes on Manbij rises to 25', 'The toll from Monday\'s coalition air strikes on Manbij rose to 25, a monitor said.', '2016-07-19', 'trt');
    expect(mayLift(a, b)).toBe(true);
  });
});

describe('a pair whose own evidence says two events', () => {
  it('is not lifted: two kinds of event, two places, two days told', () => {
    const day = '2025-03-02';
    const strike = eventDoc('مقتل 4 بغارة على كفرنبل', 'قتل 4 مدنيين اليوم بغارة جوية على بلدة كفرنبل في ريف إدلب.', day, 'x');
    const arrest = eventDoc('اعتقال 4 في كفرنبل', 'اعتقلت قوات الأمن اليوم 4 أشخاص في بلدة كفرنبل.', day, 'y');
    const elsewhere = eventDoc('مقتل 4 بغارة على جاسم', 'قتل 4 مدنيين اليوم بغارة جوية على مدينة جاسم في ريف درعا.', day, 'z');
    const yesterday = eventDoc('مقتل 4 بغارة على كفرنبل أمس', 'قتل 4 مدنيين يوم الجمعة بغارة جوية على بلدة كفرنبل في ريف إدلب.', day, 'w');
    const sunday = eventDoc('مقتل 4 بغارة على كفرنبل', 'قتل 4 مدنيين يوم الأحد بغارة جوية على بلدة كفرنبل في ريف إدلب.', '2025-03-03', 'v');
    expect(pairFeatures(strike, arrest).features.typeConflict).toBe(1);
    expect(mayLift(strike, arrest)).toBe(false);
    expect(mayLift(strike, elsewhere)).toBe(false);
    expect(pairFeatures(yesterday, sunday).features.dayOther).toBe(1);
    expect(mayLift(yesterday, sunday)).toBe(false);
  });

  it('is lifted where nothing of its own says two events', () => {
    const a = eventDoc('مقتل 4 بغارة على كفرنبل', 'قتل 4 مدنيين اليوم بغارة جوية على بلدة كفرنبل في ريف إدلب.', '2025-03-02', 'x');
    const b = eventDoc('غارة جوية توقع 4 قتلى في كفرنبل', 'أوقعت غارة جوية على بلدة كفرنبل اليوم 4 قتلى من المدنيين.', '2025-03-02', 'y');
    expect(mayLift(a, b)).toBe(true);
  });
});
