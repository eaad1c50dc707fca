// Test archives built with warcio from the project's fixture pages: the same bytes an archiving
// crawler writes (request/response pairs, a warcinfo header), gzipped per record or not, and
// WACZ files (a zip of WARCs with a datapackage) built with zip.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { createGzip } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export function fixture(name: string): { html: string; url: string; expected: Record<string, unknown> } {
  const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Record<string, unknown> & { url: string };
  return { html: readFileSync(join(FIXTURES, name, 'page.html'), 'utf8'), url: expected.url, expected };
}

export interface Capture {
  url: string;
  /** ISO date of the capture. */
  date: string;
  status?: number;
  contentType?: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  type?: 'response' | 'revisit' | 'request' | 'metadata';
}

const enc = new TextEncoder();

async function* once(b: Uint8Array) {
  yield b;
}

export async function recordBytes(c: Capture, gzip: boolean): Promise<Uint8Array> {
  const body = typeof c.body === 'string' ? enc.encode(c.body) : (c.body ?? new Uint8Array());
  const status = c.status ?? 200;
  const type = c.type ?? 'response';
  const record = WARCRecord.create(
    {
      url: c.url,
      date: c.date,
      type,
      warcVersion: 'WARC/1.1',
      ...(type === 'request' ? { statusline: `GET ${new URL(c.url).pathname} HTTP/1.1` } : { statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Other'}` }),
      httpHeaders: type === 'metadata' ? undefined : { 'Content-Type': c.contentType ?? 'text/html; charset=utf-8', ...(c.headers ?? {}) },
    },
    once(body),
  );
  return WARCSerializer.serialize(record, { gzip });
}

export async function warcBytes(captures: Capture[], gzip = false): Promise<Uint8Array> {
  const info = WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'isnad tests' });
  const parts = [await WARCSerializer.serialize(info, { gzip })];
  for (const c of captures) {
    if ((c.type ?? 'response') === 'response') parts.push(await recordBytes({ ...c, type: 'request', body: '' }, gzip));
    parts.push(await recordBytes(c, gzip));
  }
  return concat(parts);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** A record's WARC headers as written by hand (any length, any Content-Length). */
export function warcHead(opts: { length: string | number; url?: string; type?: string; first?: string; contentType?: string }): Uint8Array {
  return enc.encode(`${opts.first ?? 'WARC/1.1'}\r\nWARC-Type: ${opts.type ?? 'resource'}\r\nWARC-Target-URI: ${opts.url ?? 'https://www.orient-news.net/ar/news_show/1/x'}\r\nWARC-Date: 2015-03-02T10:11:12Z\r\nContent-Type: ${opts.contentType ?? 'text/html'}\r\nContent-Length: ${opts.length}\r\n\r\n`);
}

/** gzip of `parts`, where { zeros } is that many zero bytes (never allocated at once). */
export async function gzipOf(parts: Array<Uint8Array | { zeros: number }>): Promise<Uint8Array> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => gz.on('end', r));
  const zeros = new Uint8Array(4 * 1024 * 1024);
  for (const p of parts) {
    if (p instanceof Uint8Array) gz.write(p);
    else for (let left = p.zeros; left > 0; left -= zeros.byteLength) if (!gz.write(zeros.subarray(0, Math.min(left, zeros.byteLength)))) await new Promise((r) => gz.once('drain', r));
  }
  gz.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/** A WACZ: the WARCs under archive/ (stored, as the spec says, or deflated), a datapackage, other `files` by path. */
export async function waczBytes(warcs: Record<string, Uint8Array>, opts: { deflate?: boolean; files?: Record<string, Uint8Array> } = {}): Promise<Uint8Array> {
  const writer = new ZipWriter(new BlobWriter('application/zip'), { useWebWorkers: false });
  for (const [name, bytes] of Object.entries(warcs)) await writer.add(`archive/${name}`, new Uint8ArrayReader(bytes), { level: opts.deflate ? 6 : 0 });
  for (const [path, bytes] of Object.entries(opts.files ?? {})) await writer.add(path, new Uint8ArrayReader(bytes), { level: 6 });
  await writer.add('datapackage.json', new Uint8ArrayReader(enc.encode(JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', resources: Object.keys(warcs).map((n) => ({ path: `archive/${n}` })) }))), { level: 6 });
  const blob = await writer.close();
  return new Uint8Array(await blob.arrayBuffer());
}

/** The fixture set of the issue: two articles, an archive copy, a listing, an image, a redirect. */
export function standardCaptures(): Capture[] {
  const orient = fixture('orient-news-1');
  const shaam = fixture('shaam-1');
  const eremCopy = fixture('eremnews-3');
  const listing = fixture('orient-news-2');
  return [
    { url: orient.url, date: '2015-03-02T10:11:12Z', body: orient.html },
    { url: listing.url, date: '2015-03-02T10:12:00Z', body: listing.html },
    { url: 'https://orient-news.net/images/logo.png', date: '2015-03-02T10:12:30Z', contentType: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 4]) },
    { url: 'https://orient-news.net/ar/news_show/1/', date: '2015-03-02T10:13:00Z', status: 301, headers: { Location: orient.url }, body: '' },
    { url: shaam.url, date: '2016-05-06T07:08:09Z', body: shaam.html },
    { url: eremCopy.url, date: '2015-08-06T12:05:44Z', body: eremCopy.html },
    { url: 'https://example.org/blog/post', date: '2016-01-01T00:00:00Z', body: '<html><head><title>Unrelated</title></head><body><article><h1>Unrelated</h1><p>' + 'Not an outlet page. '.repeat(30) + '</p></article></body></html>' },
  ];
}

/** A report of the real 2025 corpus (tests/fixtures/real-2025.jsonl). */
export interface RealReport {
  url: string;
  outlet: string;
  title: string;
  publishedAt: string;
  text: string;
}

export function realReports(): RealReport[] {
  return readFileSync(join(FIXTURES, 'real-2025.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as RealReport);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A real report as a page of its site: the structured data every news page carries (JSON-LD
 * NewsArticle, OpenGraph, <time>), a menu, the body's paragraphs and a footer. Constructed, not
 * captured: what an archive or an outlet serves for the report, for tests that import or read it.
 */
export function reportPage(r: RealReport): string {
  const date = `${r.publishedAt}T09:00:00+03:00`;
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: r.title, datePublished: date, url: r.url }).replace(/</g, '\\u003c');
  const paras = r.text.split('\n').map((p) => p.trim()).filter(Boolean);
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<meta property="og:type" content="article"><meta property="og:title" content="${esc(r.title)}">
<meta property="article:published_time" content="${date}"><link rel="canonical" href="${esc(r.url)}">
<script type="application/ld+json">${ld}</script></head>
<body><header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></header>
<main><article><h1>${esc(r.title)}</h1><time datetime="${date}">${r.publishedAt}</time>
<div class="entry-content">${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div></article></main>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>`;
}
