// The extension's own pages (popup, options, side panel and its tabs, in-page panel) render in
// Arabic and English, with every string translated and no script error.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, waitForCorpus, type Launched } from './harness';
import { PAGES, startSite } from './site';

const OUT = 'tests/e2e/.tmp';
mkdirSync(OUT, { recursive: true });

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.server.close());

/** A message key left in the UI (t() returns the key when a message is missing): camelCase words. */
const RAW_KEY = /\b[a-z]+[A-Z][A-Za-z]*\b/;

async function openExtensionPage(b: Launched, path: string, errors: string[]): Promise<Page> {
  const page = await b.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`chrome-extension://${b.extensionId}/${path}`);
  return page;
}

async function tabIdOf(b: Launched, pattern: string): Promise<number> {
  const id = await b.worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id;
  }, pattern);
  if (typeof id !== 'number') throw new Error(`no tab for ${pattern}`);
  return id;
}

for (const lang of ['ar', 'en'] as const) {
  describe(`extension pages in ${lang}`, () => {
    let b: Launched;
    const errors: string[] = [];
    beforeAll(async () => {
      b = await launchWithExtension({ hostRules: site.hostRules, lang });
      await waitForCorpus(b.worker);
    });
    afterAll(async () => {
      await b?.close();
    });

    it('the side panel renders each tab, reached with the arrow keys', async () => {
      const article = await b.context.newPage();
      await article.goto(PAGES.orientArticle);
      await article.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
      const tabId = await tabIdOf(b, '*://*.orient-news.net/*');
      const side = await openExtensionPage(b, `sidepanel.html?tab=${tabId}`, errors);
      await side.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
      expect(await side.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      const tabs = side.getByRole('tab');
      expect(await tabs.count()).toBe(4);
      await tabs.first().focus();
      const next = lang === 'ar' ? 'ArrowLeft' : 'ArrowRight';
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        const selected = side.locator('[role="tab"][aria-selected="true"]');
        seen.push((await selected.getAttribute('id')) ?? '');
        // The selected tab has focus, so the reader can keep going with the arrows.
        expect(await side.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
        await side.waitForTimeout(300);
        const text = await side.locator('main').innerText();
        expect(text).not.toMatch(RAW_KEY);
        expect(await side.locator('[role="alert"]').count()).toBe(0);
        await side.screenshot({ path: `${OUT}/smoke-sidepanel-${seen[i]}-${lang}.png` });
        await side.keyboard.press(next);
      }
      expect(seen).toEqual(['tab-context', 'tab-compare', 'tab-clippings', 'tab-corpus']);
      await side.close();
      await article.close();
    });

    it('the popup and the options page render translated', async () => {
      const popup = await openExtensionPage(b, 'popup.html', errors);
      await popup.waitForSelector('h1');
      await popup.waitForSelector('.actions button');
      expect(await popup.locator('body').innerText()).not.toMatch(RAW_KEY);
      expect(await popup.title()).toBe(lang === 'ar' ? 'إسناد' : 'Isnad');
      await popup.screenshot({ path: `${OUT}/smoke-popup-${lang}.png` });
      await popup.close();

      const options = await openExtensionPage(b, 'options.html', errors);
      await options.waitForSelector('#capture-h');
      await options.waitForSelector('table.stats');
      expect(await options.locator('body').innerText()).not.toMatch(RAW_KEY);
      await options.screenshot({ path: `${OUT}/smoke-options-${lang}.png`, fullPage: true });
      await options.close();
      expect(errors).toEqual([]);
    });
  });
}
