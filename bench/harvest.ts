// `NODE_OPTIONS=--max-old-space-size=64 npx tsx bench/harvest.ts [--mb 500] [--keep]`: imports a generated web archive of the given
// size through the command line's path (cli/harvest.ts: streamed records, extraction, the JSON
// Lines store, the state file) and samples the process's heap. The archive is written to a temp
// directory and deleted afterwards (never committed): gzipped WARC records made with warcio from
// the fixture pages (articles under distinct URLs, listings), binary assets and oversized pages,
// in the proportions of a crawl (mostly assets by bytes). Run under a 64 MB old-space limit, the
// import either stays within it or fails with an out-of-memory error.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { importArchiveFile } from '../cli/harvest';
import { generateWarc } from './warc-gen';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const { values } = parseArgs({ options: { mb: { type: 'string', default: '500' }, keep: { type: 'boolean' } } });
const target = Number(values.mb) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-harvest-'));
const file = join(dir, 'generated.warc.gz');

const t0 = Date.now();
const made = await generateWarc(file, target);
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
