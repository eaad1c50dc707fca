// An import part's texts as the options page sends them (lib/corpus/part-texts.ts: the records
// without their texts, the texts' code units in one typed array): the background writes exactly the
// rows it writes from the texts as strings, without making the texts strings on the way; any other
// sender's packed part is checked whole, and packed texts that do not fit their part are one clear
// error with nothing stored.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines, validateRecord } from '../../../lib/corpus/formats';
import { packPart } from '../../../lib/corpus/part-texts';
import { countReports, getReports, reportIds } from '../../../lib/corpus/report-pages';
import { beginImport, finishImport, importPart } from '../../../lib/engine/imports';
import { engineHandlers } from '../../../lib/engine/handlers';
import { analysePart } from '../../../lib/engine/part-wire';
import { WordTable } from '../../../lib/engine/word-table';
import { synthCorpus } from '../../../bench/synth';
import type { ReportRecord } from '../../../lib/types';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const synthetic = synthCorpus(300, 5).records;
const PROSE = 'قالت مصادر محلية إن القصف استهدف الحي الشرقي من المدينة صباح اليوم';
const ENGLISH = 'Local sources said the shelling hit the eastern district of the city this morning, and that several people were hurt.';
// Records as the options page's parse leaves them (validateRecord's output), of every kind a part holds.
const odd: ReportRecord[] = [
  // Latin-1 texts only: a page of them is stored a byte a unit.
  ...Array.from({ length: 70 }, (_, i): ReportRecord => ({ url: `https://example.org/en/${i}`, outlet: 'sana', title: `Report ${i}`, publishedAt: '2025-01-02', text: `${ENGLISH} Number ${i}.` })),
  // No URL: its id is its text's key (the text read as a string for it).
  { url: '', outlet: 'sana', title: 'بلا رابط', publishedAt: '2025-01-03', text: `${PROSE} دون رابط` },
  // No title: its text must not be blank (read as a string for that check).
  { url: 'https://example.org/untitled', outlet: 'sana', title: '', publishedAt: null, text: `${PROSE} دون عنوان` },
  { url: 'https://example.org/marks', outlet: 'sana', title: 'علامات', publishedAt: '2025-01-04', text: `${PROSE} \u202e\u200f\u0640 \ud83d\ude00 ${ENGLISH}` },
].map((r) => validateRecord(r) as ReportRecord);

/** Every row of every table but the jobs', as stored (packed bytes included), the job's id as JOB. */
async function stored(db: IsnadDB, job: string) {
  const out: Record<string, string> = {};
  const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? [v.constructor.name, Array.from(v as Uint8Array)] : v));
  for (const t of db.tables) if (t.name !== 'jobs') out[t.name] = json(await t.toArray()).replaceAll(job, 'JOB');
  return out;
}

/** `records` imported from the options page in parts of 100 (two runs a part, as two workers send
 *  them), their texts as strings or packed; with the String.fromCharCode calls made meanwhile. */
async function imported(records: ReportRecord[], packed: boolean) {
  const db = openDb(`import-packed-${Math.random()}`);
  const job = await beginImport(db, { file: 'x.jsonl', total: records.length, problems: [] });
  const workers = [new WordTable('w0'), new WordTable('w1')];
  let made = 0;
  for (let i = 0, part = 0; i < records.length; i += 100, part++) {
    const recs = records.slice(i, i + 100);
    const half = Math.ceil(recs.length / 2);
    const runs = structuredClone([analysePart(recs.slice(0, half), workers[0]), analysePart(recs.slice(half), workers[1])]);
    // As a message carries it: by structured clone (lib/cloned-messages.ts).
    const sent = packed ? structuredClone(packPart(recs)!) : { records: structuredClone(recs) };
    // A text made a string from its code units: one call with all of them (texts of under 4,096).
    const texts = new Set(recs.map((r) => r.text));
    const fromCharCode = vi.spyOn(String, 'fromCharCode');
    await importPart(db, job.id, sent.records, runs, { part, fromOptionsPage: true, ...('texts' in sent ? { texts: sent.texts } : {}) });
    const calls = fromCharCode.mock.calls;
    fromCharCode.mockRestore();
    made += calls.filter((units) => units.length > 0 && texts.has(String.fromCharCode(...units))).length;
  }
  await finishImport(db, job.id);
  return { db, rows: await stored(db, job.id), made };
}

