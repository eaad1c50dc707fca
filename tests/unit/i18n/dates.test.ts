// Dates in the UI's language, from whatever ISO text a report or page gave: month names, the
// precision the source had, the day as written (never moved by the reader's time zone).
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../lib/ui/format-date';

describe('formatDate', () => {
  it('writes Arabic month names and the time when the source gave one', () => {
    expect(formatDate('2015-11-10T15:42', { lang: 'ar' })).toBe('10 نوفمبر 2015، 15:42');
    expect(formatDate('2015-11-10', { lang: 'ar' })).toBe('10 نوفمبر 2015');
    expect(formatDate('2015-11', { lang: 'ar' })).toBe('نوفمبر 2015');
    expect(formatDate('2015-11-10T15:42:00Z', { lang: 'en' })).toBe('Nov 10, 2015, 15:42');
    expect(formatDate('2015-11-10T15:42', { lang: 'en', withTime: false })).toBe('Nov 10, 2015');
  });

  it('keeps the day as written, whatever the offset', () => {
    expect(formatDate('2024-12-08T23:30:00+03:00', { lang: 'en', withTime: false })).toBe('Dec 8, 2024');
    expect(formatDate('2024-01-01T00:10:00-05:00', { lang: 'en' })).toBe('Jan 1, 2024, 00:10');
  });

  it('gives back text that is not an ISO date, and never throws', () => {
    expect(formatDate('منذ ساعتين', { lang: 'ar' })).toBe('منذ ساعتين');
    expect(formatDate('2015-13-40', { lang: 'en' })).toBe('2015-13-40');
    expect(formatDate('', { lang: 'en' })).toBe('');
  });

  it('no ISO date is left as digits and dashes', () => {
    for (const iso of ['2015-11-10T15:42', '2025-03-07', '1999-12']) {
      for (const lang of ['ar', 'en']) expect(formatDate(iso, { lang })).not.toMatch(/\d{4}-\d{2}/);
    }
  });
});

describe('typed dates (the Corpus tab\'s date fields)', () => {
  it('reads ISO, slashes, day-first and Arabic-Indic digits as one ISO day', async () => {
    const { isoDayOf } = await import('../../../lib/ui/date-input');
    expect(isoDayOf('2024-12-08')).toBe('2024-12-08');
    expect(isoDayOf('2024/12/8')).toBe('2024-12-08');
    expect(isoDayOf('8/12/2024')).toBe('2024-12-08');
    expect(isoDayOf('٨/١٢/٢٠٢٤')).toBe('2024-12-08');
    expect(isoDayOf(' \u200f2024-02-29 ')).toBe('2024-02-29');
    for (const bad of ['', '2023-02-29', '31/31/2024', 'yesterday', '2024-12']) expect(isoDayOf(bad), bad).toBeNull();
  });

  it('a date that is not one is left out of the search, not sent as typed', async () => {
    const { toQuery } = await import('../../../components/CorpusSearch');
    const f = { text: ' حلب ', outlet: '', from: '١/١٢/٢٠٢٤', to: 'soon', place: '', actor: '', source: '' };
    expect(toQuery(f)).toEqual({ text: 'حلب', from: '2024-12-01' });
  });
});
