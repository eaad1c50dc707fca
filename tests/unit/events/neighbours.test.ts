// The second stage: what third reports, judged with both of a pair, say of it (the event behind
// the reports), and the candidates of one article judged together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines, type CorpusPack } from '../../../lib/corpus/formats';
import { eventDoc, judge, judgeAmong, MODEL } from '../../../lib/events';
import { calibrate, CONFIDENT, NEIGHBOUR_FLOOR, neighbourFeatures, neighbourRaw, withNeighbours } from '../../../lib/events/neighbours';
import { FEATURES, firstStage, type FeatureName } from '../../../lib/events/pair';
import { saysApart } from '../../../lib/events/ceilings';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const pack = JSON.parse(readFileSync('public/corpus/builtin.json', 'utf8')) as CorpusPack;
const rate = JSON.parse(readFileSync('tests/fixtures/exchange-rate/report.json', 'utf8')) as { title: string; text: string; publishedAt: string; outlet: string };
const doc = (r: { title: string; text: string; publishedAt?: string | null; outlet: string }) => eventDoc(r.title, r.text, r.publishedAt ?? null, r.outlet);
const nb = MODEL.neighbours!;

describe('neighbourFeatures', () => {
  it('reads the best two partners of both, a close partner of one judged apart from the other, and the share of close partners of both', () => {
    // first, shared, shared2, against, support, alone
    const [, shared, shared2, against, support, alone] = neighbourFeatures(0.7, [[0.9, 0.8], [0.6, 0.7], [0.95, 0.05], [0.05, 0.05]]);
    expect(shared).toBeCloseTo(0.8);
    expect(shared2).toBeCloseTo(0.6);
    // 0.95 against a probability under the floor, read as 0, weighed by the close partners not of both (1 of 3).
    expect(against).toBeCloseTo(0.95 / 3);
    expect(support).toBeCloseTo(2 / 3);
    expect(alone).toBe(0);
  });

  it('weighs a partner judged apart by the partners of both: whole where none is, little in a big event', () => {
    // Two incidents sharing one report (a round-up of both): no partner of both.
    const shared = neighbourFeatures(0.7, [[0.9, 0.05]])[3]!;
    expect(shared).toBeCloseTo(0.9);
    // One event of ten reports, one of them missed by the pair model (a partial toll): nine of ten partners of both.
    const big = neighbourFeatures(0.7, [...Array.from({ length: 9 }, () => [0.9, 0.9] as const), [0.9, 0.05]])[3]!;
    expect(big).toBeCloseTo(0.09);
  });

  it('is alone without a close partner, and reads probabilities under the floor as none', () => {
    const x = neighbourFeatures(0.7, [[NEIGHBOUR_FLOOR / 2, NEIGHBOUR_FLOOR / 2]]);
    expect(x.slice(1)).toEqual([0, 0, 0, 0, 1]);
    expect(neighbourFeatures(0.7, [])).toEqual(x);
  });
});

