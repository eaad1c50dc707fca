// A run's event signatures travel as one JSON text (lib/engine/sig-wire.ts) where JSON says them
// exactly: the background reads the same signatures, and the same analyses, as from objects.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { eventSignature, type EventSignature } from '../../../lib/events';
import { analysePart, fromPartWire } from '../../../lib/engine/part-wire';
import { sigsFromWire, sigsToWire } from '../../../lib/engine/sig-wire';
import { synthCorpus } from '../../../bench/synth';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

describe("a run's event signatures on the wire", () => {
  it('go as JSON text that reads back exactly as the objects, and give the background the same analyses', () => {
    for (const [name, records] of Object.entries({ real, synth: synthCorpus(600, 3).records, days: synthCorpus(400, 11, { eventDays: true }).records })) {
      const sigs = records.map((r) => eventSignature(r.title, r.text, r.publishedAt));
      const sent = sigsToWire(sigs);
      expect(typeof sent, name).toBe('string');
      // Deep and strict: no key lost or added, no number changed (-0 and NaN told apart).
      expect(isDeepStrictEqual(sigsFromWire(structuredClone(sent)), sigs), name).toBe(true);
      // What the background makes of a run is the same whichever way its signatures came.
      const run = analysePart(records.slice(0, 150));
      const asObjects = { ...run, sig: JSON.parse(run.sig as string) as EventSignature[] };
      expect(typeof run.sig).toBe('string');
      expect(fromPartWire([structuredClone(run)], 150)).toEqual(fromPartWire([structuredClone(asObjects)], 150));
    }
  });

  it('go as objects where JSON would change them', () => {
    const base = eventSignature(real[0]!.title, real[0]!.text, real[0]!.publishedAt);
    const inexact: unknown[] = [
      { ...base, numbers: { killed: Number.NaN } },
      { ...base, numbers: { killed: Infinity } },
      { ...base, published: -0 },
      { ...base, when: { ...base.when, days: undefined } },
      { ...base, places: [undefined] },
      { ...base, extra: new Map([['a', 1]]) },
      { ...base, at: new Date(0) },
    ];
    for (const sig of inexact) {
      const sigs = [base, sig] as EventSignature[];
      // As they are: the same list, cloned as objects (the background checks them as before).
      expect(sigsToWire(sigs), JSON.stringify(sig, (_k, v: unknown) => (v instanceof Map ? 'Map' : v))?.slice(0, 60)).toBe(sigs);
    }
    expect(typeof sigsToWire([base, { ...base, numbers: { killed: 3 } }])).toBe('string');
  });

  it('read nothing but a list: a text not JSON, JSON not a list, another type', () => {
    for (const bad of ['[{"type"', '{"type":"other"}', '7', 'null', 5, null, undefined, {}]) expect(sigsFromWire(bad)).toBeNull();
    expect(sigsFromWire('[]')).toEqual([]);
  });
});
