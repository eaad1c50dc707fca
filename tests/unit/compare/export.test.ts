import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { compareReports } from '../../../lib/compare/compare';
import { COMPARISON_CSV_COLUMNS, comparisonToCsv, comparisonToMarkdown, toCliJson } from '../../../lib/compare/export';
import type { GroupReport } from '../../../lib/compare/types';
import { fixtureAnalyser } from './fixture-analyser';

const r = (id: string, outlet: string, publishedAt: string | null, title: string, text: string): GroupReport => ({ id, outlet, publishedAt, title, text, url: `https://example.org/${id}` });
const c = compareReports(
  [
    r('a', 'orient-news', '2015-11-11', 'انسحاب داعش أمام قوات الأسد', 'انسحب داعش. وقتل 3 مدنيين في القصف.'),
    r('b', 'eremnews', '2015-11-10', '=HYPERLINK("x") الجيش السوري *يتقدم*', 'نقلت وكالة سانا أن الجيش السوري تقدم، "بسرعة". وذكرت أعماق مقتل 5 مدنيين.'),
  ],
  fixtureAnalyser,
);

/** The CSV as a spreadsheet reads it (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

describe('exporting a comparison', () => {
  it('CSV: UTF-8 BOM, CRLF, one row per finding, formulas defused', () => {
    const csv = comparisonToCsv(c, 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...COMPARISON_CSV_COLUMNS]);
    const col = (name: string) => COMPARISON_CSV_COLUMNS.indexOf(name as never);
    expect(rows.every((x) => x.length === COMPARISON_CSV_COLUMNS.length)).toBe(true);
    const naming = rows.filter((x) => x[col('aspect')] === 'naming').map((x) => [x[col('outlet')], x[col('value')]]);
    expect(naming).toContainEqual(['orient-news', 'قوات الأسد']);
    expect(naming).toContainEqual(['eremnews', 'الجيش السوري']);
    const sources = rows.filter((x) => x[col('aspect')] === 'source').map((x) => [x[col('value')], x[col('key')]]);
    expect(sources).toEqual([['أعماق', 'jihadist media'], ['سانا', 'state media']]);
    const report = rows.find((x) => x[col('aspect')] === 'report' && x[col('outlet')] === 'eremnews')!;
    expect(report[col('value')]!.startsWith("'=HYPERLINK")).toBe(true);
    const numbers = rows.filter((x) => x[col('aspect')] === 'number').map((x) => x[col('value')]);
    expect(numbers).toEqual(['5', '3']);
  });

  it('Markdown: RTL lines start with a right-to-left mark, Arabic is isolated, markup escaped', () => {
    const md = comparisonToMarkdown(c, 'ar');
    expect(md).toContain('# مقارنة الروايات: \u2068انسحاب داعش أمام قوات الأسد\u2069');
    expect(md).toContain('\\*يتقدم\\*'); // untrusted text cannot make Markdown
    const quotes = md.split('\n').filter((l) => l.trimStart().startsWith('> '));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.trimStart().slice(2).startsWith('\u200F')).toBe(true);
    expect(md).toContain('**انسحاب**'); // the cue word, bold in its passage
    expect(md).toContain('## أين تختلف الأرقام');
    expect(md).not.toMatch(/<(?!https:)/); // no HTML, only autolinks
  });

  it('the CLI JSON has exactly issue 7\'s fields', () => {
    const j = toCliJson(c);
    expect(Object.keys(j)).toEqual(['event', 'outlets']);
    expect(Object.keys(j.outlets[0]!)).toEqual(['outlet', 'reports', 'naming', 'frames', 'sources', 'numbers']);
    expect(Object.keys(j.outlets[0]!.reports[0]!)).toEqual(['title', 'publishedAt', 'url']);
    expect(j.outlets[0]!.sources).toEqual([{ name: 'أعماق', type: 'jihadist-media' }, { name: 'سانا', type: 'state-media' }]);
  });
});
