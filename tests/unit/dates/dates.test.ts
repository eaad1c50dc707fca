// Every date form docs/OUTLETS.md lists, in both digit sets and both month-name sets.
import { describe, expect, it } from 'vitest';
import { parseArabicDate, parseRelativeAge, resolveRelativeAge, timestampToIso } from '../../../lib/arabic/dates';

const EGYPTIAN = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const LEVANTINE = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
const indic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + +d));

describe('parseArabicDate', () => {
  it.each([
    ['٢٢ أكتوبر ٢٠١٧', '2017-10-22', 'day'],
    ['٨ أغسطس ٢٠٢٥', '2025-08-08', 'day'],
    ['18 حزيران 2025', '2025-06-18', 'day'],
    ['● أخبار سورية ٢٢ أكتوبر ٢٠١٧', '2017-10-22', 'day'],
    ['29 أيار/مايو 2017', '2017-05-29', 'day'],
    ['في 25 تشرين الأول عام 2014 انطلقت', '2014-10-25', 'day'],
    ['في شهر نيسان سنة 2016', '2016-04', 'month'],
    ['مارس/آذار 2016', '2016-03', 'month'],
    ['25-4-2017', '2017-04-25', 'day'],
    ['Anisa Abeytia25-4-2017', '2017-04-25', 'day'],
    ['الإثنين 19 / 2 / 2018 | 05:45 بتوقيت حلب', '2018-02-19T05:45', 'minute'],
    ['الأحد 18 / 2 / 2018', '2018-02-18', 'day'],
    ['الإثنين ١٩ / ٢ / ٢٠١٨', '2018-02-19', 'day'],
    ['10-11-2015 | 15:42', '2015-11-10T15:42', 'minute'],
    ['2015-08-05T09:12:00+03:00', '2015-08-05T09:12', 'minute'],
    ['2025-05-28', '2025-05-28', 'day'],
    ['05 أغسطس 2015، 9:12 ص', '2015-08-05T09:12', 'minute'],
    ['تقرير شام الاقتصادي | 28 أيار 2026', '2026-05-28', 'day'],
    ['٢٢ أكتــوبر ٢٠١٧', '2017-10-22', 'day'],
  ])('%s → %s', (text, value, precision) => {
    expect(parseArabicDate(text)).toMatchObject({ value, precision });
  });

  it('reads all twelve months in the Egyptian and the Levantine names, with either digit set', () => {
    for (let m = 1; m <= 12; m++) {
      const want = `2019-${String(m).padStart(2, '0')}-07`;
      expect(parseArabicDate(`7 ${EGYPTIAN[m - 1]} 2019`)?.value, EGYPTIAN[m - 1]).toBe(want);
      expect(parseArabicDate(`7 ${LEVANTINE[m - 1]} 2019`)?.value, LEVANTINE[m - 1]).toBe(want);
      expect(parseArabicDate(indic(`7 ${LEVANTINE[m - 1]} 2019`))?.value, `${LEVANTINE[m - 1]} (Arabic-Indic)`).toBe(want);
      expect(parseArabicDate(`${EGYPTIAN[m - 1]}/${LEVANTINE[m - 1]} 2019`)).toMatchObject({ value: want.slice(0, 7), precision: 'month' });
    }
  });

  it('reads a day and month without a year only when told the year ("29 أيار/مايو")', () => {
    expect(parseArabicDate('29 أيار/مايو')).toBeNull();
    expect(parseArabicDate('29 أيار/مايو', { year: 2017 })).toMatchObject({ value: '2017-05-29', precision: 'day' });
    expect(parseArabicDate('في 3 آب الماضي', { year: 2016 })).toMatchObject({ value: '2016-08-03' });
  });

  it('reads a date before Arabic punctuation and through diacritics ("في 23 تموز، قصفت", "تشرين الأولّ")', () => {
    for (const [text, want] of [
      ['قصفت الطائرات جاسم يوم الأحد 23 تموز، ما أسفر عن قتلى', '2023-07-23'],
      ['وقع الانفجار في 10 أيار؛ وقال الدفاع المدني', '2023-05-10'],
      ['جرت الانتخابات في 5 آذار، 2023', '2023-03-05'],
      ['يوم الأحد 20 تشرين الأولّ، ما أسفر', '2023-10-20'],
      ['في ١٤ أَيلول، قالت المصادر', '2023-09-14'],
    ] as const) expect(parseArabicDate(text, { year: 2023 })?.value, text).toBe(want);
    // A month name inside a word is still no month ("آبار" wells, "تموزي").
    expect(parseArabicDate('حفر 3 آبار في القرية', { year: 2023 })).toBeNull();
  });

  it('rejects impossible dates and bare archive timestamps', () => {
    // An impossible day keeps only what is sure: the month.
    expect(parseArabicDate('31 شباط 2018')).toMatchObject({ value: '2018-02', precision: 'month' });
    expect(parseArabicDate('31-2-2018')).toBeNull();
    expect(parseArabicDate('20170911040523')).toBeNull();
    expect(parseArabicDate('لا تاريخ هنا')).toBeNull();
  });

  it('keeps the outlet\'s wall-clock time of an ISO date instead of shifting it to UTC', () => {
    expect(parseArabicDate('2017-10-22T00:30:00+03:00')?.value).toBe('2017-10-22T00:30');
  });
});

describe('relative ages', () => {
  it('parses the ages comments carry', () => {
    expect(parseRelativeAge('·منذ 8 سنوات 5 أشهر')).toEqual({ years: 8, months: 5, days: 0, minutes: 0 });
    expect(parseRelativeAge('منذ 7 سنوات 11 شهر')).toEqual({ years: 7, months: 11, days: 0, minutes: 0 });
    expect(parseRelativeAge('منذ سنتين')).toEqual({ years: 2, months: 0, days: 0, minutes: 0 });
    expect(parseRelativeAge('قبل ٣ أيام')).toEqual({ years: 0, months: 0, days: 3, minutes: 0 });
    expect(parseRelativeAge('منذ ساعتين')).toEqual({ years: 0, months: 0, days: 0, minutes: 120 });
    expect(parseRelativeAge('منذ عامٍ وشهرين')).toEqual({ years: 1, months: 2, days: 0, minutes: 0 });
    expect(parseRelativeAge('منذ بداية الثورة')).toBeNull();
  });

  it('resolves an age against the capture day, only as precise as its smallest unit', () => {
    expect(resolveRelativeAge('·منذ 8 سنوات 5 أشهر', '2024-04-20')).toMatchObject({ value: '2015-11', precision: 'month' });
    expect(resolveRelativeAge('منذ 11 شهر', '2017-09-11T04:05:23Z')).toMatchObject({ value: '2016-10', precision: 'month' });
    expect(resolveRelativeAge('منذ يومين', '2017-09-11')).toMatchObject({ value: '2017-09-09', precision: 'day' });
    expect(resolveRelativeAge('منذ أسبوعين', '2018-03-01')).toMatchObject({ value: '2018-02-15', precision: 'day' });
    expect(resolveRelativeAge('منذ يومين', 'not a date')).toBeNull();
  });
});

describe('Wayback timestamps', () => {
  it('turns 4 to 14 digits into an ISO UTC time', () => {
    expect(timestampToIso('20170911040523')).toBe('2017-09-11T04:05:23Z');
    expect(timestampToIso('201709')).toBe('2017-09-01T00:00:00Z');
    expect(timestampToIso('2017')).toBe('2017-01-01T00:00:00Z');
  });
});
