import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { beginImport, importPart } from '../../../lib/engine/imports';
import { openSession, toReport, writeBatch } from '../../../lib/engine/index-store';
import { analysePart, fromPartWire, type PartWire } from '../../../lib/engine/part-wire';
import { analyseRecords, fromWire } from '../../../lib/engine/wire';
import { synthCorpus } from '../../../bench/synth';
import type { ReportRecord } from '../../../lib/types';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const synthetic = synthCorpus(300, 11).records;
const overJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

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
      const after = await written(records, (part) => fromPartWire(overJson([analysePart(part.slice(0, 15)), analysePart(part.slice(15))]), part.length));
      expect(after.docs!.length).toBe(records.length);
      expect(after.segs!.length).toBeGreaterThan(0);
      expect(after.pages!.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    }
  });

  it('send each string once: far fewer strings for the background to parse, check and collect, and fewer bytes', () => {
    const part = synthetic.slice(0, 200);
    const before = analyseRecords(part, { events: true });
    const after = analysePart(part);
    const strings = (x: unknown): number => (typeof x === 'string' ? 1 : x && typeof x === 'object' ? Object.values(x).reduce((n: number, y) => n + strings(y), 0) : 0);
    expect(strings(after)).toBeLessThan(0.4 * strings(before));
    expect(Buffer.byteLength(JSON.stringify(after))).toBeLessThan(0.8 * Buffer.byteLength(JSON.stringify(before)));
    expect(new Set(after.words).size).toBe(after.words.length);
  });

  it('refuse a malformed part whole, with one error naming what is wrong, and write none of it', async () => {
    const part = real.slice(0, 3);
    const good = overJson(analysePart(part));
    const r0 = good.reports[0]!;
    const cases: Array<[unknown, RegExp]> = [
      ['x', /not a list of runs/],
      [[{ ...good, words: 'x' }], /words/],
      [[{ ...good, words: [...good.words.slice(1), 5] }], /words/],
      [[{ ...good, words: ['x'.repeat(2001), ...good.words.slice(1)] }], /words/],
      [[{ ...good, reports: [...good.reports, r0] }], /more analyses than the part's 3 records/],
      [[{ ...good, reports: good.reports.slice(1) }], /3 records but 2 analyses/],
      [[good, { words: [], reports: [] }, good], /more analyses/],
      [[{ ...good, reports: [null, ...good.reports.slice(1)] }], /not an object/],
      [[{ ...good, reports: [{ ...r0, t: [good.words.length], c: [1] }, ...good.reports.slice(1)] }], /terms/],
      [[{ ...good, reports: [{ ...r0, t: [-1], c: [1] }, ...good.reports.slice(1)] }], /terms/],
      [[{ ...good, reports: [{ ...r0, t: [0.5], c: [1] }, ...good.reports.slice(1)] }], /terms/],
      // A term twice in one report (the page never sends it: two postings of one doc).
      [[{ ...good, reports: [{ ...r0, t: [r0.t[0], r0.t[0]], c: [1, 1] }, ...good.reports.slice(1)] }], /terms/],
      [[{ ...good, reports: [{ ...r0, c: r0.c.slice(1) }, ...good.reports.slice(1)] }], /terms/],
      [[{ ...good, reports: [{ ...r0, c: r0.c.map(() => 'x') }, ...good.reports.slice(1)] }], /terms/],
      [[{ ...good, reports: [{ ...r0, t: new Array(2001).fill(0), c: new Array(2001).fill(1) }, ...good.reports.slice(1)] }], /terms/],
      [[{ ...good, reports: [{ ...r0, e: [0] }, ...good.reports.slice(1)] }], /entities or sources/],
      [[{ ...good, reports: [{ ...r0, s: ['<b>'] }, ...good.reports.slice(1)] }], /entities or sources/],
      [[{ ...good, reports: [{ ...r0, len: '5' }, ...good.reports.slice(1)] }], /length or day/],
      // Structured clone (Firefox's messages) carries what JSON cannot.
      [[{ ...good, reports: [{ ...r0, len: Number.NaN }, ...good.reports.slice(1)] }], /length or day/],
      [[{ ...good, reports: [{ ...r0, len: Infinity }, ...good.reports.slice(1)] }], /length or day/],
      [[{ ...good, reports: [{ ...r0, day: Number.NaN }, ...good.reports.slice(1)] }], /length or day/],
      [[{ ...good, reports: [{ ...r0, day: 19_000.5 }, ...good.reports.slice(1)] }], /length or day/],
      [[{ ...good, reports: [{ ...r0, mh: new Array(100_000).fill(1) }, ...good.reports.slice(1)] }], /phrases/],
      [[{ ...good, reports: [{ ...r0, mh: [...r0.mh.slice(1), -1] }, ...good.reports.slice(1)] }], /phrases/],
      [[{ ...good, reports: [{ ...r0, h: [1, 2 ** 32] }, ...good.reports.slice(1)] }], /fingerprint/],
      [[{ ...good, reports: [{ ...r0, tk: 5 }, ...good.reports.slice(1)] }], /text key/],
      [[{ ...good, reports: [{ ...r0, mh: [null] }, ...good.reports.slice(1)] }], /phrases/],
      [[{ ...good, reports: [{ ...r0, tv: { t: [good.words.length, 1], l: [] } }, ...good.reports.slice(1)] }], /word counts/],
      [[{ ...good, reports: [{ ...r0, sig: { ...r0.sig, type: '<img>' } }, ...good.reports.slice(1)] }], /event\.sig/],
    ];
    for (const [analyses, why] of cases) expect(() => fromPartWire(analyses, part.length), String(why)).toThrow(why);

    const db = openDb(`part-wire-bad-${Math.random()}`);
    const job = await beginImport(db, { file: 'x.jsonl', total: 6, problems: [] });
    await importPart(db, job.id, part, [good], { part: 0 });
    const before = await stored(db);
    const jobBefore = await db.jobs.get(job.id);
    const bad = { ...good, reports: [good.reports[0]!, { ...good.reports[1]!, t: [99_999], c: [1] }, good.reports[2]!] } as PartWire;
    await expect(importPart(db, job.id, real.slice(3, 6), [bad], { part: 1 })).rejects.toThrow(/^malformed text analysis in an import part: terms$/);
    expect(await stored(db)).toEqual(before);
    expect(await db.jobs.get(job.id)).toEqual(jobBefore);
  });
});
