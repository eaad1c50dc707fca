// "Why related" quotes shared phrases: each must be a whole phrase a reader can take in at once —
// one line of one sentence, at most twelve words, no function word dangling at an end, quotes and
// brackets balanced (issue 19: `تنظيم "الدولة الإسلامية" (داعش`, `مطار كويرس العسكري الذي`, and a
// 12-line block of boilerplate were shown).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isStopWord, tokenize } from '../../../lib/arabic';
import { sharedPhrases } from '../../../lib/engine/phrases';

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '«': '»', '“': '”', '{': '}' };

function balanced(s: string): boolean {
  const stack: string[] = [];
  for (const ch of s) {
    if (PAIRS[ch]) stack.push(PAIRS[ch]);
    else if (Object.values(PAIRS).includes(ch) && stack.pop() !== ch) return false;
  }
  return stack.length === 0 && [...s].filter((c) => c === '"').length % 2 === 0;
}

function expectWhole(phrase: string) {
  const words = tokenize(phrase);
  expect(phrase).not.toMatch(/[\n.!?؟]/);
  expect(words.length).toBeLessThanOrEqual(12);
  expect(words.length).toBeGreaterThanOrEqual(2);
  expect(isStopWord(words[0]!.text), phrase).toBe(false);
  expect(isStopWord(words[words.length - 1]!.text), phrase).toBe(false);
  expect(balanced(phrase), phrase).toBe(true);
}

describe('shared phrases are whole phrases', () => {
  it('cuts an unclosed bracket off with what follows it, keeping the balanced quote', () => {
    const a = 'أعلن تنظيم "الدولة الإسلامية" (داعش) انسحابه من المنطقة بعد معارك عنيفة';
    const b = 'ذكرت مصادر أن تنظيم "الدولة الإسلامية" (داعش سابقاً) خسر مواقع عدة';
    expect(sharedPhrases(a, b)).toEqual(['تنظيم "الدولة الإسلامية"']);
  });

  it('cuts an unopened closer off with what precedes it', () => {
    const a = 'قالت الشبكة (في تقريرها الشهري عن الضحايا المدنيين) إن العدد ارتفع';
    const b = 'وأضافت في تقريرها الشهري عن الضحايا المدنيين) الصادر اليوم';
    const got = sharedPhrases(a, b);
    expect(got).toEqual(['تقريرها الشهري عن الضحايا المدنيين']);
  });

  it('drops a function word dangling at the end', () => {
    const a = 'سيطرت القوات على مطار كويرس العسكري الذي يقع شرق حلب';
    const b = 'انسحب التنظيم من مطار كويرس العسكري الذي كان يسيطر عليه';
    expect(sharedPhrases(a, b)).toEqual(['مطار كويرس العسكري']);
  });

  it('never quotes a block of boilerplate: one sentence of one line, at most twelve words', () => {
    const block = [
      'تابعونا على قناتنا في تطبيق تلغرام للحصول على آخر الأخبار العاجلة أولاً بأول',
      'جميع الحقوق محفوظة لشبكة الأخبار السورية المستقلة ولا يجوز النقل دون ذكر المصدر الأصلي',
      'للتواصل مع فريق التحرير وإرسال الصور والمقاطع المصورة من مناطقكم راسلونا عبر البريد',
    ].join('\n');
    const got = sharedPhrases(`خبر أول عن القصف\n${block}`, `خبر ثان عن الاقتصاد\n${block}`);
    expect(got.length).toBeGreaterThan(0);
    for (const p of got) expectWhole(p);
  });

  it('holds on real reports of one outlet, which share boilerplate and headings', () => {
    const rows = readFileSync(new URL('../../fixtures/real-2025.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outlet: string; title: string; text: string });
    let phrases = 0;
    for (let i = 0; i + 1 < rows.length; i += 2) {
      const [x, y] = [rows[i]!, rows[i + 1]!];
      for (const p of sharedPhrases(`${x.title}\n${x.text}`, `${y.title}\n${y.text}`)) {
        expectWhole(p);
        phrases++;
      }
    }
    // The check ran on many phrases, not on none.
    expect(phrases).toBeGreaterThan(20);
  });
});
