// `npx tsx bench/browser.ts [--docs N] [--json] [--extension-dir DIR]` (after `npm run build`): the engine where it runs,
// in the built extension in Chromium. The synthetic corpus is imported as a reader does (one JSON
// Lines file given to the options page's file input), then related reports are asked for as the
// in-page panel does (ui:related, the list first; then with shared phrases as the side panel asks): import throughput, query latency warm and just after the service worker was
// stopped (asked straight away, and as a reader's page asks: woken by the page first), recall on the labelled groups, the worker's heap and the profile's storage.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, waitForCorpus } from '../tests/e2e/harness/chromium';
import { coldStartProfiles, workerHeapSnapshot, workerSession } from './worker-cdp';
import { pickQueries } from './run';
import { synthCorpus } from './synth';
import { measureStores } from './storage-sizes';
import { importFile } from './import-file';
import { profileImportPage } from './import-profile';
import type { ReportRecord } from '../lib/types';

interface Reply<T> {
  ok: boolean;
  value: T;
  error?: string;
}

async function send<T>(page: Page, isnad: string, data: unknown): Promise<{ ms: number; value: T }> {
  const out = await page.evaluate(
    async ([name, d]) => {
      const t = performance.now();
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const reply = (await runtime.sendMessage({ isnad: name, data: d })) as Reply<unknown>;
      return { ms: performance.now() - t, reply };
    },
    [isnad, data] as const,
  );
  const reply = out.reply as Reply<T>;
  if (!reply?.ok) throw new Error(`${isnad}: ${reply?.error ?? 'no reply'}`);
  return { ms: out.ms, value: reply.value };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 100) / 100;
};

/** The service worker's live V8 heap (after a garbage collection), in MB. */
async function workerHeapMB(cdp: CDPSession): Promise<number | null> {
  const sw = await workerSession(cdp);
  if (!sw) return null;
  try {
    // Live objects only: garbage not yet collected is not memory the worker needs.
    await sw.ask('HeapProfiler.collectGarbage');
    return await usedHeapMB(sw);
  } catch (e) {
    process.stderr.write(`worker heap: ${(e as Error).message}\n`);
    return null;
  } finally {
    await sw.close();
  }
}

/** The V8 heap a session's target uses now, garbage not yet collected included, in MB. */
async function usedHeapMB(sw: { ask<T>(method: string): Promise<T> }): Promise<number> {
  const { usedSize } = await sw.ask<{ usedSize: number }>('Runtime.getHeapUsage');
  return Math.round((usedSize / 1024 / 1024) * 10) / 10;
}

/**
 * CPU seconds used so far by the Chromium processes this benchmark started (Linux /proc), by
 * process type: on a shared machine the wall time of an import depends on the others' load, the
 * CPU it takes much less. Null where /proc is not there.
 */
function chromiumCpu(): Record<string, number> | null {
  if (!existsSync('/proc/self/stat')) return null;
  const tick = 100; // USER_HZ on Linux
  const procs = new Map<number, { ppid: number; cpu: number; type: string }>();
  const threads: Array<{ pid: number; name: string; cpu: number }> = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? (cmd.includes('chrom') ? 'browser' : 'other');
      procs.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / tick, type });
      // The renderer by thread: the options page's main thread, its analysis workers, the rest
      // (the service worker's thread among them).
      if (type === 'renderer') for (const t of readdirSync(`/proc/${d}/task`)) {
        const ts = readFileSync(`/proc/${d}/task/${t}/stat`, 'utf8');
        const tf = ts.slice(ts.lastIndexOf(')') + 2).split(' ');
        const comm = readFileSync(`/proc/${d}/task/${t}/comm`, 'utf8').trim();
        threadsSeen.set(`${d}/${t}`, { pid: Number(d), name: comm, cpu: (Number(tf[11]) + Number(tf[12])) / tick });
        // Ended workers' time stays in the process's total: workers are what the threads don't hold.
        if (!comm.startsWith('DedicatedWorker')) threads.push({ pid: Number(d), name: comm === 'chromium' ? 'renderer main' : 'renderer other', cpu: (Number(tf[11]) + Number(tf[12])) / tick });
      }
    } catch {
      /* gone meanwhile */
    }
  }
  const mine = new Set([process.pid]);
  const out: Record<string, number> = {};
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) {
      if (mine.has(pid) || !mine.has(p.ppid)) continue;
      mine.add(pid);
      grew = true;
    }
  }
  for (const pid of mine) ours.add(pid);
  for (const pid of mine) {
    const p = procs.get(pid);
    if (!p || pid === process.pid || p.type === 'other') continue;
    out[p.type] = (out[p.type] ?? 0) + p.cpu;
  }
  for (const t of threads) if (mine.has(t.pid)) out[t.name] = (out[t.name] ?? 0) + t.cpu;
  if (out.renderer !== undefined) out['renderer workers'] = out.renderer - (out['renderer main'] ?? 0) - (out['renderer other'] ?? 0);
  return out;
}

