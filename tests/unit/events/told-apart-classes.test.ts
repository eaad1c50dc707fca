// Three classes of two incidents held under "same event" as ceilings of the result (lib/events/
// ceilings.ts, events28), each counted on the 149,458 labelled candidate pairs before it was
// chosen and holding no same-event pair there:
// - placeAndNextDay: one specific place on event days a day apart and nothing of what happened
//   (an airport's travel advice and the next day's diverted flights);
// - weaponsAndSidesApart: other weapons and other sides (the regime's missiles on a city and
//   Islamic State's mortars on it the same day);
// - ownDayOwnTown: each report its own day told and its own town of one governorate (air strikes
//   on Saraqib on Monday, on Maarat al-Numan on Tuesday).
// Guards: the same weapon blamed on two sides, two weapons of one side, two towns of one day, a
// town's toll update of the next day, and the airport's next day with what happened shared.
import { describe, expect, it } from 'vitest';
import { eventDoc, judge } from '../../../lib/events';
import { pairFeatures } from '../../../lib/events/pair';
import { ceilingOf, ownDayOwnTown, placeAndNextDay, weaponsAndSidesApart } from '../../../lib/events/ceilings';

type Report = [title: string, text: string, publishedAt: string, outlet: string];
type Features = ReturnType<typeof pairFeatures>['features'];
const doc = (r: Report) => eventDoc(r[0], r[1], r[2], r[3]);
const facts = (a: Report, b: Report) => pairFeatures(doc(a), doc(b)).features;
const ceiling = (a: Report, b: Report) => {
  const [da, db] = [doc(a), doc(b)];
  const f = pairFeatures(da, db);
  return ceilingOf(da.sig, db.sig, f.features, f.gap, 1);
};
/** Both ways round: in the class, held at 0.75 or under, and judged "related". */
const held = (pairs: Array<[Report, Report]>, inClass: (f: Features) => boolean) => {
  for (const [a, b] of pairs) {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const j = judge(doc(x), doc(y));
      expect([x[0], inClass(facts(x, y)), ceiling(x, y) <= 0.75, j.probability <= 0.75, j.relation]).toEqual([x[0], true, true, true, 'related']);
    }
  }
};
const notOf = (pairs: Array<[Report, Report]>, inClass: (f: Features) => boolean) => {
  for (const [a, b] of pairs) for (const [x, y] of [[a, b], [b, a]] as const) expect([y[0], inClass(facts(x, y))]).toEqual([y[0], false]);
};

const advice: Report = ['Advice for travellers flying from Damascus airport', 'Travellers leaving through Damascus International Airport were advised on Wednesday to check their bookings and arrive early.', '2025-06-18', 'Enab Baladi'];
const diverted: Report = ['Syrian Airlines diverts flights from Damascus airport to Aleppo', 'Syrian Airlines said on Thursday it diverted several flights from Damascus International Airport to Aleppo airport.', '2025-06-19', 'SANA'];
const adviceAr: Report = ['نصائح للمسافرين عبر مطار دمشق الدولي', 'نصحت جهات معنية المسافرين عبر مطار دمشق الدولي يوم الأربعاء بالتأكد من حجوزاتهم والحضور باكراً.', '2025-06-18', 'عنب بلدي'];
const divertedAr: Report = ['السورية للطيران تحول رحلات جوية من مطار دمشق إلى حلب', 'أعلنت مؤسسة الطيران العربية السورية اليوم الخميس تحويل عدد من رحلاتها من مطار دمشق الدولي إلى مطار حلب.', '2025-06-19', 'سانا'];
const adviceThursday: Report = ['Advice for travellers flying from Damascus airport', 'Travellers leaving through Damascus International Airport were advised on Thursday to check their bookings and arrive early.', '2025-06-19', 'Enab Baladi'];
const divertedMore: Report = ['More Syrian Airlines flights diverted from Damascus airport to Aleppo', 'Syrian Airlines diverted more flights from Damascus International Airport to Aleppo airport on Friday, it said.', '2025-06-20', 'Enab Baladi'];

