// Issue 18: text that is not a report is not imported, whatever form it comes in — a JSON pack, a
// JSON Lines file (command line and options page), a page's text, a page in a web archive or a
// harvest (HTML), or the page the reader is on (capture). Each is refused with its reason; the
// real reports beside it are kept.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines, parsePack, parseTextReport, validateRecord } from '../../../lib/corpus/formats';
import { beginImport, importPart } from '../../../lib/engine/imports';
import { captureArticle } from '../../../lib/engine/manage';
import { recordFromPage } from '../../../lib/harvest/pages';
import type { Article } from '../../../lib/types';
import { countReports } from '../../../lib/corpus/report-pages';

const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { url: string; outlet: string; title: string; text: string; publishedAt: string | null });
/** Not prose: lists, tables, menus, tag clouds, in Arabic and English. */
const NOT_PROSE: Array<[string, string]> = [
  ['Shopping', 'Eggs\nMilk\nBread\nTwo apples\nButter\nCoffee beans'],
  ['أسعار', '١٢ ٤٥ ٧٨\n3 4 5\n99 100 101\n2025-01-01 14:00'],
  ['الرئيسية', 'الرئيسية\nأخبار\nتقارير\nاتصل بنا\nمن نحن'],
  ['Tags', 'syria, idlib, aleppo\n#news #breaking\nhttps://example.com/a https://example.com/b'],
  ['x', 'x'.repeat(3000).replace(/x{10}/g, '$& ').replace(/ /g, '\n')],
];
const PROSE_REASON = /no Arabic or English prose/;

describe('not a report, in every format', () => {
  it('a JSON pack names the record and keeps the real ones', () => {
    const reports = [real[0], ...NOT_PROSE.map(([title, text]) => ({ url: 'https://example.com/x', outlet: 'x', title, text })), real[1]];
    const out = parsePack('p.json', JSON.stringify({ format: 'isnad-corpus', version: 1, reports }));
    expect(out.records.map((r) => r.title)).toEqual([real[0]!.title, real[1]!.title]);
    // One line of JSON: every report is on line 1, named by its place in the list.
    expect(out.errors.map((e) => [e.line, e.reason.startsWith(`report ${out.errors.indexOf(e) + 2}: `), PROSE_REASON.test(e.message)])).toEqual(NOT_PROSE.map(() => [1, true, true]));
  });

  it('a JSON Lines file names the line', () => {
    const lines = [JSON.stringify(real[2]), ...NOT_PROSE.map(([title, text]) => JSON.stringify({ title, text })), JSON.stringify(real[3])];
    const out = parseJsonLines('l.jsonl', lines.join('\n'));
    expect(out.records).toHaveLength(2);
    expect(out.errors.map((e) => e.line)).toEqual(NOT_PROSE.map((_, i) => i + 2));
    for (const e of out.errors) expect(e.message).toMatch(PROSE_REASON);
  });

  it('a page text is refused as before', () => {
    for (const [, text] of NOT_PROSE) expect(() => parseTextReport('t.txt', text)).toThrow(PROSE_REASON);
  });

  it('the options page’s import parts refuse it and store the rest', async () => {
    const db = openDb(`not-a-report-${Math.random()}`);
    const job = await beginImport(db, { file: 'o.jsonl', total: NOT_PROSE.length + 1, problems: [] });
    const done = await importPart(db, job.id, [...NOT_PROSE.map(([title, text]) => ({ title, text })), real[4]], undefined, { part: 0 });
    expect(done.added).toBe(1);
    expect(done.problems).toHaveLength(NOT_PROSE.length);
    expect(await countReports(db)).toBe(1);
    db.close();
  });

  it('an archived or harvested page that is a table is skipped with the reason', () => {
    const page = (body: string) => `<html lang="ar"><head><title>أسعار الصرف اليوم</title></head><body><article><h1>أسعار الصرف اليوم</h1>${body}</article></body></html>`;
    const parse = (html: string) => parseHTML(html).document as unknown as Document;
    const table = page(`<table>${Array.from({ length: 40 }, (_, i) => `<tr><td>${i}</td><td>${i * 13}</td><td>USD</td></tr>`).join('')}</table>`);
    const skip = recordFromPage(table, 'https://www.enabbaladi.net/archives/123456', '2025-05-01T00:00:00Z', parse);
    expect(skip).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(PROSE_REASON) });
    const article = page(`<p>${real[5]!.text.split('\n').join('</p><p>')}</p>`);
    expect(recordFromPage(article, 'https://www.enabbaladi.net/archives/123457', '2025-05-01T00:00:00Z', parse)).toMatchObject({ title: 'أسعار الصرف اليوم' });
  });

  it('the page the reader is on is not captured when it is not prose, not http(s), or not a real day', async () => {
    const db = openDb(`not-a-report-capture-${Math.random()}`);
    const article = (over: Partial<Article>): Article => ({
      outlet: 'shaam', pageType: 'article', url: 'https://www.shaam.org/news/1', canonicalUrl: null, archive: null,
      title: real[6]!.title, publishedAt: { value: '2025-05-01', precision: 'day', source: 'meta' }, author: null, section: null,
      paragraphs: real[6]!.text.split('\n'), comments: [], lang: 'ar', dir: 'rtl', ...over,
    });
    for (const [title, text] of NOT_PROSE) expect(await captureArticle(db, article({ title, paragraphs: text.split('\n') }))).toBeNull();
    expect(await captureArticle(db, article({ url: 'javascript:alert(1)' }))).toBeNull();
    expect(await captureArticle(db, article({ publishedAt: { value: '2025-02-30', precision: 'day', source: 'meta' } }))).toBeNull();
    expect(await captureArticle(db, article({ paragraphs: ['ا'.repeat(3000)] }))).toBeNull();
    expect(await countReports(db)).toBe(0);
    // The real article is captured, a month-only date kept as it is.
    expect(await captureArticle(db, article({ publishedAt: { value: '2025-05', precision: 'month', source: 'meta' } }))).toMatchObject({ publishedAt: '2025-05' });
    expect(await countReports(db)).toBe(1);
    db.close();
  });

  it('every report of the real 2025 corpus is prose', () => {
    for (const r of real) expect(validateRecord(r), r.url).not.toBeTypeOf('string');
  });
});
