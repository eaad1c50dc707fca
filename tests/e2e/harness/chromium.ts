// Launches Debian's Chromium with the built extension (.output/chrome-mv3) through playwright-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { reportCount } from './probes';
import { waitFor } from './wait';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', '..', '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: { hostRules: string; headless?: boolean; lang?: 'ar' | 'en'; colorScheme?: 'light' | 'dark'; extraArgs?: string[]; /** Another build (a benchmark's baseline). */ extensionDir?: string; /** A profile to use, and keep, instead of a new one (a benchmark's imported corpus). */ userDataDir?: string }): Promise<Launched> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension at ${extensionDir}: run npm run build`);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'isnad-e2e-'));
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    locale: opts.lang ?? 'ar',
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 860 },
    ignoreDefaultArgs: ['--disable-extensions'],
    // Chromium on Linux takes its UI language (and so the extension's) from LANGUAGE.
    env: { ...process.env, LANGUAGE: opts.lang ?? 'ar' },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${opts.hostRules}`,
      `--lang=${opts.lang ?? 'ar'}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,DisableLoadExtensionCommandLineSwitch',
      ...(opts.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the background has loaded the built-in corpus (five reports). */
export async function waitForCorpus(worker: Worker, atLeast = 5): Promise<void> {
  await waitFor('the built-in corpus', () => worker.evaluate(reportCount), (n) => n >= atLeast);
}

/**
 * Whether a script of this extension runs in the page: each content script gets an isolated world
 * of the extension's origin. Once the page has loaded, its document_start and document_idle
 * scripts have had their turn, so "none" is the browser's decision, not a slow machine.
 */
export async function extensionRunsIn(b: Launched, page: Page): Promise<boolean> {
  const session = await b.context.newCDPSession(page);
  const origins: string[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => {
    origins.push(context.origin);
  });
  // Enabling reports every context that exists before it returns.
  await session.send('Runtime.enable');
  await session.detach();
  return origins.includes(`chrome-extension://${b.extensionId}`);
}
