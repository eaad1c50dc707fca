import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { beginImport, finishImport, importPart } from '../../../lib/engine/imports';
import { analysePart, fromPartWire, type PartWire } from '../../../lib/engine/part-wire';
import { HeldWords, PageWords, WordTable, WORDS_NOT_HELD } from '../../../lib/engine/word-table';
import { synthCorpus } from '../../../bench/synth';
import type { ReportRecord } from '../../../lib/types';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const synthetic = synthCorpus(240, 7).records;
/** As a message carries it: by structured clone (lib/cloned-messages.ts). */
const cloned = <T>(x: T): T => structuredClone(x);

/** Every row of every table but the jobs', as stored (packed bytes included), the job's id as JOB. */
async function stored(db: IsnadDB, job: string) {
  const out: Record<string, string> = {};
  const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? [v.constructor.name, Array.from(v as Uint8Array)] : v));
  for (const t of db.tables) if (t.name !== 'jobs') out[t.name] = json(await t.toArray()).replaceAll(job, 'JOB');
  return out;
}

/** `records` imported in parts of 40, two runs a part as two workers send them (`tables`: theirs). */
async function imported(records: ReportRecord[], send: (runs: PartWire[], part: number) => PartWire[] = (r) => r, tables = true) {
  const db = openDb(`word-table-${Math.random()}`);
  const job = await beginImport(db, { file: 'x.jsonl', total: records.length, problems: [] });
  const workers = tables ? [new WordTable('w0'), new WordTable('w1')] : [undefined, undefined];
  const sent: PartWire[][] = [];
  for (let i = 0, part = 0; i < records.length; i += 40, part++) {
    const recs = records.slice(i, i + 40);
    const runs = [analysePart(recs.slice(0, 20), workers[0]), analysePart(recs.slice(20), workers[1])];
    sent.push(runs);
    await importPart(db, job.id, recs, cloned(send(runs, part)), { part });
  }
  await finishImport(db, job.id);
  return { rows: await stored(db, job.id), sent };
}