describe('the shipped second stage', () => {
  const alone = withNeighbours(0.7, [], 1, nb);

  it('lifts a pair whose close partners are partners of both', () => {
    expect(withNeighbours(0.7, [[0.95, 0.95], [0.9, 0.9]], 1, nb)).toBeGreaterThan(alone);
  });

  it('lowers a pair when a close partner of one is judged apart from the other', () => {
    expect(withNeighbours(0.7, [[0.95, 0.02], [0.9, 0.03]], 1, nb)).toBeLessThan(alone);
  });

  it('never lifts a pair over the pair model\'s rules (events days apart, places apart, recurring reports)', () => {
    expect(withNeighbours(0.45, [[0.99, 0.99], [0.99, 0.99]], 0.5, nb)).toBeLessThanOrEqual(0.5);
  });

  it('does not lower a pair the pair model is confident of when no third report speaks against it', () => {
    for (const first of [CONFIDENT, 0.85, 0.9, 0.95]) {
      // Alone, with a partner of both, with a weak third report of either: nothing says two events.
      for (const thirds of [[], [[0.95, 0.95]], [[0.9, 0.9], [0.95, 0.6]], [[0.3, 0.2]]] as Array<Array<[number, number]>>) {
        expect([first, thirds, withNeighbours(first, thirds, 1, nb)]).toEqual([first, thirds, expect.toSatisfy((p: number) => p >= first)]);
      }
    }
  });

  it('still lowers a confident pair when a close partner of one is judged apart from the other, and still caps it', () => {
    expect(withNeighbours(0.9, [[0.95, 0.02]], 1, nb)).toBeLessThan(0.9);
    expect(withNeighbours(0.9, [[0.9, 0.9], [0.95, 0.3]], 1, nb)).toBeLessThan(withNeighbours(0.9, [[0.9, 0.9]], 1, nb));
    expect(withNeighbours(0.95, [], 0.5, nb)).toBe(0.5);
  });

  it('lets the second stage lower a confident pair whose own features say two incidents (sides apart, tolls in conflict)', () => {
    // The guard is off for such a pair: it gets the second stage's own judgement, whatever the first
    // stage's confidence. A second stage that judges a lone pair lower than the first stage did
    // lowers it; the same stage leaves a pair whose features say nothing apart where it was. (Whether
    // the shipped stage judges a lone 0.9 a little over or under 0.9 is its calibration's, which moves
    // with each refit — events17, events25 — so the guard is tested on a stage that lowers, and the
    // shipped one is checked to give its own judgement.)
    const lowering = { ...nb, calibration: [[0, 0], [1, 0.5]] as Array<[number, number]> };
    for (const first of [CONFIDENT, 0.9, 0.95]) {
      expect(withNeighbours(first, [], 1, lowering, true)).toBeLessThan(first);
      expect(withNeighbours(first, [], 1, lowering, false)).toBeGreaterThanOrEqual(first);
      expect(withNeighbours(first, [[0.95, 0.95]], 1, lowering, true)).toBeLessThan(first);
      const own = Math.round(calibrate(neighbourRaw(neighbourFeatures(first, []), nb), nb.calibration) * 1000) / 1000;
      expect(withNeighbours(first, [], 1, nb, true)).toBe(own);
    }
  });

  it('judges a pair under the confident figure by the second stage alone', () => {
    const stage = { ...nb, calibration: [[0, 0], [1, 0.5]] as Array<[number, number]> };
    expect(withNeighbours(CONFIDENT - 0.01, [], 1, stage)).toBeLessThan(CONFIDENT - 0.01);
    expect(withNeighbours(CONFIDENT, [], 1, stage)).toBe(CONFIDENT);
  });

  it('leaves a pair under the floor as the pair model judged it', () => {
    expect(withNeighbours(NEIGHBOUR_FLOOR / 2, [[0.99, 0.99]], 1, nb)).toBe(NEIGHBOUR_FLOOR / 2);
  });
});

describe('judgeAmong', () => {
  it('judges a pair among reports of other events as it judges it alone: a corpus of 2 reports or of many', () => {
    let checked = 0;
    for (let k = 0; k + 1 < 40; k += 2) {
      const [a, b] = [doc(real[k]!), doc(real[k + 1]!)];
      // Reports of other events: the pair model gives them under the floor with either.
      const unrelated = pack.reports.map(doc).filter((d) => firstStage(a, d) < NEIGHBOUR_FLOOR && firstStage(b, d) < NEIGHBOUR_FLOOR);
      expect(unrelated.length).toBeGreaterThan(2);
      expect(judgeAmong(a, [b, ...unrelated]).judgements[0]).toEqual(judge(a, b));
      checked++;
    }
    expect(checked).toBe(20);
  });

  it('judges each pair of candidates at most once, only for candidates at the floor', () => {
    const a = doc(real[0]!);
    const others = real.slice(0, 24).map(doc);
    const { pairs } = judgeAmong(a, others);
    const atFloor = others.filter((d) => judge(a, d).probability >= NEIGHBOUR_FLOOR).length;
    expect(pairs).toBeLessThanOrEqual(Math.min((others.length * (others.length - 1)) / 2, atFloor * (others.length - 1)));
  });

  it('relates the exchange-rate report to nothing in the built-in corpus, judged together', () => {
    const { judgements } = judgeAmong(doc(rate), pack.reports.map(doc));
    judgements.forEach((j, i) => expect([pack.reports[i]!.title, j.relation]).toEqual([pack.reports[i]!.title, 'none']));
  });
});

describe('saysApart', () => {
  const none = Object.fromEntries(FEATURES.map((n) => [n, 0])) as Record<FeatureName, number>;

  it('reads a disagreement of place, kind, toll, weapon or sides as the pair\'s own evidence of two incidents', () => {
    for (const n of ['placeConflict', 'placeApart', 'govApart', 'typeConflict', 'numConflict', 'whatConflict', 'weaponConflict', 'sidesApart'] as const) {
      expect([n, saysApart({ ...none, [n]: 1 })]).toEqual([n, true]);
    }
  });

  it('does not read tolls apart (an update\'s grown toll) or agreement as two incidents', () => {
    expect(saysApart({ ...none, numApart: 0.4, numApartHere: 0.4, numBoth: 1, typeSame: 1, placeSame: 1, actorShared: 1 })).toBe(false);
  });
});
