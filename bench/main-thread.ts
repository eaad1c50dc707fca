// What Isnad costs the article page's main thread. The content script works in short synchronous
// steps, each recorded in its own world (read through the DevTools protocol: tests/e2e/harness/isolated.ts)
// and as a console.timeStamp `isnad:<step>` in traces (lib/timing.ts); the browser's Long
// Tasks API reports every task of 50 ms or more. A long task that overlaps one of our steps is
// counted as ours; the same pages loaded without the extension show the page's own long tasks
// (parsing, fonts, layout), so the two can be told apart.
// Run: npm run -s build && npx tsx bench/main-thread.ts  → bench/MAIN-THREAD.md, bench/results/main-thread.json
//   --runs N (loads of each page, 5), --baseline <dir of another chrome-mv3 build> --baseline-name <label>
//   (its loads alternate with this build's, so both see the same machine load), --cold N (loads just
//   after the background was stopped, 3), --dry (print only), --docs N (N synthetic reports imported
//   first, as a reader imports a file: the reader's view with a big corpus; → results/main-thread-N.json),
//   --extension-dir DIR (this build from another directory than .output/chrome-mv3), --profiles DIR
//   (each build's profile with its imported corpus kept there and copied by later runs of the same builds: keptProfile).
// Each stage is also put in a timeline: when the script started, the article was extracted, the
// marks came back and were shown, and when the panel (its own document and clock) showed the
// first related report.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { Span } from '../lib/timing';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension, waitForCorpus, type Launched } from '../tests/e2e/harness/chromium';
import { ourSteps, waitForStep } from '../tests/e2e/harness/isolated';
import { PAGES, startSite } from '../tests/e2e/harness/site';
import { importFile } from './import-file';
import { synthCorpus } from './synth';

export type { Span };

export interface PageCost {
  /** Our synchronous steps, in the order they ran. */
  steps: Span[];
  /** Every long task (≥ 50 ms) since navigation. */
  longTasks: Span[];
  marks: number;
  /** When the content script's main() began: the end of the task that evaluated the script. */
  started?: number;
}

/** When the reader sees the marks: the end of our last marks step, from the start of navigation. */
export const marksShownAt = (cost: PageCost): number => Math.max(0, ...cost.steps.filter((s) => s.name === 'marks-label').map((s) => s.start + s.duration));

/** When each stage of opening an article happened, in ms from the page's navigation start. */
export interface Timeline {
  /** The page's DOMContentLoaded and load events end. */
  domContentLoaded: number;
  load: number;
  /** The content script starts (its main(), after the script's evaluation). */
  script: number;
  /** The article is extracted. */
  extracted: number;
  /** The background's reply to page:article (the marks to wrap) is back. */
  replied: number;
  /** The panel's iframe is added to the page (hidden), then placed and shown. */
  panelAdded: number;
  /** The background took the panel's run (page:frame answered) and the panel's frame fired its load: the content script posts the frame its key once both are done (NaN before session 14). */
  panelOffered: number;
  panelLoaded: number;
  panelPlaced: number;
  /** The panel's document starts loading, its script runs, it shows the related reports. */
  panelNavigation: number;
  panelScript: number;
  /** The panel asks for its run's related reports (its key came), and their answer arrives (NaN in builds before session 14). */
  panelAsked: number;
  panelAnswer: number;
  panelShown: number;
  /** The panel shows why each report is related (its shared phrases, asked for after the list; NaN in a build that sent them with it). */
  panelWhy: number;
  /** The last marks step ends. */
  marks: number;
}

