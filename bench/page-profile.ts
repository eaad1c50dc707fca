// `npx tsx bench/page-profile.ts [--pages a,b] [--runs N] [--cold]`: where the content script's reading
// steps spend the main thread on big and hostile pages, in Debian Chromium: each step's first
// (cold) time on a fresh page, its warm times, and a V8 CPU profile of the warm runs (self time by
// function). The pages are those of tests/e2e/hostile-live-page.e2e.ts and hostile-big-page.e2e.ts.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness/chromium';
import { benchPages } from './big-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function bundle(): Promise<string> {
  const built = await build({ entryPoints: [join(import.meta.dirname, 'page-profile-entry.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  return built.outputFiles[0]!.text;
}

const STEPS = ['size', 'recognize', 'extract', 'locate'] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, selectors: { type: 'boolean', default: false }, cold: { type: 'boolean', default: false }, runs: { type: 'string', default: '10' }, top: { type: 'string', default: '25' } } });
  const runs = Number(values.runs);
  const pages = benchPages().filter((p) => !values.pages || values.pages.split(',').includes(p.name));
  const code = await bundle();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const p of pages) {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }));
      await page.goto('http://www.shaam.org/news/syria-news/big-page', { timeout: 120_000 });
      await page.addScriptTag({ content: code });
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      // --cold: the profile is of the first (cold) run of each step, not of the warm runs.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      if (values.cold) await cdp.send('Profiler.start');
      const cold: Record<string, number> = {};
      for (const s of STEPS) cold[s] = await page.evaluate((s) => (globalThis as unknown as { isnadSteps: Record<string, () => number> }).isnadSteps[s]!(), s);
      const { profile: coldProfile } = values.cold ? ((await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }) : { profile: null };
      const article = await page.evaluate(() => (globalThis as unknown as { isnadSteps: { article(): { paragraphs: string[] } | null } }).isnadSteps.article());
      if (!values.cold) await cdp.send('Profiler.start');
      const warm: Record<string, number[]> = {};
      for (let r = 0; r < runs; r++) for (const s of STEPS) (warm[s] ??= []).push(await page.evaluate((s) => (globalThis as unknown as { isnadSteps: Record<string, () => number> }).isnadSteps[s]!(), s));
      const { profile: warmProfile } = values.cold ? { profile: null } : ((await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } });
      const profile = (coldProfile ?? warmProfile)!;
      const self = new Map<number, number>();
      profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      const byFn = new Map<string, number>();
      const parent = new Map<number, ProfileNode>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
      for (const n of profile.nodes) {
        // A DOM call (no line) is named with its caller: which querySelector is the costly one.
        const caller = n.callFrame.lineNumber < 0 && n.callFrame.url === '' && parent.get(n.id) ? ` < ${parent.get(n.id)!.callFrame.functionName || '(anon)'}:${parent.get(n.id)!.callFrame.lineNumber}` : '';
        const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}${caller}`;
        byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
      }
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      const fmt = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
      console.log(`\n## ${p.name}: ${elements} elements, ${article?.paragraphs.length ?? 'no'} paragraphs`);
      console.log(`cold (ms): ${STEPS.map((s) => `${s} ${cold[s]!.toFixed(1)}`).join(', ')}`);
      console.log(`warm (ms, min–max of ${runs}): ${STEPS.map((s) => `${s} ${fmt(warm[s]!)}`).join(', ')}`);
      console.log(`profile: ${(total / 1000).toFixed(0)} ms sampled; self time by function:`);
      for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000 / (values.cold ? 1 : runs)).toFixed(2).padStart(7)} ms/run  ${k}`);
      if (values.selectors) {
        await page.evaluate(() => (globalThis as unknown as { isnadSelectors: { start(): void } }).isnadSelectors.start());
        for (let r = 0; r < runs; r++) await page.evaluate(() => (globalThis as unknown as { isnadSteps: { extract(): number } }).isnadSteps.extract());
        console.log(`selectors, ${runs} extracts:\n  ${(await page.evaluate(() => (globalThis as unknown as { isnadSelectors: { report(): string[] } }).isnadSelectors.report())).join('\n  ')}`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
