// The same-event judgement between two reports: relations the reader can trust, hard negatives,
// and the same answer whatever the size of the reader's corpus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines, type CorpusPack } from '../../../lib/corpus/formats';
import { countsAgree, countsConflict, eventDoc, judge, lexicalSimilarity, termVector, type CorpusDf } from '../../../lib/events';
import { synthCorpus } from '../../../bench/synth';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const events = (JSON.parse(readFileSync('tests/fixtures/real-2025-events.json', 'utf8')) as { sameEvent: string[][] }).sameEvent;
const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;
const rate = JSON.parse(readFileSync('tests/fixtures/exchange-rate/report.json', 'utf8')) as { title: string; text: string; publishedAt: string; outlet: string };
const byUrl = new Map(real.map((r) => [r.url, r]));
const doc = (r: { title: string; text: string; publishedAt: string | null; outlet: string }) => eventDoc(r.title, r.text, r.publishedAt, r.outlet);

describe('the exchange-rate report', () => {
  it('is related to nothing in the built-in corpus, though it names Damascus and Aleppo', () => {
    const q = doc(rate);
    expect(q.sig.place?.generic).toBe(true);
    for (const r of pack.reports) {
      const j = judge(q, doc({ ...r, publishedAt: r.publishedAt ?? null }));
      expect([r.title, j.relation]).toEqual([r.title, 'none']);
    }
  });
});

describe('hard negatives', () => {
  const shelling = (village: string, date: string, killed: number, outlet: string) => ({
    title: `مقتل ${killed} مدنيين بقصف مدفعي على ${village}`,
    text: `قتل ${killed} مدنيين وأصيب آخرون اليوم بقصف مدفعي لقوات النظام استهدف ${village} في ريف إدلب الجنوبي، بحسب الدفاع المدني.`,
    publishedAt: date,
    outlet,
  });

  it('the same place on another day is not the same event; on the same day it is', () => {
    for (const village of ['كفرنبل', 'معرة النعمان', 'سراقب']) {
      const a = doc(shelling(village, '2025-03-02', 4, 'Enab Baladi'));
      const sameDay = judge(a, doc(shelling(village, '2025-03-02', 4, 'Syria TV')));
      const weeksLater = judge(a, doc(shelling(village, '2025-03-23', 7, 'Syria TV')));
      expect([village, sameDay.relation]).toEqual([village, 'same-event']);
      expect([village, weeksLater.relation]).toEqual([village, 'related']);
      expect(weeksLater.differed).toContainEqual({ kind: 'day', a: '2025-03-02', b: '2025-03-23', days: 21 });
      expect(sameDay.agreed.find((d) => d.kind === 'place')?.names?.[0]).toBe(village);
      expect(sameDay.agreed).toContainEqual({ kind: 'killed', a: '4', b: '4' });
      expect(weeksLater.differed).toContainEqual({ kind: 'killed', a: '4', b: '7' });
    }
  });

  it('an outlet\'s daily reports of different days are not one event', () => {
    const daily = real.filter((r) => r.title.startsWith('تقرير شام الاقتصادي'));
    expect(daily.length).toBeGreaterThan(3);
    for (let i = 1; i < daily.length; i++) expect(judge(doc(daily[0]!), doc(daily[i]!)).relation).not.toBe('same-event');
  });

  it('generic places alone relate nothing: two other stories in Damascus and Aleppo', () => {
    const a = doc({ title: 'افتتاح معرض للكتاب في دمشق', text: 'افتتح في دمشق اليوم معرض للكتاب بمشاركة دور نشر من حلب.', publishedAt: '2025-06-02', outlet: 'SANA' });
    const b = doc({ title: 'حملة تبرع بالدم في حلب', text: 'أطلقت جمعية أهلية في حلب حملة للتبرع بالدم، وتمتد إلى دمشق.', publishedAt: '2025-06-02', outlet: 'Halab Today' });
    expect(judge(a, b).relation).toBe('none');
  });
});