/** Reads the timeline of one load from the page and its panel frame (each has its own clock origin). */
export async function readTimeline(page: Page): Promise<Timeline> {
  const steps = await ourSteps(page);
  const at = (name: string) => {
    const e = steps.find((s) => s.name === name);
    return e ? e.start + e.duration : NaN;
  };
  const own = { script: at('start'), extracted: at('extract-dates'), replied: at('replied'), panelAdded: at('panel'), panelOffered: at('panel-offered'), panelLoaded: at('panel-loaded'), panelPlaced: at('panel-place'), marks: at('marks-label'), origin: await page.evaluate(() => performance.timeOrigin) };
  const handle = await page.$('[data-isnad="panel"] iframe');
  const frame = await handle?.contentFrame();
  const panel = frame
    ? await frame.evaluate(() => ({
        origin: performance.timeOrigin,
        script: performance.getEntriesByName('isnad:panel-script')[0]?.startTime ?? NaN,
        asked: performance.getEntriesByName('isnad:panel-asked')[0]?.startTime ?? NaN,
        answer: performance.getEntriesByName('isnad:panel-answer')[0]?.startTime ?? NaN,
        shown: performance.getEntriesByName('isnad:panel-shown')[0]?.startTime ?? NaN,
        why: performance.getEntriesByName('isnad:panel-why')[0]?.startTime ?? NaN,
      }))
    : { origin: NaN, script: NaN, asked: NaN, answer: NaN, shown: NaN, why: NaN };
  const shift = panel.origin - own.origin;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { domContentLoaded: n?.domContentLoadedEventEnd ?? NaN, load: n?.loadEventEnd ?? NaN };
  });
  return {
    ...nav,
    script: own.script,
    extracted: own.extracted,
    replied: own.replied,
    panelAdded: own.panelAdded,
    panelOffered: own.panelOffered,
    panelLoaded: own.panelLoaded,
    panelPlaced: own.panelPlaced,
    panelNavigation: shift,
    panelScript: shift + panel.script,
    panelAsked: shift + panel.asked,
    panelAnswer: shift + panel.answer,
    panelShown: shift + panel.shown,
    panelWhy: shift + panel.why,
    marks: own.marks,
  };
}

/** Installs the long-task observer before any page script runs. */
export async function observeLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __isnadLong: Array<{ start: number; duration: number }> };
    w.__isnadLong = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__isnadLong.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Reads what the page recorded, once our work (and any late task) is over. */
export async function readCost(page: Page): Promise<PageCost> {
  const all = await ourSteps(page);
  const seen = await page.evaluate(() => ({
    longTasks: ((window as unknown as { __isnadLong?: Array<{ start: number; duration: number }> }).__isnadLong ?? []).map((t) => ({ name: 'task', ...t })),
    marks: document.querySelectorAll('mark[data-isnad-mark]').length,
  }));
  // Moments (the script's start, the reply, the clippings highlighted) are not steps: they hold no thread.
  const moments = new Set(['start', 'replied', 'clips', 'panel-offered', 'panel-loaded']);
  return { ...seen, steps: all.filter((s) => !moments.has(s.name)), started: all.find((s) => s.name === 'start')?.start };
}

/** Long tasks during which one of our steps ran, or that evaluated the content script (its main() starts at `started`). */
export function oursOf(cost: PageCost): Span[] {
  const within = (t: Span, at: number) => at >= t.start && at <= t.start + t.duration;
  return cost.longTasks.filter((t) => cost.steps.some((s) => s.start < t.start + t.duration && s.start + s.duration > t.start) || (cost.started !== undefined && within(t, cost.started)));
}

const ARTICLES: Array<[string, string]> = [
  ['orient-news (live)', PAGES.orientArticle],
  ['orient-news (web.archive.org)', PAGES.orientArchive],
  ['shaam', PAGES.shaamArticle],
  ['eremnews', PAGES.eremArticle],
];

