// The event model's word counts kept in the doc rows (lib/engine/term-pack.ts), their words
// numbered in the lexicon (lib/engine/lexicon.ts): what a query reads in place of tokenising the
// judged reports' texts must be exactly what termVector gives, and judge the same.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { putReports } from '../../../lib/engine/reports';
import { storeReader } from '../../../lib/engine/reader';
import { searchRelated } from '../../../lib/engine/search';
import { hasStoredTerms, storedEventDoc } from '../../../lib/engine/event-sigs';
import { Lexicon, PAGE, lexiconForWrite } from '../../../lib/engine/lexicon';
import { listsOf, maxWordId, packTerms, storedTerms, unpackTerms, withLexicon } from '../../../lib/engine/term-pack';
import { writeBatch, prepare, toReport } from '../../../lib/engine/index-store';
import { eventDoc, termVector } from '../../../lib/events';
import type { TermVector } from '../../../lib/events/term-vector';
import type { DocRow } from '../../../lib/engine/index-types';
import { beginImport, finishImport, importPart } from '../../../lib/engine/imports';
import { analyseRecords, fromWire } from '../../../lib/engine/wire';
import { analysePart } from '../../../lib/engine/part-wire';
import { ByteWriter } from '../../../lib/engine/segments/bytes';
import { getReport, reportTables } from '../../../lib/corpus/report-pages';
import { allDocs, mapDocs } from './doc-table';
import { Bag } from '../../../lib/events/bag';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;

/** A vector as plain arrays, in each map's order (the order sums are made in). */
const plain = (v: TermVector) => ({ all: [...v.all], title: [...v.title], lines: [...v.lines] });

const PROSE = 'قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم ما أسفر عن مقتل ثلاثة مدنيين';
const CASES: Array<[string, string]> = [
  ['', ''],
  ['عنوان فقط بلا نص', ''],
  ['', PROSE],
  // A line repeated (an outlet's boilerplate twice), an English report, digits and diacritics.
  ['قصف على كفرنبل', `${PROSE}\nتابعونا على قناتنا في تلغرام للمزيد من الأخبار العاجلة والتغطية المباشرة\n${PROSE}\nتابعونا على قناتنا في تلغرام للمزيد من الأخبار العاجلة والتغطية المباشرة`],
  ['Shelling kills three in Kafranbel', 'Regime forces shelled the town of Kafranbel in southern Idlib this morning, killing 3 civilians.\n\nLocal sources said the shelling continued for hours.'],
  ['قَصْفٌ عَلَى ٣ بلدات', `${PROSE.repeat(20)}`],
];

async function imported(): Promise<IsnadDB> {
  const db = openDb(`terms-${Math.random()}`);
  await putReports(db, real, 'import', 'import-1');
  return db;
}