describe('numbers that one event cannot give', () => {
  it('a toll grows but does not shrink; counts close but not equal prove nothing', () => {
    expect(countsAgree(58, 58)).toBe(true);
    expect(countsAgree(11, 13)).toBe(false);
    expect(countsConflict(22, 43, true)).toBe(false); // the same day's toll, counted further
    expect(countsConflict(43, 126, false)).toBe(false); // the next day's
    expect(countsConflict(43, 6, false)).toBe(true); // a later report with far fewer dead: another blast
    expect(countsConflict(5, 40, true)).toBe(true);
  });

  it('another blast days later, whose lede recalls the first, is not the first', () => {
    const convoy = eventDoc('Bomb attack on evacuee convoy kills 43', 'A suicide car bomb hit buses carrying evacuees outside Aleppo on Saturday, killing 43 people, the Observatory said.', '2017-04-15', 'ahram');
    const blast = eventDoc('Deadly bomb blast hits Aleppo', 'A boy injured in the bomb blast on the bus convoy outside Aleppo on Saturday. A bomb killed six people in Aleppo on Wednesday, state television said.', '2017-04-19', 'trt');
    expect(judge(convoy, blast).relation).not.toBe('same-event');
  });
});

describe('recurring reports', () => {
  it('are never one event, whatever their words share', () => {
    const rate = (day: string, outlet: string) => eventDoc(`سعر صرف الليرة السورية أمام الدولار اليوم ${day}`, `سجلت الليرة السورية اليوم سعر 9300 ليرة للدولار الواحد في أسواق دمشق.`, day, outlet);
    for (const [a, b] of [[rate('2025-06-11', 'shaam'), rate('2025-06-12', 'shaam')], [rate('2025-06-11', 'shaam'), rate('2025-06-11', 'Halab Today')]] as const) {
      const j = judge(a, b);
      expect(j.probability).toBeLessThanOrEqual(0.5);
      expect(j.relation).not.toBe('same-event');
    }
  });
});

describe('a judgement independent of the corpus size', () => {
  // The corpus enters the judgement only through the document frequency of the article's words,
  // blended with the reference table. A corpus of 100,000 reports is simulated by the counts of
  // a synthetic corpus scaled to 100,000 (the rates a real one of that size has), against a
  // corpus of 5: every labelled real pair keeps its relation.
  const synth = synthCorpus(2000, 3).records;
  const big = new Map<string, number>();
  for (const r of synth) for (const t of termVector(r.title, r.text).all.keys()) big.set(t, (big.get(t) ?? 0) + 50);
  const large: CorpusDf = { docs: 100_000, df: big };

  it('gives every labelled pair the same relation with 5 reports and with 100,000', () => {
    let pairs = 0;
    for (const g of events) {
      const [a, b] = [byUrl.get(g[0]!)!, byUrl.get(g[1]!)!];
      const da = doc(a);
      const db = doc(b);
      const few = [a, b, ...real.slice(0, 3)];
      const small: CorpusDf = { docs: 5, df: new Map() };
      for (const r of few) for (const t of termVector(r.title, r.text).all.keys()) (small.df as Map<string, number>).set(t, (small.df.get(t) ?? 0) + 1);
      const j5 = judge(da, db, small);
      const j100k = judge(da, db, large);
      expect([a.title, j5.relation]).toEqual([a.title, j100k.relation]);
      expect(Math.abs(j5.probability - j100k.probability)).toBeLessThan(0.3);
      pairs++;
    }
    expect(pairs).toBe(events.length);
  });

  it('counts words unknown to both the reference and the corpus against a match', () => {
    const a = termVector('انفجار في سوق المدينة', 'وقع انفجار في سوق المدينة');
    const b = termVector('انفجار في سوق المدينة', 'وقع انفجار في سوق المدينة زغنبوط قرطلاس فشخلون');
    expect(lexicalSimilarity(a, b).lex).toBeLessThan(0.8);
    expect(lexicalSimilarity(a, a).lex).toBeCloseTo(1, 5);
  });
});