interface Row {
  page: string;
  runs: number;
  longestStepMs: number;
  longestStep: string;
  stepMedianMs: Record<string, number>;
  ourLongTasks: number;
  ourLongestTaskMs: number;
  otherLongTasks: number;
  withoutIsnadLongTasks: number;
  marks: number;
  marksAtMs: number;
  relatedAtMs: number;
  /** Median of each stage over the loads (ms from navigation start). */
  timeline: Timeline;
  /** Worst load: the latest the reader saw the marks and the related reports. */
  marksAtMaxMs: number;
  relatedAtMaxMs: number;
  /** The first related report in the panel's DOM, by the panel's own clock (median, worst). */
  relatedInPanelMs: number;
  relatedInPanelMaxMs: number;
  /** Loads just after the background was stopped (a reader back after 30 s idle): when the marks and
   *  the first related report showed, median and worst (ms). */
  /** Loads just after the background was stopped: when the marks and the panel's list and why showed, and each stage (median). */
  cold?: { runs: number; marksAtMs: number; marksAtMaxMs: number; relatedInPanelMs: number; relatedInPanelMaxMs: number; whyInPanelMs: number; timeline: Timeline; docRows?: number[]; lookup?: FirstLookup | null; lookups?: Array<FirstLookup | null> };
  /** From traced loads: our costliest task by CPU time and by wall time, and the script's evaluation. */
  traced?: { loads: number; longestCpuMs: number; longestCpuSteps: string; longestWallMs: number; longestWallSteps: string; evaluateCpuMedianMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

async function withoutIsnad(hostRules: string, url: string, runs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless=new', `--host-resolver-rules=${hostRules}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=HttpsUpgrades'],
  });
  try {
    await observeLongTasks(context);
    const counts: number[] = [];
    for (let r = 0; r < runs; r++) {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForTimeout(1500);
      counts.push((await readCost(page)).longTasks.length);
      await page.close();
    }
    return counts;
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One task of ours on the page's main thread, from a trace: wall time and the thread's CPU time. */
export interface TracedTask {
  steps: string[];
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  args?: { data?: { message?: string } };
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/** Ends Chromium's tracing and reads the trace it wrote. */
async function endTrace(cdp: CDPSession): Promise<string> {
  const complete = new Promise<{ stream: string }>((resolve) => cdp.once('Tracing.tracingComplete' as never, resolve as never));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream } as never)) as unknown as { data: string; eof: boolean };
    text += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream } as never);
  return text;
}

/**
 * Loads `url` once under Chromium's tracing and returns our tasks: the one that evaluated the
 * content script (where its main() began) and each holding the start of one of our steps. The
 * CPU time (the trace's thread duration) does not grow when other work on a shared machine
 * takes the core away; the wall time does.
 */
export async function traceOurTasks(context: BrowserContext, url: string, opts: { waitUntil?: 'load' | 'commit'; timeout?: number; /** The step of ours to wait for (the marks by default). */ until?: string } = {}): Promise<TracedTask[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // As much as the browser can hold: by default its buffer fills and drops what follows, and a page
  // titled with 2,000,000 characters filled it before our script's first step.
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: ['toplevel', 'devtools.timeline'] } } as never);
  let text: string;
  // Tracing is the browser's, not the page's: a load that fails or times out must end it, or
  // every later trace in this browser fails ("Tracing has already been started").
  let loaded = false;
  try {
    await page.goto(url, { waitUntil: opts.waitUntil ?? 'load', timeout: opts.timeout });
    await waitForStep(page, opts.until ?? 'marks-label', opts.timeout);
    await page.waitForTimeout(500);
    loaded = true;
  } finally {
    text = await endTrace(cdp).catch((err: unknown) => {
      // After a crash the page's session may be gone with its trace: the load's error is the one to see.
      if (loaded) throw err;
      return '';
    });
    await page.close().catch(() => undefined);
  }
  const events = (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents;
  // Our steps' console.timeStamp events, each at the step's start.
  const ours = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('isnad:'));
  const start = ours.find((e) => e.args!.data!.message === 'isnad:start');
  if (!start) return [];
  const thread = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
  const tasks = thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.dur !== undefined);
  const outermost = (at: number) => tasks.filter((t) => t.ts <= at && at <= t.ts + t.dur!).sort((a, b) => b.dur! - a.dur!)[0];
  const byTask = new Map<TraceEvent, string[]>();
  const add = (at: number, name: string) => {
    const task = outermost(at);
    if (task) byTask.set(task, [...(byTask.get(task) ?? []), name]);
  };
  add(start.ts, 'evaluate');
  for (const e of ours) if (e !== start && e.pid === start.pid && e.tid === start.tid) add(e.ts, e.args!.data!.message!.slice('isnad:'.length));
  return [...byTask].map(([t, steps]) => ({ steps, wallMs: round(t.dur! / 1000), cpuMs: round((t.tdur ?? t.dur!) / 1000) }));
}

