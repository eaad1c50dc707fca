import { describe, expect, it } from 'vitest';
import { best } from '../../../lib/engine/candidates';

describe('best candidates', () => {
  it('returns the k highest scores best first, as a full sort would', () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const score = new Float32Array(5000);
    const ids: number[] = [];
    for (let i = 1; i < 5000; i++) {
      if (rnd() < 0.7) {
        // Ties on purpose: few distinct values.
        score[i] = Math.round(rnd() * 50) / 10;
        ids.push(i);
      }
    }
    const sorted = [...ids].sort((a, b) => score[b]! - score[a]! || a - b);
    expect(best(ids, score, 60)).toEqual(sorted.slice(0, 60));
    expect(best(ids.slice(0, 10), score, 60)).toEqual([...ids.slice(0, 10)].sort((a, b) => score[b]! - score[a]! || a - b));
  });
});
