// What Isnad costs the article page's main thread: every long task (≥ 50 ms, the browser's own
// Long Tasks API) while the content script recognises, extracts, marks and mounts the panel, and
// the durations of our own steps (performance.measure from the content script). The fixture pages
// have no scripts of their own, so every task on their main thread after load is ours.
// Run: npm run build && npx tsx bench/main-thread.ts [--json]  → writes bench/MAIN-THREAD.md
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { launchWithExtension, waitForCorpus } from '../tests/e2e/harness';
import { PAGES, startSite } from '../tests/e2e/site';

interface PageResult {
  page: string;
  longTasks: number[];
  longestTaskMs: number;
  steps: Record<string, number>;
  marks: number;
}

export async function measureMainThread(runs = 3): Promise<PageResult[]> {
  const site = await startSite();
  const browser = await launchWithExtension({ hostRules: site.hostRules });
  try {
    await waitForCorpus(browser.worker);
    await browser.context.addInitScript(() => {
      const w = window as unknown as { __isnadLong: number[] };
      w.__isnadLong = [];
      (w as unknown as { __isnadLongAt: number[][] }).__isnadLongAt = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__isnadLong.push(e.duration), (w as unknown as { __isnadLongAt: number[][] }).__isnadLongAt?.push([Math.round(e.startTime), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const out: PageResult[] = [];
    const pages: Array<[string, string]> = [
      ['orient-news (live)', PAGES.orientArticle],
      ['orient-news (web.archive.org)', PAGES.orientArchive],
      ['shaam', PAGES.shaamArticle],
      ['eremnews', PAGES.eremArticle],
    ];
    for (const [name, url] of pages) {
      for (let r = 0; r < runs; r++) {
        const page = await browser.context.newPage();
        await page.goto(url);
        await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
        // Let the marks finish and any late task land.
        await page.waitForTimeout(1500);
        const res = await page.evaluate(() => ({
          longTasks: (window as unknown as { __isnadLong: number[] }).__isnadLong,
          steps: Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('isnad:')).map((m) => [m.name, m.duration])),
          marks: document.querySelectorAll('mark[data-isnad-mark]').length,
        }));
        out.push({ page: name, ...res, longestTaskMs: Math.max(0, ...res.longTasks) });
        await page.close();
      }
    }
    return out;
  } finally {
    await browser.close();
    site.server.close();
  }
}

function report(results: PageResult[]): string {
  const rows = results.map((r) => `| ${r.page} | ${r.longTasks.length} | ${r.longestTaskMs.toFixed(0)} | ${Object.entries(r.steps).map(([k, v]) => `${k.replace('isnad:', '')} ${v.toFixed(1)}`).join(', ') || '—'} | ${r.marks} |`);
  return [
    '# Main-thread cost on the article page',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Debian Chromium (headless=new), built extension, fixture pages`,
    'without scripts of their own (so every long task is ours). Target: no task of ours reaches 50 ms.',
    '',
    '| page | long tasks (≥ 50 ms) | longest (ms) | our steps (ms) | marks |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureMainThread();
  if (process.argv.includes('--json')) console.log(JSON.stringify(results));
  const md = report(results);
  writeFileSync(new URL('./MAIN-THREAD.md', import.meta.url), md);
  console.log(md);
}
