import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../lib/compare/compare';
import { sentenceAround } from '../../../lib/compare/context';
import type { GroupReport } from '../../../lib/compare/types';
import { fixtureAnalyser } from './fixture-analyser';

const r = (id: string, outlet: string, publishedAt: string | null, title: string, text: string): GroupReport => ({ id, outlet, publishedAt, title, text, url: `https://example.org/${id}` });

const group = [
  r('a', 'orient-news', '2015-11-11', 'انسحاب داعش أمام قوات الأسد', 'انسحب داعش. وقتل 3 مدنيين في القصف. وقال الناشط إن الطريق فُتح بعد حصار استمر لسنتين.'),
  r('b', 'eremnews', '2015-11-10', 'الجيش السوري يتقدم', 'نقلت وكالة سانا أن الجيش السوري تقدم. وذكرت أعماق أن عناصر داعش انسحبوا بعد مقتل 5 مدنيين.'),
  r('c', 'eremnews', '2015-11-12', 'تسليم مواقع', 'وتحدثت مصادر عن تسليم مواقع للجيش السوري بعد حصار استمر لسنتين.'),
  r('d', 'shaam', null, 'قوات الأسد تدخل المدينة', 'دخلت قوات الأسد المدينة.'),
];

describe('comparing a group of reports', () => {
  const c = compareReports(group, fixtureAnalyser);

  it('orders outlets by who published first and gives each the days after the first', () => {
    expect(c.outlets.map((o) => [o.outlet, o.first, o.lagDays])).toEqual([
      ['eremnews', '2015-11-10', 0],
      ['orient-news', '2015-11-11', 1],
      ['shaam', null, null],
    ]);
    expect(c.event).toEqual({ title: group[0]!.title, from: '2015-11-10', to: '2015-11-12' });
    expect(c.outlets.find((o) => o.outlet === 'orient-news')!.current).toBe(true);
    expect(c.outlets.find((o) => o.outlet === 'eremnews')!.reports.map((x) => x.id)).toEqual(['b', 'c']);
  });

  it('keeps each outlet\'s words for an actor apart, with counts', () => {
    const naming = Object.fromEntries(c.outlets.map((o) => [o.outlet, o.naming.find((n) => n.actorId === 'regime')?.terms]));
    expect(naming['orient-news']).toEqual([{ term: 'قوات الأسد', count: 1 }]);
    expect(naming.eremnews).toEqual([{ term: 'الجيش السوري', count: 2 }]); // title and body of b; c writes للجيش
  });

  it('shows frame cues in context and puts headline frames first', () => {
    const orient = c.outlets.find((o) => o.outlet === 'orient-news')!;
    const withdrawal = orient.frames.find((f) => f.frame === 'withdrawal')!;
    expect(withdrawal.contexts[0]!.inTitle).toBe(true);
    const x = withdrawal.contexts[0]!;
    expect(x.text.slice(x.start, x.end)).toBe('انسحاب');
    const eram = c.outlets.find((o) => o.outlet === 'eremnews')!;
    expect(eram.frames[0]!.frame).toBe('handover'); // in report c's headline
  });

  it('lists sources by type and marks what only one outlet says', () => {
    const eram = c.outlets.find((o) => o.outlet === 'eremnews')!;
    expect(eram.sources.map((s) => [s.name, s.type])).toEqual([['أعماق', 'jihadist-media'], ['سانا', 'state-media']]); // grouped by type
    expect(eram.claims.every((x) => x.onlyHere)).toBe(true);
  });

  it('finds numbers per outlet and where outlets disagree', () => {
    const orient = c.outlets.find((o) => o.outlet === 'orient-news')!;
    // The siege's two years are a duration, no figure of the event: not among the numbers.
    expect(orient.numbers.map((n) => [n.what, n.value])).toEqual([['casualties', 3]]);
    expect(orient.numbers[0]!.context.text).toContain('وقتل 3 مدنيين');
    expect(c.disagreements).toEqual([
      { what: 'casualties', unit: 'killed', values: [{ outlet: 'eremnews', value: 5, text: 'مقتل 5 مدنيين' }, { outlet: 'orient-news', value: 3, text: 'وقتل 3 مدنيين' }] },
    ]);
  });
});

describe('passages around a word', () => {
  it('keeps the sentence and marks the word', () => {
    const text = 'جملة أولى. وقال المصدر إن القوات انسحبت من المدينة. جملة ثالثة';
    const at = text.indexOf('انسحبت');
    const s = sentenceAround(text, at, at + 'انسحبت'.length);
    expect(s.text).toBe('وقال المصدر إن القوات انسحبت من المدينة.');
    expect(s.text.slice(s.start, s.end)).toBe('انسحبت');
  });
  it('cuts a long sentence around the word, at spaces', () => {
    const text = `${'كلمة '.repeat(100)}الهدف ${'كلمة '.repeat(100)}`;
    const at = text.indexOf('الهدف');
    const s = sentenceAround(text, at, at + 5, 80);
    expect(s.text.length).toBeLessThan(100);
    expect(s.text.startsWith('… ')).toBe(true);
    expect(s.text.slice(s.start, s.end)).toBe('الهدف');
  });
});
