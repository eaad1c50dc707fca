// Reading in Firefox: an outlet's article (each built-in host and a web.archive.org copy) shows
// related reports from the built-in corpus in the in-page panel, none of the corpus in the page's
// DOM; a listing page gets no panel; the sidebar's page follows the active tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefox, waitForCorpusIn, type FirefoxLaunched } from '../harness/firefox';
import { PAGES, seed, startSite } from '../harness/site';
import { waitFor } from '../harness/wait';

let site: Awaited<ReturnType<typeof startSite>>;
let ff: FirefoxLaunched;

beforeAll(async () => {
  site = await startSite();
  ff = await launchFirefox({ sitePort: site.port });
  await waitForCorpusIn(ff.api);
});
afterAll(async () => {
  await ff?.close();
  site?.server.close();
});

async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-isnad="panel"] iframe', { timeout: 15_000 });
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('panel iframe has no frame');
  return frame;
}

async function relatedTitles(frameOrPage: Frame | Page): Promise<string[]> {
  await frameOrPage.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
  return frameOrPage.$$eval('[data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? ''));
}

/** The id of the tab showing a URL (a match pattern), asked of the extension's API. */
function tabIdOf(urlPattern: string): Promise<number> {
  return waitFor(`tab ${urlPattern}`, () => ff.api.evaluate(async (url) => {
    const { browser } = globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };
    return (await browser.tabs.query({ url }))[0]?.id ?? -1;
  }, urlPattern), (id) => id >= 0);
}

/** What the background holds for a tab: its article's context, or null (ui:context). */
function contextOf(tabId: number): Promise<{ article: { url: string } } | null> {
  return ff.api.evaluate(async (id) => {
    const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value?: unknown; error?: string }> } } };
    const r = await browser.runtime.sendMessage({ isnad: 'ui:context', data: { tabId: id } });
    if (!r.ok) throw new Error(r.error);
    return r.value as { article: { url: string } } | null;
  }, tabId);
}

const titles = [0, 1, 2, 3, 4].map((i) => seed(i).title);

describe('Firefox: article pages show related reports from the corpus', () => {
  const cases: Array<[string, string, number]> = [
    ['Orient News (live host)', PAGES.orientArticle, 0],
    ['Orient News (web.archive.org copy)', PAGES.orientArchive, 1],
    ['Shaam Network', PAGES.shaamArticle, 3],
    ['Eram News', PAGES.eremArticle, 4],
  ];
  for (const [name, url, self] of cases) {
    it(`${name}: the panel lists related seed reports, not the article itself`, async () => {
      const page = await ff.browser.newPage();
      await page.goto(url);
      const shown = await relatedTitles(await panelFrame(page));
      expect(shown.length).toBeGreaterThan(0);
      for (const t of shown) expect(titles).toContain(t);
      expect(shown).not.toContain(titles[self]);
      if (self === 0) expect(shown).toContain(titles[4]);
      // The reader's corpus never enters the news site's DOM: no other seed's title is in it.
      const dom = await page.evaluate(() => document.documentElement.outerHTML);
      for (const [i, t] of titles.entries()) if (i !== self) expect(dom).not.toContain(t);
      await page.screenshot({ path: `tests/e2e/.tmp/firefox-${name.replace(/\W+/g, '-')}.png` });
      await page.close();
    });
  }

  it('a listing page gets no panel', async () => {
    for (const [article, listing, pattern] of [
      [PAGES.shaamArticle, PAGES.shaamListing, '*://*.shaam.org/*'],
      [PAGES.eremArticle, PAGES.eremListing, '*://*.eremnews.com/*'],
    ] as const) {
      const page = await ff.browser.newPage();
      await page.goto(article);
      await panelFrame(page);
      const tabId = await tabIdOf(pattern);
      expect(await contextOf(tabId)).not.toBeNull();
      // The same tab goes on to the listing: its content script reads the page, finds no article
      // and tells the background, which forgets the tab's article; only then is the page judged.
      await page.goto(listing);
      await waitFor('the listing read', () => contextOf(tabId), (c) => c === null);
      expect(await page.$('[data-isnad="panel"]')).toBeNull();
      await page.close();
    }
  });

  it('the sidebar page follows the active tab', async () => {
    const orient = await ff.browser.newPage();
    await orient.goto(PAGES.orientArticle);
    const orientShown = await relatedTitles(await panelFrame(orient));
    const erem = await ff.browser.newPage();
    await erem.goto(PAGES.eremArticle);
    const eremShown = await relatedTitles(await panelFrame(erem));
    expect(eremShown).not.toEqual(orientShown);
    // The sidebar's page (sidebar_action's default_panel), opened in a tab of the same window: it
    // shows the window's active tab, and follows when the reader switches tabs.
    const side = await ff.openExtensionPage('sidepanel.html');
    await orient.bringToFront();
    await waitFor('sidebar shows Orient', () => side.$$eval('[data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? '')), (t) => JSON.stringify(t) === JSON.stringify(orientShown));
    await erem.bringToFront();
    await waitFor('sidebar shows Eram', () => side.$$eval('[data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? '')), (t) => JSON.stringify(t) === JSON.stringify(eremShown));
    await side.close();
    await erem.close();
    await orient.close();
  });
});
