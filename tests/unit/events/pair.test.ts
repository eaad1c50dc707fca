// The same-event judgement between two reports: relations the reader can trust, hard negatives,
// and the same answer whatever the size of the reader's corpus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines, type CorpusPack } from '../../../lib/corpus/formats';
import { countsAgree, countsConflict, eventDoc, judge, lexicalSimilarity, termVector, type CorpusDf } from '../../../lib/events';
import { synthCorpus } from '../../../bench/synth';
import { pairFeatures } from '../../../lib/events/pair';

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

  it('a toll risen in a later report of the same day\'s event agrees; a fallen one, or one grown from 1 to 18, does not', () => {
    const first = eventDoc('Bomb attack on evacuee convoy kills 43', 'A car bomb hit buses carrying evacuees outside Aleppo on Saturday, killing 43 people, the Observatory said.', '2017-04-15', 'ahram');
    const later = eventDoc('Death toll from convoy bombing rises', 'The death toll in Saturday\'s convoy bombing rose to 126, the Observatory said.', '2017-04-16', 'alalam');
    expect(pairFeatures(first, later).features).toMatchObject({ numRise: 1, numApart: 0 });
    // Fewer dead a day later: no rise (another count of another blast, or a part of the dead).
    const fewer = eventDoc('Bombing near Aleppo kills 12', 'A car bomb hit buses outside Aleppo on Saturday, killing 12 people.', '2017-04-16', 'trt');
    expect(pairFeatures(first, fewer).features.numRise).toBe(0);
    const one = eventDoc('One dead in raid on town', 'One person was killed on Saturday in an air raid on the town, a monitor said.', '2017-04-15', 'ahram');
    const many = eventDoc('Air strikes kill 18 in the town', 'Air strikes killed 18 people on Saturday in the town.', '2017-04-16', 'trt');
    expect(pairFeatures(one, many).features.numRise).toBe(0);
  });

  it('two attacks of one place and day told with different weapons differ in weapon', () => {
    const missile = eventDoc('Missile kills 18 civilians in Aleppo', 'A missile fired by government forces killed at least 18 civilians on Tuesday in the Maghayir district of Aleppo.', '2015-07-21', 'ahram');
    const barrel = eventDoc('18 killed in barrel bomb attack on rural Aleppo', 'Eighteen civilians were killed in a barrel bomb attack on the village of al-Bureij northeast of Aleppo on Tuesday.', '2015-07-22', 'etilaf');
    const rocket = eventDoc('Rocket strike kills 18 in Aleppo old city', 'A rocket struck the Maghayir district of Aleppo on Tuesday, killing 18.', '2015-07-21', 'trt');
    expect(pairFeatures(missile, barrel).features.weaponConflict).toBe(1);
    expect(pairFeatures(missile, rocket).features.weaponConflict).toBe(0);
  });

  it('another blast days later, whose lede recalls the first, is not the first', () => {
    const convoy = eventDoc('Bomb attack on evacuee convoy kills 43', 'A suicide car bomb hit buses carrying evacuees outside Aleppo on Saturday, killing 43 people, the Observatory said.', '2017-04-15', 'ahram');
    const blast = eventDoc('Deadly bomb blast hits Aleppo', 'A boy injured in the bomb blast on the bus convoy outside Aleppo on Saturday. A bomb killed six people in Aleppo on Wednesday, state television said.', '2017-04-19', 'trt');
    expect(judge(convoy, blast).relation).not.toBe('same-event');
  });
});

