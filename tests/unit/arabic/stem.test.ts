import { describe, expect, it } from 'vitest';
import { normalize, stem } from '../../../lib/arabic';

const s = (w: string) => stem(normalize(w));

describe('stem (measured in bench/STEMMING.md)', () => {
  it('joins forms that belong together', () => {
    for (const group of [
      ['المدينة', 'والمدينة', 'بالمدينة', 'للمدينة', 'مدينة'],
      ['السوريين', 'السوريون', 'السورية', 'السوري', 'سوريا', 'سورية'],
      ['الانسحاب', 'انسحابات', 'والانسحابات'],
      ['قوات', 'القوات', 'وقوات', 'قواته'],
      ['سيطرة', 'سيطرته', 'سيطرتها', 'السيطرة'],
      ['هجوم', 'هجوماً', 'الهجوم'],
      ['عملية', 'عمليات', 'العمليات'],
      ['روسيا', 'الروسي', 'الروسية'],
    ]) {
      expect(new Set(group.map(s)), group.join(' ')).toHaveProperty('size', 1);
    }
  });

  it('keeps apart forms that do not belong together', () => {
    for (const [a, b] of [
      ['السوريين', 'سور'], ['سورية', 'سورة'], ['المدنيين', 'المدن'], ['الدولي', 'الدول'], ['وزارة', 'زار'], ['وطن', 'طن'],
      ['فرات', 'رأت'], ['إيران', 'اير'], ['لبنان', 'لبن'], ['حزيران', 'حزير'], ['الطيران', 'الطير'],
    ]) {
      expect(s(a!), `${a} / ${b}`).not.toBe(s(b!));
    }
  });

  it('leaves Latin words and short words alone', () => {
    expect(stem('kweires')).toBe('kweires');
    expect(s('حلب')).toBe('حلب');
    expect(s('بين')).toBe('بين');
  });
});
