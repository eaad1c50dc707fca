import { describe, expect, it } from 'vitest';
import { parseCorpusFile, type OnRecords } from '../../../lib/corpus/formats';
import type { ReportRecord } from '../../../lib/types';

const PROSE = 'قالت مصادر محلية إن القصف استهدف الحي الشرقي من المدينة صباح اليوم';
const good = (i: number) => ({ title: `عنوان ${i}`, text: `${PROSE} ${i}`, url: `https://example.org/${i}` });

/** What a listener saw: the good records' count at each call, and the records as they stood. */
function listen(): { counts: number[]; firsts: ReportRecord[][]; on: OnRecords } {
  const counts: number[] = [];
  const firsts: ReportRecord[][] = [];
  return { counts, firsts, on: (got) => (counts.push(got.length), firsts.push(got.slice())) };
}

// An import starts analysing its first records while the rest of the file is parsed
// (entrypoints/options/import-file.ts): what it is told must be the records the parse returns.
describe('a corpus file tells its good records as it reads them', () => {
  it('JSON Lines: once a good record, in order, bad lines and blank lines not told', () => {
    const lines = [JSON.stringify(good(0)), '{bad', '', JSON.stringify({ title: 'x' }), JSON.stringify(good(1)), JSON.stringify(good(2))];
    const l = listen();
    const parsed = parseCorpusFile('a.jsonl', lines.join('\n'), l.on);
    expect(l.counts).toEqual([1, 2, 3]);
    expect(parsed.errors.map((e) => e.line)).toEqual([2, 4]);
    // Each call saw the returned records up to its count, the same objects.
    l.firsts.forEach((seen, k) => expect(seen).toEqual(parsed.records.slice(0, k + 1)));
    expect(parsed.records.map((r) => r.url)).toEqual(['https://example.org/0', 'https://example.org/1', 'https://example.org/2']);
  });

  it('a pack: once a good record, in order', () => {
    const l = listen();
    const parsed = parseCorpusFile('a.json', JSON.stringify({ format: 'isnad-corpus', version: 1, reports: [good(0), 7, good(1)] }), l.on);
    expect(l.counts).toEqual([1, 2]);
    expect(l.firsts[1]).toEqual(parsed.records);
    expect(parsed.errors).toHaveLength(1);
  });

  it('without a listener, the same records', () => {
    const text = [good(0), good(1)].map((r) => JSON.stringify(r)).join('\n');
    expect(parseCorpusFile('a.jsonl', text)).toEqual(parseCorpusFile('a.jsonl', text, () => undefined));
  });
});