/**
 * Every renderer thread chromiumCpu() has read, by process and thread id: its name and its CPU
 * seconds when last read. A thread that ended keeps its last figure, so that read often (each
 * second of an import), the renderer's time can be told by thread — the analysis workers apart
 * from the pool threads that run V8's collector and compiler and end when idle.
 */
const threadsSeen = new Map<string, { pid: number; name: string; cpu: number }>();
/** The processes this benchmark started (other benchmarks' browsers may run beside), as last read. */
const ours = new Set<number>();

/** CPU seconds by thread name (digits dropped) since `before` (a copy of threadsSeen). */
function threadCpuSince(before: ReadonlyMap<string, { cpu: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, t] of threadsSeen) {
    if (!ours.has(t.pid)) continue;
    const name = t.name.replace(/\d+$/, '');
    const cpu = t.cpu - (before.get(k)?.cpu ?? 0);
    if (cpu > 0) out[name] = Math.round(((out[name] ?? 0) + cpu) * 100) / 100;
  }
  return out;
}

const cpuSince = (a: Record<string, number> | null, b: Record<string, number> | null) =>
  a && b ? Object.fromEntries(Object.keys(b).map((k) => [k, Math.round((b[k]! - (a[k] ?? 0)) * 100) / 100])) : null;

type Phases = Record<string, number>;

/** Median and p95 of each phase (lib/engine/query-phases.ts) over some queries. */
function summarise(list: Phases[]): Record<string, { p50: number; p95: number }> | null {
  if (!list.length) return null;
  // `began` is a moment (ms from the worker's start), not a phase.
  return Object.fromEntries(Object.keys(list[0]!).filter((k) => k !== 'began').map((k) => [k, { p50: pct(list.map((p) => p[k]!), 50), p95: pct(list.map((p) => p[k]!), 95) }]));
}

/** The phases of the worker's last `n` queries. */
async function phasesOf(worker: { evaluate<T>(expr: string): Promise<T> }, n: number): Promise<Phases[]> {
  return ((await worker.evaluate<Phases[] | undefined>('self.isnadQueryPhases').catch(() => undefined)) ?? []).slice(-n);
}

// The reader's path after a stop: an outlet's page wakes the worker as it starts loading
// (page:wake, entrypoints/wake.content.ts: the worker readies the lookup, its doc columns
// included) and the article's lookup comes once the page has been read — about 200 ms after the
// navigation began (bench/MAIN-THREAD.md: the article is extracted at 195–265 ms, median).
const WAKE_URL = 'http://www.orient-news.net/isnad-bench-wake';
const READ_GAP_MS = 200;
/** How long a worker woken by a message that reads nothing is left before its first lookup. */
const SETTLE_MS = 1000;

