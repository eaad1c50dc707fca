import { describe, expect, it } from 'vitest';
import { normalize, normalizeWithMap, stem, terms, tokenize, toAsciiDigits } from '../../../lib/arabic';

const samples = ['مَطَارُ كُوَيْرِس العَسْكَرِيّ', 'إدلب، أعزاز؛ آذار؟', 'ســوريـا', '«داعش» و“النظام”', 'Kweires ١٢٣ ۴۵۶', 'مؤسسة شؤون المرأة', 'ﻻ إله', 'ی ک'];

describe('normalize', () => {
  it('is idempotent', () => {
    for (const s of samples) expect(normalize(normalize(s))).toBe(normalize(s));
  });

  it('makes diacritised and plain forms equal', () => {
    expect(normalize('مَطَارُ كُوَيْرِس العَسْكَرِيّ')).toBe(normalize('مطار كويرس العسكري'));
    expect(normalize('السْفِيرة')).toBe(normalize('السفيرة'));
  });

  it('makes both digit sets and ASCII digits equal', () => {
    expect(normalize('٢٠١٧')).toBe('2017');
    expect(normalize('۲۰۱۷')).toBe('2017');
    expect(toAsciiDigits('اللواء ١٣٧')).toBe('اللواء 137');
  });

  it('folds letter variants, tatweel, invisible marks, quotes, punctuation and Latin case', () => {
    expect(normalize('أإآٱ')).toBe('اااا');
    expect(normalize('مستشفى')).toBe('مستشفي');
    expect(normalize('مدينة')).toBe('مدينه');
    expect(normalize('ســوريـا')).toBe('سوريا');
    expect(normalize('سو\u200Cريا\u200F')).toBe('سوريا');
    expect(normalize('«داعش» و“النظام”')).toBe('"داعش" و"النظام"');
    expect(normalize('حلب، إدلب؛ لماذا؟')).toBe('حلب, ادلب; لماذا?');
    expect(normalize('KWEIRES')).toBe('kweires');
    expect(normalize('ی')).toBe('ي');
  });

  it('maps each normalised character back to its offset in the original', () => {
    const src = 'وَالمَطَار';
    const { text, map } = normalizeWithMap(src);
    expect(text).toBe('والمطار');
    expect(map).toEqual([0, 2, 3, 4, 6, 8, 9, 10]);
    // The letters after the conjunction, as written (with their marks).
    expect(src.slice(map[1]!, map[text.length]!)).toBe('المَطَار');
  });

  it('survives hostile input', () => {
    expect(normalize('')).toBe('');
    expect(() => normalize('\uD800\uDFFF\uD800 \u0000')).not.toThrow();
    expect(tokenize('\u0000\u0001')).toEqual([]);
  });
});

describe('tokenize and terms', () => {
  it('keeps words whole, with offsets into the original text', () => {
    const t = 'قوات الأسد، في "كويرس"';
    const toks = tokenize(t);
    expect(toks.map((x) => x.text)).toEqual(['قوات', 'الاسد', 'في', 'كويرس']);
    expect(toks.map((x) => t.slice(x.start, x.end))).toEqual(['قوات', 'الأسد', 'في', 'كويرس']);
  });

  it('does not split a word on a zero-width joiner', () => {
    expect(tokenize('سو\u200Cريا').map((x) => x.text)).toEqual(['سوريا']);
  });

  it('drops stop words and digits, stems the rest', () => {
    expect(terms('في المدينة والمدينة بالمدينة 2017 التي')).toEqual([stem('مدينه'), stem('مدينه'), stem('مدينه')]);
  });
});
