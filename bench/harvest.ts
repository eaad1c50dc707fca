// `NODE_OPTIONS=--max-old-space-size=64 npx tsx bench/harvest.ts [--mb 500] [--keep]`: imports a generated web archive of the given
// size through the command line's path (cli/harvest.ts: streamed records, extraction, the JSON
// Lines store, the state file) and samples the process's heap. The archive is written to a temp
// directory and deleted afterwards (never committed): gzipped WARC records made with warcio from
// the fixture pages (articles under distinct URLs, listings), binary assets and oversized pages,
// in the proportions of a crawl (mostly assets by bytes). Run under a 64 MB old-space limit, the
// import either stays within it or fails with an out-of-memory error.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { importArchiveFile } from '../cli/harvest';
import { fixture, recordBytes, warcBytes } from '../tests/unit/harvest/make-archive';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const { values } = parseArgs({ options: { mb: { type: 'string', default: '500' }, keep: { type: 'boolean' } } });
const target = Number(values.mb) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-harvest-'));
const file = join(dir, 'generated.warc.gz');

const pages = ['orient-news-1', 'shaam-1', 'eremnews-1'].map(fixture);
const listing = fixture('orient-news-2');
/** An image's bytes: random, so that gzip leaves them their size, as it does real JPEGs. */
const asset = () => randomBytes(256 * 1024);
/** Image records are serialised once and written again and again (warcio digests each record it writes). */
const ASSETS = 8;
const huge = `<html><body>${'<p>حشو</p>'.repeat(1_000_000)}</body></html>`;

async function generate(): Promise<{ articles: number; records: number }> {
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

const t0 = Date.now();
const made = await generate();
const bytes = statSync(file).size;
console.error(`generated ${(bytes / 1024 / 1024).toFixed(0)} MB (${made.records} records, ${made.articles} article pages) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
gc();
const base = process.memoryUsage();
let peakHeap = base.heapUsed;
let peakRss = base.rss;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
const timer = setInterval(sample, 50);
const t1 = Date.now();
let lastRecords = 0;
const summary = await importArchiveFile(join(dir, 'corpus.jsonl'), file, {
  progress: (s) => {
    if (s.records - lastRecords >= 200) {
      lastRecords = s.records;
      sample();
    }
  },
});
clearInterval(timer);
const secs = (Date.now() - t1) / 1000;
const result = {
  archiveMB: Math.round(bytes / 1024 / 1024),
  records: summary.records,
  pages: summary.pages,
  articles: summary.articles,
  added: summary.added,
  skipped: summary.skipped,
  problems: summary.problems.length,
  seconds: Math.round(secs),
  mbPerSecond: +(bytes / 1024 / 1024 / secs).toFixed(1),
  heapBeforeMB: +(base.heapUsed / 1024 / 1024).toFixed(1),
  peakHeapMB: +(peakHeap / 1024 / 1024).toFixed(1),
  peakRssMB: +(peakRss / 1024 / 1024).toFixed(1),
};
console.log(JSON.stringify(result, null, 2));
if (!values.keep) rmSync(dir, { recursive: true, force: true });
