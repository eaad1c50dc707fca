// `npx tsx bench/module-times.ts --build DIR [--runs 20] [--json]`: where a stopped service
// worker's evaluation of its bundle goes, module by module. DIR is a build made without
// minification (ISNAD_NOMINIFY=1 npm run -s build), whose bundle keeps a `// path` comment at the
// start of each module's top-level code; a copy of it is timed at each of those comments
// (performance.now() before the module's statements, and before and after the background's main),
// the worker stopped and woken by a message that reads nothing, `runs` times. The times are the
// evaluation's own: the parse is before the first mark.
import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';

const idOf = (dir: string) => [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
const { values } = parseArgs({ args: process.argv.slice(2), options: { build: { type: 'string' }, runs: { type: 'string' }, json: { type: 'boolean' }, top: { type: 'string' }, fine: { type: 'string' } } });
if (!values.build) throw new Error('--build DIR (a build without minification)');
const runs = Number(values.runs ?? 20);
const load = () => loadavg().map((x) => Math.round(x * 10) / 10);

const bundle = readFileSync(join(values.build, 'background.js'), 'utf8');
const lines = bundle.split('\n');
if (!lines.some((l) => /^\t\/\/ lib\//.test(l))) throw new Error('no module comments: build with ISNAD_NOMINIFY=1');
const mark = (name: string) => `self.__mt.push([${JSON.stringify(name)}, performance.now()]);`;
const out: string[] = [
  'self.__mt = [["(start)", performance.now()]];',
  "chrome.runtime.onMessage.addListener((m, s, reply) => { if (m === '__mt') { reply(self.__mt); return true; } });",
];
let n = 0;
// --fine A,B: modules whose path holds A or B are timed statement by statement (each top-level
// `var` of theirs, and the background's main line by line).
const fine = (values.fine ?? '').split(',').filter(Boolean);
let module = '';
let inMain = false;
for (const line of lines) {
  const m = /^\t\/\/ (\S+)$/.exec(line);
  if (m) { out.push(`\t${mark(`${m[1]}#${n++}`)}`); module = m[1]!; }
  else if (fine.some((f) => module.includes(f)) && /^\tvar /.test(line)) out.push(`\t${mark(`${module} ${line.trim().slice(0, 60)}#${n++}`)}`);
  if (line.startsWith('\tvar background_default = defineBackground')) inMain = true;
  else if (inMain && /^\t\t(const |let |[a-zA-Z_$][\w$.?]*(\(|\.))/.test(line) && fine.includes('main')) out.push(`\t\t${mark(`(main) ${line.trim().slice(0, 60)}#${n++}`)}`);
  if (line === '\t});') inMain = false;
  if (line === '\tvar result;') out.push(`\t${mark('(main)')}`);
  if (line === '\treturn result;') out.push(`\t${mark('(end)')}`);
  out.push(line);
}
const root = mkdtempSync(join(tmpdir(), 'isnad-modtimes-'));
const dir = join(root, 'ext');
cpSync(values.build, dir, { recursive: true });
writeFileSync(join(dir, 'background.js'), out.join('\n'));
const extDir = realpathSync(dir);

const context = await chromium.launchPersistentContext(join(root, 'profile'), {
  executablePath: CHROMIUM,
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--headless=new', `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=DisableLoadExtensionCommandLineSwitch'],
});
const per = new Map<string, number[]>();
const loadBefore = load();
try {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${idOf(extDir)}/manifest.json`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  for (let k = 0; k < runs; k++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 300));
    const ask = () => page.evaluate(async () => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Array<[string, number]>> } } }).chrome.runtime.sendMessage('__mt'));
    // The extension's first start (its install) may not have registered the worker yet.
    let marks: Array<[string, number]> | null = null;
    for (let tries = 0; !marks; tries++) marks = await ask().catch((e) => (tries < 5 ? new Promise<null>((r) => setTimeout(() => r(null), 1000)) : Promise.reject(e)));
    for (let i = 0; i + 1 < marks.length; i++) {
      const name = marks[i]![0].replace(/#\d+$/, '');
      const ms = marks[i + 1]![1] - marks[i]![1];
      const key = `${name}#${i}`;
      per.set(key, [...(per.get(key) ?? []), ms]);
    }
    const total = marks.at(-1)![1] - marks[0]![1];
    per.set('(total)', [...(per.get('(total)') ?? []), total]);
  }
} finally {
  await context.close();
}
const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return Math.round(s[Math.floor(s.length / 2)]! * 100) / 100; };
const rows = [...per].map(([k, xs]) => ({ module: k.replace(/#\d+$/, ''), p50: med(xs) }));
const result = { build: values.build, runs, load: { before: loadBefore, after: load() }, modules: rows };
if (values.json) console.log(JSON.stringify(result, null, 1));
else {
  console.log(`runs ${runs}, load ${loadBefore} -> ${load()}`);
  for (const r of [...rows].sort((a, b) => b.p50 - a.p50).slice(0, Number(values.top ?? 40))) console.log(r.p50.toFixed(2).padStart(8), r.module);
}
