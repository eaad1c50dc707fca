// `npx tsx bench/worker-start.ts --build DIR [--runs 20] [--json]`: what a stopped service worker's
// start costs before it answers its first message, taken apart by variants of the build's own
// background.js, loaded side by side in one Chromium and measured in turn (a shared machine's load
// falls on each alike):
// - `build`: the build as it is (its answer to `ui:entity-names` of no ids: nothing read);
// - `listener`: a background of one message listener (the browser starting a worker at all);
// - `parsed`: that listener, then the whole bundle inside a function never called (the bundle's
//   parse without its evaluation);
// - `parsed-no-data`: the same with the JSON data strings the bundle parses at its start (the
//   gazetteer, the names table, the event model's word frequencies) emptied.
// - `against` (with `--against DIR2`): another build's background.js in the same place, so that two
//   builds' starts are measured in one Chromium, round by round (a before/after pair).
// Each round: every worker stopped, 300 ms, then one message from the variant's own page, its
// round trip in ms, and Chromium's CPU time over it (all its processes, from /proc/PID/schedstat). The differences between variants are the parts: parse = parsed − listener,
// of it the data strings = parsed − parsed-no-data, and the evaluation (top level, the background's
// main, the work its start queues before the message) = build − parsed (bench/RESULTS.md, session 16).
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';
import { chromiumCpuNs } from './chromium-cpu';

/** An unpacked extension's id, as Chromium derives it from the directory's path. */
const idOf = (dir: string) => [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

const { values } = parseArgs({ args: process.argv.slice(2), options: { build: { type: 'string' }, against: { type: 'string' }, runs: { type: 'string' }, json: { type: 'boolean' } } });
if (!values.build) throw new Error('--build DIR (a built extension: .output/chrome-mv3)');
const runs = Number(values.runs ?? 20);
const load = () => loadavg().map((x) => Math.round(x * 10) / 10);

const LISTENER = 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true, value: [] }); });\n';
/** The bundle's data strings (JSON.parse of a template literal), emptied. */
const withoutData = (code: string) => code.replace(/JSON\.parse\(`(?:[^`\\]|\\.)*`\)/g, 'JSON.parse(`[]`)');

const root = mkdtempSync(join(tmpdir(), 'isnad-start-'));
const bundle = readFileSync(join(values.build, 'background.js'), 'utf8');
const variants: Record<string, string | null> = {
  build: null,
  listener: LISTENER,
  parsed: `${LISTENER}function notCalled() {\n${bundle}\n}\n`,
  'parsed-no-data': `${LISTENER}function notCalled() {\n${withoutData(bundle)}\n}\n`,
  ...(values.against ? { against: readFileSync(join(values.against, 'background.js'), 'utf8') } : {}),
};
const dirs = Object.entries(variants).map(([name, code]) => {
  const dir = join(root, name);
  cpSync(values.build!, dir, { recursive: true });
  if (code !== null) writeFileSync(join(dir, 'background.js'), code);
  return { name, dir: realpathSync(dir), ms: [] as number[], cpuMs: [] as number[] };
});

const context = await chromium.launchPersistentContext(join(root, 'profile'), {
  executablePath: CHROMIUM,
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--headless=new', `--disable-extensions-except=${dirs.map((d) => d.dir).join(',')}`, `--load-extension=${dirs.map((d) => d.dir).join(',')}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=DisableLoadExtensionCommandLineSwitch'],
});
try {
  const pages = [];
  for (const d of dirs) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${idOf(d.dir)}/manifest.json`);
    pages.push({ ...d, page });
  }
  const cdp = await context.newCDPSession(pages[0]!.page);
  await cdp.send('ServiceWorker.enable');
  const loadBefore = load();
  for (let k = 0; k < runs; k++) {
    for (const p of k % 2 ? [...pages].reverse() : pages) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 300));
      const cpu0 = chromiumCpuNs();
      p.ms.push(await p.page.evaluate(async () => {
        const t = performance.now();
        const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ isnad: 'ui:entity-names', data: { ids: [] } }));
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        return performance.now() - t;
      }));
      // Chromium's CPU over the message's round trip (every process: the worker's start is the
      // browser's and the extension renderer's): a shared machine's load does not lengthen it.
      p.cpuMs.push((chromiumCpuNs() - cpu0) / 1e6);
    }
  }
  const pct = (xs: number[], q: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))]! * 10) / 10;
  const out = {
    build: values.build,
    ...(values.against ? { against: values.against } : {}),
    bundleChars: bundle.length,
    dataChars: bundle.length - withoutData(bundle).length,
    runs,
    load: { before: loadBefore, after: load() },
    variants: Object.fromEntries(pages.map((p) => [p.name, { p25Ms: pct(p.ms, 25), p50Ms: pct(p.ms, 50), p75Ms: pct(p.ms, 75), minMs: Math.round(Math.min(...p.ms) * 10) / 10, cpuMs: { p25: pct(p.cpuMs, 25), p50: pct(p.cpuMs, 50), p75: pct(p.cpuMs, 75), mean: Math.round((p.cpuMs.reduce((a, b) => a + b, 0) / p.cpuMs.length) * 10) / 10 } }])),
  };
  process.stdout.write(`${JSON.stringify(out, null, values.json ? 0 : 2)}\n`);
} finally {
  await context.close();
  rmSync(root, { recursive: true, force: true });
}
