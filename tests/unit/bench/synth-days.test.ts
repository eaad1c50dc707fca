// The synthetic series the same-event model is fitted on (scripts/fit-events.ts) tells each event's
// day as outlets do, against the report's own publication day: one event's reports published on
// different days name one day ("صباح اليوم", then "أمس", "يوم الخميس", "في 3 حزيران"). Each saying
// "اليوم" two days apart taught the model that two days told are no sign of two events.
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../../bench/synth';
import { normalize } from '../../../lib/arabic';
import { eventWhen } from '../../../lib/events/when';

// The event's sentence, as varied by outlets' spelling (prefixes, diacritics, ة/ه).
const EVENT_SENTENCE = /مصادر\s+\S*محليه\s+\S*بوقوع/;

/** The day the report's own sentence of the event names (not the background around it). */
function toldDay(r: { text: string; publishedAt?: string | null }): number | null {
  const sentence = r.text.split('\n').find((l) => EVENT_SENTENCE.test(normalize(l)));
  return sentence ? eventWhen('', sentence, r.publishedAt ?? null).day : null;
}

describe('the synthetic series with event days', () => {
  it("dates one event's reports, published days apart, to one day", () => {
    const corpus = synthCorpus(400, 4, { eventDays: true });
    let apart = 0;
    let twoDays = 0;
    for (const g of corpus.groups) {
      const reports = g.map((i) => corpus.records[i]!);
      const days = reports.map(toldDay).filter((d) => d !== null);
      if (new Set(reports.map((r) => r.publishedAt)).size < 2 || days.length < 2) continue;
      apart++;
      if (new Set(days).size > 1) twoDays++;
    }
    // Enough groups published over several days for the check to mean something; of them, only
    // those whose day words the outlets' spelling noise broke ("يوم بالسبت") may read two days.
    expect(apart).toBeGreaterThan(20);
    expect(twoDays / apart).toBeLessThan(0.1);
  });

  it('keeps the corpus of the ranking benchmarks as it was ("صباح اليوم" whatever the day)', () => {
    const corpus = synthCorpus(400, 4);
    const said = corpus.groups.flatMap((g) => g.map((i) => corpus.records[i]!)).map((r) => ({ ...r, line: r.text.split('\n').map(normalize).find((l) => EVENT_SENTENCE.test(l)) })).filter((r) => r.line);
    const pubDays = new Set(said.map((r) => r.publishedAt));
    expect(pubDays.size).toBeGreaterThan(1);
    expect(said.every((r) => /صباح\s+\S*اليوم/.test(r.line!))).toBe(true);
  });
});
