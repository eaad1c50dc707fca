// A toll told with no noun counted: "مقتل 4 وإصابة 12" — the number right after a word of killing
// or wounding is the toll of that word, where the phrase ends there (a full stop, the next toll
// "وإصابة 12", or a word that tells how: "في", "جراء", "إثر", "بجروح"). Not where anything else
// follows (a date "قتل 12 آب", an illness "إصابة 19 جديدة"), nor a year.
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../lib/compare/numbers';
import { eventSignature } from '../../../lib/events/signature';

const tolls = (s: string) => findNumbers(s).map(({ what, unit, value }) => `${what}:${unit}:${value}`);
const numbersOf = (title: string, text: string) => eventSignature(title, text, '2025-06-02').numbers;

describe('a toll told with no noun counted', () => {
  it.each([
    ['مقتل 4 وإصابة 12', ['casualties:killed:4', 'casualties:wounded:12']],
    ['قصف على إدلب يسفر عن مقتل 4 وإصابة 12.', ['casualties:killed:4', 'casualties:wounded:12']],
    ['استشهاد 3 وجرح 7 في غارة على أريحا', ['casualties:killed:3', 'casualties:wounded:7']],
    ['مقتل ٥ جراء انفجار لغم في ريف حمص', ['casualties:killed:5']],
    ['إصابة 9 بجروح إثر سقوط قذيفة', ['casualties:wounded:9']],
    ['ارتفاع حصيلة القصف إلى مقتل 21، بينهم أطفال', ['casualties:killed:21']],
    // As before: a noun counted says what the number is.
    ['مقتل 4 عناصر وإصابة 12 مدنياً', ['casualties:killed:4', 'casualties:wounded:12']],
  ])('%s', (text, expected) => {
    expect(tolls(text)).toEqual(expected);
  });

  it.each([
    ['a date after a killing word', 'ذكرى قتل 12 آب في المدينة'],
    ['cases of an illness', 'تسجيل إصابة 19 جديدة بالفيروس'],
    ['a year', 'منذ مقتل 2015. وقال المصدر'],
    ['a time of day', 'وقعت عملية القتل 12 ظهراً'],
  ])('not %s', (_why, text) => {
    expect(tolls(text)).toEqual([]);
  });

  it('the event signature reads the toll, Arabic and English alike', () => {
    expect(numbersOf('مقتل 4 وإصابة 12 بقصف على أريحا', 'قُتل أربعة أشخاص.')).toMatchObject({ killed: 4, injured: 12 });
    expect(numbersOf('غارة على معرة النعمان', 'أسفرت الغارة عن استشهاد 6 وجرح 15، بحسب الدفاع المدني.')).toMatchObject({ killed: 6, injured: 15 });
    expect(numbersOf('Shelling on Ariha', 'The shelling killed 4 and wounded 12, rescuers said.')).toMatchObject({ killed: 4, injured: 12 });
    expect(numbersOf('Air strike on Maarat al-Numan', 'An air strike killing 6 and injuring 15 hit the market.')).toMatchObject({ killed: 6, injured: 15 });
  });
});
