// An outlet's series (lib/events/ceilings.ts `outletSeries`, series20): one outlet's reports of the
// same kind of event on one city, each of its own day with its own toll, neither naming the other's
// day — SANA's rockets on Aleppo of 14, 15 and 16 August 2016, each its own incident — are the next
// incidents of a series, not one event: held under "same event" as a class of the result, however
// alike the outlet's wording. What must stay: the outlet's own toll update (a new toll of the same
// kind of event at the same place, dated to it or said to be one), two outlets' reports of those
// days, and one outlet's reports of one day.
import { describe, expect, it } from 'vitest';
import { eventDoc, judge } from '../../../lib/events';
import { pairFeatures } from '../../../lib/events/pair';
import { ceilingOf, outletSeries } from '../../../lib/events/ceilings';

type Report = [title: string, text: string, publishedAt: string, outlet: string];
const doc = (r: Report) => eventDoc(r[0], r[1], r[2], r[3]);
const inClass = (a: Report, b: Report) => {
  const facts = pairFeatures(doc(a), doc(b));
  return outletSeries(facts.features, facts.gap);
};
const ceiling = (a: Report, b: Report) => {
  const [da, db] = [doc(a), doc(b)];
  const facts = pairFeatures(da, db);
  return ceilingOf(da.sig, db.sig, facts.features, facts.gap, 1);
};

// Each judged 0.87-1 before the class (the later report's only day the day its source spoke).
const series: Array<[Report, Report]> = [
  [
    ['Civilian killed, 3 injured in terrorist attacks on Aleppo', 'A civilian was killed and three others were injured when terrorist organizations fired rocket shells on al-Zahraa neighborhood in Aleppo city.', '2016-08-14', 'sana'],
    ['Nine persons killed, 12 injured in terrorist attack in Aleppo city', 'Nine persons were killed and 12 others were injured when terrorists fired rocket shells on al-Hamdaniyah neighborhood in Aleppo city, a source at Aleppo Police Command told SANA on Monday.', '2016-08-15', 'sana'],
  ],
  [
    ['Regime strikes kill 92 civilians in Aleppo', 'Airstrikes by the Assad regime killed 92 civilians and wounded 273 in the besieged eastern neighborhoods of Aleppo on Saturday.', '2016-09-24', 'dailysabah'],
    ['At least 23 killed in regime strikes in Aleppo', 'At least 23 people were killed in regime airstrikes on eastern Aleppo, the civil defence said on Sunday.', '2016-09-25', 'dailysabah'],
  ],
  [
    ['Regime shelling kills 6 civilians in Douma', 'Regime artillery shelling killed 6 civilians and wounded 14 in the town of Douma in Eastern Ghouta.', '2017-03-07', 'Orient'],
    ['Regime shelling kills 4 civilians in Douma', 'Regime artillery shelling killed 4 civilians and wounded 9 in the town of Douma in Eastern Ghouta, the civil defence said on Wednesday.', '2017-03-08', 'Orient'],
  ],
  [
    ['استشهاد مدنيين اثنين وإصابة 5 بقذائف الإرهابيين على أحياء حلب', 'استشهد مدنيان وأصيب 5 آخرون جراء اعتداء التنظيمات الإرهابية بالقذائف الصاروخية على أحياء سكنية في مدينة حلب.', '2016-08-14', 'سانا'],
    ['استشهاد 4 أشخاص وإصابة 9 بقذائف الإرهابيين على أحياء حلب', 'ذكر مصدر في قيادة شرطة حلب لسانا يوم الاثنين أن 4 أشخاص استشهدوا وأصيب 9 آخرون جراء اعتداء التنظيمات الإرهابية بالقذائف الصاروخية على أحياء سكنية في مدينة حلب.', '2016-08-15', 'سانا'],
  ],
  [
    ['مقتل 6 مدنيين بغارات جوية على مدينة إدلب', 'قتل 6 مدنيين وجرح 14 آخرون بغارات جوية استهدفت أحياء مدينة إدلب.', '2017-03-07', 'عنب بلدي'],
    ['مقتل 4 مدنيين بغارات جوية على مدينة إدلب', 'أفاد الدفاع المدني يوم الأربعاء بمقتل 4 مدنيين وجرح 9 آخرين بغارات جوية استهدفت أحياء مدينة إدلب.', '2017-03-08', 'عنب بلدي'],
  ],
  [
    ['مقتل 6 مدنيين بقصف مدفعي على دوما', 'قتل 6 مدنيين وجرح 14 آخرون بقصف مدفعي لقوات النظام على مدينة دوما في الغوطة الشرقية.', '2017-03-07', 'عنب بلدي'],
    ['مقتل 4 مدنيين بقصف مدفعي على دوما', 'قتل 4 مدنيين وجرح 9 آخرون بقصف مدفعي لقوات النظام على مدينة دوما في الغوطة الشرقية، بحسب ما أفاد الدفاع المدني يوم الأربعاء.', '2017-03-08', 'عنب بلدي'],
  ],
];

