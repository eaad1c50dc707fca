// `npx tsx bench/cold-page.ts [--docs N] [--loads N] [--page orient|archive|shaam|erem] [--profiles DIR]
// [--extension-dir DIR] [--profile-dir DIR] [--json]`: what the first related report in the in-page panel
// waits for after the background was stopped — the reader's path of bench/main-thread.ts (an outlet's
// article page loaded, its wake script starting the worker, its article's lookup, the panel's answer),
// with a CPU profile of the worker from its start to the panel's answer each load. Each load's
// worker time is cut at its moments (the background's main, the lookup's start and end, on the
// worker's clock: lib/engine/query-phases.ts) and told by the function each task began in and by
// the function running (self time): whether the worker's thread is busy between the page's wake and
// the article's lookup, with what, and what of the lookup is its own work. The profile slows what
// it samples: read its shares, not its times, against bench/main-thread.ts's.
// `--profiles DIR`: the browser profile with its imported corpus kept (as bench/main-thread.ts's).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXTENSION_DIR, launchWithExtension, waitForCorpus } from '../tests/e2e/harness/chromium';
import { PAGES, startSite } from '../tests/e2e/harness/site';
import { importFile } from './import-file';
import { readTimeline } from './main-thread';
import { synthCorpus } from './synth';
import { workerSession } from './worker-cdp';

const { values } = parseArgs({ options: { docs: { type: 'string' }, loads: { type: 'string' }, page: { type: 'string' }, profiles: { type: 'string' }, 'extension-dir': { type: 'string' }, 'profile-dir': { type: 'string' }, cpu: { type: 'boolean' }, json: { type: 'boolean' } } });
const docs = Number(values.docs ?? 10_000);
const loads = Number(values.loads ?? 5);
const URLS: Record<string, string> = { orient: PAGES.orientArticle, archive: PAGES.orientArchive, shaam: PAGES.shaamArticle, erem: PAGES.eremArticle };
const url = URLS[values.page ?? 'orient'];
if (!url) throw new Error(`--page ${Object.keys(URLS).join('|')}`);
const extensionDir = resolve(values['extension-dir'] ?? EXTENSION_DIR);
const round = (x: number) => Math.round(x * 10) / 10;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Each sample as [ms from the profile's start, the function its task began in, the function running]. */
function samplesOf(p: Profile): Array<{ at: number; ms: number; task: string; self: string }> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  const out: Array<{ at: number; ms: number; task: string; self: string }> = [];
  let t = 0;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i]! / 1000;
    const next = (p.timeDeltas[i + 1] ?? 0) / 1000;
    // The task: the frame just above the root (the outermost function of what runs).
    let n = byId.get(id)!;
    const self = name(n);
    while (parent.has(n.id) && parent.get(n.id) !== p.nodes[0]!.id) n = byId.get(parent.get(n.id)!)!;
    out.push({ at: t, ms: next, task: name(n), self });
  });
  return out;
}

const IDLE = new Set(['(idle)', '(root)']);

/** Busy ms between two moments (ms from the profile's start), by task and by self, the largest first. */
function window(samples: ReturnType<typeof samplesOf>, from: number, to: number) {
  const inside = samples.filter((s) => s.at >= from && s.at < to && !IDLE.has(s.self));
  const by = (k: 'task' | 'self') => {
    const m = new Map<string, number>();
    for (const s of inside) m.set(s[k], (m.get(s[k]) ?? 0) + s.ms);
    return [...m].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([f, ms]) => [f, round(ms)] as const);
  };
  return { spanMs: round(to - from), busyMs: round(inside.reduce((a, s) => a + s.ms, 0)), byTask: by('task'), bySelf: by('self') };
}