interface Load {
  cost: PageCost;
  /** The page's performance.timeOrigin (epoch ms). */
  origin: number;
  /** From the navigation request to the first related report in the panel, seen by the driver. */
  relatedAt: number;
  timeline: Timeline;
}

async function loadOnce(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const frame = await (await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 })).contentFrame();
  await frame!.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
  const relatedAt = Date.now() - t0;
  await waitForStep(page, 'marks-label');
  await page.waitForTimeout(1000);
  const load = { cost: await readCost(page), relatedAt, timeline: await readTimeline(page), origin: await page.evaluate(() => performance.timeOrigin) };
  await page.close();
  return load;
}

function summariseTraces(traces: TracedTask[][]): Row['traced'] {
  const all = traces.flat();
  if (!all.length) return undefined;
  const byCpu = all.reduce((a, t) => (t.cpuMs > a.cpuMs ? t : a));
  const byWall = all.reduce((a, t) => (t.wallMs > a.wallMs ? t : a));
  return {
    loads: traces.length,
    longestCpuMs: byCpu.cpuMs,
    longestCpuSteps: byCpu.steps.join('+'),
    longestWallMs: byWall.wallMs,
    longestWallSteps: byWall.steps.join('+'),
    evaluateCpuMedianMs: round(median(all.filter((t) => t.steps.includes('evaluate')).map((t) => t.cpuMs))),
  };
}

function summarise(page: string, loads: Load[], withoutIsnadLongTasks: number): Row {
  const costs = loads.map((l) => l.cost);
  const steps = costs.flatMap((c) => c.steps);
  const longest = steps.reduce((a, s) => (s.duration > a.duration ? s : a), { name: '—', start: 0, duration: 0 });
  const ours = costs.flatMap(oursOf);
  const names = [...new Set(steps.map((s) => s.name))];
  const timelines = loads.map((l) => l.timeline);
  return {
    page,
    runs: loads.length,
    longestStepMs: round(longest.duration),
    longestStep: longest.name,
    stepMedianMs: Object.fromEntries(names.map((n) => [n, round(median(steps.filter((s) => s.name === n).map((s) => s.duration)))])),
    ourLongTasks: ours.length,
    ourLongestTaskMs: round(Math.max(0, ...ours.map((t) => t.duration))),
    otherLongTasks: costs.reduce((a, c) => a + c.longTasks.length, 0) - ours.length,
    withoutIsnadLongTasks,
    marks: costs[0]?.marks ?? 0,
    marksAtMs: round(median(costs.map(marksShownAt))),
    relatedAtMs: median(loads.map((l) => l.relatedAt)),
    timeline: medianTimeline(loads),
    marksAtMaxMs: round(Math.max(...costs.map(marksShownAt))),
    relatedAtMaxMs: Math.max(...loads.map((l) => l.relatedAt)),
    relatedInPanelMs: round(median(timelines.map((t) => t.panelShown))),
    relatedInPanelMaxMs: round(Math.max(...timelines.map((t) => t.panelShown))),
  };
}

/**
 * Loads each article `runs` times in the built extension and, given another build's directory,
 * in that one too, load for load in turn: on a shared machine both then see the same load.
 */
/** Each stage's median over some loads. */
function medianTimeline(loads: Load[]): Timeline {
  const timelines = loads.map((l) => l.timeline);
  return Object.fromEntries(Object.keys(timelines[0]!).map((k) => [k, round(median(timelines.map((t) => t[k as keyof Timeline])))])) as unknown as Timeline;
}

/** A woken worker's first lookup (lib/engine/query-phases.ts), placed on the page's clock: ms from the navigation's start. */
interface FirstLookup {
  /** The worker's start, its lookup's start and end. */
  worker: number;
  began: number;
  ended: number;
  /** Its phases (ms) and the doc rows it read: ≈ 32 when it ranked from the segments' doc
   *  columns, every candidate's (≈ 200 at 100,000 reports) when it had none yet. */
  phases: Record<string, number>;
}