const regimeMissiles: Report = ["Regime missiles kill 15 in Syria's Deir ez-Zor city", 'Fifteen people were killed on Thursday when regime forces fired missiles on a district of Deir ez-Zor city, a monitor said.', '2017-10-05', 'ahram'];
const isMortars: Report = ['Islamic State mortars kill 3 civilians in Deir ez-Zor city', 'Three civilians were killed and six wounded on Thursday when Islamic State militants fired mortar shells on a district of Deir ez-Zor city.', '2017-10-05', 'sputnik'];
const regimeMissilesAr: Report = ['مقتل 15 شخصاً بصواريخ قوات النظام على مدينة دير الزور', 'قتل 15 شخصاً اليوم الخميس بصواريخ أطلقتها قوات النظام على حي في مدينة دير الزور بحسب المرصد.', '2017-10-05', 'عنب بلدي'];
const isMortarsAr: Report = ['مقتل 3 مدنيين بقذائف هاون لتنظيم الدولة على مدينة دير الزور', 'قتل 3 مدنيين وأصيب 6 آخرون اليوم الخميس بقذائف هاون أطلقها تنظيم الدولة على حي في مدينة دير الزور.', '2017-10-05', 'سانا'];
const isMissiles: Report = ['Missile strike kills 16 in Deir ez-Zor city', 'Sixteen people were killed on Thursday when missiles fired by Islamic State hit a district of Deir ez-Zor city, a monitor said.', '2017-10-05', 'sana'];
const barrels: Report = ["Regime barrel bombs kill 12 in Syria's Daraya", 'Twelve people were killed on Monday when regime helicopters dropped barrel bombs on Daraya, a monitor said.', '2016-05-02', 'ahram'];
const missilesDaraya: Report = ['Regime missiles kill 12 in Daraya', 'Regime forces fired missiles on Daraya on Monday, killing 12 people, activists said.', '2016-05-02', 'alaraby'];

const saraqib: Report = ["Air strikes kill 12 in Syria's Saraqib", 'Twelve civilians were killed in air strikes on the town of Saraqib in Idlib province on Monday, a monitor said.', '2017-02-14', 'ahram'];
const maarraTuesday: Report = ['Air strikes kill 11 in Maarat al-Numan', 'Eleven civilians were killed in air strikes on Maarat al-Numan in Idlib province on Tuesday, the civil defence said.', '2017-02-15', 'alaraby'];
const maarraMonday: Report = ['Air strikes kill 11 in Maarat al-Numan', 'Eleven civilians were killed in air strikes on Maarat al-Numan in Idlib province on Monday, the civil defence said.', '2017-02-14', 'alaraby'];
const saraqibAr: Report = ['مقتل 12 مدنياً بغارات جوية على سراقب', 'قتل 12 مدنياً يوم الاثنين بغارات جوية استهدفت مدينة سراقب في ريف إدلب.', '2017-02-14', 'عنب بلدي'];
const maarraAr: Report = ['مقتل 11 مدنياً بغارات جوية على معرة النعمان', 'قتل 11 مدنياً يوم الثلاثاء بغارات جوية استهدفت مدينة معرة النعمان في ريف إدلب.', '2017-02-15', 'سوريا تي في'];
const saraqibToll: Report = ['Toll from Saraqib air strikes rises to 15', "The toll from Monday's air strikes on Saraqib in Idlib province rose to 15 on Tuesday, the civil defence said.", '2017-02-15', 'alaraby'];

describe('one specific place on the next day, and nothing of what happened', () => {
  it('is held under "same event" (English and Arabic, both ways round)', () => {
    held([[advice, diverted], [adviceAr, divertedAr]], placeAndNextDay);
  });
  it("is not the airport's next day with what happened shared, nor reports of one day", () => {
    notOf([[diverted, divertedMore], [diverted, adviceThursday]], placeAndNextDay);
  });
});

describe('other weapons and other sides', () => {
  it('is held under "same event" (English and Arabic, both ways round)', () => {
    held([[regimeMissiles, isMortars], [regimeMissilesAr, isMortarsAr]], weaponsAndSidesApart);
  });
  it('is not one weapon blamed on two sides, nor two weapons of one side', () => {
    notOf([[regimeMissiles, isMissiles], [barrels, missilesDaraya]], weaponsAndSidesApart);
    expect(ceiling(barrels, missilesDaraya)).toBe(1);
  });
});

describe('each its own day told and its own town', () => {
  it('is held under "same event" (English and Arabic, both ways round)', () => {
    held([[saraqib, maarraTuesday], [saraqibAr, maarraAr]], ownDayOwnTown);
  });
  it("is not two towns of one day, nor a town's toll update of the next day", () => {
    notOf([[saraqib, maarraMonday], [saraqib, saraqibToll]], ownDayOwnTown);
    expect([ceiling(saraqib, saraqibToll), judge(doc(saraqib), doc(saraqibToll)).relation]).toEqual([1, 'same-event']);
  });
});
