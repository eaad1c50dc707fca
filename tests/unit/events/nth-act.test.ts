// A report that tells its act as the Nth of its kind in its title or its lede's first sentence
// ("انفجار ثالث يهز البلدة") says other acts of the kind came before at its place
// (lib/events/nth-act.ts); a report that does not say so, or says another Nth, may be of one of
// those: the pair is held under "same event" (ceilings.ts nthApart). Our own wording.
import { describe, expect, it } from 'vitest';
import { eventSignature } from '../../../lib/events';
import { ceilingOf, signatureFacts } from '../../../lib/events/ceilings';
import { eventDoc, pairFeatures } from '../../../lib/events/pair';

const PUB = '2024-06-11';
const nth = (title: string, lede: string) => eventSignature(title, lede, PUB).nth;

describe('the act told as the Nth of its kind', () => {
  it('an ordinal after the act\'s noun, in the title or the first sentence, as pages write it', () => {
    expect(nth('انفجارٌ ثانٍ يهزّ بلدة سرمدا', 'انفجرت عبوة ناسفة قرب دوار البلدة ظهر اليوم.')).toBe(2);
    expect(nth('', 'وقع انفجار ثالث خلال ساعات في مدينة الباب مساء اليوم الثلاثاء، بعد انفجارين صباحاً.')).toBe(3);
    expect(nth('الغارةُ الرابعة على مطار الشعيرات', 'استهدفت طائرات حربية المطار فجر اليوم.')).toBe(4);
    expect(nth('', 'هزّ تفجيرٌ ثانٍ حي الشيخ مقصود في حلب اليوم.')).toBe(2);
    expect(nth('ضربة ثانية تطال مستودعات الذخيرة في حماة', 'قصفت طائرات مسيرة المستودعات اليوم.')).toBe(2);
  });

  it('not read: the ordinal before the noun, "للمرة الثانية", a day running, deeper in the lede, another word, English', () => {
    expect(nth('ثالث انفجار في المدينة هذا الشهر', 'انفجرت سيارة مفخخة في السوق اليوم.')).toBeUndefined();
    expect(nth('', 'تعرضت بلدة معرة مصرين للقصف للمرة الثانية اليوم.')).toBeUndefined();
    expect(nth('', 'تواصل القصف على ريف إدلب لليوم الثالث على التوالي.')).toBeUndefined();
    expect(nth('', `${'قتل مدنيان وأصيب خمسة آخرون بانفجار سيارة مفخخة في سوق بلدة سرمدا شمال إدلب ظهر اليوم الثلاثاء، بحسب ما أفاد الدفاع المدني في بيان له عن الحادث. '}وكان انفجار ثالث قد وقع في المدينة قبل أشهر.`)).toBeUndefined();
    expect(nth('', 'انفجار ثالوثي الشكل في الأفق.')).toBeUndefined();
    expect(nth('A second blast hits Afrin', 'A second explosion struck the town today.')).toBeUndefined();
  });

  it('holds a pair under "same event" where one tells its act as the Nth and the other does not, or another Nth', () => {
    const tanker = eventDoc('قتلى بانفجار صهريج في سوق سرمدا', 'قتل 20 شخصاً بانفجار صهريج مفخخ في سوق مدينة سرمدا بريف إدلب ظهر اليوم الثلاثاء.', PUB);
    const third = eventDoc('انفجار ثالث يضرب سرمدا', 'انفجار ثالث يضرب مدينة سرمدا بريف إدلب اليوم الثلاثاء بعبوة ناسفة في سيارة.', PUB);
    const second = eventDoc('انفجار ثان يضرب سرمدا', 'انفجار ثان يضرب مدينة سرمدا بريف إدلب اليوم الثلاثاء بعبوة ناسفة في سيارة.', PUB);
    for (const [a, b] of [[tanker, third], [third, tanker], [second, third]] as const) {
      const { features, gap } = pairFeatures(a, b);
      expect(signatureFacts(a.sig, b.sig, features, gap).twoIncidents).toBe(true);
      expect(ceilingOf(a.sig, b.sig, features, gap, 0.99)).toBeLessThanOrEqual(0.75);
    }
  });

  it('left as before: both tell the same Nth', () => {
    const one = eventDoc('انفجار ثالث يضرب سرمدا', 'انفجار ثالث يضرب مدينة سرمدا بريف إدلب اليوم الثلاثاء بعبوة ناسفة.', PUB);
    const other = eventDoc('تفجير ثالث في سرمدا', 'وقع تفجير ثالث بعبوة ناسفة في مدينة سرمدا بريف إدلب اليوم الثلاثاء.', PUB);
    const { features, gap } = pairFeatures(one, other);
    expect(signatureFacts(one.sig, other.sig, features, gap).twoIncidents).toBe(false);
  });
});
