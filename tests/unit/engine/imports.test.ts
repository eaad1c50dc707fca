import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { reportId, reportIdAndKeys, reportKeys, urlKey } from '../../../lib/corpus/ids';
import { parseJsonLines, parsePack } from '../../../lib/corpus/formats';
import { CHUNK, importRecords, importText, resumeImports, runImport, stageImport } from '../../../lib/engine/imports';
import { exportPack } from '../../../lib/corpus/export';
import { CAPTURE, captureArticle, deleteFromCorpus } from '../../../lib/engine/manage';
import type { Article, ReportRecord } from '../../../lib/types';
import { searchRelated } from '../../../lib/engine/search';
import { countReports, getReport, reportByUrlKeys, reportsWhere } from '../../../lib/corpus/report-pages';
import { docCount } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const fresh = () => openDb(`imports-${Math.random()}`);
const lines = (n: number) => real.slice(0, n).map((r) => JSON.stringify(r));

describe('importing corpus files', () => {
  it('imports 99 of 100 lines when line 57 is malformed, and names line 57', async () => {
    const db = fresh();
    const ls = lines(100);
    ls[56] = '{"url": "https://x.example/57", "title": "broken", "text": ';
    const s = await importText(db, 'hundred.jsonl', ls.join('\n'));
    expect(s.added).toBe(99);
    expect(s.problems).toEqual([{ file: 'hundred.jsonl', line: 57, reason: expect.stringMatching(/^invalid JSON/) }]);
    expect(await countReports(db)).toBe(99);
    expect(await docCount(db)).toBe(99);
    const job = await db.jobs.get(s.importId);
    expect(job).toMatchObject({ status: 'done', total: 99, done: 99, added: 99 });
    expect(await db.staged.count()).toBe(0);
  });

  it('reports a record with a missing field by its number and its line in a pack, keeping the others', async () => {
    const db = fresh();
    const pack = { format: 'isnad-corpus', version: 1, reports: [real[0], { url: 'x', title: 'no text' }, real[1]] };
    // Pretty-printed: the bad report's "{" is on the line before its first field (0-based index of that field = 1-based line of the brace).
    const text = JSON.stringify(pack, null, 2);
    const line = text.split('\n').findIndex((l) => l === '      "url": "x",');
    const s = await importText(db, 'pack.json', text);
    expect(s.added).toBe(2);
    expect(s.problems).toEqual([{ file: 'pack.json', line, reason: 'report 2: field "text" missing or not a string' }]);
  });

  it('refuses a file that is not a corpus with a reason, leaving what was stored untouched', async () => {
    const db = fresh();
    await importText(db, 'ok.jsonl', lines(3).join('\n'));
    const s = await importText(db, 'settings.json', JSON.stringify({ theme: 'dark', reports: 3 }));
    expect(s.added).toBe(0);
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]!.reason).toMatch(/not an Isnad corpus pack/);
    const bin = await importText(db, 'photo.png', '\u0089PNG');
    expect(bin.problems[0]!.reason).toMatch(/unsupported file type/);
    expect(await countReports(db)).toBe(3);
  });

  it('stores a title holding a script tag as the text it is', async () => {
    const db = fresh();
    const title = '<script>alert("x")</script><img src=x onerror=alert(1)> عنوان';
    const s = await importRecords(db, 'page.html', [{ ...real[0], url: 'https://x.example/script', title }]);
    expect(s.added).toBe(1);
    const stored = await reportByUrlKeys(db, [urlKey('https://x.example/script')]);
    expect(stored!.title).toBe(title);
    expect((await exportPack(db)).reports[0]!.title).toBe(title);
  });

  it('counts a second import of the same file as duplicates, not new reports', async () => {
    const db = fresh();
    const text = lines(20).join('\n');
    await importText(db, 'a.jsonl', text);
    const again = await importText(db, 'a-again.jsonl', text);
    expect(again).toMatchObject({ added: 0, duplicates: 20 });
    expect(await countReports(db)).toBe(20);
  });

  it('resumes an import stopped between chunks, without losing or doubling a report', async () => {
    const db = fresh();
    const records: ReportRecord[] = Array.from({ length: CHUNK + 500 }, (_, i) => {
      const r = real[i % real.length]!;
      return { ...r, url: `https://x.example/${i}`, text: r.text.slice(0, 300) };
    });
    const job = await stageImport(db, 'big.jsonl', records, []);
    // The worker stops after the first chunk is committed.
    await expect(
      runImport(db, job.id, (j) => {
        if (j.done > 0) throw new Error('service worker stopped');
      }),
    ).rejects.toThrow('stopped');
    expect((await db.jobs.get(job.id))!.done).toBe(CHUNK);
    expect(await countReports(db)).toBe(CHUNK);
    const [s] = await resumeImports(db);
    expect(s).toMatchObject({ added: CHUNK + 500, duplicates: 0 });
    expect(await countReports(db)).toBe(CHUNK + 500);
    expect((await db.meta.get('segments'))!.docs).toBe(CHUNK + 500);
    expect(await resumeImports(db)).toEqual([]);
  });
});

