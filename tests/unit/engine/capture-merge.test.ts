// The article being read is one report, whatever address it is read at: a capture of a text the
// corpus holds for the same outlet (the built-in copy, another URL, an extraction that differs by
// a line) merges into it, keeping the better metadata; another outlet's copy stays its own report.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { urlKey } from '../../../lib/corpus/ids';
import { importText } from '../../../lib/engine/imports';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { captureArticle } from '../../../lib/engine/manage';
import type { Article, ReportRecord } from '../../../lib/types';
import { unpackDoc } from '../../../lib/engine/doc-rows';
import { countReports, reportsWhere } from '../../../lib/corpus/report-pages';
import { docCount, docById } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const fresh = () => openDb(`capture-merge-${Math.random()}`);

function articleOf(r: ReportRecord, over: Partial<Article> = {}): Article {
  return {
    outlet: r.outlet,
    pageType: 'article',
    url: r.url,
    canonicalUrl: null,
    archive: null,
    title: r.title,
    publishedAt: r.publishedAt ? { value: r.publishedAt, precision: 'day', source: 'meta' } : { value: null, precision: 'unknown', source: 'none' },
    author: null,
    section: null,
    paragraphs: r.text.split('\n').filter(Boolean),
    comments: [],
    lang: 'ar',
    dir: 'rtl',
    ...over,
  };
}

async function seedCorpus(records: ReportRecord[], origin: 'builtin' | 'import' = 'builtin') {
  const db = fresh();
  await indexReports(db, records.map((r) => toReport(r, origin, origin)));
  return db;
}

describe('capturing an article the corpus already holds', () => {
  it('the built-in copy (no address, no date) takes the page\'s address and date; no second report', async () => {
    const r = real[0]!;
    const db = await seedCorpus([{ ...r, url: '', publishedAt: null }, real[1]!, real[2]!]);
    expect(await captureArticle(db, articleOf(r))).toBeNull();
    expect(await countReports(db)).toBe(3);
    expect(await docCount(db)).toBe(3);
    const merged = (await reportsWhere(db)).find((x) => x.title === r.title)!;
    expect(merged).toMatchObject({ origin: 'builtin', url: r.url, publishedAt: r.publishedAt });
    expect(merged.keys).toContain(urlKey(r.url));
    const doc = unpackDoc((await docById(db, merged.id))!);
    expect(doc).toMatchObject({ url: r.url, publishedAt: r.publishedAt });
    expect(doc!.day).not.toBeNull();
    // Read again: known by its address now.
    expect(await captureArticle(db, articleOf(r))).toBeNull();
    expect(await countReports(db)).toBe(3);
  });

  it('the same text under another address of the outlet keeps the first address and date, and learns the new one', async () => {
    const r = real[5]!;
    const db = await seedCorpus([r], 'import');
    const amp = `${r.url.replace(/\/$/, '')}/amp`;
    expect(await captureArticle(db, articleOf(r, { url: amp, publishedAt: { value: null, precision: 'unknown', source: 'none' } }))).toBeNull();
    const [only] = await reportsWhere(db);
    expect(await countReports(db)).toBe(1);
    expect(only).toMatchObject({ url: r.url, publishedAt: r.publishedAt });
    expect(only!.keys).toEqual(expect.arrayContaining([urlKey(r.url), urlKey(amp)]));
  });

  it('an extraction that differs by a line (a caption, a "read also") is still the same report', async () => {
    const r = real.find((x) => x.text.length > 1500)!;
    const db = await seedCorpus([{ ...r, url: '' }]);
    const paragraphs = [...r.text.split('\n').filter(Boolean), 'اقرأ أيضاً: تطورات ميدانية'];
    expect(await captureArticle(db, articleOf(r, { paragraphs }))).toBeNull();
    expect(await countReports(db)).toBe(1);
  });

  it('another outlet\'s copy of the text (a wire story) is a report of its own', async () => {
    const r = real[7]!;
    const db = await seedCorpus([r]);
    const other = r.outlet === 'shaam' ? 'eremnews' : 'shaam';
    const stored = await captureArticle(db, articleOf({ ...r, outlet: other, url: 'https://other.example/copy' }));
    expect(stored).toMatchObject({ outlet: other, origin: 'capture' });
    expect(await countReports(db)).toBe(2);
  });

  it('a different article of the same outlet is added', async () => {
    const [a, b] = real.filter((x) => x.outlet === real[0]!.outlet);
    const db = await seedCorpus([a!]);
    expect(await captureArticle(db, articleOf(b!))).toMatchObject({ origin: 'capture' });
    expect(await countReports(db)).toBe(2);
  });
});

describe('re-importing a file', () => {
  it('adds nothing and says how many were already in the corpus', async () => {
    const db = fresh();
    const text = real.slice(0, 40).map((r) => JSON.stringify(r)).join('\n');
    expect(await importText(db, 'a.jsonl', text)).toMatchObject({ added: 40, duplicates: 0 });
    expect(await importText(db, 'a.jsonl', text)).toMatchObject({ added: 0, duplicates: 40 });
    expect(await countReports(db)).toBe(40);
  });
});
