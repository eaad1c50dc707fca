// Crafted JSON (issue 18): a pack or JSON Lines file deep, huge, truncated, of the wrong types.
// What must hold: one clear problem per bad record naming file, line, field and reason; the good
// records kept; a file that is not JSON at all named by its line and column, nothing parsed.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusFormatError, parseCorpusFile, parseJsonLines } from '../../../lib/corpus/formats';
import { elementLines, jsonErrorPlace } from '../../../lib/corpus/json-lines';
import { openDb } from '../../../lib/db';
import { beginImport, importPart } from '../../../lib/engine/imports';

const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, 6).map((l) => JSON.parse(l) as Record<string, unknown>);

const DEEP = '@@deep@@';
/** A pretty-printed pack (two-space indent, as `corpus export` and most tools write it). */
const packOf = (reports: unknown[]) => JSON.stringify({ format: 'isnad-corpus', version: 1, reports }, null, 2).replace(`"${DEEP}"`, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);

/** The line each report of a pretty-printed pack starts on, counted by hand from its text. */
function startLines(text: string): number[] {
  return text.split('\n').flatMap((l, i) => (/^ {4}[{[\d"ntf]/.test(l) ? [i + 1] : []));
}

const BAD: Array<[string, unknown, RegExp]> = [
  ['a title of the wrong type', { ...real[0], title: 5 }, /field "title"/],
  ['a url that is an object', { ...real[0], url: { href: 'https://x.example' } }, /field "url"/],
  ['a date that is no real day', { ...real[0], publishedAt: '2024-02-30' }, /publishedAt/],
  ['a 3 MB title', { ...real[0], title: 'ع'.repeat(3_000_000) }, /field "title" longer than/],
  // Put into the file's text as it is (JSON.stringify of it would overflow the stack).
  ['text nested 100,000 arrays deep', { ...real[0], text: DEEP }, /field "text"/],
  ['a record that is a string', 'not a record', /./],
  ['a record that is null', null, /./],
  ['an outlet that is an array', { ...real[0], outlet: ['orient-news'] }, /field "outlet"/],
];

describe('a pack with bad reports among good ones', () => {
  it.each(BAD)('%s: named by file, its line in the file and its field; the others kept', (_what, bad, reason) => {
    const reports = [real[1], real[2], bad, real[3]];
    const text = packOf(reports);
    const parsed = parseCorpusFile('pack.json', text);
    expect(parsed.records.map((r) => r.url)).toEqual([real[1]!.url, real[2]!.url, real[3]!.url]);
    expect(parsed.errors).toHaveLength(1);
    const [err] = parsed.errors;
    const starts = startLines(text);
    expect(err!.file).toBe('pack.json');
    expect(err!.line).toBe(starts[2]);
    expect(err!.reason).toMatch(/^report 3: /);
    expect(err!.reason).toMatch(reason);
    // The good records carry their lines too (for a refusal in the background).
    expect(parsed.lines).toEqual([starts[0], starts[1], starts[3]]);
  });

  it('finds each report\'s line whatever the layout: a top-level array, strings with brackets, quotes and escapes', () => {
    const tricky = [{ ...real[0], title: 'a "quoted" [bracket] {brace} \\ back\nslash' }, real[1]];
    const text = `[\n  ${JSON.stringify(tricky[0])},\n\n  ${JSON.stringify(tricky[1])}\n]`;
    expect(elementLines(text)).toEqual([2, 4]);
    const nested = `{"format":"isnad-corpus","meta":{"reports":[1,2,3]},\n"reports":[\n${JSON.stringify(real[0])},\n${JSON.stringify(real[1])}]}`;
    expect(elementLines(nested)).toEqual([3, 4]);
  });
});

describe('a file that is not JSON to its end', () => {
  it('a pack cut short: one error naming its line and column, nothing parsed', () => {
    const text = packOf(real.slice(0, 4));
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    let err: unknown;
    try {
      parseCorpusFile('cut.json', cut);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CorpusFormatError);
    const e = err as CorpusFormatError;
    expect(e.reason).toMatch(/^not valid JSON at line \d+, column \d+/);
    expect(e.line).toBe(cut.split('\n').length);
  });

  it('a stray character in the middle: its line and column', () => {
    const text = packOf(real.slice(0, 3));
    const lines = text.split('\n');
    lines[20] = `${lines[20]}}`;
    try {
      parseCorpusFile('stray.json', lines.join('\n'));
      expect.unreachable();
    } catch (e) {
      expect((e as CorpusFormatError).line).toBe(21);
      expect((e as CorpusFormatError).reason).toMatch(/at line 21, column \d+/);
    }
  });

  it('reads positions from the messages of other engines', () => {
    expect(jsonErrorPlace('{\n"a":1,\n}', 'JSON.parse: expected double-quoted property name at line 3 column 1 of the JSON data')).toEqual({ line: 3, column: 1 });
    expect(jsonErrorPlace('{\n"a":', 'Unexpected end of JSON input')).toEqual({ line: 2, column: 5 });
  });

  it('JSON Lines: a line cut short, a line a million levels deep, a prototype key — each named by its line', () => {
    const lines = [JSON.stringify(real[0]), JSON.stringify(real[1]).slice(0, 80), `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, JSON.stringify({ ...real[2], ['__proto__']: { polluted: true } }).replace('"__proto__"', '"__proto__"'), JSON.stringify(real[3])];
    const parsed = parseJsonLines('deep.jsonl', lines.join('\n'));
    expect(parsed.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(parsed.errors[0]!.reason).toMatch(/invalid JSON/);
    expect(parsed.records.map((r) => r.url)).toEqual([real[0]!.url, real[2]!.url, real[3]!.url]);
    expect(parsed.lines).toEqual([1, 4, 5]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a record refused by the background in a page-driven import', () => {
  it('is named by the line the page sent with it', async () => {
    const db = openDb(`crafted-${Math.random()}`);
    const job = await beginImport(db, { file: 'pack.json', total: 3, problems: [] });
    const res = await importPart(db, job.id, [real[0], { ...real[1], title: 5 }, real[2]], undefined, { part: 0, lines: [4, 31, 58] });
    expect(res.problems).toEqual([{ file: 'pack.json', line: 31, reason: 'field "title" missing or not a string' }]);
    expect(res.added).toBe(2);
    // Lines that are not positive whole numbers are left out, not trusted.
    const other = await beginImport(db, { file: 'y.json', total: 1, problems: [] });
    const bad = await importPart(db, other.id, [{ title: 5 }], undefined, { part: 0, lines: ['<b>7</b>' as never] });
    expect(bad.problems).toEqual([{ file: 'y.json', reason: 'field "title" missing or not a string' }]);
    db.close();
  });
});
