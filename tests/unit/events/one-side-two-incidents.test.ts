// Two incidents linked by one side (lib/events/ceilings.ts `oneSideTwoIncidents`, events25): the
// reports' sides differ — who acted in one is not who acted in the other, or is its target (rebel
// rockets on the capital, and the government's strikes on the suburbs they came from, in reply) —
// and their tolls cannot be one count: far apart at one shared place, or apart at two specific
// places of their own (the Kurds' battle with IS at one village and the army's near a town of the
// same governorate). Held under "same event" as a class of the result, however alike the words.
// What must stay: one strike that outlets blame on different actors, with tolls one count could
// give, or with tolls far apart but one side named by both, is not of the class.
import { describe, expect, it } from 'vitest';
import { eventDoc, judge } from '../../../lib/events';
import { pairFeatures } from '../../../lib/events/pair';
import { ceilingOf, oneSideTwoIncidents } from '../../../lib/events/ceilings';
import { sidesNamed } from '../../../lib/events/sides';

type Report = [string, string, string];
const docs = (a: Report, b: Report) => [eventDoc(a[0], a[1], a[2], 'one'), eventDoc(b[0], b[1], b[2], 'two')] as const;
const inClass = (a: Report, b: Report) => {
  const [da, db] = docs(a, b);
  return oneSideTwoIncidents(da.sig, db.sig, pairFeatures(da, db).features);
};
const ceiling = (a: Report, b: Report) => {
  const [da, db] = docs(a, b);
  const facts = pairFeatures(da, db);
  return ceilingOf(da.sig, db.sig, facts.features, facts.gap, 1);
};

const rockets: Report = ['Rebel rockets kill four in Damascus', 'Rockets fired by Jaysh al-Islam killed four people in Damascus on Thursday and wounded 40, a monitoring group said. The army responded with air strikes on Eastern Ghouta.', '2015-02-05'];
const strikes: Report = ['Government air strikes kill 40 in Eastern Ghouta', 'Syrian government air strikes killed at least 40 people in Eastern Ghouta on Thursday after rebels fired rockets at the capital, a monitoring group said.', '2015-02-05'];
const kurds: Report = ['Kurdish fighters kill 25 IS militants in Hasakeh village', 'At least 25 Islamic State militants were killed in clashes with Kurdish YPG fighters in the village of Qassiab in Hasakeh province on Thursday, a monitor said.', '2014-12-25'];
const army: Report = ['Syrian army kills 60 IS militants near Qamishli', 'The Syrian army killed some 60 Islamic State fighters south of Qamishli in two days of fighting, state media said on Friday.', '2014-12-26'];
const rocketsAr: Report = ['مقتل 4 مدنيين بقذائف على دمشق', 'قتل 4 مدنيين اليوم بقذائف صاروخية أطلقها جيش الإسلام على أحياء دمشق من الغوطة الشرقية، بحسب المرصد السوري.', '2015-02-05'];
const strikesAr: Report = ['مقتل 40 بغارات للنظام على الغوطة الشرقية', 'قتل 40 شخصاً اليوم بغارات جوية شنتها قوات النظام على مدن الغوطة الشرقية رداً على قذائف فصائل المعارضة على دمشق، بحسب المرصد السوري.', '2015-02-05'];
const kurdsAr: Report = ['مقتل 25 من تنظيم الدولة باشتباكات مع الوحدات الكردية', 'قتل 25 من عناصر تنظيم الدولة اليوم في اشتباكات مع وحدات حماية الشعب الكردية في قرية تل براك بريف الحسكة، بحسب المرصد السوري.', '2014-12-25'];
const armyAr: Report = ['قوات النظام تقتل 60 من تنظيم الدولة قرب القامشلي', 'قتلت قوات النظام 60 من عناصر تنظيم الدولة اليوم في معارك جنوب مدينة القامشلي، بحسب وكالة سانا.', '2014-12-25'];

describe('two incidents linked by one side', () => {
  it('names the government as the side of the state (who acted, not a statement)', () => {
    expect(sidesNamed(docs(strikes, rockets)[0].sig.actors)).toEqual(['opposition', 'state']);
    expect(sidesNamed(docs(rockets, strikes)[0].sig.actors)).toEqual(['opposition']);
  });

  it('is the class: sides that differ, tolls far apart at one place or apart at two places (English and Arabic)', () => {
    for (const [a, b] of [[rockets, strikes], [kurds, army], [rocketsAr, strikesAr], [kurdsAr, armyAr]] as const) {
      expect([a[0], inClass(a, b), ceiling(a, b) <= 0.75]).toEqual([a[0], true, true]);
    }
  });

  it('is never same-event, however alike the words', () => {
    for (const [a, b] of [[rockets, strikes], [kurds, army]] as const) {
      const [da, db] = docs(a, b);
      const j = judge(da, db);
      expect([a[0], j.probability <= 0.75, j.relation]).toEqual([a[0], true, 'related']);
    }
  });

  // One strike, outlets blaming different actors (Russian or regime warplanes, the coalition or the regime).
  const guards: Array<[Report, Report]> = [
    [
      ['مقتل 5 مدنيين بغارات روسية على أريحا', 'قتل 5 مدنيين اليوم بغارات شنها الطيران الروسي على مدينة أريحا في ريف إدلب، بحسب الدفاع المدني.', '2017-05-15'],
      ['مقتل 45 مدنياً بغارات للنظام على أريحا', 'قتل 45 مدنياً اليوم بغارات شنتها قوات النظام على مدينة أريحا في ريف إدلب، بحسب المرصد السوري.', '2017-05-15'],
    ],
    [
      ['مقتل 9 مدنيين بغارات روسية على أريحا', 'قتل 9 مدنيين اليوم بغارات شنها الطيران الروسي على مدينة أريحا في ريف إدلب، بحسب الدفاع المدني.', '2017-05-15'],
      ['مقتل 13 مدنياً بغارات للنظام على أريحا', 'قتل 13 مدنياً اليوم بغارات شنتها قوات النظام على مدينة أريحا في ريف إدلب، بحسب المرصد السوري.', '2017-05-15'],
    ],
    [
      ['Coalition strike kills 20 in Manbij', 'A US-led coalition air strike killed 20 civilians in Manbij on Monday, a monitor said.', '2016-07-18'],
      ['مقتل 25 مدنياً بغارة للنظام على منبج', 'قتل 25 مدنياً يوم الإثنين بغارة جوية شنتها قوات النظام على مدينة منبج، بحسب ناشطين.', '2016-07-18'],
    ],
    [
      ['مقتل 85 مدنياً بغارات للتحالف على قرى في ريف منبج', 'قتل 85 مدنياً اليوم بغارات للتحالف الدولي على قرية التوخار في ريف منبج، بحسب المرصد السوري.', '2016-07-19'],
      ['مقتل 56 مدنياً في قصف على ريف منبج', 'قتل 56 مدنياً اليوم في قصف على قرية الغندورة قرب منبج خلال معارك قوات سوريا الديمقراطية مع تنظيم الدولة.', '2016-07-19'],
    ],
  ];

  it('is not one strike blamed on different actors with tolls one count could give, nor tolls apart told of one side', () => {
    for (const [a, b] of guards) {
      expect([a[0], inClass(a, b), ceiling(a, b)]).toEqual([a[0], false, 1]);
    }
  });
});
