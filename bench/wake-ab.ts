// `npx tsx bench/wake-ab.ts --builds DIR1,DIR2[,...] [--docs N] [--runs N] [--json]`: builds of the
// extension loaded side by side in one Chromium, measured in turn (build 1, build 2, ..., build 1,
// ...) so that a shared machine's load falls on every build alike — for differences of a few ms that
// separate runs cannot show. Each round and build: every worker stopped, 300 ms, then a message that
// reads nothing (`ui:entity-names` of no ids: the worker's start alone); stopped again, then the
// list of related reports for a query (`ui:related` as the in-page panel asks it: after a restart);
// then the same query again (warm); stopped again, then the reader's path: the build's own wake
// content script asked (in its isolated world, in a tab open on an outlet's page) to send page:wake
// as it does when a page starts loading, and 200 ms later the same list asked (as bench/browser.ts
// "woken by a page", but one build woken at a time: a navigation would wake every build's worker).
// Each query's phases (lib/engine/query-phases.ts) are read from its worker. With `--docs N`, the
// synthetic corpus (bench/synth.ts) is imported into each build first, as a reader imports a file.
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';
import { chromiumCpuNs } from './chromium-cpu';
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

/** Chromium's CPU (ms, every process) over each message timed, by message: see `timed`. */
const cpuOf = new Map<Page, number>();

/** Sends a message from an extension page; the time to its answer, in ms (Chromium's CPU over it in cpuOf). */
const timed = async (page: Page, isnad: string, data: unknown) => {
  const cpu0 = chromiumCpuNs();
  const ms = await roundTrip(page, isnad, data);
  cpuOf.set(page, (chromiumCpuNs() - cpu0) / 1e6);
  return ms;
};
const roundTrip = (page: Page, isnad: string, data: unknown) =>
  page.evaluate(async ([name, d]) => {
    const t = performance.now();
    const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ isnad: name, data: d }));
    if (!reply?.ok) throw new Error(`${name}: ${reply?.error ?? 'no reply'}`);
    return performance.now() - t;
  }, [isnad, data] as const);

// An outlet's host (its wake content script matches it), served here: a page with no article.
const WAKE_HOST = 'www.orient-news.net';
const READ_GAP_MS = 200;
const site = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="ar" dir="rtl"><title>—</title><body></body></html>'));
await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
const sitePort = (site.address() as { port: number }).port;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Phases = Record<string, number>;

const dataDir = mkdtempSync(join(tmpdir(), 'isnad-wake-'));
const context = await chromium.launchPersistentContext(dataDir, {
  executablePath: CHROMIUM,
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--headless=new', `--disable-extensions-except=${builds.join(',')}`, `--load-extension=${builds.join(',')}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=DisableLoadExtensionCommandLineSwitch', `--host-resolver-rules=MAP ${WAKE_HOST} 127.0.0.1:${sitePort}`],
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
    pages.push({ dir, id: idOf(dir), page, wake: [] as number[], cold: [] as number[], warm: [] as number[], woken: [] as number[], coldPhases: [] as Phases[], wokenPhases: [] as Phases[], wakeCpu: [] as number[], coldCpu: [] as number[] });
  }
  // The outlet's page, loaded once (every build's content scripts run in it, each in its own
  // isolated world, named by the extension's origin): a round asks one build's to send page:wake.
  const tab = await context.newPage();
  const tabCdp = await context.newCDPSession(tab);
  const worlds = new Map<string, number>();
  tabCdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated') worlds.set(e.context.origin, e.context.id);
  });
  await tabCdp.send('Runtime.enable');
  await tab.goto(`http://${WAKE_HOST}/isnad-bench-wake`);
  await sleep(1000);
  const wakeFrom = async (id: string) => {
    const contextId = worlds.get(`chrome-extension://${id}`);
    if (contextId === undefined) throw new Error(`no content script of ${id} in the outlet's page (${[...worlds.keys()].join(', ')})`);
    await tabCdp.send('Runtime.evaluate', { contextId, expression: `chrome.runtime.sendMessage({ isnad: 'page:wake', data: {} }).catch(() => undefined), 0` });
  };
  /** The phases of the build's last query, from its worker. */
  const lastPhases = async (id: string): Promise<Phases[]> => {
    const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
    return ((await sw?.evaluate('self.isnadQueryPhases').catch(() => undefined)) as Phases[] | undefined)?.slice(-1) ?? [];
  };
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
      p.wakeCpu.push(cpuOf.get(p.page)!);
      await stop();
      p.cold.push(await timed(p.page, 'ui:related', query));
      p.coldCpu.push(cpuOf.get(p.page)!);
      p.coldPhases.push(...(await lastPhases(p.id)));
      p.warm.push(await timed(p.page, 'ui:related', { ...query, query: queries[(k + 25) % queries.length]! }));
      await stop();
      const t0 = performance.now();
      await wakeFrom(p.id);
      await sleep(READ_GAP_MS - (performance.now() - t0));
      p.woken.push(await timed(p.page, 'ui:related', { ...query, query: queries[(k + 12) % queries.length]! }));
      p.wokenPhases.push(...(await lastPhases(p.id)));
    }
  }
  const pct = (xs: number[], q: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))]! * 10) / 10;
  const stat = (xs: number[]) => ({ p50Ms: pct(xs, 50), p95Ms: pct(xs, 95), meanMs: Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 });
  const phases = (list: Phases[]) => (list.length ? Object.fromEntries(Object.keys(list[0]!).map((key) => [key, { p50: pct(list.map((x) => x[key]!), 50), p95: pct(list.map((x) => x[key]!), 95) }])) : null);
  const out = {
    docs,
    runs,
    load: { before: loadBefore, after: load() },
    // cpu: Chromium's CPU ms over the message (all its processes), the same statistics.
    builds: pages.map((p) => ({ dir: p.dir, wakeOnly: { ...stat(p.wake), cpu: stat(p.wakeCpu) }, afterRestart: { ...stat(p.cold), cpu: stat(p.coldCpu), phases: phases(p.coldPhases), perRestart: p.cold.map((ms, i) => ({ ms, cpu: p.coldCpu[i], ...(p.coldPhases.length === p.cold.length ? p.coldPhases[i] : {}) })) }, warmAfter: stat(p.warm), wokenByPage: { ...stat(p.woken), gapMs: READ_GAP_MS, phases: phases(p.wokenPhases) } })),
  };
  process.stdout.write(`${JSON.stringify(out, null, values.json ? 0 : 2)}\n`);
} finally {
  await context.close();
  site.close();
  rmSync(dataDir, { recursive: true, force: true });
}
