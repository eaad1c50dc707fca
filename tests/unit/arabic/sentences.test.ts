import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/arabic/sentences';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks and line breaks, with offsets', () => {
    const t = 'سقط المطار. هل انسحب التنظيم؟ نعم!\nعنوان بلا نقطة';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['سقط المطار.', 'هل انسحب التنظيم؟', 'نعم!', 'عنوان بلا نقطة']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(texts('قال: "انسحبوا." ثم غادر.')).toEqual(['قال: "انسحبوا."', 'ثم غادر.']);
  });

  it('does not split at decimals, initials, web addresses or dots inside a title', () => {
    expect(texts('بلغ السعر 9.5 ليرة. وقال د. محمد إن')).toEqual(['بلغ السعر 9.5 ليرة.', 'وقال د. محمد إن']);
    expect(texts('للمرة الرابعة في أقل من شهر ..تنظيم "الدولة" ينسحب')).toHaveLength(1);
    expect(texts('زوروا www.eremnews.com اليوم')).toHaveLength(1);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' .. \n\n ؟ ')).toEqual([]);
  });
});