describe('export, deletion and capture', () => {
  it('exports a pack that imports into a new corpus as the same reports', async () => {
    const db = fresh();
    await importText(db, 'a.jsonl', lines(30).join('\n'));
    const pack = await exportPack(db);
    expect(pack.reports).toHaveLength(30);
    const other = fresh();
    const s = await importText(other, 'backup.json', JSON.stringify(pack));
    expect(s.added).toBe(30);
    expect(parsePack('backup.json', JSON.stringify(pack)).records.map((r) => r.url).sort()).toEqual(real.slice(0, 30).map((r) => r.url).sort());
  });

  it('deletes a report, an import and an outlet, and search forgets them', async () => {
    const db = fresh();
    const a = await importText(db, 'a.jsonl', lines(60).join('\n'));
    const b = await importText(db, 'b.jsonl', real.slice(60, 120).map((r) => JSON.stringify(r)).join('\n'));
    const one = real[0]!;
    const query = { url: '', title: one.title, text: one.text, publishedAt: one.publishedAt };
    expect((await searchRelated(db, query, { relatedThreshold: 0 })).length).toBeGreaterThan(0);
    expect(await deleteFromCorpus(db, { report: (await reportByUrlKeys(db, [urlKey(one.url)]))!.id })).toBe(1);
    expect(await countReports(db)).toBe(119);
    expect(await deleteFromCorpus(db, { importId: a.importId })).toBe(59);
    expect(await db.jobs.get(a.importId)).toBeUndefined();
    const shaamInB = real.slice(60, 120).filter((r) => r.outlet === 'Shaam Network').length;
    expect(await deleteFromCorpus(db, { outlet: 'Shaam Network' })).toBe(shaamInB);
    expect(await countReports(db)).toBe(60 - shaamInB);
    const left = new Set((await reportsWhere(db)).map((r) => r.id));
    for (const r of await searchRelated(db, query, { relatedThreshold: 0, top: 50 })) expect(left.has(r.id)).toBe(true);
    expect((await db.meta.get('segments'))!.docs).toBe(60 - shaamInB);
    expect(b.added).toBe(60);
  });

  it('captures an opened article once, under its live, canonical and archive URLs', async () => {
    const db = fresh();
    const r = real[3]!;
    const article: Article = {
      outlet: 'shaam',
      pageType: 'article',
      url: 'https://web.archive.org/web/20250602120000/https://www.shaam.org/news/1',
      canonicalUrl: 'https://shaam.org/news/1',
      archive: { archiveUrl: 'https://web.archive.org/web/20250602120000/https://www.shaam.org/news/1', capturedAt: '2025-06-02T12:00:00Z', service: 'wayback' },
      title: r.title,
      publishedAt: { value: '2025-06-02', precision: 'day', source: 'meta' },
      author: null,
      section: null,
      paragraphs: r.text.split('\n'),
      comments: [],
      lang: 'ar',
      dir: 'rtl',
    };
    const stored = await captureArticle(db, article);
    expect(stored).toMatchObject({ origin: 'capture', importId: CAPTURE, url: 'https://shaam.org/news/1', publishedAt: '2025-06-02' });
    // Read from a Wayback copy: the report keeps when it was archived and where (the reading view's "archived on").
    expect(await getReport(db, stored!.id)).toMatchObject({ archivedAt: '2025-06-02T12:00:00Z', archiveUrl: article.archive!.archiveUrl });
    // The panel's related list carries it too (a query with another text: the article itself is never its own related report).
    const found = (await searchRelated(db, { url: '', title: r.title, text: `${r.text.slice(0, 400)} تحديث`, publishedAt: '2025-06-02' }, { relatedThreshold: 0 })).find((x) => x.id === stored!.id);
    expect(found).toMatchObject({ id: stored!.id, archivedAt: '2025-06-02T12:00:00Z' });
    expect(await captureArticle(db, { ...article, url: 'https://www.shaam.org/news/1/', archive: null })).toBeNull();
    expect(await countReports(db)).toBe(1);
  });
});

describe('report ids and URL keys', () => {
  it('works out the same id and keys in one pass as reportId and reportKeys do', () => {
    const cases: Array<[string, string, string[]]> = [
      ['https://www.orient-news.net/ar/news_show/92367?utm_source=x#top', 'نص', []],
      ['https://web.archive.org/web/2015/https://orient-news.net/ar/news_show/1/', 'نص', ['https://orient-news.net/ar/news_show/1', '']],
      ['', 'نصٌ بلا رابط ١٢٣', []],
      ['  ', 'نص', ['https://eremnews.com/a']],
    ];
    for (const [url, text, extra] of cases) expect(reportIdAndKeys(url, text, extra)).toEqual({ id: reportId(url, text), keys: reportKeys(url, ...extra) });
  });
});

describe('records read from web archives', () => {
  const line = (extra: Record<string, unknown>) => JSON.stringify({ url: 'https://shaam.org/news/2', outlet: 'shaam', title: 'عنوان', publishedAt: '2025-06-02', text: 'نص التقرير كاملاً هنا كما نشرته الشبكة على موقعها صباح اليوم.', ...extra });
  it('keep their capture time and archive address; a bad one is named with its line and field', () => {
    const { records, errors } = parseJsonLines('a.jsonl', [
      line({ archivedAt: '2015-03-02T10:11:12Z', archiveUrl: 'https://web.archive.org/web/20150302101112/https://shaam.org/news/2' }),
      line({ archivedAt: 'yesterday' }),
      line({ archivedAt: '2015-02-30T10:00:00Z' }),
      line({ archiveUrl: 'javascript:alert(1)' }),
      line({}),
    ].join('\n'));
    expect(records[0]).toMatchObject({ archivedAt: '2015-03-02T10:11:12Z', archiveUrl: 'https://web.archive.org/web/20150302101112/https://shaam.org/news/2' });
    expect(records[1]).not.toHaveProperty('archivedAt');
    expect(records).toHaveLength(2);
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [2, 'field "archivedAt" is not an ISO date and time'],
      [3, 'field "archivedAt" is not an ISO date and time'],
      [4, 'field "archiveUrl" is not an http(s) address'],
    ]);
  });
});