describe('word counts kept in the doc rows', () => {
  it('unpack to exactly what termVector gives, in its order, for real reports and awkward ones', () => {
    const lex = new Lexicon();
    const vectors = [...real.map((r) => [r.title, r.text] as const), ...CASES].map(([t, x]) => termVector(t, x));
    const packed = vectors.map((v) => packTerms(listsOf(v), lex)!);
    for (const [i, v] of vectors.entries()) expect(plain(unpackTerms(packed[i]!, lex))).toEqual(plain(v));
    // Each word numbered once, every number used below the lexicon's size.
    expect(new Set(lex.words).size).toBe(lex.size);
    expect(Math.max(...packed.map(maxWordId))).toBe(lex.size - 1);
    // ≈ 2 bytes a word: far below the words' own UTF-8.
    const bytes = packed.reduce((s, b) => s + b.length, 0);
    const words = vectors.reduce((s, v) => s + [...v.lines.values()].reduce((k, l) => k + l.length, 0) + v.title.size, 0);
    expect(bytes / words).toBeLessThan(4);
  });

  it('keep a line key only when it is a hash53 written as base 36 reads it back: else the counts stay unpacked', () => {
    const lex = new Lexicon();
    const lines = (key: string) => ({ all: Bag.of([['كلمة', 1]]), title: Bag.of([]), lines: new Map([[key, ['كلمة']]]) });
    for (const key of ['0', 'z', '1a2b3c', (2 ** 53 - 1).toString(36), (2 ** 40 + 12345).toString(36)]) {
      const packed = packTerms(listsOf(lines(key)), lex);
      expect(packed).not.toBeNull();
      expect([...unpackTerms(packed!, lex).lines.keys()]).toEqual([key]);
    }
    // Not what toString(36) writes: upper case, a leading zero, a sign, junk after digits, past 2^53.
    for (const key of ['', 'A1', '01', '-1', '+1', '12 ', '1.5', '12!', (2 ** 53).toString(36), '1'.repeat(12)]) expect(packTerms(listsOf(lines(key)), lex)).toBeNull();
  });

  it('read as they were when written in format 1 (the line keys as two varints), and take a byte a line less now', () => {
    const lex = new Lexicon();
    const v = termVector('قصف على كفرنبل', `${PROSE}\nتابعونا على قناتنا في تلغرام للمزيد من الأخبار العاجلة والتغطية المباشرة`);
    const now = packTerms(listsOf(v), lex)!;
    // Format 1, as 2026-12-05's first packing wrote it.
    const w = new ByteWriter();
    w.byte(0x56);
    w.byte(1);
    w.varint(v.title.size);
    for (const [t, c] of v.title) {
      w.varint(lex.id(t));
      w.varint(c);
    }
    w.varint(v.lines.size);
    for (const [key, words] of v.lines) {
      const k = parseInt(key, 36);
      w.varint(Math.floor(k / 2 ** 32));
      w.varint(k % 2 ** 32);
      w.varint(words.length);
      for (const t of words) w.varint(lex.id(t));
    }
    const old = w.finish();
    expect(plain(unpackTerms(old, lex))).toEqual(plain(v));
    expect(plain(unpackTerms(now, lex))).toEqual(plain(v));
    expect(maxWordId(old)).toBe(maxWordId(now));
    expect(now.length).toBeLessThan(old.length);
  });

  it('refuse bytes that are not a packing, and words the lexicon lacks', () => {
    const lex = new Lexicon();
    const b = packTerms(listsOf(termVector('قصف على كفرنبل', PROSE)), lex)!;
    expect(() => unpackTerms(b.subarray(0, b.length - 1), lex)).toThrow(/word counts/);
    expect(() => unpackTerms(Uint8Array.of(0x56, 9), lex)).toThrow(/format version/);
    expect(() => unpackTerms(b, new Lexicon())).toThrow(/not in the lexicon/);
    // A row with unreadable counts is judged from its text: storedTerms gives null, not an error.
    expect(storedTerms(withLexicon({ tv: b.subarray(0, 3) }, lex))).toBeNull();
    expect(storedTerms({ tv: b })).toBeNull();
    expect(plain(storedTerms(withLexicon({ tv: b }, lex))!)).toEqual(plain(termVector('قصف على كفرنبل', PROSE)));
  });

  it('read word numbers of one, two and three bytes and counts past 127 alike, and refuse a number cut short', () => {
    // Numbers past 2^14 take three bytes (a lexicon of 100,000 reports numbers ≈ 50,000 words): the
    // one- and two-byte ones are read inline, the rest by the reader (session 20).
    const lex = new Lexicon();
    for (let i = 0; i < 20_000; i++) lex.id(`w${i.toString(36)}`);
    const at = [0, 1, 127, 128, 129, 300, 16_383, 16_384, 16_385, 19_999].map((n) => lex.words[n]!);
    const title = new Map(at.slice(0, 4).map((w, i) => [w, [1, 127, 128, 300][i]!]));
    const lines = new Map([
      ['1a2b3c', at],
      [(2 ** 53 - 1).toString(36), [...at].reverse()],
    ]);
    const all = new Map<string, number>();
    for (const [w, c] of title) all.set(w, 2 * c);
    for (const words of lines.values()) for (const w of words) all.set(w, (all.get(w) ?? 0) + 1);
    const v: TermVector = { all: Bag.of(all), title: Bag.of(title), lines };
    const b = packTerms(listsOf(v), lex)!;
    expect(plain(unpackTerms(b, lex))).toEqual(plain(v));
    expect(maxWordId(b)).toBe(19_999);
    // The last word (three bytes) cut at each of its bytes, and a two-byte number cut after its first.
    for (const cut of [1, 2, 3]) {
      expect(() => unpackTerms(b.subarray(0, b.length - cut), lex)).toThrow(/word counts/);
      expect(() => maxWordId(b.subarray(0, b.length - cut))).toThrow(/word counts/);
    }
    const two = packTerms(listsOf({ all: Bag.of([[at[3]!, 2]]), title: Bag.of([[at[3]!, 1]]), lines: new Map() }), lex)!;
    expect(() => unpackTerms(two.subarray(0, 4), lex)).toThrow(/word counts/);
    expect(() => maxWordId(two.subarray(0, 4))).toThrow(/word counts/);
  });

  it('number words once for the database, across batches and pages, and a failed batch numbers none', async () => {
    const db = openDb(`lex-${Math.random()}`);
    const words = Array.from({ length: PAGE + 300 }, (_, i) => `كلمة${i.toString(36)}`);
    // Reports of 8 lines of distinct made-up words each: more words than a lexicon page holds.
    const records = Array.from({ length: 30 }, (_, r) => ({
      url: `https://example.org/${r}`,
      outlet: 'orient-news',
      title: `تقرير رقم ${r} عن القصف`,
      publishedAt: '2025-01-01',
      text: Array.from({ length: 8 }, (_, l) => words.slice((r * 8 + l) * 10, (r * 8 + l) * 10 + 10).join(' ')).join('\n'),
    }));
    await putReports(db, records.slice(0, 10), 'import', 'a');
    await putReports(db, records.slice(10), 'import', 'b');
    const pages = await db.lex.orderBy('p').toArray();
    expect(pages.length).toBeGreaterThan(1);
    const stored = pages.flatMap((p) => p.t);
    expect(new Set(stored).size).toBe(stored.length);
    for (const p of pages.slice(0, -1)) expect(p.t).toHaveLength(PAGE);
    // A batch whose transaction fails leaves no word numbered in memory that is not stored.
    const before = stored.length;
    const bad = prepare([toReport({ ...records[0]!, url: 'https://example.org/new', text: `${PROSE} كلماتجديدة حقا تماما` }, 'import', 'c')]);
    await expect(db.transaction('rw', [...reportTables(db), db.dpages, db.segs, db.prints, db.meta, db.lex], async () => {
      await writeBatch(db, bad);
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect(await db.lex.count()).toBe(pages.length);
    const lex = await db.transaction('rw', [db.lex], () => lexiconForWrite(db));
    expect(lex.size).toBe(before);
    // Every doc row's counts read back with the stored lexicon.
    const reader = storeReader(openDb(db.name));
    const docs = (await reader.docs((await allDocs(db)).map((d) => d.n))) as DocRow[];
    for (const d of docs) {
      const r = records.find((x) => x.url === d.url)!;
      expect(plain(storedTerms(d)!)).toEqual(plain(termVector(r.title, r.text)));
    }
  });

  it("are worked out alike in the page's analysis workers and in the background; sent malformed, refuse the part", async () => {
    const viaPage = openDb(`terms-page-${Math.random()}`);
    const job = await beginImport(viaPage, { file: 'real.jsonl', total: real.length, problems: [] });
    for (let i = 0; i < real.length; i += 60) {
      const part = real.slice(i, i + 60);
      await importPart(viaPage, job.id, part, structuredClone([analysePart(part)]));
    }
    await finishImport(viaPage, job.id);
    const inBackground = await imported();
    const byUrl = (rows: DocRow[]) => new Map(rows.map((d) => [d.url, d]));
    const a = byUrl((await storeReader(viaPage).docs((await allDocs(viaPage)).map((d) => d.n))) as DocRow[]);
    const b = byUrl((await storeReader(inBackground).docs((await allDocs(inBackground)).map((d) => d.n))) as DocRow[]);
    expect(a.size).toBe(real.length);
    for (const [url, d] of a) expect(plain(storedTerms(d)!)).toEqual(plain(storedTerms(b.get(url)!)!));
    const good = analyseRecords([real[0]!], { events: true })[0]!;
    // Kept as sent (the message's own arrays, not copied into lists), packed as the background packs them.
    expect((fromWire(good).tv as { w: unknown }).w).toBe(good.tv);
    expect(packTerms(fromWire(good).tv!, new Lexicon())).toEqual(packTerms(listsOf(termVector(real[0]!.title, real[0]!.text)), new Lexicon()));
    for (const tv of [{ t: [99999, 1], l: [] }, { t: [0, -1], l: [] }, { t: [], l: [['k', [{}]]] }, { t: [], l: 'x' }, { t: [0], l: [] }]) {
      expect(() => fromWire({ ...good, tv: tv as never })).toThrow(/malformed text analysis in an import part: word counts/);
    }
  });

  it('are what a query reads: stored event documents equal those from the texts', async () => {
    const db = await imported();
    const rows = await allDocs(db);
    const docs = (await storeReader(openDb(db.name)).docs(rows.map((d) => d.n))) as DocRow[];
    for (const d of docs) {
      expect(hasStoredTerms(d)).toBe(true);
      // Counts kept under another reading of the words (another version) are not used.
      expect(hasStoredTerms({ ...d, sv: 'older' })).toBe(false);
      const r = (await getReport(db, d.id))!;
      // The text is not read when the row keeps its counts.
      expect(storedEventDoc(d, '')).toEqual(eventDoc(r.title, r.text, r.publishedAt, r.outlet));
    }
  });

  it('judge as the texts do: a query over rows without them gives the same results', async () => {
    const db = await imported();
    const copy = openDb(`terms-copy-${Math.random()}`);
    const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
    await copy.transaction('rw', copy.tables.map((t) => t.name), async () => {
      for (const [name, rows] of tables) await copy.table(name).bulkPut(name === 'dpages' ? mapDocs(rows, (r) => { const { tv: _tv, ...d } = r as DocRow; return d as typeof r; }) : rows);
    });
    let results = 0;
    for (const i of [0, 17, 60, 121, 140]) {
      const q = { url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt };
      const a = await searchRelated(db, q);
      results += a.length;
      expect(a).toEqual(await searchRelated(copy, q));
    }
    expect(results).toBeGreaterThan(10);
    // And they are what it reads: rows whose kept counts hold one word the database numbered 0 judge differently.
    const empty = openDb(`terms-empty-${Math.random()}`);
    const none = packTerms(listsOf(termVector('', 'word')), new Lexicon())!;
    await empty.transaction('rw', empty.tables.map((t) => t.name), async () => {
      for (const [name, rows] of tables) await empty.table(name).bulkPut(name === 'dpages' ? mapDocs(rows, (d) => ({ ...d, tv: none })) : rows);
    });
    const q = { url: real[0]!.url, outlet: real[0]!.outlet, title: real[0]!.title, text: real[0]!.text, publishedAt: real[0]!.publishedAt };
    expect(await searchRelated(empty, q)).not.toEqual(await searchRelated(db, q));
  });
});