describe("an import's strings numbered once per worker (a run sends only those its worker had not sent)", () => {
  // The reports' import times the same in every import compared.
  beforeEach(() => vi.spyOn(Date, 'now').mockReturnValue(1_750_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('write exactly the rows that runs sending all their strings wrote, the runs after the first sending far fewer strings (real and synthetic reports)', async () => {
    for (const records of [real.slice(0, 120), synthetic]) {
      const before = await imported(records, undefined, false);
      const after = await imported(records);
      expect(after.rows).toEqual(before.rows);
      const words = (parts: PartWire[][]) => parts.slice(1).flat().reduce((n, r) => n + r.words.length, 0);
      expect(words(after.sent)).toBeLessThan(0.75 * words(before.sent));
      // Each run names its table and where its strings start in it.
      expect(after.sent[2]![0]!.base).toBe(after.sent.slice(0, 2).reduce((n, p) => n + p[0]!.words.length, 0));
    }
  });

  it('keep hostile strings exactly, and name them by number in later runs', () => {
    const hostile = ['', '\u0000', '\ud800', 'a\udc00b', '__proto__', 'constructor', '<script>alert(1)</script>', '\u202e\u200f\u0640', 'ب'.repeat(2000), 'toString'];
    const table = new WordTable('t');
    const first = analysePart(real.slice(0, 2), table);
    // The first report's sources are these strings, new to the table.
    const at = first.words.length;
    const run: PartWire = { ...first, words: [...first.words, ...hostile], s: Uint32Array.from([...hostile.keys()].map((k) => at + k)), sOff: Uint32Array.from([0, hostile.length, hostile.length]) };
    const held = new HeldWords();
    expect(fromPartWire(cloned([run]), 2, held)[0]!.f.sources).toEqual(hostile);
    // A later run names them by number only.
    const later: PartWire = { ...first, words: [], base: at + hostile.length, s: Uint32Array.from([at + 8, at + 4, at]), sOff: Uint32Array.from([0, 0, 3]) };
    expect(fromPartWire(cloned([later]), 2, held)[1]!.f.sources).toEqual([hostile[8], '__proto__', '']);
  });

  it('refuse a number out of the table, a table not held and strings unlike those held, with one clear error each, and take in none of the part', () => {
    const table = new WordTable('t');
    const held = new HeldWords();
    fromPartWire(cloned([analysePart(real.slice(0, 3), table)]), 3, held);
    const size = held.get('t')!.length;
    const next = cloned(analysePart(real.slice(3, 6), table));
    expect(next.base).toBe(size);
    const t = next.t.slice();
    t[0] = size + next.words.length;
    expect(() => fromPartWire([{ ...next, t }], 3, held)).toThrow(/^malformed text analysis in an import part: terms$/);
    expect(() => fromPartWire([{ ...next, base: size + 1 }], 3, held)).toThrow(new RegExp(`^import part ${WORDS_NOT_HELD}: table t from ${size + 1}, ${size} held$`));
    expect(() => fromPartWire([{ ...next, base: 0 }], 3, held)).toThrow(/^malformed text analysis in an import part: words unlike those sent before$/);
    expect(() => fromPartWire([{ ...next, base: -1 }], 3, held)).toThrow(/word table/);
    expect(() => fromPartWire([{ ...next, table: 5 }], 3, held)).toThrow(/word table/);
    expect(() => fromPartWire([next], 3)).toThrow(/word table/);
    // Two runs of one table in a part: a worker sends one.
    const u = new WordTable('u');
    expect(() => fromPartWire(cloned([analysePart(real.slice(6, 7), u), analysePart(real.slice(7, 8), u)]), 2, held)).toThrow(/word table/);
    // None of the refused parts' strings were taken in: the run as sent is read as it was.
    expect(held.get('t')!.length).toBe(size);
    expect(fromPartWire([next], 3, held).map((a) => a.f.sources)).toEqual(fromPartWire([cloned(analysePart(real.slice(3, 6)))], 3).map((a) => a.f.sources));
  });

  it('write the same rows when the background lost its strings (a stopped worker) and the page sent the part again with them whole', async () => {
    const records = synthetic.slice(0, 160);
    const before = await imported(records, undefined, false);
    // A part whose runs were not sent (analysed by the background here; a part a resumed job had
    // written, or a background started again, are alike): the next part names strings never sent.
    const db = openDb(`word-table-lost-${Math.random()}`);
    const job = await beginImport(db, { file: 'x.jsonl', total: records.length, problems: [] });
    const workers = [new WordTable('a'), new WordTable('b')];
    const pageWords = new PageWords();
    for (let i = 0, part = 0; i < records.length; i += 40, part++) {
      const recs = records.slice(i, i + 40);
      const runs = [analysePart(recs.slice(0, 20), workers[0]), analysePart(recs.slice(20), workers[1])];
      runs.forEach((r) => pageWords.add(r));
      if (part === 1) {
        // Its analysis is dropped: the background analyses it.
        await importPart(db, job.id, recs, undefined, { part });
        continue;
      }
      const sent = importPart(db, job.id, recs, cloned(runs), { part });
      if (part === 2) {
        await expect(sent).rejects.toThrow(WORDS_NOT_HELD);
        await importPart(db, job.id, recs, cloned(runs.map((r) => pageWords.whole(r))), { part });
      } else await sent;
    }
    await finishImport(db, job.id);
    expect(await stored(db, job.id)).toEqual(before.rows);
  });

  it('forget what a failed run numbered: the next run sends those strings again', () => {
    const table = new WordTable('t');
    const held = new HeldWords();
    fromPartWire(cloned([analysePart(real.slice(0, 2), table)]), 2, held);
    const size = table.index.size;
    expect(() => analysePart([real[2]!, { ...real[3]!, text: null as unknown as string }], table)).toThrow();
    expect(table.index.size).toBe(size);
    const next = analysePart(real.slice(2, 4), table);
    expect(next.base).toBe(size);
    expect(fromPartWire(cloned([next]), 2, held).map((a) => [...a.f.entities.map((e) => e.id), ...a.f.sources])).toEqual(
      fromPartWire(cloned([analysePart(real.slice(2, 4))]), 2).map((a) => [...a.f.entities.map((e) => e.id), ...a.f.sources]),
    );
  });

  it("keep the page's copy in order, and refuse to make whole a run it does not hold", () => {
    const page = new PageWords();
    const table = new WordTable('t');
    const a = analysePart(real.slice(0, 2), table);
    const b = analysePart(real.slice(2, 4), table);
    expect(() => page.add(b)).toThrow(/out of order/);
    page.add(a);
    page.add(b);
    expect(page.whole(b)).toEqual({ ...b, base: 0, words: [...a.words, ...b.words] });
    expect(page.whole(a)).toBe(a);
    expect(() => page.whole({ ...b, table: 'other' })).toThrow(/not held by the page/);
  });
});