/** The first lookup of the worker just started (null when it cannot be told), on the page's clock (`pageOrigin`). */
async function firstLookup(context: BrowserContext, pageOrigin: number): Promise<FirstLookup | null> {
  const sw = context.serviceWorkers().find((w) => w.url().includes('background'));
  const got = (await sw?.evaluate('({ p: self.isnadQueryPhases?.at(0), origin: performance.timeOrigin })').catch(() => null)) as { p?: Record<string, number>; origin: number } | null | undefined;
  if (!got?.p) return null;
  const { began = NaN, ...phases } = got.p;
  const spent = ['analyse', 'postings', 'score', 'docs', 'explain'].reduce((a, k) => a + (phases[k] ?? 0), 0);
  const worker = got.origin - pageOrigin;
  return { worker: round(worker), began: round(worker + began), ended: round(worker + began + spent), phases };
}

/** Each field's median over the lookups told (null when none was). */
function medianLookup(all: Array<FirstLookup | null>): FirstLookup | null {
  const told = all.filter((x): x is FirstLookup => !!x);
  if (!told.length) return null;
  const keys = Object.keys(told[0]!.phases);
  return {
    worker: round(median(told.map((x) => x.worker))),
    began: round(median(told.map((x) => x.began))),
    ended: round(median(told.map((x) => x.ended))),
    phases: Object.fromEntries(keys.map((k) => [k, round(median(told.map((x) => x.phases[k] ?? NaN)))])),
  };
}

function summariseCold(loads: Load[]): NonNullable<Row['cold']> {
  const marks = loads.map((l) => marksShownAt(l.cost));
  const related = loads.map((l) => l.timeline.panelShown);
  const why = loads.map((l) => l.timeline.panelWhy).filter((x) => !Number.isNaN(x));
  return { runs: loads.length, marksAtMs: round(median(marks)), marksAtMaxMs: round(Math.max(...marks)), relatedInPanelMs: round(median(related)), relatedInPanelMaxMs: round(Math.max(...related)), whyInPanelMs: why.length ? round(median(why)) : NaN, timeline: medianTimeline(loads) };
}

/**
 * `--profiles DIR`: each build's browser profile with its imported corpus kept in DIR/<k> (k: 0 this
 * build, 1 the baseline) and copied for each later run of the same build in the same directory and
 * --docs, instead of importing again (minutes at 100,000 reports): more loads of the same builds.
 * An unpacked extension's id, and so its database, follows its directory.
 */
function keptProfile(dir: string | undefined, k: number, extensionDir: string, docs: number): { userDataDir?: string; imported: boolean; drop: () => void } {
  if (!dir || !docs) return { imported: false, drop: () => undefined };
  const saved = join(dir, String(k));
  // The same build only: a kept profile keeps the service worker it registered (a rebuilt
  // extension's new worker was not taken up, same directory and version), not just its corpus.
  const worker = createHash('sha256').update(readFileSync(join(extensionDir, 'background.js'))).digest('hex').slice(0, 16);
  const stamp = `${resolve(extensionDir)} ${docs} ${worker}\n`;
  if (existsSync(join(saved, 'isnad-build.txt')) && readFileSync(join(saved, 'isnad-build.txt'), 'utf8') === stamp) {
    const copy = mkdtempSync(join(tmpdir(), 'isnad-bench-profile-'));
    cpSync(saved, copy, { recursive: true });
    return { userDataDir: copy, imported: true, drop: () => rmSync(copy, { recursive: true, force: true }) };
  }
  // Made anew, this run's own loads included (a copy would need the browser closed first).
  rmSync(saved, { recursive: true, force: true });
  mkdirSync(saved, { recursive: true });
  return { userDataDir: saved, imported: false, drop: () => writeFileSync(join(saved, 'isnad-build.txt'), stamp) };
}

