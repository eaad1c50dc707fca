// The event signature, the word counts and the worker's message must stay what they were for
// every report (tests/unit/events/golden.ts); scripts/events-golden.ts records an intended change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGoldens, GOLDEN_FILE, type Goldens } from './golden';

describe("the import's analysis is unchanged", () => {
  it('gives the recorded signature, word counts and wire message for every report (real, FA-KES, synthetic, hostile)', () => {
    const want = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Goldens;
    const got = computeGoldens();
    for (const set of Object.keys(want) as Array<keyof Goldens>) {
      expect(got[set].inputs, `${set}: the inputs changed (a corpus or generator, not the analysis): record again with scripts/events-golden.ts`).toBe(want[set].inputs);
      for (const k of ['sig', 'tv', 'wire'] as const) {
        const differ = got[set][k].flatMap((d, i) => (d === want[set][k][i] ? [] : [i]));
        expect(differ, `${set}: reports whose ${k} changed`).toEqual([]);
      }
    }
    // The digests tell reports apart: a constant output would not pass as unchanged.
    expect(new Set(want.synthDays.sig).size).toBeGreaterThan(1900);
    expect(new Set(want.fakes.tv).size).toBeGreaterThan(700);
  }, 300_000);
});
