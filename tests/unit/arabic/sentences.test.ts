import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eachStretch, sentenceEnds, splitSentences } from '../../../lib/arabic/sentences';
import { parseJsonLines } from '../../../lib/corpus/formats';

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

  // Sentences beginning with every kind of character the letter-or-digit check tells apart: an
  // Arabic letter, tatweel, an Arabic-Indic digit, a mark, Latin, a quote, an emoji, punctuation alone.
  const edges = [
    'ـ. ٣. ً. ﻻ. 𝐀 نص. 😀. «». "قال". (٢٠٢٥). A. z. 0. 9. @. ، . ؟\n؛\n\u200f. \u200fنص. ۵. 𞤀. ',
    'أ. ي. ؠ. ٠. ٩. ٪. ۰. ۹. ٓ. ٕ. ـــ. ﷺ. Ⅻ. ½. ²',
  ];

  it('give the same sentences as read by the test of each sentence\'s text, and sentenceEnds their ends (real reports, edge cases)', () => {
    const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
    const all = [...real.flatMap((r) => [r.title, r.text]), ...edges];
    let sentences = 0;
    for (const t of all) {
      const got = splitSentences(t);
      const want = reference(t);
      expect(got).toEqual(want);
      expect(sentenceEnds(t)).toEqual(want.map((s) => s.end));
      sentences += got.length;
    }
    expect(sentences).toBeGreaterThan(1000);
    // The edge cases keep the sentences with a letter or digit, first or not: a quote, a bracket, a
    // mark of direction, a letter past the BMP before it; not a mark, an emoji or a sign alone.
    expect(texts(edges[0]!)).toEqual(expect.arrayContaining(['"قال".', '(٢٠٢٥).', '\u200fنص.', '𝐀 نص.', 'ﻻ.', '۵.']));
    for (const none of ['ً.', '😀.', '«».', '@.']) expect(texts(edges[0]!)).not.toContain(none);
  });
});

/** splitSentences as first written: each stretch's text sliced and tested for a letter or digit. */
function reference(text: string) {
  const out: Array<{ text: string; start: number; end: number }> = [];
  eachStretch(text, (a, b) => {
    if (/[\p{L}\p{N}]/u.test(text.slice(a, b))) out.push({ text: text.slice(a, b), start: a, end: b });
  });
  return out;
}
