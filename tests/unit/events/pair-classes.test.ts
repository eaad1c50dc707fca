// Classes of pairs the same-event model tells apart by features of their own (lib/events/
// pair-features.ts, pair.ts): two governorates apart, a later report dated only by the day it was
// said, tolls far apart at one place; and the threshold chosen on the fitting pairs alone.
import { describe, expect, it } from 'vitest';
import { eventDoc, judge } from '../../../lib/events';
import { pairFeatures } from '../../../lib/events/pair';

describe('two governorates apart, neither naming the other', () => {
  // One day's strikes in two provinces, told in the same formula: two strikes, however alike.
  const cases: Array<[string, string, string, string]> = [
    ['Strike kills 15 in Syria\'s Idlib, monitor says', 'An air strike killed 15 people on Saturday in Idlib province, the Observatory said.', 'Strike kills 15 near Syria\'s Raqqa, monitor says', 'An air strike killed 15 people on Saturday near Raqqa, the Observatory said.'],
    ['Shelling kills 6 in Daraa', 'Shelling killed six civilians on Monday in Daraa, activists said.', 'Shelling kills 6 in Homs', 'Shelling killed six civilians on Monday in Homs, activists said.'],
    ['مقتل 15 مدنياً بغارة جوية على إدلب', 'قتل 15 مدنياً اليوم بغارة جوية استهدفت مدينة إدلب، بحسب الدفاع المدني.', 'مقتل 15 مدنياً بغارة جوية على الرقة', 'قتل 15 مدنياً اليوم بغارة جوية استهدفت مدينة الرقة، بحسب الدفاع المدني.'],
    ['قصف مدفعي يقتل 4 في درعا', 'قتل 4 مدنيين اليوم بقصف مدفعي على درعا، وفق مصادر محلية.', 'قصف مدفعي يقتل 4 في حماة', 'قتل 4 مدنيين اليوم بقصف مدفعي على حماة، وفق مصادر محلية.'],
  ];
  it('are told apart (govApart) and never called same-event', () => {
    for (const [ta, xa, tb, xb] of cases) {
      const a = eventDoc(ta, xa, '2017-04-08', 'ahram');
      const b = eventDoc(tb, xb, '2017-04-08', 'jordantimes');
      const f = pairFeatures(a, b).features;
      expect([ta, f.govApart, f.placeApart]).toEqual([ta, 1, 0]);
      const j = judge(a, b);
      expect([ta, j.probability <= 0.5, j.relation]).toEqual([ta, true, expect.not.stringMatching(/same-event/)]);
    }
  });

  it('is not what a report naming both provinces, or one province twice, has', () => {
    const both = eventDoc('Strikes kill 15 in Idlib and Raqqa', 'Air strikes killed 15 people on Saturday in Idlib and near Raqqa, the Observatory said.', '2017-04-08', 'trt');
    const raqqa = eventDoc('Strike kills 15 near Syria\'s Raqqa, monitor says', 'An air strike killed 15 people on Saturday near Raqqa, the Observatory said.', '2017-04-08', 'jordantimes');
    expect(pairFeatures(both, raqqa).features.govApart).toBe(0);
    const idlib1 = eventDoc('مقتل 15 مدنياً بغارة على إدلب', 'قتل 15 مدنياً اليوم بغارة جوية على مدينة إدلب.', '2025-03-02', 'Syria TV');
    const idlib2 = eventDoc('غارة على إدلب توقع 15 قتيلاً', 'أوقعت غارة جوية على مدينة إدلب اليوم 15 قتيلاً من المدنيين.', '2025-03-02', 'Enab Baladi');
    expect(pairFeatures(idlib1, idlib2).features.govApart).toBe(0);
  });

  it('leaves a town in another governorate to placeApart', () => {
    const town = eventDoc('مقتل 3 بقصف على كفرنبل', 'قتل 3 مدنيين اليوم بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي.', '2025-03-02', 'Syria TV');
    const city = eventDoc('مقتل 3 بقصف على درعا', 'قتل 3 مدنيين اليوم بقصف مدفعي على مدينة درعا.', '2025-03-02', 'Enab Baladi');
    expect(pairFeatures(town, city).features).toMatchObject({ placeApart: 1, govApart: 0 });
  });
});

