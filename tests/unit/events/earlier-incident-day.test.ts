// A sentence after the lede's first that dates an earlier incident by a weekday said to be "last"
// ("ويوم السبت الماضي، قتل …") tells a linked incident, not the report's (lib/events/earlier-incidents.ts,
// read by when.ts): its day is neither the event's nor among the days the report names, so the
// earlier incident's own reports are not read as naming this one's day (dayNamed). Our wording.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';
import { eventDoc, pairFeatures } from '../../../lib/events/pair';

// 2025-03-10 is a Monday.
const PUB = '2025-03-10';
const TITLE = 'انفجار في مدينة الباب';
const when = (lede: string, title = TITLE, pub = PUB) => {
  const w = eventSignature(title, lede, pub).when;
  return { day: w.day === null ? null : isoDay(w.day), days: (w.days ?? []).map(isoDay) };
};

const MONDAY_BLAST = 'انفجرت سيارة مفخخة قرب دوار السوق في مدينة الباب بريف حلب اليوم الاثنين، ما أدى لمقتل خمسة مدنيين.';

describe('an earlier incident dated "last <weekday>" after the event was dated', () => {
  it('its day is passed over: not the event\'s, not among the days named', () => {
    expect(when(`${MONDAY_BLAST} ويوم السبت الماضي، قتل شخصان بانفجار دراجة مفخخة في المدينة.`)).toEqual({ day: '2025-03-10', days: [] });
  });

  it('كانت … قد with الفائت or المنصرم, and a date in the same sentence', () => {
    expect(when(`${MONDAY_BLAST} وكانت عبوة ناسفة قد انفجرت الخميس الفائت بسيارة عسكرية عند مدخل المدينة.`)).toEqual({ day: '2025-03-10', days: [] });
    expect(when(`${MONDAY_BLAST} وشهدت المدينة الجمعة المنصرم، 7 آذار 2025، انفجارا آخر قرب المشفى.`)).toEqual({ day: '2025-03-10', days: [] });
  });

  it('written with hamzas, taa marbuta and diacritics as pages write them', () => {
    expect(when(`${MONDAY_BLAST} ويومَ الأربعاءِ الماضي، قُتل شخص بانفجار لغم في القرية.`)).toEqual({ day: '2025-03-10', days: [] });
  });

  it('the pair with the earlier incident\'s report no longer has dayNamed', () => {
    const monday = eventDoc(TITLE, `${MONDAY_BLAST} ويوم السبت الماضي، قتل شخصان بانفجار سيارة مفخخة أخرى في مدينة الباب.`, PUB);
    const saturday = eventDoc('مقتل شخصين بانفجار في الباب', 'قتل شخصان بانفجار سيارة مفخخة في مدينة الباب بريف حلب اليوم السبت.', '2025-03-08');
    const f = pairFeatures(monday, saturday).features;
    expect(f.dayNamed).toBe(0);
    expect(f.dayOther).toBe(1);
  });
});

describe('left as before', () => {
  it('"last <weekday>" in the first sentence is the event\'s day', () => {
    expect(when('قتل سبعة مدنيين بقصف على بلدة نوى يوم الجمعة الماضي، وفق الدفاع المدني.').day).toBe('2025-03-07');
  });

  it('"last <weekday>" in a later sentence before any day dates the event', () => {
    expect(when('قتل سبعة مدنيين بقصف على بلدة نوى بريف درعا. ووقع القصف مساء الجمعة الماضي على حي سكني.').day).toBe('2025-03-07');
  });

  it('a weekday not said to be "last" in a later sentence stays among the days named', () => {
    expect(when(`${MONDAY_BLAST} ويوم السبت، قتل شخصان بانفجار دراجة مفخخة في المدينة.`)).toEqual({ day: '2025-03-10', days: ['2025-03-08'] });
  });

  it('"last week" or "last month" is no weekday; a word holding a weekday is none', () => {
    expect(when(`${MONDAY_BLAST} وقتل شخصان الأسبوع الماضي أمس بانفجار آخر.`).days).toEqual(['2025-03-09']);
    expect(when(`${MONDAY_BLAST} وزار الخميسي المدينة أمس الماضية.`).days).toEqual(['2025-03-09']);
  });

  it('English is not read', () => {
    expect(when('Car bomb kills five in al-Bab', 'A car bomb killed five civilians in al-Bab on Monday. Last Saturday, two were killed by a motorbike bomb in the town.').days).toEqual(['2025-03-08']);
  });
});
