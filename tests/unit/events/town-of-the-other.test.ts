// Two reports whose event towns differ, one naming the other's town besides its own, on event days
// one or more apart: the fighting reaching the next town, a strike on the village beside a town hit
// the day before, a blast two days after one in the next town — each report's own town is its own
// incident, held under "same event" (lib/events/town-of-the-other.ts, read by ceilings.ts
// signatureFacts). On one day, or at one town, or where neither names the other's town, the class
// says nothing. Our own wording.
import { describe, expect, it } from 'vitest';
import { ceilingOf, signatureFacts } from '../../../lib/events/ceilings';
import { eventDoc, pairFeatures, type EventDoc } from '../../../lib/events/pair';

const judged = (a: EventDoc, b: EventDoc) => {
  const { features, gap } = pairFeatures(a, b);
  return { two: signatureFacts(a.sig, b.sig, features, gap).twoIncidents, ceiling: ceilingOf(a.sig, b.sig, features, gap, 0.99), features, gap };
};
/** Told as two incidents, and so held under "same event". */
const expectHeldApart = (j: ReturnType<typeof judged>) => {
  expect(j.two).toBe(true);
  expect(j.ceiling).toBeLessThanOrEqual(0.75);
};

describe('one report naming the other\'s town, on another day', () => {
  it('the fighting reaching the next town the day after, the later report dated by its publication', () => {
    const douma = eventDoc('اشتباكات عنيفة في دوما', 'اندلعت اشتباكات عنيفة بين مسلحين محليين وقوات الأمن في مدينة دوما بريف دمشق مساء اليوم الاثنين، وقتل فيها تسعة أشخاص.', '2024-03-04');
    const harasta = eventDoc('الاشتباكات تصل إلى حرستا', 'امتدت الاشتباكات إلى مدينة حرستا بريف دمشق بعد معارك دوما، وقتل فيها ثمانية أشخاص بحسب مصادر محلية.', '2024-03-05');
    for (const [a, b] of [[douma, harasta], [harasta, douma]] as const) {
      const j = judged(a, b);
      expect(j.features.placeNear).toBe(1);
      expect(j.gap).toBe(1);
      expectHeldApart(j);
    }
  });

  it('a strike on the village beside a town struck the day before, both days told, the same toll', () => {
    const town = eventDoc('غارات على معرة النعمان', 'شنت طائرات حربية غارات على مدينة معرة النعمان في ريف إدلب صباح اليوم الأحد، ما أدى إلى مقتل خمسة مدنيين.', '2024-05-12');
    const village = eventDoc('غارات على كفرنبل', 'شنت طائرات حربية غارات على بلدة كفرنبل جنوب معرة النعمان في ريف إدلب صباح اليوم الاثنين، ما أدى إلى مقتل خمسة مدنيين.', '2024-05-13');
    expectHeldApart(judged(town, village));
  });

  it('a blast two days after one in the next town, whose day the later report names', () => {
    const first = eventDoc('انفجار عبوة في نوى', 'انفجرت عبوة ناسفة بسيارة عسكرية في مدينة نوى بريف درعا الغربي ظهر اليوم الخميس.', '2024-08-01');
    const second = eventDoc('انفجار في الشيخ مسكين', 'انفجرت عبوة ناسفة في مدينة الشيخ مسكين بريف درعا اليوم السبت، بعد انفجار عبوة في نوى يوم الخميس الماضي.', '2024-08-03');
    const j = judged(first, second);
    expect(j.features.dayNamed).toBe(1);
    expectHeldApart(j);
  });

  it('shelling of a town the day after its neighbour, "and the surroundings of" the first', () => {
    const a = eventDoc('قصف على تلبيسة', 'قصفت قوات النظام بالمدفعية مدينة تلبيسة في ريف حمص الشمالي اليوم الجمعة.', '2024-09-06');
    const b = eventDoc('قصف على الرستن', 'قصفت قوات النظام بالمدفعية مدينة الرستن ومحيط تلبيسة في ريف حمص الشمالي.', '2024-09-07');
    expectHeldApart(judged(a, b));
  });

  it('left as before: one day (one incident told from two of its places), one town, neither naming the other\'s town', () => {
    const both = eventDoc('اشتباكات في حرستا ودوما', 'اندلعت اشتباكات في مدينة حرستا قرب دوما بريف دمشق اليوم الاثنين وقتل تسعة.', '2024-03-04');
    const douma = eventDoc('قتلى باشتباكات دوما', 'قتل تسعة أشخاص باشتباكات في مدينة دوما بريف دمشق اليوم الاثنين.', '2024-03-04');
    expect(judged(both, douma).features.placeNear).toBe(1);
    expect(judged(both, douma).two).toBe(false);
    const monday = eventDoc('اشتباكات في دوما', 'اندلعت اشتباكات في مدينة دوما بريف دمشق اليوم الاثنين.', '2024-03-04');
    const harastaBare = eventDoc('اشتباكات في حرستا', 'اندلعت اشتباكات في مدينة حرستا بريف دمشق.', '2024-03-05');
    expect(judged(monday, harastaBare).features.placeNear).toBe(0.5);
    expect(judged(monday, harastaBare).two).toBe(false);
    const doumaNext = eventDoc('اشتباكات في دوما', 'تواصلت اشتباكات في مدينة دوما بريف دمشق.', '2024-03-05');
    expect(judged(monday, doumaNext).features.placeSame).toBe(1);
    expect(judged(monday, doumaNext).two).toBe(false);
  });
});