describe('a later report dated only by the day its toll was said', () => {
  const attack = eventDoc('Suspected gas attack on rebel-held town kills dozens', 'A suspected chemical attack killed dozens of people on Tuesday in the rebel-held town, rescuers said.', '2017-04-04', 'alaraby');

  it('is not a second day told when the day said is its own publication day, after the event', () => {
    for (const [title, text, pub] of [
      ['86 dead in suspected chemical attack: new toll', 'The toll from the suspected chemical attack rose to 86 dead, including children, a monitor said on Wednesday.', '2017-04-05'],
      ['Toll in gas attack rises to 86', 'At least 86 people died in the gas attack on the town, the Observatory said Wednesday.', '2017-04-05'],
      ['Chemical attack toll reaches 100', 'The toll of the chemical attack reached 100, medics told reporters on Thursday.', '2017-04-06'],
    ] as const) {
      const later = eventDoc(title, text, pub, 'ahram');
      expect([title, later.sig.when.from]).toEqual([title, 'said']);
      expect([title, pairFeatures(attack, later).features]).toMatchObject([title, { daySaid: 1, dayOther: 0 }]);
      expect([title, pairFeatures(later, attack).features.daySaid]).toEqual([title, 1]);
    }
  });

  it('is a second day told when the day said is before the other report\'s day, or not its publication day', () => {
    // SANA: a toll "told SANA late on Tuesday", and Wednesday's rockets on the same district.
    const tuesday = eventDoc('Death toll from rocket attacks in Aleppo rises to 8', 'The death toll from the rocket attacks on Salah Eddin neighborhood rose to 8, a source told SANA late on Tuesday.', '2016-08-16', 'sana');
    const wednesday = eventDoc('Rocket attacks on Salah Eddin neighborhood kill 10', 'Ten civilians were killed in rocket attacks on Salah Eddin neighborhood on Wednesday.', '2016-08-17', 'sana');
    expect(pairFeatures(tuesday, wednesday).features).toMatchObject({ daySaid: 0, dayOther: 1 });
    // Said on Monday, published on Wednesday: the day said is not the report's own day.
    const monday = eventDoc('Raids kill 12 in the town', 'Air raids killed 12 people in the town, a monitor said on Monday.', '2017-04-05', 'trt');
    const sunday = eventDoc('Raids hit the town', 'Air raids struck the town on Sunday, killing 12, rescuers said.', '2017-04-05', 'ahram');
    expect(monday.sig.when.from).toBe('said');
    expect(pairFeatures(sunday, monday).features.daySaid).toBe(0);
  });
});

describe('tolls far apart at one place and day', () => {
  it('weigh as numApartHere where the place is shared, not where it is not', () => {
    const one = eventDoc('مقتل مدني بغارة على خان شيخون', 'قتل مدني واحد اليوم بغارة جوية على مدينة خان شيخون في ريف إدلب الجنوبي.', '2017-04-08', 'Enab Baladi');
    const many = eventDoc('مقتل 18 بغارات على خان شيخون', 'قتل 18 شخصاً اليوم بغارات جوية على مدينة خان شيخون في ريف إدلب الجنوبي.', '2017-04-08', 'Syria TV');
    const f = pairFeatures(one, many).features;
    expect(f.placeSame).toBe(1);
    expect(f.numApartHere).toBeGreaterThan(0.9);
    expect(f.numApartHere).toBe(f.numApart);
    const en1 = eventDoc('One dead in raid on Khan Shaykhun', 'One person was killed on Saturday in an air raid on Khan Shaykhun, a monitor said.', '2017-04-08', 'ahram');
    const en18 = eventDoc('Air strikes kill 18 in Khan Shaykhun', 'Air strikes killed 18 people on Saturday in Khan Shaykhun, rescuers said.', '2017-04-08', 'trt');
    expect(pairFeatures(en1, en18).features.numApartHere).toBeGreaterThan(0.9);
    // The same tolls of two places far apart: numApart, not numApartHere.
    const elsewhere = eventDoc('مقتل 18 بغارات على الميادين', 'قتل 18 شخصاً اليوم بغارات جوية على مدينة الميادين في ريف دير الزور الشرقي.', '2017-04-08', 'Syria TV');
    const g = pairFeatures(one, elsewhere).features;
    expect(g.numApart).toBeGreaterThan(0.9);
    expect(g.numApartHere).toBe(0);
  });

  it('are not a rising toll told as a new toll', () => {
    const first = eventDoc('مقتل 4 بقصف على سراقب', 'قتل 4 مدنيين اليوم بقصف صاروخي على مدينة سراقب في ريف إدلب.', '2025-03-02', 'Orient News');
    const update = eventDoc('ارتفاع حصيلة قصف سراقب إلى 40', 'ارتفع عدد ضحايا القصف الصاروخي على مدينة سراقب أمس إلى 40 قتيلاً.', '2025-03-03', 'Syria TV');
    expect(pairFeatures(first, update).features.numApartHere).toBe(0);
  });
});