/** A page on an outlet's host with no article: it wakes the worker and asks nothing else. */
async function wakeSite(): Promise<Server> {
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="ar" dir="rtl"><title>—</title><body></body></html>'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

/** How often the worker's live heap is sampled during an import (each sample a full collection). */
const LIVE_HEAP_EVERY_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const asQuery = (r: ReportRecord) => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, json: { type: 'boolean' }, restarts: { type: 'string' }, profile: { type: 'string' }, phase: { type: 'string' }, 'profile-cold': { type: 'string' }, 'profile-ms': { type: 'string' }, 'heap-sample': { type: 'string' }, 'heap-kept': { type: 'string' }, 'heap-import': { type: 'string' }, 'heap-snapshot': { type: 'string' }, 'js-flags': { type: 'string' }, queries: { type: 'string' }, 'extension-dir': { type: 'string' } } });
  const docs = Number(values.docs ?? 10_000);
  const restarts = Number(values.restarts ?? 15);
  const loadBefore = loadavg().map((x) => Math.round(x * 10) / 10);
  const corpus = synthCorpus(docs);
  const queries = values.queries ? pickQueries(corpus, Number(values.queries)) : pickQueries(corpus);
  // --extension-dir DIR: another build (a baseline copied aside), for A/B runs back to back.
  // --profile-cold DIR: CPU profiles of the worker from its start to the answer of a query that woke it (DIR/cold-K.json).
  const site = await wakeSite();
  const hostRules = `MAP synthetic.example 127.0.0.1, MAP ${new URL(WAKE_URL).hostname} 127.0.0.1:${(site.address() as { port: number }).port}`;
  // --js-flags FLAGS: V8's flags for Chromium's processes (--trace-gc: each collection, printed
  // where Playwright logs the browser's output, DEBUG=pw:browser).
  const b = await launchWithExtension({ hostRules, ...(values['extension-dir'] ? { extensionDir: values['extension-dir'] } : {}), ...(values['js-flags'] ? { extraArgs: [`--js-flags=${values['js-flags']}`] } : {}) });
  try {
    await waitForCorpus(b.worker);
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    const cdp = await b.context.newCDPSession(page);

    // --profile FILE [--phase import|query]: a CPU profile of the worker over the import or the warm queries.
    const profiler = values.profile ? await workerSession(cdp) : null;
    const startProfile = async (phase: string) => {
      if (!profiler || (values.phase ?? 'query') !== phase) return;
      await profiler.ask('Profiler.enable');
      await profiler.ask('Profiler.setSamplingInterval', { interval: 500 });
      await profiler.ask('Profiler.start');
    };
    await startProfile('import');

    // Import as a reader does: the corpus as one JSON Lines file given to the options page's file
    // input (parsed in the page, analysed in its workers, written by the worker a part at a time).
    const importHeaps: number[] = [];
    const liveHeaps: number[] = [];
    const cpu0 = chromiumCpu();
    const threads0 = new Map([...threadsSeen].map(([k, t]) => [k, { cpu: t.cpu }]));
    // The worker's heap is sampled once a second while the import runs, as it is: garbage not yet
    // collected included (V8 lets it grow before it collects), an upper bound of the live heap. The
    // live heap (after a forced full collection) only every LIVE_HEAP_EVERY_MS: until 2026-12-06
    // every sample forced one, which cost a 100,000-report import half of the worker's CPU.
    // The worker may stop and start during an import: its session is attached again when it fails.
    let lastLive = Date.now();
    const heap: { session: Awaited<ReturnType<typeof workerSession>> } = { session: null };
    // --profile FILE --phase import: the options page and its analysis workers too, over the
    // import's first 20 s or --profile-ms (the workers end with the import: shorter than the
    // import), in FILE.page.json, FILE.worker-K.json.
    let pageProfiler = profiler && values.phase === 'import' ? await profileImportPage(cdp) : null;
    const importStart = Date.now();
    // Each second of the import: CPU seconds so far by thread name (and IndexedDB's process) and
    // the reports the page counts written, to see which thread sets the pace and where a core idles
    // (`s`: seconds since the benchmark began writing the file it imports).
    const importTimeline: Array<Record<string, number | string>> = [];
    // --heap-import FILE: what the worker allocates over the import that outlives a scavenge (what
    // its scavenges copy and its full collections mark), by function, as --heap-kept below.
    const importSampler = values['heap-import'] ? await workerSession(cdp) : null;
    await importSampler?.ask('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
    const importMs = await importFile(page, corpus.records, async () => {
      // The count first: while the page parses the file it answers nothing, and the CPU read
      // before it would be of a moment long gone.
      const records = (await page.textContent('[data-testid=import-records]').catch(() => '')) ?? '';
      const now = chromiumCpu();
      importTimeline.push({ s: Math.round((Date.now() - importStart) / 100) / 10, records, browser: Math.round(((now?.browser ?? 0) - (cpu0?.browser ?? 0)) * 100) / 100, ...threadCpuSince(threads0) });
      if (pageProfiler && Date.now() - importStart > Number(values['profile-ms'] ?? 20_000)) {
        for (const [name, p] of Object.entries(await pageProfiler.stop())) writeFileSync(`${values.profile!}.${name}.json`, JSON.stringify(p));
        pageProfiler = null;
      }
      if (!process.env.ISNAD_BENCH_NO_HEAP) {
        heap.session ??= await workerSession(cdp);
        const h = heap.session ? await usedHeapMB(heap.session).catch(() => null) : null;
        if (h !== null) importHeaps.push(h);
        else await heap.session?.close().then(() => (heap.session = null));
        if (Date.now() - lastLive >= LIVE_HEAP_EVERY_MS) {
          const live = await workerHeapMB(cdp);
          if (live !== null) liveHeaps.push(live);
          lastLive = Date.now();
        }
      }
      if (!values.json) process.stderr.write(`${records}\n`);
    });
    await heap.session?.close();
    if (importSampler) {
      writeFileSync(values['heap-import']!, JSON.stringify((await importSampler.ask<{ profile: unknown }>('HeapProfiler.stopSampling')).profile));
      await importSampler.close();
    }
    const importCpuS = cpuSince(cpu0, chromiumCpu());
    const importThreadCpuS = threadCpuSince(threads0);
    // The live heap just after the import (one forced collection, after the import's clock stopped).
    const heapAfterImportMB = await workerHeapMB(cdp);
    // The worker's clock (performance.now) after that forced collection and at the warm phases'
    // ends: with --js-flags=--trace-gc, which of the worker's collections fell in which phase
    // (bench/gc-lines.ts; the isolate's own clock is set against the forced one).
    const workerNow = () => b.worker.evaluate(() => performance.now()).catch(() => null);
    const workerClock: Record<string, number | null> = { afterImportGc: await workerNow() };
    const added = (await send<{ reports: number }>(page, 'ui:stats', {})).value.reports - 5;

    // Warm queries.
    await startProfile('query');
    // --heap-kept FILE: what the worker allocates that outlives a scavenge (promoted to the old
    // generation, or still young at the end), by function: the samples the scavenges took are left
    // out, those a full collection took are kept. FILE.warmup.json over the 10 warm-up queries (the
    // doc columns' decode among them), FILE.lists.json over the lists, FILE over the queries with
    // phrases: what fills the old generation until a full collection. What is still young when a
    // file is written is in it too (up to a scavenge's worth: compare phases, not one alone).
    const keeper = values['heap-kept'] ? await workerSession(cdp) : null;
    const startKept = () => keeper?.ask('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
    const stopKept = async (file: string) => {
      if (keeper) writeFileSync(file, JSON.stringify((await keeper.ask<{ profile: unknown }>('HeapProfiler.stopSampling')).profile));
    };
    // --heap-snapshot PREFIX: heap snapshots of the worker (its live heap: V8 collects first, so
    // they move the collections that follow; not for timed runs) after the import, just after the
    // first warm-up query and a second later, after the warm-up, after the lists and after the phrases
    // (PREFIX.<when>.heapsnapshot; bench/heap-summary.ts reads them).
    const snapshot = (when: string) => (values['heap-snapshot'] ? workerHeapSnapshot(cdp, `${values['heap-snapshot']}.${when}.heapsnapshot`) : Promise.resolve());
    await snapshot('after-import');
    await startKept();
    for (const [i, g] of queries.slice(0, 10).entries()) {
      await send(page, 'ui:related', { query: asQuery(corpus.records[g[0]!]!), top: 10 });
      if (i === 0 && values['heap-snapshot']) {
        await snapshot('after-q1');
        await sleep(1000);
        await snapshot('after-q1-1s');
      }
    }
    await snapshot('after-warmup');
    const warm: number[] = [];
    await stopKept(`${values['heap-kept']}.warmup.json`);
    await startKept();
    workerClock.listFrom = await workerNow();
    const warmCpu0 = chromiumCpu();
    let recall = 0;
    let precision = 0;
    // Each query's partners' places in its top 10 (null: not there), to tell which query moved between builds.
    const partnerRanks: Array<{ query: number; ranks: Array<number | null> }> = [];
    const index = new Map(corpus.records.map((r, i) => [r.url, i]));
    // --heap-sample FILE: what the worker allocates over the list queries, by function (V8's sampling
    // heap profiler, objects the garbage collector took included): the garbage behind its pauses.
    const sampler = values['heap-sample'] ? await workerSession(cdp) : null;
    await sampler?.ask('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    // As the in-page panel asks: the list first (its shared phrases are a second message).
    for (const g of queries) {
      const { ms, value } = await send<Array<{ url: string }>>(page, 'ui:related', { query: asQuery(corpus.records[g[0]!]!), top: 10, explain: false });
      warm.push(ms);
      const got = value.map((r) => index.get(r.url)!);
      const rel = new Set(g.slice(1));
      recall += got.filter((i) => rel.has(i)).length / rel.size;
      precision += got.slice(0, 5).filter((i) => rel.has(i)).length / Math.min(5, rel.size);
      partnerRanks.push({ query: g[0]!, ranks: g.slice(1).map((i) => (got.includes(i) ? got.indexOf(i) + 1 : null)) });
    }
    const warmCpuS = cpuSince(warmCpu0, chromiumCpu());
    workerClock.listTo = await workerNow();
    await snapshot('after-lists');
    await stopKept(`${values['heap-kept']}.lists.json`);
    await startKept();
    if (sampler) {
      writeFileSync(values['heap-sample']!, JSON.stringify((await sampler.ask<{ profile: unknown }>('HeapProfiler.stopSampling')).profile));
      await sampler.close();
    }
    const warmPhases = await phasesOf(b.worker, queries.length);
    const phases = summarise(warmPhases);
    // As the side panel and the report viewer ask: with the shared phrases.
    const full: number[] = [];
    const fullCpu0 = chromiumCpu();
    for (const g of queries) full.push((await send(page, 'ui:related', { query: asQuery(corpus.records[g[0]!]!), top: 10 })).ms);
    const fullCpuS = cpuSince(fullCpu0, chromiumCpu());
    workerClock.phrasesTo = await workerNow();
    await snapshot('after-phrases');
    await stopKept(values['heap-kept']!);
    await keeper?.close();
    const heapMB = await workerHeapMB(cdp);
    if (profiler) {
      const { profile } = await profiler.ask<{ profile: unknown }>('Profiler.stop');
      writeFileSync(values.profile!, JSON.stringify(profile));
      await profiler.close();
    }

    // Cold: the service worker stopped, then asked; it answers from IndexedDB.
    const cold: number[] = [];
    const coldPhases: Phases[] = [];
    await cdp.send('ServiceWorker.enable');
    for (let k = 0; k < restarts; k++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 300));
      const g = queries[(k * 7) % queries.length]!;
      cold.push((await send(page, 'ui:related', { query: asQuery(corpus.records[g[0]!]!), top: 10, explain: false })).ms);
      const sw = b.context.serviceWorkers().find((w) => w.url().includes('background'));
      if (sw) coldPhases.push(...(await phasesOf(sw, 1)));
    }
    // The same stop, then the reader's path: a page wakes the worker, its article's lookup comes after.
    const woken: number[] = [];
    const wokenPhases: Phases[] = [];
    const tab = await b.context.newPage();
    for (let k = 0; k < restarts; k++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await sleep(300);
      const t0 = performance.now();
      await tab.goto(`${WAKE_URL}?${k}`, { waitUntil: 'commit' });
      await sleep(READ_GAP_MS - (performance.now() - t0));
      const g = queries[(k * 7) % queries.length]!;
      woken.push((await send(page, 'ui:related', { query: asQuery(corpus.records[g[0]!]!), top: 10, explain: false })).ms);
      const sw = b.context.serviceWorkers().find((w) => w.url().includes('background'));
      if (sw) wokenPhases.push(...(await phasesOf(sw, 1)));
    }
    await tab.close();
    // The same stop, the worker woken by a message that reads nothing and left a second: the
    // lookup's reads in a started worker whose database is open (its start opens it) and whose
    // caches are empty, against the reads of one asked straight away (bench/RESULTS.md, session 15).
    const settled: number[] = [];
    const settledPhases: Phases[] = [];
    for (let k = 0; k < restarts; k++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await sleep(300);
      await send(page, 'ui:entity-names', { ids: [] });
      await sleep(SETTLE_MS);
      const g = queries[(k * 7) % queries.length]!;
      settled.push((await send(page, 'ui:related', { query: asQuery(corpus.records[g[0]!]!), top: 10, explain: false })).ms);
      const sw = b.context.serviceWorkers().find((w) => w.url().includes('background'));
      if (sw) settledPhases.push(...(await phasesOf(sw, 1)));
    }
    // The worker's start alone: a message that reads nothing, just after the worker was stopped.
    const wake: number[] = [];
    for (let k = 0; k < restarts; k++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 300));
      wake.push((await send(page, 'ui:entity-names', { ids: [] })).ms);
    }
    if (values['profile-cold']) {
      let k = 0;
      const profiles = await coldStartProfiles(cdp, restarts, () => cdp.send('ServiceWorker.stopAllWorkers').then(() => undefined), () => {
        const g = queries[(k++ * 7) % queries.length]!;
        return send(page, 'ui:related', { query: asQuery(corpus.records[g[0]!]!), top: 10, explain: false });
      });
      profiles.forEach((p, i) => writeFileSync(join(values['profile-cold']!, `cold-${i}.json`), JSON.stringify(p)));
    }
    const heapAfterColdMB = await workerHeapMB(cdp);
    const storage = await page.evaluate(() => navigator.storage.estimate());
    // The index (every store but the reports) beside the reports' texts, in structured-clone bytes.
    const sizes = await measureStores(page, 'isnad');
    const mb = (x: number) => Math.round((x / 1024 / 1024) * 10) / 10;
    // The reports' own stores: a row each (before v9), or pages of them and their texts.
    const reportStores = ['reports', 'pages', 'texts'];
    const indexBytes = Object.entries(sizes.stores).filter(([name]) => !reportStores.includes(name)).reduce((s, [, v]) => s + v.bytes, 0);
    const result = {
      docs,
      added,
      importMs,
      importPerSec: Math.round((added / importMs) * 1000),
      // CPU seconds the import took in Chromium's processes (the renderer holds the service worker,
      // the options page and its analysis workers; IndexedDB runs in the browser process).
      importCpuS,
      // The renderer's part of it by thread name, ended threads included as last read (once a second).
      importThreadCpuS,
      importTimeline,
      // The list as the in-page panel gets it (without shared phrases; a build before the list
      // came first answers with them), then the same queries with the phrases.
      // cpuS: CPU seconds Chromium's processes took over the queries (the service worker's thread is
      // in the renderer's "other" threads): on a shared machine, less bent by the others' load than the times.
      // perQuery: each warm query's round trip beside its phases, in the order asked (the slow
      // ones' phases, not only each phase's own p95: which phases make the p95 queries slow).
      warm: { p50Ms: pct(warm, 50), p95Ms: pct(warm, 95), phases, cpuS: warmCpuS, perQuery: warm.map((ms, i) => ({ query: queries[i]![0]!, ms, ...(warmPhases.length === warm.length ? warmPhases[i] : {}) })), workerClock },
      warmWithPhrases: { p50Ms: pct(full, 50), p95Ms: pct(full, 95), cpuS: fullCpuS },
      afterRestart: {
        p50Ms: pct(cold, 50),
        p95Ms: pct(cold, 95),
        n: cold.length,
        // Each restart's round trip and phases, in order: with 15 restarts the p95 is their
        // slowest (pct: the 14th of 0..14), so which restart, and which of its phases, made it.
        perRestart: cold.map((ms, i) => ({ ms, ...(coldPhases.length === cold.length ? coldPhases[i] : {}) })),
        phases: summarise(coldPhases),
        // When the lookup began, ms from the worker's start (its script evaluated, its start's work under way).
        beganMs: { p50: pct(coldPhases.map((p) => p.began!), 50), p95: pct(coldPhases.map((p) => p.began!), 95) },
        // The same stop, then a message that reads nothing: what of the above is the worker starting.
        wakeOnly: { p50Ms: pct(wake, 50), p95Ms: pct(wake, 95) },
      },
      // The same queries after the same stop, asked READ_GAP_MS after an outlet's page woke the worker.
      afterRestartWokenByPage: { p50Ms: pct(woken, 50), p95Ms: pct(woken, 95), n: woken.length, gapMs: READ_GAP_MS, phases: summarise(wokenPhases) },
      // The same stop, the worker started by a message that reads nothing SETTLE_MS before the lookup.
      afterRestartSettled: { p50Ms: pct(settled, 50), p95Ms: pct(settled, 95), n: settled.length, settleMs: SETTLE_MS, phases: summarise(settledPhases) },
      // During the import: the most used (garbage included, each second) and the most live (every
      // LIVE_HEAP_EVERY_MS); then live just after it and after the queries.
      workerHeapMB: { duringImportMaxUsed: importHeaps.length ? Math.max(...importHeaps) : null, duringImportMaxLive: liveHeaps.length ? Math.max(...liveHeaps) : null, afterImport: heapAfterImportMB, afterQueries: heapMB },
      workerHeapAfterRestartMB: heapAfterColdMB,
      storageMB: Math.round(((storage.usage ?? 0) / 1024 / 1024) * 10) / 10,
      stores: {
        textsMB: mb(sizes.textBytes),
        reportRowsMB: mb(reportStores.reduce((s, name) => s + (sizes.stores[name]?.bytes ?? 0), 0)),
        indexMB: mb(indexBytes),
        indexOfTexts: Math.round((indexBytes / Math.max(1, sizes.textBytes)) * 1000) / 1000,
        byStore: Object.fromEntries(Object.entries(sizes.stores).map(([k, v]) => [k, { rows: v.rows, mb: mb(v.bytes) }])),
      },
      recallAt10: Math.round((recall / queries.length) * 1000) / 1000,
      // The machine's load average (1, 5, 15 min) before and after: it is shared.
      load: { before: loadBefore, after: loadavg().map((x) => Math.round(x * 10) / 10) },
      precisionAt5: Math.round((precision / queries.length) * 1000) / 1000,
      partnerRanks,
    };
    process.stdout.write(`${JSON.stringify(values.json ? result : result, null, values.json ? 0 : 2)}\n`);
  } finally {
    await b.close();
    site.close();
  }
}

await main();
