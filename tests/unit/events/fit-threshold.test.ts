// The "same event" threshold is chosen by a rule fixed in advance on the fitting pairs' own
// out-of-fold judgements (scripts/fit-events.ts), never on the held-out fold it is judged on.
import { describe, expect, it } from 'vitest';
import { chooseThreshold, thresholdProbability } from '../../../scripts/fit-events';
import { eventDoc, judge } from '../../../lib/events';
import { firstStage, MODEL, pairFeatures } from '../../../lib/events/pair';

type Judged = { source: string; y: 0 | 1; prob: number; hard?: boolean };
/** `n` pairs of a source at probability `prob`, `same` of them same-event. */
const at = (source: string, prob: number, n: number, same: number): Judged[] => Array.from({ length: n }, (_, i) => ({ source, y: i < same ? 1 : 0, prob }));

describe('chooseThreshold', () => {
  it('is the lowest at which every large source reaches precision 0.95', () => {
    // FA-KES-like: precise above 0.9, not at 0.7; synthetic-like: precise everywhere.
    const list = [...at('fa-kes', 0.95, 60, 59), ...at('fa-kes', 0.7, 20, 10), ...at('synthetic', 0.95, 60, 60), ...at('synthetic', 0.6, 20, 20)];
    expect(chooseThreshold(list)).toBe(0.71);
    // Without the imprecise band, the lowest threshold tried.
    expect(chooseThreshold(list.filter((x) => x.prob !== 0.7))).toBe(0.51);
  });

  it('does not let a source of a few same-event pairs decide, nor pairs at 0.5 and under (the caps)', () => {
    const list = [...at('real-2025', 0.9, 10, 5), ...at('fa-kes', 0.9, 60, 60), ...at('fa-kes', 0.5, 40, 1)];
    expect(chooseThreshold(list)).toBe(0.51);
  });

  it('is the lowest at which no hard negative of any source is called same-event, as well', () => {
    const hard = (source: string, prob: number) => ({ source, y: 0 as const, prob, hard: true });
    const list = [...at('fa-kes', 0.95, 60, 60), ...at('fa-kes', 0.6, 20, 20)];
    expect(chooseThreshold(list)).toBe(0.51);
    // A hard negative of a small source (real 2025) at 0.8 counts: the threshold goes above it.
    expect(chooseThreshold([...list, hard('real-2025', 0.8)])).toBe(0.81);
    // A pair of two events that is not a hard negative counts only for the precision.
    expect(chooseThreshold([...list, { source: 'real-2025', y: 0, prob: 0.8 }])).toBe(0.51);
    // A hard negative no threshold of the range avoids: the lowest precise threshold calling the fewest.
    expect(chooseThreshold([...list, hard('fa-kes', 0.99), hard('fa-kes', 0.7)])).toBe(0.71);
  });

  it('reads a pair a class\'s ceiling holds under 0.8 as the second stage judges it, any other pair as the product does (events20)', () => {
    const read = (a: [string, string], b: [string, string]) => {
      const da = eventDoc(a[0], a[1], '2025-06-10', 'SANA');
      const db = eventDoc(b[0], b[1], '2025-06-10', 'Enab Baladi');
      return { product: judge(da, db).probability, threshold: thresholdProbability([da, db], pairFeatures(da, db), firstStage(da, db), [], MODEL.neighbours) };
    };
    // One airport and one day, nothing of what happened shared: the product holds it at 0.75; the
    // threshold's rule sees what the model says of it (over the ceiling), as it would of a pair of
    // another class that the ceiling does not reach.
    const airport = read(['Damascus airport receives first flight from Riyadh', 'Damascus International Airport received on Monday the first direct flight from Riyadh in years.'], ['Fire breaks out near Damascus airport', 'A fire broke out on Monday in farmland near Damascus International Airport, the civil defence said.']);
    expect(airport.product).toBe(0.75);
    expect(airport.threshold).toBeGreaterThan(airport.product);
    // Artillery with 4 dead and air strikes "with no reports of casualties", one town and day: a
    // class's pair since events27 (ceilings.ts groundAirDeadAgainstNone), read as the airport's.
    const shelling: [string, string] = ['مقتل 4 مدنيين بقصف مدفعي على كفرنبل', 'قتل 4 مدنيين وأصيب آخرون اليوم بقصف مدفعي لقوات النظام استهدف كفرنبل في ريف إدلب الجنوبي.'];
    const kafranbel = read(shelling, ['غارات على كفرنبل', 'شنت طائرات حربية غارات على كفرنبل صباح اليوم دون ورود أنباء عن إصابات.']);
    expect(kafranbel.product).toBe(0.75);
    expect(kafranbel.threshold).toBeGreaterThan(kafranbel.product);
    const others: Array<[[string, string], [string, string]]> = [
      // The same air strikes told with no word of casualties (no toll yet, not "none"): of no class.
      [shelling, ['غارات على كفرنبل', 'شنت طائرات حربية غارات على كفرنبل صباح اليوم.']],
      [['Fire breaks out near Damascus airport', 'A fire broke out on Monday in farmland near Damascus International Airport, the civil defence said.'], ['Civil defence puts out fire near Damascus airport', 'Civil defence teams put out on Monday a fire that broke out in farmland near Damascus International Airport.']],
      [['Strike kills 12 in Atareb', 'An air strike killed 12 people in Atareb on Monday, a monitor said.'], ['Twelve dead in Atareb air raid', 'Twelve civilians were killed on Monday in an air raid on the town of Atareb, rescuers said.']],
    ];
    for (const [a, b] of others) {
      const r = read(a, b);
      expect([a[0], r.threshold]).toEqual([a[0], r.product]);
    }
  });

  it('is the highest tried when no threshold reaches the precision', () => {
    expect(chooseThreshold(at('fa-kes', 0.99, 100, 60))).toBe(0.95);
  });

  it('is the shipped model\'s threshold, above the caps and the "related" threshold', () => {
    expect(MODEL.thresholds.sameEvent).toBeGreaterThan(0.5);
    expect(MODEL.thresholds.sameEvent).toBeGreaterThan(MODEL.thresholds.related);
  });
});
