// `npx tsx bench/extract-heavy.ts [--loads N] [--runs N]`: main-thread time of recognition +
// extraction (recognizePage + extractFromDocument, as the content script runs them) on a 200 KB
// Orient News article page, in Debian Chromium → bench/results/extract-main-thread.json.
// The page: heavyOrientPage (tests/unit/extract/fixture-pages.ts). Each load's first run is cold
// (code not yet compiled), the rest warm.
// Budget: 50 ms, the longest task of ours the guide allows on any page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';
import { heavyOrientPage } from '../tests/unit/extract/fixture-pages';

/** The extractor bundled as the e2e injects it (tests/e2e/extract-entry.ts). */
async function extractorBundle(): Promise<string> {
  const built = await build({ entryPoints: [join(import.meta.dirname, '..', 'tests', 'e2e', 'extract-entry.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  return built.outputFiles[0]!.text;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { loads: { type: 'string', default: '5' }, runs: { type: 'string', default: '15' } } });
  const loads = Number(values.loads);
  const runs = Number(values.runs);
  const { html, paragraphs } = heavyOrientPage();
  const bundle = await extractorBundle();
  const loadBefore = loadavg().map((x) => +x.toFixed(2));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const cold: number[] = [];
  let warm: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto('http://orient-news.net/ar/news_show/92368/0/heavy');
      await page.addScriptTag({ content: bundle });
      const times = await page.evaluate((n) => (globalThis as unknown as { isnadExtract: { time(n: number): number[] } }).isnadExtract.time(n), runs);
      const read = await page.evaluate(() => (globalThis as unknown as { isnadExtract: { extract(): { paragraphs: string[] } } }).isnadExtract.extract());
      // A figure for the wrong article would mean nothing: the padded page must read as the article.
      if (read.paragraphs.length !== paragraphs) throw new Error(`the heavy page read as ${read.paragraphs.length} paragraphs, not ${paragraphs}`);
      cold.push(times[0]!);
      warm = warm.concat(times.slice(1));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  const result = {
    what: 'main-thread time of recognition + extraction (recognizePage + extractFromDocument, as the content script runs them) on a 200 KB Orient News article page, in Debian Chromium (npx tsx bench/extract-heavy.ts)',
    budgetMs: 50,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, shared; load average ${loadBefore.join(' / ')} before, ${loadavg().map((x) => x.toFixed(2)).join(' / ')} after`,
    page: 'orient-news-1 padded',
    bytes: Buffer.byteLength(html),
    coldMs: cold.map((x) => +x.toFixed(1)),
    coldMedianMs: median(cold),
    warmMedianMs: median(warm),
    warmMaxMs: +Math.max(...warm).toFixed(1),
    at: new Date().toISOString(),
  };
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'extract-main-thread.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(result);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