describe("an import part's texts sent packed by the options page", () => {
  // The reports' import times the same in every import compared.
  beforeEach(() => vi.spyOn(Date, 'now').mockReturnValue(1_750_000_000_000));
  afterEach(() => vi.restoreAllMocks());

  it('write exactly the rows the same texts sent as strings write (real, synthetic, Latin-only, no URL, no title), the texts read back as sent', async () => {
    for (const records of [real.slice(0, 150), [...synthetic, ...odd]]) {
      const before = await imported(records, false);
      const after = await imported(records, true);
      expect(after.rows).toEqual(before.rows);
      const back = await getReports(after.db, await reportIds(after.db));
      expect(new Set(back.map((r) => r!.text))).toEqual(new Set(records.map((r) => r.text)));
      before.db.close();
      after.db.close();
    }
  });

  it('make no text a string on the way to the texts rows but where a report has no URL or no title', async () => {
    const withBoth = synthetic.filter((r) => r.url && r.title);
    expect((await imported(withBoth, true)).made).toBe(0);
    // The report without a URL (its id) and the one without a title (not blank): one each.
    expect((await imported(odd, true)).made).toBe(2);
    expect(synthetic.every((r) => r.text.length < 4096)).toBe(true);
  });

  it("checks whole a packed part from any other sender, and ignores a record's own `text` beside its packed one", async () => {
    const db = openDb(`import-packed-sender-${Math.random()}`);
    const ready = () => Promise.resolve();
    const handlers = engineHandlers(db, { lookups: ready, writes: ready, optionsPage: 'chrome-extension://abc/options.html' });
    // Of a validated record's shape but what the full check refuses (no line of six words).
    const words: ReportRecord = { url: 'https://example.org/words', outlet: 'sana', title: 'حلب إدلب حماة', publishedAt: '2025-01-02', text: 'حلب إدلب حماة' };
    const good: ReportRecord = { url: 'https://example.org/good', outlet: 'sana', title: PROSE, publishedAt: '2025-01-03', text: PROSE };
    const { records, texts } = packPart([words, good])!;
    const job = await beginImport(db, { file: 'x.jsonl', total: 2, problems: [] });
    const res = await handlers['ui:import-part']({ job: job.id, part: 0, records: [records[0], { ...records[1], text: 'نص آخر' }], texts, lines: [7, 8] }, { role: 'ui', url: 'chrome-extension://abc/popup.html' });
    expect(res).toMatchObject({ done: 2, added: 1, problems: [{ file: 'x.jsonl', line: 7, reason: expect.stringMatching(/no Arabic or English prose/) }] });
    expect((await getReports(db, await reportIds(db))).map((r) => r!.text)).toEqual([PROSE]);
    db.close();
  });

  it('refuse packed texts that do not fit their part with one clear error, storing nothing', async () => {
    const { records, texts } = packPart(synthetic.slice(0, 3))!;
    const bad: unknown[] = [
      null,
      { u: Array.from(texts.u), e: texts.e },
      { u: new Uint8Array(texts.u.length), e: texts.e },
      { u: texts.u, e: Array.from(texts.e) },
      { u: texts.u, e: texts.e.subarray(0, 2) },
      { u: texts.u, e: Uint32Array.of(texts.e[1]!, texts.e[0]!, texts.e[2]!) },
      { u: texts.u.subarray(1), e: texts.e },
    ];
    for (const t of bad) {
      const db = openDb(`import-packed-bad-${Math.random()}`);
      const job = await beginImport(db, { file: 'x.jsonl', total: 3, problems: [] });
      await expect(importPart(db, job.id, records, undefined, { part: 0, fromOptionsPage: true, texts: t })).rejects.toThrow(/^malformed texts in an import part: /);
      expect(await countReports(db)).toBe(0);
      expect((await db.jobs.get(job.id))!.done).toBe(0);
      db.close();
    }
  });

  it('gives a packed record the full check\'s one clear error naming its line, the part\'s other records stored', async () => {
    const blank: ReportRecord = { url: 'https://example.org/blank', outlet: 'sana', title: '', publishedAt: null, text: '   ' };
    const { records, texts } = packPart([blank, synthetic[0]!])!;
    const db = openDb(`import-packed-line-${Math.random()}`);
    const job = await beginImport(db, { file: 'x.jsonl', total: 2, problems: [] });
    const res = await importPart(db, job.id, records, undefined, { part: 0, lines: [3, 4], fromOptionsPage: true, texts });
    expect(res.problems).toEqual([{ file: 'x.jsonl', line: 3, reason: expect.any(String) }]);
    expect(res.added).toBe(1);
    db.close();
  });
});