export async function measureMainThread({ runs = 5, baselineDir, traced = 3, coldRuns = 3, docs = 0, extensionDir, profiles }: { runs?: number; baselineDir?: string; traced?: number; coldRuns?: number; docs?: number; extensionDir?: string; profiles?: string } = {}): Promise<{ rows: Row[]; baseline: Row[] | null }> {
  const site = await startSite();
  const dirs = [extensionDir ?? EXTENSION_DIR, ...(baselineDir ? [baselineDir] : [])];
  const kept = dirs.map((d, k) => keptProfile(profiles, k, d, docs));
  const builds: Launched[] = [];
  for (const [k, d] of dirs.entries()) builds.push(await launchWithExtension({ hostRules: site.hostRules, extensionDir: d, ...(kept[k]!.userDataDir ? { userDataDir: kept[k]!.userDataDir } : {}) }));
  const rows: Row[][] = builds.map(() => []);
  try {
    const stoppers: Array<() => Promise<void>> = [];
    for (const [k, b] of builds.entries()) {
      await waitForCorpus(b.worker);
      // --docs N: the reader's view with a big corpus, N synthetic reports imported first.
      if (docs && !kept[k]!.imported) {
        const options = await b.context.newPage();
        await options.goto(`chrome-extension://${b.extensionId}/options.html`);
        const ms = await importFile(options, synthCorpus(docs).records);
        process.stderr.write(`${docs} reports imported in ${Math.round(ms / 1000)} s\n`);
        await options.close();
      }
      await observeLongTasks(b.context);
      // Stopping the background as Chromium does after 30 s idle, from an extension page's DevTools session.
      const ext = await b.context.newPage();
      await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
      const cdp = await b.context.newCDPSession(ext);
      await cdp.send('ServiceWorker.enable');
      stoppers.push(async () => {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, 500));
      });
    }
    for (const [name, url] of ARTICLES) {
      const loads: Load[][] = builds.map(() => []);
      for (let r = 0; r < runs; r++) {
        for (const [k, b] of builds.entries()) {
          const load = await loadOnce(b.context, url);
          loads[k]!.push(load);
          if (process.argv.includes('--dry')) {
            for (const t of oursOf(load.cost)) console.error(k ? 'baseline' : 'build', name, 'long task', Math.round(t.start), Math.round(t.duration), load.cost.steps.filter((s) => s.start < t.start + t.duration && s.start + s.duration > t.start).map((s) => `${s.name}:${Math.round(s.duration)}`).join(' '));
          }
        }
      }
      const cold: Load[][] = builds.map(() => []);
      // Each woken worker's first lookup: when it began and ended, its phases and doc rows.
      const coldLookups: Array<FirstLookup | null>[] = builds.map(() => []);
      for (let r = 0; r < coldRuns; r++) {
        for (const [k, b] of builds.entries()) {
          await stoppers[k]!();
          const load = await loadOnce(b.context, url);
          cold[k]!.push(load);
          coldLookups[k]!.push(await firstLookup(b.context, load.origin));
        }
      }
      const traces: TracedTask[][][] = builds.map(() => []);
      for (let r = 0; r < traced; r++) for (const [k, b] of builds.entries()) traces[k]!.push(await traceOurTasks(b.context, url));
      const without = (await withoutIsnad(site.hostRules, url, 3)).reduce((a, x) => a + x, 0);
      for (const k of builds.keys()) rows[k]!.push({ ...summarise(name, loads[k]!, without), traced: summariseTraces(traces[k]!), ...(coldRuns ? { cold: { ...summariseCold(cold[k]!), docRows: coldLookups[k]!.map((x) => x?.phases.rows ?? -1), lookup: medianLookup(coldLookups[k]!), lookups: coldLookups[k]! } } : {}) });
    }
    return { rows: rows[0]!, baseline: rows[1] ?? null };
  } finally {
    for (const b of builds) await b.close();
    for (const p of kept) p.drop();
    site.server.close();
  }
}

const TIMELINE: Array<[keyof Timeline, string]> = [
  ['domContentLoaded', 'DOMContentLoaded'],
  ['load', 'load'],
  ['script', 'script starts'],
  ['panelAdded', 'panel added'],
  ['extracted', 'extracted'],
  ['panelOffered', 'run offered'],
  ['panelLoaded', 'panel loaded'],
  ['panelPlaced', 'panel placed'],
  ['replied', 'marks reply'],
  ['marks', 'marks shown'],
  ['panelScript', "panel's script runs"],
  ['panelAsked', 'panel asks'],
  ['panelAnswer', 'answer in panel'],
  ['panelShown', 'related shown'],
  ['panelWhy', 'why shown'],
];

