// `npx tsx bench/wake-ab.ts --builds DIR1,DIR2[,...] [--docs N] [--runs N] [--json]`: builds of the
// extension loaded side by side in one Chromium, measured in turn (build 1, build 2, ..., build 1,
// ...) so that a shared machine's load falls on every build alike — for differences of a few ms that
// separate runs cannot show. Each round and build: every worker stopped, 300 ms, then a message that
// reads nothing (`ui:entity-names` of no ids: the worker's start alone); stopped again, then the
// list of related reports for a query (`ui:related` as the in-page panel asks it: after a restart);
// then the same query again (warm). With `--docs N`, the synthetic corpus (bench/synth.ts) is
// imported into each build first, as a reader imports a file.
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';
import { importFile } from './import-file';
import { pickQueries } from './run';
import { synthCorpus } from './synth';

/** An unpacked extension's id, as Chromium derives it from the directory's path. */
const idOf = (dir: string) => [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

const { values } = parseArgs({ args: process.argv.slice(2), options: { builds: { type: 'string' }, docs: { type: 'string' }, runs: { type: 'string' }, json: { type: 'boolean' } } });
const builds = (values.builds ?? '').split(',').filter(Boolean).map((d) => realpathSync(d));
if (builds.length === 0) throw new Error('--builds DIR1,DIR2');
const runs = Number(values.runs ?? 30);
const docs = Number(values.docs ?? 0);
const load = () => loadavg().map((x) => Math.round(x * 10) / 10);

/** Sends a message from an extension page; the time to its answer, in ms. */
const timed = (page: Page, isnad: string, data: unknown) =>
  page.evaluate(async ([name, d]) => {
    const t = performance.now();
    const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ isnad: name, data: d }));
    if (!reply?.ok) throw new Error(`${name}: ${reply?.error ?? 'no reply'}`);
    return performance.now() - t;
  }, [isnad, data] as const);

const dataDir = mkdtempSync(join(tmpdir(), 'isnad-wake-'));
const context = await chromium.launchPersistentContext(dataDir, {
  executablePath: CHROMIUM,
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--headless=new', `--disable-extensions-except=${builds.join(',')}`, `--load-extension=${builds.join(',')}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=DisableLoadExtensionCommandLineSwitch'],
});
try {
  const corpus = synthCorpus(Math.max(docs, 1000));
  const queries = pickQueries(corpus, 50).map((g) => {
    const r = corpus.records[g[0]!]!;
    return { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt };
  });
  const pages = [];
  for (const dir of builds) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${idOf(dir)}/options.html`);
    if (docs) await importFile(page, corpus.records.slice(0, docs));
    pages.push({ dir, page, wake: [] as number[], cold: [] as number[], warm: [] as number[] });
  }
  const loadBefore = load();
  const cdp = await context.newCDPSession(pages[0]!.page);
  await cdp.send('ServiceWorker.enable');
  const stop = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 300));
  };
  for (let k = 0; k < runs; k++) {
    const query = { query: queries[k % queries.length]!, top: 10, explain: false };
    // Builds in turn, the first one first in even rounds and last in odd ones.
    for (const p of k % 2 ? [...pages].reverse() : pages) {
      await stop();
      p.wake.push(await timed(p.page, 'ui:entity-names', { ids: [] }));
      await stop();
      p.cold.push(await timed(p.page, 'ui:related', query));
      p.warm.push(await timed(p.page, 'ui:related', { ...query, query: queries[(k + 25) % queries.length]! }));
    }
  }
  const pct = (xs: number[], q: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))]! * 10) / 10;
  const stat = (xs: number[]) => ({ p50Ms: pct(xs, 50), p95Ms: pct(xs, 95), meanMs: Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 });
  const out = { docs, runs, load: { before: loadBefore, after: load() }, builds: pages.map((p) => ({ dir: p.dir, wakeOnly: stat(p.wake), afterRestart: stat(p.cold), warmAfter: stat(p.warm) })) };
  process.stdout.write(`${JSON.stringify(out, null, values.json ? 0 : 2)}\n`);
} finally {
  await context.close();
  rmSync(dataDir, { recursive: true, force: true });
}
