// The foundation's end-to-end slice: a reader opens an outlet's article and sees related reports
// from the built-in corpus in the in-page panel; listings get no panel; nothing of the corpus is
// readable from the page's DOM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { extensionRunsIn, launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { waitForStep } from './harness/isolated';
import { PAGES, seed, startSite } from './harness/site';

let site: Awaited<ReturnType<typeof startSite>>;
let browser: Launched;

beforeAll(async () => {
  site = await startSite();
  browser = await launchWithExtension({ hostRules: site.hostRules });
  await waitForCorpus(browser.worker);
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('panel iframe has no frame');
  return frame;
}

async function relatedTitles(page: Page): Promise<string[]> {
  const frame = await panelFrame(page);
  await frame.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
  return frame.$$eval('[data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? ''));
}

const titles = [0, 1, 2, 3, 4].map((i) => seed(i).title);

describe('article pages show related reports from the corpus', () => {
  const cases: Array<[string, string, number]> = [
    ['Orient News (live host)', PAGES.orientArticle, 0],
    ['Orient News (web.archive.org copy)', PAGES.orientArchive, 1],
    ['Shaam Network', PAGES.shaamArticle, 3],
    ['Eram News', PAGES.eremArticle, 4],
  ];
  for (const [name, url, self] of cases) {
    it(`${name}: the panel lists related seed reports, not the article itself`, async () => {
      const page = await browser.context.newPage();
      await page.goto(url);
      const shown = await relatedTitles(page);
      expect(shown.length).toBeGreaterThan(0);
      for (const t of shown) expect(titles).toContain(t);
      expect(shown).not.toContain(titles[self]);
      if (self === 0) expect(shown).toContain(titles[4]);
      // The reader's corpus never enters the news site's DOM: no other seed's title is in it.
      const dom = await page.evaluate(() => document.documentElement.outerHTML);
      for (const [i, t] of titles.entries()) if (i !== self) expect(dom).not.toContain(t);
      await page.screenshot({ path: `tests/e2e/.tmp/${name.replace(/\W+/g, '-')}.png` });
      await page.close();
    });
  }

  it('a listing page gets no panel', async () => {
    // The content script's decision is its `recognize` step (lib/timing.ts): an article's
    // panel is mounted in the same task, so once it is there a missing panel is a decision, not a
    // slow machine. The article first, as the control: there the panel is present at that moment.
    const recognized = (page: Page) => waitForStep(page, 'recognize');
    const control = await browser.context.newPage();
    await control.goto(PAGES.eremArticle);
    await recognized(control);
    expect(await control.$('[data-isnad="panel"]')).not.toBeNull();
    await control.close();
    for (const url of [PAGES.shaamListing, PAGES.eremListing]) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await recognized(page);
      expect(await page.$('[data-isnad="panel"]')).toBeNull();
      await page.close();
    }
  });

  it('a site that is not built in gets nothing by default', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.idlibArticle);
    // Loaded, with nothing of Isnad running in it: the browser's decision, not a slow machine.
    expect(await extensionRunsIn(browser, page)).toBe(false);
    expect(await page.$('[data-isnad="panel"]')).toBeNull();
    await page.close();
  });

  it('the side panel shows the same context for the active tab', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.eremArticle);
    const inPanel = await relatedTitles(page);
    // The side panel follows the active tab; opened as a page here, it is told the tab (?tab=).
    const tabId = await browser.worker.evaluate(async () => {
      // Runs in the service worker, where `chrome` is the extension API.
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };
      const [tab] = await chrome.tabs.query({ url: '*://*.eremnews.com/*' });
      return tab?.id;
    });
    expect(tabId).toBeTypeOf('number');
    const side = await browser.context.newPage();
    await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await side.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
    const shown = await side.$$eval('[data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? ''));
    expect(shown).toEqual(inPanel);
    await side.close();
    await page.close();
  });
});
