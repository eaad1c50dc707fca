// A generated web archive for the import benchmarks (bench/harvest.ts in Node, bench/harvest-browser.ts
// in Chromium): gzipped WARC records made with warcio from the fixture pages (articles under
// distinct URLs, listings), binary assets and oversized pages, in the proportions of a crawl
// (mostly assets by bytes). Written to a temp file, never committed.
import { createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fixture, recordBytes, warcBytes } from '../tests/unit/harvest/make-archive';

const pages = ['orient-news-1', 'shaam-1', 'eremnews-1'].map(fixture);
const listing = fixture('orient-news-2');
/** An image's bytes: random, so that gzip leaves them their size, as it does real JPEGs. */
const asset = () => randomBytes(256 * 1024);
/** Image records are serialised once and written again and again (warcio digests each record it writes). */
const ASSETS = 8;
const huge = `<html><body>${'<p>حشو</p>'.repeat(1_000_000)}</body></html>`;

/** Writes a gzipped WARC of about `target` bytes to `file`. */
export async function generateWarc(file: string, target: number): Promise<{ articles: number; records: number }> {
  const out = createWriteStream(file);
  const write = (b: Uint8Array) => new Promise<void>((r) => (out.write(b) ? r() : out.once('drain', () => r())));
  await write(await warcBytes([], true));
  const assets: Uint8Array[] = [];
  for (let k = 0; k < ASSETS; k++) assets.push(await recordBytes({ url: `https://orient-news.net/images/${k}.jpg`, date: '2015-01-01T00:00:00Z', contentType: 'image/jpeg', body: asset() }, true));
  let size = 0;
  let articles = 0;
  let records = 0;
  for (let i = 0; size < target; i++) {
    const p = pages[i % pages.length]!;
    const url = `${p.url}?n=${i}`;
    const date = new Date(Date.UTC(2015, 0, 1) + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const batch = [await recordBytes({ url, date, body: p.html }, true)];
    articles++;
    if (i % 5 === 0) batch.push(await recordBytes({ url: `${listing.url}?page=${i}`, date, body: listing.html }, true));
    for (let k = 0; k < 4; k++) batch.push(assets[(i + k) % ASSETS]!);
    if (i % 2000 === 1999) batch.push(await recordBytes({ url: `https://orient-news.net/ar/news_show/${i}/0/huge`, date, body: huge }, true));
    for (const b of batch) {
      await write(b);
      size += b.byteLength;
      records++;
    }
  }
  await new Promise<void>((r) => out.end(r));
  return { articles, records };
}

