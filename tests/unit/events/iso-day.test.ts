import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from '../../../lib/events/day';

describe('isoDay', () => {
  it('prints a day number as its YYYY-MM-DD, the inverse of dayNumber', () => {
    expect(isoDay(0)).toBe('1970-01-01');
    expect(isoDay(dayNumber('2025-03-14')!)).toBe('2025-03-14');
    expect(isoDay(-1)).toBe('1969-12-31');
  });

  it('answers the same when asked again, past the many days its memo keeps', () => {
    const first = isoDay(20_000);
    for (let d = 0; d < 10_000; d++) expect(isoDay(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    expect(isoDay(20_000)).toBe(first);
    expect(first).toBe('2024-10-04');
  });
});
