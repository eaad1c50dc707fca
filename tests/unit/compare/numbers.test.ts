import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparable, findNumbers } from '../../../lib/compare/numbers';

const brief = (s: string) => findNumbers(s).map(({ what, unit, value, approx, text }) => ({ what, unit, value, ...(approx ? { approx } : {}), text }));

describe('numbers in Arabic news text', () => {
  it('reads digits, Arabic-Indic digits and thousands separators, with the noun that counts them', () => {
    expect(brief('٣٠٠ عنصر من داعش يستسلمون')).toEqual([{ what: 'fighters', unit: 'fighters', value: 300, text: '٣٠٠ عنصر' }]);
    expect(brief('مبلغ 4,400,000 ليرة سورية')).toEqual([{ what: 'money', unit: 'SYP', value: 4_400_000, text: '4,400,000 ليرة' }]);
    expect(brief('قد بلغ 22 ألفا و500 حاج')).toEqual([{ what: 'people', unit: 'pilgrims', value: 22_500, text: '22 ألفا و500 حاج' }]);
  });

  it('reads number words, teens and compounds joined by و', () => {
    expect(brief('وصول خمسة وعشرين مقاتلاً وثلاثة عشر جريحاً')).toEqual([
      { what: 'fighters', unit: 'fighters', value: 25, text: 'خمسة وعشرين مقاتلاً' },
      { what: 'casualties', unit: 'wounded', value: 13, text: 'وثلاثة عشر جريحاً' },
    ]);
    expect(brief('سقوط ثلاث مئة قذيفة')).toMatchObject([{ what: 'strikes', value: 300 }]);
  });

  it('reads duals and vague plurals', () => {
    expect(brief('فبعد حصار استمر لسنتين')).toEqual([{ what: 'duration', unit: 'year', value: 2, text: 'لسنتين' }]);
    expect(brief('إلا أن عنصرين من التنظيم فجّرا أنفسهما')).toMatchObject([{ what: 'fighters', value: 2 }]);
    expect(brief('تشريد عشرات الآلاف من المدنيين')).toEqual([{ what: 'people', unit: 'civilians', value: 'tens of thousands', text: 'عشرات الآلاف من المدنيين' }]);
    expect(brief('فقتل وجرح العشرات من قوات النظام')).toEqual([{ what: 'casualties', unit: 'killed-or-wounded', value: 'tens', text: 'فقتل وجرح العشرات' }]);
  });

  it('keeps qualifiers and turns people counted by a killing word into casualties', () => {
    expect(brief('ونفذت أكثر من 270 ضربة جوية')).toEqual([{ what: 'strikes', unit: 'strikes', value: 270, approx: 'over', text: 'أكثر من 270 ضربة' }]);
    expect(brief('استسلم قرابة 300 مقاتل')).toMatchObject([{ value: 300, approx: 'about' }]);
    expect(brief('توثيق مقتل 3 مدنيين')).toEqual([{ what: 'casualties', unit: 'killed', value: 3, text: 'مقتل 3 مدنيين' }]);
    expect(brief('أسفرت عن مقتل شخص وإصابة آخرين')).toEqual([{ what: 'casualties', unit: 'killed', value: 1, text: 'مقتل شخص' }]);
  });

  it('leaves out dates, years, flight and brigade numbers', () => {
    expect(findNumbers('في 18 أيار الماضي. تأسست عام 2008. اللواء 137، رقم الرحلة: 503، الساعة 06:00')).toEqual([]);
  });

  it('gives offsets into the original text, diacritics and all', () => {
    const text = 'وقال المصدر إنّ أكثرَ من ١٢ غارةً استهدفت المدينة';
    const [n] = findNumbers(text);
    expect(n!.value).toBe(12);
    expect(text.slice(n!.start, n!.end)).toBe(n!.text);
    expect(n!.text).toBe('أكثرَ من ١٢ غارةً');
  });

  it('finds the seed numbers: Idlib24 300 fighters, Eram News over 270 strikes and 20 km', () => {
    const idlib = findNumbers(readFileSync('data/seeds/002_83ded0c87ab731c9.txt', 'utf8'));
    expect(idlib.filter((n) => n.what === 'fighters').map((n) => n.value)).toEqual([300, 300]);
    const eram = findNumbers(readFileSync('data/seeds/004_5307e28d265a784d.txt', 'utf8'));
    expect(eram.map((n) => [n.what, n.value])).toEqual(expect.arrayContaining([['strikes', 270], ['distance', 20]]));
  });

  it('compares durations in days', () => {
    const [two] = findNumbers('استمرت لمدة شهرين');
    const [sixty] = findNumbers('استمرت 60 يوما');
    expect(comparable(two!)).toEqual({ key: 'duration', amount: 60 });
    expect(comparable(sixty!)).toEqual({ key: 'duration', amount: 60 });
  });
});

describe('lists and dates are not sums', () => {
  it('does not add up a list of days of the month', () => {
    expect(findNumbers('في 5 و15 و25 من الشهر')).toEqual([]);
  });
  it('does not read a plural as a dual', () => {
    expect(findNumbers('استهداف مدنيين في المدينة')).toEqual([]);
  });
});