describe('one place, one day, two things', () => {
  // Real 2025: Damascus airport's closure denied, and its first pilgrims' flight, told a day apart
  // (tests/fixtures/real-2025.jsonl). The same kind of pair at other places, built here.
  const pairs: Array<[string, [string, string], [string, string]]> = [
    ['باب الهوى', ['هيئة المنافذ تنفي إغلاق معبر باب الهوى', 'نفت الهيئة العامة للمنافذ البرية والبحرية اليوم الأنباء عن إغلاق معبر باب الهوى، مؤكدة أن المعبر يعمل بشكل طبيعي أمام المسافرين.'], ['عودة 300 لاجئ من تركيا عبر معبر باب الهوى', 'عاد اليوم 300 لاجئ سوري من تركيا عبر معبر باب الهوى الحدودي، بحسب إدارة المعبر، ضمن قوافل العودة الطوعية.']],
    ['مطار حلب', ['الطيران المدني ينفي توقف الرحلات في مطار حلب الدولي', 'نفت الهيئة العامة للطيران المدني اليوم ما تداولته مواقع عن توقف الرحلات في مطار حلب الدولي، مؤكدة أن المطار يعمل بكامل طاقته.'], ['وصول أولى رحلات الحجاج إلى مطار حلب الدولي', 'وصلت اليوم إلى مطار حلب الدولي أولى رحلات الحجاج العائدين من الديار المقدسة بعد أداء مناسك الحج.']],
  ];
  it('tells a denial from another story of the place that day', () => {
    for (const [where, [ta, xa], [tb, xb]] of pairs) {
      const a = eventDoc(ta, xa, '2025-06-19', 'Shaam Network');
      const b = eventDoc(tb, xb, '2025-06-19', 'Syria TV');
      expect([where, a.sig.place?.id]).toEqual([where, b.sig.place?.id]);
      const j = judge(a, b);
      expect([where, j.relation]).toEqual([where, 'related']);
    }
  });
});

describe('an outlet updating its own toll', () => {
  // Places other than those scripts/fit-events.ts writes its synthetic updates about.
  const first = (place: string, n: number, day: string) => eventDoc(`مقتل ${n} مدنيين بقصف صاروخي على ${place}`, `قتل ${n} مدنيين اليوم جراء قصف صاروخي استهدف الأحياء السكنية في ${place}، بحسب الدفاع المدني.`, day, 'Orient News');
  const update = (place: string, m: number, day: string) => eventDoc(`ارتفاع حصيلة ضحايا القصف الصاروخي على ${place} إلى ${m}`, `ارتفع عدد ضحايا القصف الصاروخي الذي استهدف ${place} أمس إلى ${m} قتيلاً بعد وفاة مصابين متأثرين بجراحهم.`, day, 'Orient News');

  it('calls its first report and its update one event, and another strike of that day another', () => {
    for (const [place, elsewhere] of [['كفرنبل', 'سراقب'], ['معرة النعمان', 'حارم'], ['سلقين', 'كفرنبل']] as const) {
      const a = first(place, 4, '2025-03-02');
      expect(a.sig.what.update).toBe(false);
      const u = update(place, 11, '2025-03-03');
      expect(u.sig.what.update).toBe(true);
      expect([place, judge(a, u).relation]).toEqual([place, 'same-event']);
      expect([place, judge(first(elsewhere, 3, '2025-03-02'), u).relation]).toEqual([place, expect.not.stringMatching(/same-event/)]);
    }
  });

  it("does not take its new toll of one day's attack for the next day's attack on the same place", () => {
    // SANA, 16 and 17 August 2016: Tuesday's rockets on Salah Eddin (toll raised that night), and Wednesday's.
    const tuesday = eventDoc('Death toll from terrorist rocket attacks in Aleppo rises to 8', 'The death toll from the rocket attacks on Salah Eddin neighborhood in Aleppo city rose to 8 civilians, a source told SANA late on Tuesday.', '2016-08-16', 'sana');
    const wednesday = eventDoc('Terrorist rocket attacks on Salah Eddin neighborhood in Aleppo kill 10', 'Ten civilians were killed as terrorist groups targeted Salah Eddin neighborhood in Aleppo city with rocket attacks on Wednesday.', '2016-08-17', 'sana');
    expect(tuesday.sig.what.update).toBe(true);
    expect(pairFeatures(tuesday, wednesday).features).toMatchObject({ dayOther: 1, update: 0, sameOutletUpdate: 0 });
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
  // The judgement weighs words by the reference table alone (the reader's corpus orders the shared
  // words shown). A corpus of 100,000 reports is simulated by the counts of a synthetic corpus
  // scaled to 100,000 (the rates a real one of that size has), against a corpus of 5: every
  // labelled real pair keeps its relation and its probability.
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
      expect([a.title, j5.probability]).toEqual([a.title, j100k.probability]);
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
