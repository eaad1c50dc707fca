// Launches Debian's Firefox ESR with the built extension (.output/firefox-mv2) through puppeteer-core
// over WebDriver BiDi. The extension is installed as a temporary add-on under a fixed moz-extension
// UUID; the fixture site (./site) is Firefox's HTTP proxy, so pages load under the outlets' real
// host names and the content scripts' real match patterns are what gets tested.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { reportCount } from './probes';
import { waitFor } from './wait';

const FIREFOX_EXTENSION_DIR = join(import.meta.dirname, '..', '..', '..', '.output', 'firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
const ADDON_ID = 'isnad@isnad.invalid';

export interface FirefoxLaunched {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  /**
   * An extension page kept open for the tests' own calls: it has the extension's API and its
   * IndexedDB, as the background page does (WebDriver BiDi does not reach the background page).
   */
  api: Page;
  /** Opens one of the extension's pages (`options.html`, `sidepanel.html?tab=3`) in a new tab, loaded. */
  openExtensionPage(path: string, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Waits until an extension page shows `url` and has loaded. puppeteer's goto and reload never
 * resolve for moz-extension pages (puppeteer issue 14314: no BiDi load event reaches it), though
 * the page loads and can be evaluated.
 */
async function settled(page: Page, url: string): Promise<void> {
  await waitFor(`extension page ${url}`, () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), (s) => s === `${url} complete`, 150);
}

async function loadExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  await settled(page, url);
}

export async function reloadExtensionPage(page: Page): Promise<void> {
  const url = await page.evaluate(() => location.href);
  // A marker on the old document: gone once the new one is there.
  await page.evaluate(() => {
    (window as unknown as { __isnadOld?: boolean }).__isnadOld = true;
    location.reload();
  });
  await waitFor('reloaded', () => page.evaluate(() => !(window as unknown as { __isnadOld?: boolean }).__isnadOld && document.readyState === 'complete').catch(() => false), (v) => v, 150);
  await settled(page, url);
}

export async function launchFirefox(opts: {
  sitePort: number;
  lang?: 'ar' | 'en';
  headless?: boolean;
  /** Where downloads are saved, without asking (the reader's exports). */
  downloadDir?: string;
  /**
   * Grants an optional permission asked for in the reader's click without showing Firefox's
   * prompt (the browser still refuses a request made outside a click).
   */
  grantPermissionPrompts?: boolean;
  /** Hosts reached directly, not through the fixture site (a team server on a local port). */
  direct?: string[];
}): Promise<FirefoxLaunched> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`no Firefox build at ${FIREFOX_EXTENSION_DIR}: run npm run build:firefox`);
  const uuid = randomUUID();
  const lang = opts.lang ?? 'ar';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: opts.headless ?? true,
    defaultViewport: { width: 1280, height: 860 },
    // Lets WebDriver BiDi open moz-extension:// pages (refused to it otherwise).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Every http:// request goes to the fixture site, which answers by its Host.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.sitePort,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': (opts.direct ?? []).join(', '),
      // The fixtures are plain http: no attempt at https first (there is no network to try it on).
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      // A known moz-extension:// origin for the add-on, so its pages can be opened.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // Firefox's UI language, and so the extension's (Debian's firefox-esr-l10n-ar has Arabic).
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
      ...(opts.downloadDir
        ? {
            'browser.download.dir': opts.downloadDir,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.alwaysOpenPanel': false,
          }
        : {}),
      ...(opts.grantPermissionPrompts ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const origin = `moz-extension://${uuid}`;
    const openExtensionPage = async (path: string, size?: { width: number; height: number }) => {
      const page = await browser.newPage();
      if (size) await page.setViewport(size);
      await loadExtensionPage(page, `${origin}/${path}`);
      return page;
    };
    const api = await openExtensionPage('report.html');
    return {
      browser,
      origin,
      api,
      openExtensionPage,
      async close() {
        await browser.close();
      },
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Waits until the background has loaded the built-in corpus (`atLeast` reports). */
export async function waitForCorpusIn(page: Page, atLeast = 5): Promise<void> {
  await waitFor('the built-in corpus', () => page.evaluate(reportCount), (n) => n >= atLeast, 150);
}