// Not of the class: an outlet's toll update (English and Arabic), two outlets a day apart, one outlet's reports of one day.
const guards: Array<[Report, Report]> = [
  [
    ['Terrorist rocket attack kills 3 in Aleppo\'s al-Zahraa', 'Three civilians were killed and 10 injured when terrorists fired rocket shells on al-Zahraa neighborhood in Aleppo city on Sunday, a source told SANA.', '2016-08-14', 'sana'],
    ['Death toll from terrorist rocket attack on Aleppo\'s al-Zahraa rises to 8', 'The death toll from the terrorist rocket attack on al-Zahraa neighborhood in Aleppo city rose to 8, a source told SANA.', '2016-08-15', 'sana'],
  ],
  [
    ['مقتل 6 مدنيين بقصف مدفعي على دوما', 'قتل 6 مدنيين وجرح 14 آخرون بقصف مدفعي لقوات النظام على مدينة دوما في الغوطة الشرقية.', '2017-03-07', 'عنب بلدي'],
    ['ارتفاع حصيلة القصف المدفعي على دوما إلى 9 قتلى', 'ارتفعت حصيلة القصف المدفعي لقوات النظام على مدينة دوما في الغوطة الشرقية إلى 9 قتلى و20 جريحاً، بحسب الدفاع المدني.', '2017-03-08', 'عنب بلدي'],
  ],
  [
    ['Regime strikes kill 92 civilians in Aleppo', 'Airstrikes by the Assad regime killed 92 civilians and wounded 273 in the besieged eastern neighborhoods of Aleppo on Saturday.', '2016-09-24', 'dailysabah'],
    ['At least 23 killed in regime strikes in Aleppo', 'At least 23 people were killed in regime airstrikes on eastern Aleppo, the civil defence said on Sunday.', '2016-09-25', 'ahram'],
  ],
  [
    ['مقتل 6 مدنيين بقصف مدفعي على دوما', 'قتل 6 مدنيين وجرح 14 آخرون اليوم بقصف مدفعي لقوات النظام على مدينة دوما في الغوطة الشرقية.', '2017-03-07', 'عنب بلدي'],
    ['مقتل 8 مدنيين بقصف مدفعي على دوما', 'قتل 8 مدنيين وجرح 20 آخرون اليوم بقصف مدفعي لقوات النظام على مدينة دوما في الغوطة الشرقية، بحسب الدفاع المدني.', '2017-03-07', 'عنب بلدي'],
  ],
];

describe("an outlet's series", () => {
  it("is the class: one outlet, both tolls, event days apart, neither naming the other's (English and Arabic)", () => {
    for (const [a, b] of series) expect([a[0], inClass(a, b), inClass(b, a), ceiling(a, b) <= 0.75]).toEqual([a[0], true, true, true]);
  });

  it("is never same-event, however alike the outlet's words", () => {
    for (const [a, b] of series) {
      const j = judge(doc(a), doc(b));
      expect([a[0], j.probability <= 0.75, j.relation]).toEqual([a[0], true, 'related']);
    }
  });

  it("is not an outlet's toll update, two outlets' reports or one outlet's reports of one day", () => {
    for (const [a, b] of guards) expect([b[0], inClass(a, b), ceiling(a, b)]).toEqual([b[0], false, 1]);
  });

  it("leaves an outlet's toll update same-event", () => {
    for (const [a, b] of guards.slice(0, 2)) expect([b[0], judge(doc(a), doc(b)).relation]).toEqual([b[0], 'same-event']);
  });
});
