// Tolls told by a noun the reader cannot miss: injuries counted as إصابة/إصابات after a number,
// deaths as وفاة or حالات وفاة. Cases of illness ("26 إصابة جديدة بفيروس كورونا") are not a toll.
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../lib/compare/numbers';
import { eventSignature } from '../../../lib/events/signature';

const brief = (s: string) => findNumbers(s).map(({ what, unit, value, text }) => ({ what, unit, value, text }));

describe('injuries counted by إصابة / إصابات after a number', () => {
  it('reads ASCII and Arabic-Indic digits and number words before the noun', () => {
    expect(brief('ما أسفر عن 26 إصابة في صفوف المدنيين')).toEqual([{ what: 'casualties', unit: 'wounded', value: 26, text: '26 إصابة' }]);
    expect(brief('وسجلت المشافي ٢٦ إصابات بين الأهالي')).toEqual([{ what: 'casualties', unit: 'wounded', value: 26, text: '٢٦ إصابات' }]);
    expect(brief('أدى الانفجار إلى وقوع ثلاث إصابات')).toEqual([{ what: 'casualties', unit: 'wounded', value: 3, text: 'ثلاث إصابات' }]);
    expect(brief('وقوع 7 حالات إصابة جراء القصف')).toEqual([{ what: 'casualties', unit: 'wounded', value: 7, text: '7 حالات إصابة' }]);
  });

  it('reads deaths counted by وفاة and حالات وفاة', () => {
    expect(brief('تسجيل 5 حالات وفاة جراء الحريق')).toEqual([{ what: 'casualties', unit: 'killed', value: 5, text: '5 حالات وفاة' }]);
    expect(brief('الحصيلة 12 وفاة في انهيار المبنى')).toEqual([{ what: 'casualties', unit: 'killed', value: 12, text: '12 وفاة' }]);
    expect(brief('سجلت حالتا وفاة و٤ حالات إصابة')).toContainEqual({ what: 'casualties', unit: 'wounded', value: 4, text: '٤ حالات إصابة' });
    expect(brief('أسفر القصف عن 3 وفيات')).toEqual([{ what: 'casualties', unit: 'killed', value: 3, text: '3 وفيات' }]);
  });

  it('leaves out cases of illness: infections and deaths of a disease, new or confirmed cases', () => {
    expect(findNumbers('تسجيل 26 إصابة جديدة بفيروس كورونا في دمشق')).toEqual([]);
    expect(findNumbers('وزارة الصحة: 120 إصابة بكورونا و3 حالات وفاة')).toEqual([]);
    expect(findNumbers('ارتفاع عدد الإصابات بالكوليرا إلى 40 إصابة و5 وفيات')).toEqual([]);
    expect(findNumbers('سجلت 15 إصابة مؤكدة بالحصبة')).toEqual([]);
    expect(findNumbers('ارتفعت حالات كوفيد إلى 9 وفاة')).toEqual([]);
    expect(findNumbers('حققت المدفعية 4 إصابات مباشرة في الهدف')).toEqual([]);
  });

  it('still reads a wounding word before a number, and keeps dates and other numbers out', () => {
    expect(brief('أصيب 12 شخصاً')).toEqual([{ what: 'casualties', unit: 'wounded', value: 12, text: 'أصيب 12 شخصاً' }]);
    expect(findNumbers('في 18 أيار الماضي. تأسست عام 2008')).toEqual([]);
  });
});

describe('the event signature reads these tolls', () => {
  it('an Arabic report of injuries told as إصابات is injured, a report of deaths as وفاة is killed', () => {
    const sig = eventSignature('أزمة مياه في المالكية', 'ما أسفر عن ٢٦ إصابات بين الأهالي بعد تلوث مياه الشرب.', '2025-06-19');
    expect(sig.numbers.injured).toBe(26);
    const fire = eventSignature('حريق في سوق بحلب', 'اندلع حريق في سوق المدينة القديمة أسفر عن 5 حالات وفاة و11 إصابة.', '2025-06-19');
    expect(fire.numbers).toMatchObject({ killed: 5, injured: 11 });
  });

  it('an epidemic bulletin gives no toll', () => {
    const sig = eventSignature('الصحة: 26 إصابة جديدة بفيروس كورونا', 'أعلنت وزارة الصحة تسجيل 26 إصابة جديدة بفيروس كورونا و3 حالات وفاة.', '2025-06-19');
    expect(sig.numbers.injured).toBeUndefined();
    expect(sig.numbers.killed).toBeUndefined();
  });
});