function costTable(rows: Row[]): string[] {
  return [
    '| page | marks | longest step of ours (ms) | long tasks of ours (longest, ms) | other long tasks with Isnad | long tasks without Isnad | marks shown at, median / worst (ms) | first related report in the panel, median / worst (ms) | same, seen by the test driver (ms) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.marks} | ${r.longestStepMs} (${r.longestStep}) | ${r.ourLongTasks} (${r.ourLongestTaskMs}) | ${r.otherLongTasks} | ${r.withoutIsnadLongTasks} | ${r.marksAtMs} / ${r.marksAtMaxMs} | ${r.relatedInPanelMs} / ${r.relatedInPanelMaxMs} | ${r.relatedAtMs} / ${r.relatedAtMaxMs} |`,
    ),
  ];
}

function cpuTable(rows: Row[]): string[] {
  return [
    '| page | traced loads | costliest task of ours by CPU time (ms: its steps) | longest by wall time (ms: its steps) | evaluating the script, CPU median (ms) |',
    '|---|---|---|---|---|',
    ...rows.map((r) => (r.traced ? `| ${r.page} | ${r.traced.loads} | ${r.traced.longestCpuMs}: ${r.traced.longestCpuSteps} | ${r.traced.longestWallMs}: ${r.traced.longestWallSteps} | ${r.traced.evaluateCpuMedianMs} |` : `| ${r.page} | 0 | — | — | — |`)),
  ];
}

function coldTable(rows: Row[], baseline: Row[] | null): string[] {
  const cell = (r?: Row) => (r?.cold ? `${r.cold.marksAtMs} / ${r.cold.marksAtMaxMs} | ${r.cold.relatedInPanelMs} / ${r.cold.relatedInPanelMaxMs}` : '— | —');
  return [
    `| page | loads | marks shown, median / worst | first related report, median / worst |${baseline ? ' before: marks | before: related |' : ''}`,
    `|---|---|---|---|${baseline ? '---|---|' : ''}`,
    ...rows.map((r, i) => `| ${r.page} | ${r.cold?.runs ?? 0} | ${cell(r)} |${baseline ? ` ${cell(baseline[i])} |` : ''}`),
  ];
}

