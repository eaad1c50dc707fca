import { describe, expect, it } from 'vitest';
import { daysLater } from '../../../lib/compare/export';
import { label, numberLabel } from '../../../lib/compare/labels';
import { formatNumber } from '../../../lib/i18n';
import { outletLabel, outletNames } from '../../../lib/compare/outlets';

describe('labels', () => {
  it("the export's gap in days agrees with its number in Arabic, in the catalogue's words", () => {
    expect([1, 2, 3, 10, 11, 99, 100, 103, 120].map((n) => daysLater(n, 'ar'))).toEqual([
      'بعد يوم', 'بعد يومين', 'بعد 3 أيام', 'بعد 10 أيام', 'بعد 11 يومًا', 'بعد 99 يومًا', 'بعد 100 يوم', 'بعد 103 أيام', 'بعد 120 يومًا',
    ]);
    expect([1, 2, 120].map((n) => daysLater(n, 'en'))).toEqual(['1 day later', '2 days later', '120 days later']);
  });

  it('names frames and source types in the UI language, unknown ids as they are', () => {
    expect(label('frame', 'handover', 'ar')).toBe('تسليم أو صفقة');
    expect(label('sourceType', 'jihadist-media', 'en')).toBe('jihadist media');
    expect(label('frame', 'no-such-frame', 'en')).toBe('no-such-frame');
    expect(numberLabel({ value: 270, approx: 'over' }, 'en')).toBe('over 270');
    expect(numberLabel({ value: 'tens' }, 'ar')).toBe('عشرات');
    // Digits as the UI writes every other count (not a region's own digits, as 'ar-SY' gave).
    expect(numberLabel({ value: 1270 }, 'ar')).toBe(formatNumber(1270, 'ar'));
    expect(numberLabel({ value: 4400000, approx: 'about' }, 'ar')).toBe(`نحو ${formatNumber(4400000, 'ar')}`);
  });

  it('names outlets: built-in ones by their adapters, imported ones by the gazetteer, others as given', () => {
    expect(outletNames('orient-news')).toEqual({ ar: 'أورينت نت', en: 'Orient News' });
    expect(outletNames('Enab Baladi')).toEqual({ ar: 'عنب بلدي', en: 'Enab Baladi' });
    expect(outletLabel('عنب بلدي', 'en')).toBe('Enab Baladi');
    expect(outletLabel('Syria TV', 'ar')).toBe('تلفزيون سوريا');
    expect(outletNames('No Such Outlet')).toEqual({ ar: 'No Such Outlet', en: 'No Such Outlet' });
  });
});
