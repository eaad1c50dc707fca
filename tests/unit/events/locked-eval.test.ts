// The locked evaluation (scripts/test-events-locked.ts) on a tiny hand-made set, not on the locked
// data: which pairs it judges and how each is labelled, its checks of the label files, and its
// precision, recall and reliability.
import { describe, expect, it } from 'vitest';
import { loadSets, lockedPairs, metrics, reliability, wilson, type Judged, type LockedPair } from '../../../scripts/test-events-locked';

const row = (id: string, date: string, source: string, title: string, text: string) => ({ unit_id: id, date, source, article_title: title, article_content: text });
const DOUMA = 'Air strikes on the town of Douma in Eastern Ghouta killed 12 civilians including four children on Monday, the Syrian Observatory for Human Rights said.';
const rows = [
  row('1', '3/6/2017', 'ahram', 'Air strikes kill 12 in Douma', `Monday 6 Mar 2017 ${DOUMA}`),
  row('2', '3/7/2017', 'alaraby', 'Twelve civilians killed in Douma raids', `7 March 2017 ${DOUMA} Rescuers dug through the rubble.`),
  row('3', '3/9/2017', 'trt', 'Shelling of Douma kills three', '9 Mar 2017 Shelling of the town of Douma in Eastern Ghouta killed three civilians on Thursday, the Syrian Observatory for Human Rights said.'),
  row('4', '3/8/2017', 'sana', 'Football league resumes', '8 March 2017 The national football league resumed its matches in Latakia stadium after the winter break.'),
  // Labelled (training) articles: one tells the Douma strikes of Monday, one the same town weeks later.
  row('10', '3/6/2017', 'reuters', 'Syrian jets strike Douma', `March 6 2017 ${DOUMA}`),
  row('11', '4/20/2017', 'reuters', 'Strikes on Douma kill 12', `April 20 2017 ${DOUMA}`),
  row('12', '3/9/2017', 'ahram', 'Douma shelled again', '9 Mar 2017 Shelling of the town of Douma in Eastern Ghouta killed three civilians on Thursday, a monitor said.'),
];
const labelled = { events: [{ id: 'douma-2017-03-06', ids: ['10'] }, { id: 'douma-2017-04-20', ids: ['11'] }, { id: 'douma-2017-03-09', ids: ['12'] }] };
const locked = {
  events: [
    { id: 'douma-monday', ids: ['1', '2'], sameAs: 'douma-2017-03-06' },
    { id: 'single-3', ids: ['3'], notJudgedWith: ['12'] },
    { id: 'single-4', ids: ['4'] },
  ],
};
const key = (p: LockedPair) => `${p.a.id}-${p.b.id}:${p.y}:${p.kind}`;

describe('lockedPairs', () => {
  const sets = loadSets(rows, locked, labelled, []);
  const pairs = lockedPairs(sets.locked, sets.labelled);
  const keys = pairs.map(key);

  it('labels locked pairs by incident and locked-labelled pairs by sameAs', () => {
    expect(keys).toContain('1-2:1:locked');
    expect(keys).toContain('1-3:0:locked');
    expect(keys).toContain('1-10:1:labelled');
    expect(keys).toContain('2-10:1:labelled');
    expect(keys).toContain('3-10:0:labelled');
  });

  it('pairs locked articles with labelled ones of nearby days only, and skips pairs left unjudged', () => {
    // Article 11 is six weeks off every locked article and tells no incident they tell.
    expect(pairs.some((p) => p.b.id === '11')).toBe(false);
    // 3 with 12 was left unjudged (notJudgedWith); 1 and 2 with 12 are judged.
    expect(keys.filter((k) => k.startsWith('3-12'))).toEqual([]);
    expect(keys).toContain('1-12:0:labelled');
  });

  it('leaves out pairs sharing no word, place or actor, and tags hard negatives', () => {
    expect(pairs.some((p) => p.a.id === '4' || p.b.id === '4')).toBe(false);
    const again = pairs.find((p) => p.a.id === '1' && p.b.id === '3')!;
    expect(again.hard).toMatch(/same place/);
    expect(pairs.filter((p) => p.y).every((p) => p.hard === null)).toBe(true);
  });

  it('applies the reviewed relabels to the labelled incidents', () => {
    // Article 12, read again, tells Monday's strikes: its pairs with Monday's locked reports are same-event.
    const moved = loadSets(rows, locked, labelled, [{ id: '12', to: 'douma-2017-03-06' }]);
    const again = lockedPairs(moved.locked, moved.labelled).map(key);
    expect(again).toContain('1-12:1:labelled');
    expect(again).toContain('1-10:1:labelled');
  });
});

describe('loadSets', () => {
  it('names the file, incident and field of a bad label', () => {
    expect(() => loadSets(rows, { events: [{ id: 'x', ids: ['99'] }] }, labelled, [])).toThrow(/locked\/events\.json: event x: ids: no FA-KES article 99/);
    expect(() => loadSets(rows, { events: [{ id: 'x', ids: ['10'] }] }, labelled, [])).toThrow(/event x: ids: article 10 is labelled twice/);
    expect(() => loadSets(rows, { events: [{ id: 'x', ids: ['1'], sameAs: 'nowhere' }] }, labelled, [])).toThrow(/event x: sameAs: no labelled incident nowhere/);
    expect(() => loadSets(rows, { events: [{ id: 'x', ids: ['1'], notJudgedWith: ['2'] }] }, labelled, [])).toThrow(/event x: notJudgedWith: 2 is not a labelled article/);
  });
});

describe('metrics and reliability', () => {
  const judged = (y: 0 | 1, probability: number): Judged => ({ pair: { y } as LockedPair, probability });
  const list = [judged(1, 0.95), judged(1, 0.85), judged(1, 0.4), judged(0, 0.9), judged(0, 0.2), judged(0, 0.1)];

  it('counts precision and recall at a threshold', () => {
    expect(metrics(list, 0.8)).toEqual({ pos: 3, neg: 3, tp: 2, fp: 1, precision: 2 / 3, recall: 2 / 3 });
    expect(metrics(list, 0.92)).toMatchObject({ tp: 1, fp: 0, precision: 1, recall: 1 / 3 });
    // Nothing called: precision is not undefined.
    expect(metrics(list, 0.99)).toMatchObject({ tp: 0, fp: 0, precision: 1, recall: 0 });
  });

  it('gives the 95 % Wilson interval of a rate', () => {
    expect(wilson(5, 10).map((x) => x.toFixed(4))).toEqual(['0.2366', '0.7634']);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 10)[1]).toBeCloseTo(0.2775, 4);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });

  it('bins the predicted probability by tenths, 1.0 in the last', () => {
    const bins = reliability([...list, judged(1, 1)]);
    expect(bins.map((b) => [b.lo, b.pairs])).toEqual([[0.1, 1], [0.2, 1], [0.4, 1], [0.8, 1], [0.9, 3]]);
    expect(bins.at(-1)!.observed).toBeCloseTo(2 / 3);
    expect(bins.at(-1)!.predicted).toBeCloseTo((0.95 + 0.9 + 1) / 3);
  });
});