/** The generated part of bench/MAIN-THREAD.md; the hand-written "## Where this stands" is kept. */
function report(rows: Row[], baseline: Row[] | null, load: number[], loadAfter: number[], baselineName: string | undefined): string {
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const stepNames = [...new Set(rows.flatMap((r) => Object.keys(r.stepMedianMs)))];
  return [
    '# Main-thread cost on the article page',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, shared with other work: load average ${fmt(load)} before the run, ${fmt(loadAfter)} after.`,
    'Debian Chromium (headless=new), the built extension, the e2e fixture pages (no scripts of their own).',
    `Target: no task of ours reaches 50 ms; marks and related reports within half a second. ${rows[0]?.runs ?? 0} loads of each page${baseline ? ', each followed by a load in the earlier build (same machine load)' : ''}; the page's own long tasks counted over 3 loads without Isnad.`,
    '',
    '## This build',
    '',
    ...costTable(rows),
    '',
    'Under tracing (separate loads): each task of ours, by CPU time and by wall time.',
    '',
    ...cpuTable(rows),
    '',
    ...(baseline ? [`## Before (${baselineName ?? 'the earlier build'}), loaded in turn with this one`, '', ...costTable(baseline), '', ...cpuTable(baseline), ''] : []),
    ...(rows.some((r) => r.cold) ? ['Just after the background was stopped (as Chromium stops it after 30 s idle: a reader coming back to the news), ms:', '', ...coldTable(rows, baseline), ''] : []),
    'Median time of each stage, from the start of navigation (ms):',
    '',
    `| page | ${TIMELINE.map(([, label]) => label).join(' | ')} |`,
    `|---|${TIMELINE.map(() => '---|').join('')}`,
    ...rows.map((r) => `| ${r.page} | ${TIMELINE.map(([k]) => r.timeline[k]).join(' | ')} |`),
    ...(baseline ? ['', 'Before:', '', `| page | ${TIMELINE.map(([, label]) => label).join(' | ')} |`, `|---|${TIMELINE.map(() => '---|').join('')}`, ...baseline.map((r) => `| ${r.page} | ${TIMELINE.map(([k]) => r.timeline[k] ?? '—').join(' | ')} |`)] : []),
    '',
    'Median per step of ours (ms):',
    '',
    `| page | ${stepNames.join(' | ')} |`,
    `|---|${stepNames.map(() => '---|').join('')}`,
    ...rows.map((r) => `| ${r.page} | ${stepNames.map((k) => r.stepMedianMs[k] ?? '—').join(' | ')} |`),
    '',
    "Steps: setup (the marks' state, UI strings, listeners, clip button, in the task after the script's",
    'evaluation), setup-watch (in-page navigation), recognize (URL and page signals), panel (add the panel',
    "iframe, hidden: its page loads while the article is read), extract (the article), panel-measure and",
    "panel-place (the page's text column, then the panel beside it), marks-clear, marks-index (the page's",
    'text indexed, 5,000 nodes a task), marks-locate (find the marked words in it), marks-wrap (wrap up to',
    '150 a task), marks-label; clip-* (saved',
    'clippings; none here). A long task counts as ours when one of our steps ran in it or it evaluated the',
    "content script (the task in which its main() began). \"Marks shown\": the end of the last marks step.",
    '"First related report in the panel": when the panel committed it to its DOM, by the panel\'s clock',
    "(the panel's timeOrigin against the page's); the driver's figure adds Playwright's polling of the",
    'frame. Earlier builds marked the panel a frame later (useEffect), and had no run/extract marks of',
    'the same names, hence the blanks.',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const k = process.argv.indexOf(name);
    return k > 0 ? process.argv[k + 1] : undefined;
  };
  const load = loadavg();
  const docs = Number(arg('--docs') ?? 0);
  const { rows, baseline } = await measureMainThread({ runs: Number(arg('--runs') ?? 5), baselineDir: arg('--baseline'), traced: Number(arg('--traced') ?? 3), coldRuns: Number(arg('--cold') ?? 3), docs, extensionDir: arg('--extension-dir'), profiles: arg('--profiles') });
  const loadAfter = loadavg();
  if (docs) {
    // A big corpus's run is its own result; MAIN-THREAD.md keeps the built-in corpus's.
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL(`./results/main-thread-${docs}.json`, import.meta.url), JSON.stringify({ at: new Date().toISOString(), docs, load, loadAfter, rows, baseline }, null, 2) + '\n');
    console.log(coldTable(rows, baseline).join('\n'));
    console.log(costTable(rows).join('\n'));
    process.exit(0);
  }
  if (process.argv.includes('--dry')) {
    const brief = (r: Row) => ({ page: r.page, ...r.traced, ...r.timeline, related: r.relatedAtMs, relatedMax: r.relatedAtMaxMs, marksMax: r.marksAtMaxMs, ours: r.ourLongestTaskMs, longestStep: `${r.longestStep} ${r.longestStepMs}`, other: r.otherLongTasks, inPanel: [r.relatedInPanelMs, r.relatedInPanelMaxMs], marksAt: [r.marksAtMs, r.marksAtMaxMs], cold: r.cold, steps: r.stepMedianMs });
    console.log(JSON.stringify({ load, loadAfter, build: rows.map(brief), baseline: baseline?.map(brief) }, null, 1));
    process.exit(0);
  }
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/main-thread.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), load, loadAfter, rows, baseline }, null, 2) + '\n');
  const file = new URL('./MAIN-THREAD.md', import.meta.url);
  const kept = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = kept.includes('## Where this stands') ? kept.slice(kept.indexOf('## Where this stands')) : '';
  const md = report(rows, baseline, load, loadAfter, arg('--baseline-name')) + (notes ? `\n${notes}` : '');
  writeFileSync(file, md);
  console.log(md);
}
