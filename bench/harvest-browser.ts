// `npx tsx bench/harvest-browser.ts [--mb 500]` (after `npm run build`): a generated web archive
// (bench/warc-gen.ts, deleted afterwards) imported as a reader does — the options page's "Build a
// corpus", source "web archive file" — in the built extension in Chromium. Samples the V8 heap of
// both contexts every 250 ms through DevTools (Runtime.getHeapUsage): the options page, which
// reads the file in slices, parses the records with warcio and extracts each article with its
// DOM, and the service worker, which stores each part of 50 records with the run's state.
// Heap figures are the used JS heap as sampled (garbage included), so peaks are upper bounds.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension, waitForCorpus } from '../tests/e2e/harness/chromium';
import { generateWarc } from './warc-gen';
import { workerSession } from './worker-cdp';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '500' } } });
const mb = Number(values.mb);
const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-harvest-browser-'));
const file = join(dir, 'generated.warc.gz');
const MB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  const made = await generateWarc(file, mb * 1024 * 1024);
  const bytes = statSync(file).size;
  process.stderr.write(`generated ${MB(bytes)} MB (${made.records} records, ${made.articles} article pages)\n`);
  const b = await launchWithExtension({ lang: 'en', hostRules: 'MAP nothing.invalid 127.0.0.1' });
  try {
    await waitForCorpus(b.worker);
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="build-corpus"]');
    const cdp = await b.context.newCDPSession(page);
    const sw = await workerSession(cdp);
    if (!sw) throw new Error('no service worker target');
    const heap = async () => {
      const [p, w] = await Promise.all([
        cdp.send('Runtime.getHeapUsage') as Promise<{ usedSize: number }>,
        sw.ask<{ usedSize: number }>('Runtime.getHeapUsage'),
      ]);
      return { page: p.usedSize, worker: w.usedSize };
    };
    await cdp.send('HeapProfiler.collectGarbage');
    await sw.ask('HeapProfiler.collectGarbage');
    const before = await heap();
    const peak = { ...before };
    const samples: Array<{ s: number; pageMB: number; workerMB: number }> = [];

    await page.selectOption('#bc-source', 'archive');
    await page.setInputFiles('#bc-file', file);
    const t0 = Date.now();
    await page.click('[data-testid="harvest-start"]');
    const state = () => page.locator('[data-testid="harvest-run"]').getAttribute('data-state').catch(() => null);
    let last = 0;
    for (;;) {
      const h = await heap().catch(() => null);
      if (h) {
        peak.page = Math.max(peak.page, h.page);
        peak.worker = Math.max(peak.worker, h.worker);
        if (Date.now() - last > 5000) {
          last = Date.now();
          samples.push({ s: Math.round((Date.now() - t0) / 1000), pageMB: MB(h.page), workerMB: MB(h.worker) });
          process.stderr.write(`${samples.at(-1)!.s} s: page ${samples.at(-1)!.pageMB} MB, worker ${samples.at(-1)!.workerMB} MB\n`);
        }
      }
      const s = await state();
      if (s === 'done' || s === 'failed' || s === 'paused') break;
      await page.waitForTimeout(250);
    }
    const secs = (Date.now() - t0) / 1000;
    const count = async (what: string) => Number((await page.locator(`[data-count="${what}"]`).textContent())?.replace(/\D/g, '') || '0');
    const result = {
      date: new Date().toISOString().slice(0, 10),
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      archiveMB: MB(bytes),
      records: made.records,
      articlePages: made.articles,
      status: await state(),
      pages: await count('pages'),
      articles: await count('articles'),
      added: await count('added'),
      skipped: await count('skipped'),
      seconds: Math.round(secs),
      mbPerSecond: Math.round((MB(bytes) / secs) * 10) / 10,
      heapBeforeMB: { page: MB(before.page), worker: MB(before.worker) },
      peakHeapMB: { page: MB(peak.page), worker: MB(peak.worker) },
      samples,
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/harvest-browser-${mb}mb.json`, `${JSON.stringify(result, null, 2)}\n`);
    await sw.close();
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
