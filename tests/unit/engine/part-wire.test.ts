import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { beginImport, importPart } from '../../../lib/engine/imports';
import { openSession, toReport, writeBatch } from '../../../lib/engine/index-store';
import { analysePart, fromPartWire, type PartWire } from '../../../lib/engine/part-wire';
import { analyseRecords, fromWire } from '../../../lib/engine/wire';
import { analyse } from '../../../lib/engine/features';
import { synthCorpus } from '../../../bench/synth';
import type { ReportRecord } from '../../../lib/types';
import { rowsOf, type DocPage } from '../../../lib/engine/doc-pages';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const synthetic = synthCorpus(300, 11).records;
const overJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** As a message carries it: by structured clone (lib/cloned-messages.ts). */
const cloned = <T>(x: T): T => structuredClone(x);

/** Every row of every table, as stored (packed bytes included). */
async function stored(db: IsnadDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** The records written in parts of 40, each part's analyses made by `analyses`. */
async function written(records: ReportRecord[], analyses: (part: ReportRecord[]) => Array<ReturnType<typeof fromPartWire>[number]>) {
  const db = openDb(`part-wire-${Math.random()}`);
  const session = await openSession(db, records.length);
  for (let i = 0; i < records.length; i += 40) {
    const part = records.slice(i, i + 40);
    const a = analyses(part);
    await writeBatch(db, part.map((r, k) => ({ report: toReport(r, 'import', 'job-1', 1_700_000_000_000), ...a[k]! })), { session });
  }
  return stored(db);
}

describe("an import part's analyses sent as one part with its strings once", () => {
  it('write exactly the rows the analyses sent one report at a time wrote (real and synthetic reports)', async () => {
    for (const records of [real, synthetic]) {
      const before = await written(records, (part) => overJson(analyseRecords(part, { events: true })).map((w) => fromWire(w) as never));
      // Two runs a part, as the page's two workers send them.
      const after = await written(records, (part) => fromPartWire(cloned([analysePart(part.slice(0, 15)), analysePart(part.slice(15))]), part.length));
      expect((after.dpages as DocPage[]).flatMap((p) => rowsOf(p)).length).toBe(records.length);
      expect(after.segs!.length).toBeGreaterThan(0);
      expect(after.pages!.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    }
  });

  it("number each report's terms as its analysis gives them, in every run: a term's number kept from an earlier run is never used", () => {
    // Runs that share most of their terms, one after another as a worker gets them.
    for (const recs of [synthetic.slice(0, 100), real.slice(0, 60), synthetic.slice(100, 200), synthetic.slice(0, 100)]) {
      const p = analysePart(recs);
      recs.forEach((r, i) => {
        const want = analyse(r.title, r.text, r.publishedAt).terms;
        const span = [p.tOff[i], p.tOff[i + 1]] as const;
        expect([...p.t.subarray(...span)].map((x) => p.words[x])).toEqual([...want.keys()]);
        expect([...p.c.subarray(...span)]).toEqual([...want.values()]);
      });
    }
  });

  it('send each string once and the numbers as typed arrays: far fewer strings and objects for the background to build, check and collect', () => {
    const part = synthetic.slice(0, 200);
    const before = analyseRecords(part, { events: true });
    const after = analysePart(part);
    const count = (x: unknown, what: (y: unknown) => boolean): number => (what(x) ? 1 : 0) + (x && typeof x === 'object' && !ArrayBuffer.isView(x) ? Object.values(x).reduce((n: number, y) => n + count(y, what), 0) : 0);
    const strings = (x: unknown) => count(x, (y) => typeof y === 'string');
    const objects = (x: unknown) => count(x, (y) => !!y && typeof y === 'object');
    expect(strings(after)).toBeLessThan(0.4 * strings(before));
    // The signatures stay objects (most of what is left); every other number is in one of 13 arrays a run.
    expect(objects(after)).toBeLessThan(0.3 * objects(before));
    // Bytes are not what costs (a typed array is copied whole); fewer all the same.
    expect(serialize(after).length).toBeLessThan(serialize(before).length);
    expect(new Set(after.words).size).toBe(after.words.length);
  });

  it('refuse a malformed part whole, with one error naming what is wrong, and write none of it', async () => {
    const part = real.slice(0, 3);
    const good = cloned(analysePart(part));
    const run = (patch: Record<string, unknown>) => [{ ...good, ...patch }];
    /** A copy of `a` with `at` set to `x`. */
    const set = <A extends Uint32Array | Float64Array>(a: A, at: number, x: number): A => {
      const b = a.slice() as A;
      b[at] = x;
      return b;
    };
    const t0 = good.tOff[1]!;
    const cases: Array<[unknown, RegExp]> = [
      ['x', /not a list of runs/],
      [[null], /not a run of analyses/],
      [[{ ...good, len: [1, 2, 3] }], /not a run of analyses/],
      [run({ words: 'x' }), /words/],
      [run({ words: [...good.words.slice(1), 5] }), /words/],
      [run({ words: ['x'.repeat(2001), ...good.words.slice(1)] }), /words/],
      [[good, good], /more analyses than the part's 3 records/],
      [[cloned(analysePart(part.slice(1)))], /3 records but 2 analyses/],
      [run({ t: set(good.t, 0, good.words.length) }), /terms/],
      [run({ t: Array.from(good.t) }), /terms/],
      [run({ t: Int32Array.from(good.t) }), /terms/],
      [run({ c: good.c.slice(1) }), /terms/],
      [run({ c: set(good.c, 0, Number.NaN) }), /terms/],
      // A term twice in one report (the page never sends it: two postings of one doc).
      [run({ t: set(good.t, 1, good.t[0]!) }), /terms/],
      [run({ tOff: set(good.tOff, 1, good.tOff[2]! + 1) }), /terms/],
      [run({ tOff: set(good.tOff, 0, 1) }), /terms/],
      [run({ tOff: good.tOff.slice(1) }), /terms/],
      [run({ tOff: Uint32Array.from([0, 2001, 2001, 2001]), t: new Uint32Array(2001), c: new Float64Array(2001) }), /terms/],
      [run({ eOff: Uint32Array.from([0, 1, 1, good.e.length]) }), /entities or sources/],
      [run({ e: set(good.e, 0, 1e6) }), /entities or sources/],
      [run({ s: Uint32Array.from([1e6, ...good.s.subarray(1)]) }), /entities or sources/],
      [run({ len: set(good.len, 0, Number.NaN) }), /length or day/],
      [run({ len: set(good.len, 0, Infinity) }), /length or day/],
      [run({ len: set(good.len, 0, -1) }), /length or day/],
      [run({ day: set(good.day, 0, 19_000.5) }), /length or day/],
      [run({ day: set(good.day, 0, Infinity) }), /length or day/],
      [run({ day: good.day.slice(1) }), /length or day/],
      [run({ h: good.h.slice(1) }), /fingerprint/],
      [run({ h: Float64Array.from(good.h) }), /fingerprint/],
      [run({ mh: good.mh.slice(1) }), /phrases/],
      [run({ tk: [5, ...good.tk.slice(1)] }), /text key/],
      [run({ sig: good.sig.slice(1) }), /event signatures/],
      [run({ sig: [{ ...good.sig[0]!, type: '<img>' }, ...good.sig.slice(1)] }), /event\.sig/],
      [run({ v: set(good.v, 1, good.words.length) }), /word counts/],
      [run({ v: good.v.slice(0, -1), vOff: set(good.vOff, 3, good.v.length - 1) }), /word counts/],
      [run({ v: set(good.v, 0, 401) }), /word counts/],
    ];
    expect(t0).toBeGreaterThan(1);
    for (const [analyses, why] of cases) expect(() => fromPartWire(analyses, part.length), String(why)).toThrow(why);

    const db = openDb(`part-wire-bad-${Math.random()}`);
    const job = await beginImport(db, { file: 'x.jsonl', total: 6, problems: [] });
    await importPart(db, job.id, part, [good], { part: 0 });
    const before = await stored(db);
    const jobBefore = await db.jobs.get(job.id);
    const t = good.t.slice();
    t[good.tOff[1]!] = 99_999;
    const bad: PartWire = { ...good, t };
    await expect(importPart(db, job.id, real.slice(3, 6), [bad], { part: 1 })).rejects.toThrow(/^malformed text analysis in an import part: terms$/);
    expect(await stored(db)).toEqual(before);
    expect(await db.jobs.get(job.id)).toEqual(jobBefore);
  });
});