const site = await startSite();
const kept = values.profiles ? join(values.profiles, 'cold-page') : undefined;
const stamp = `${extensionDir} ${docs} ${readFileSync(join(extensionDir, 'background.js')).length}\n`;
const reuse = kept && existsSync(join(kept, 'isnad-build.txt')) && readFileSync(join(kept, 'isnad-build.txt'), 'utf8') === stamp;
const userDataDir = reuse ? mkdtempSync(join(tmpdir(), 'isnad-cold-page-')) : kept;
if (reuse) cpSync(kept!, userDataDir!, { recursive: true });
else if (kept) {
  rmSync(kept, { recursive: true, force: true });
  mkdirSync(kept, { recursive: true });
}
const b = await launchWithExtension({ hostRules: site.hostRules, extensionDir, ...(userDataDir ? { userDataDir } : {}) });
const results = [];
try {
  await waitForCorpus(b.worker);
  if (docs && !reuse) {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await importFile(options, synthCorpus(docs).records);
    await options.close();
  }
  const ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
  const cdp = await b.context.newCDPSession(ext);
  await cdp.send('ServiceWorker.enable');
  for (let k = 0; k < loads; k++) {
    // --cpu: the CPU profile (an attached profiler compiles the worker's code anew: its start is
    // far slower so, and its times are not the reader's).
    const sw = values.cpu ? await workerSession(cdp) : null;
    if (sw) {
      await sw.ask('Profiler.enable');
      await sw.ask('Profiler.setSamplingInterval', { interval: 200 });
      await sw.ask('Profiler.start');
    }
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
    const page = await b.context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const frame = await (await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 })).contentFrame();
    await frame!.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
    await page.waitForTimeout(300);
    const profile = sw ? (await sw.ask<{ profile: Profile }>('Profiler.stop')).profile : null;
    await sw?.close();
    const timeline = await readTimeline(page);
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const w = b.context.serviceWorkers().find((x) => x.url().includes('background'));
    const got = (await w?.evaluate('({ p: self.isnadQueryPhases?.at(0), marks: self.isnadStartMarks, origin: performance.timeOrigin })')) as { p: Record<string, number>; marks?: Record<string, number>; origin: number };
    await page.close();
    if (profile && values['profile-dir']) writeFileSync(join(values['profile-dir'], `cold-page-${k}.json`), JSON.stringify(profile));
    const samples = profile ? samplesOf(profile) : [];
    // The profile's first sample is taken as the worker's start (its timeOrigin): the profiler is
    // taken up by the new isolate before its script runs.
    const { began, main } = got.p;
    const spent = ['analyse', 'postings', 'score', 'docs', 'explain'].reduce((a, x) => a + (got.p[x] ?? 0), 0);
    const shift = got.origin - pageOrigin; // the worker's start on the page's clock
    results.push({
      load: k,
      timeline: { extracted: round(timeline.extracted), panelAsked: round(timeline.panelAsked), panelAnswer: round(timeline.panelAnswer), panelShown: round(timeline.panelShown), marks: round(timeline.marks) },
      // The worker's moments on the page's clock (ms from the navigation's start; null: not reached).
      worker: { start: round(shift), ...Object.fromEntries(Object.entries(got.marks ?? {}).map(([m, at]) => [m, at ? round(shift + at) : null])), began: round(shift + began!), ended: round(shift + began! + spent) },
      phases: Object.fromEntries(['analyse', 'postings', 'score', 'docs', 'explain', 'rows', 'colsWait', 'blocks'].map((x) => [x, got.p[x]])),
      ...(profile ? { beforeMain: window(samples, 0, main!), mainToLookup: window(samples, main!, began!), lookup: window(samples, began!, began! + spent) } : {}),
    });
    if (!values.json) process.stderr.write(`${k}: shown ${round(timeline.panelShown)} began ${round(shift + began!)} spent ${round(spent)}\n`);
  }
} finally {
  await b.close();
  site.server.close();
  if (reuse) rmSync(userDataDir!, { recursive: true, force: true });
  else if (kept) writeFileSync(join(kept, 'isnad-build.txt'), stamp);
}
process.stdout.write(`${JSON.stringify({ docs, page: values.page ?? 'orient', extensionDir, load: loadavg().map(round), results }, null, values.json ? 0 : 1)}\n`);
