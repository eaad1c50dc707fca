// Reading in Firefox: an outlet's article (each built-in host and a web.archive.org copy) shows
// related reports from the built-in corpus in the in-page panel, none of the corpus in the page's
// DOM; a listing page gets no panel; the sidebar's page follows the active tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, waitForCorpusIn, type FirefoxLaunched } from '../harness/firefox';
import { PAGES, seed, startSite } from '../harness/site';
import { waitFor } from '../harness/wait';
import { button, panelFrame, relatedTitles, sendFrom, tabIdOf } from './helpers';

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

/** What the background holds for a tab: its article's context, or null (ui:context). */
const contextOf = (tabId: number) => sendFrom<{ article: { url: string } } | null>(ff.api, 'ui:context', { tabId });

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

  it('a mark focused by keyboard shows its card (an extension iframe) with the corpus data; Escape hides it', async () => {
    const page = await ff.browser.newPage();
    await page.goto(PAGES.orientArticle);
    const selector = 'mark[data-isnad-mark="place"][data-isnad-entity]';
    await page.waitForSelector(selector, { timeout: 15_000 });
    // Marks are applied in batches: wait until their number settles.
    let last = -1;
    await waitFor('the marks settle', async () => {
      const n = await page.$$eval('mark[data-isnad-mark]', (els) => els.length);
      const settled = n === last;
      last = n;
      return settled;
    }, (v) => v);
    await page.focus(selector);
    const card = await page.waitForSelector('[data-isnad="card"] iframe', { visible: true, timeout: 10_000 });
    const frame = (await card!.contentFrame())!;
    await frame.waitForSelector('main.card h1', { timeout: 10_000 });
    expect((await frame.$eval('main.card h1', (h) => h.textContent ?? '')).length).toBeGreaterThan(0);
    const body = await frame.$eval('main.card', (m) => m.textContent ?? '');
    expect(body).toMatch(/[\d\u0660-\u0669]/);
    // Nothing of the card is in the page's own DOM.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(body.slice(0, 30));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-isnad="card"]', { hidden: true, timeout: 5_000 });
    await page.close();
  });

  it("the panel's own buttons reach its tab without the tabs API (which a framed page lacks in Firefox): hide and show marks", async () => {
    const page = await ff.browser.newPage();
    await page.goto(PAGES.orientArticle);
    const frame = await panelFrame(page);
    // The context comes after the panel's first render: it must still be shown.
    expect((await relatedTitles(frame)).length).toBeGreaterThan(0);
    await page.waitForSelector('mark[data-isnad-mark]', { timeout: 15_000 });
    const toggle = await frame.waitForSelector('[data-testid="panel-marks"]', { timeout: 10_000 });
    await toggle!.click();
    await waitFor('marks hidden', () => frame.$eval('[data-testid="panel-marks"]', (b) => b.getAttribute('aria-pressed')), (v) => v === 'true');
    const hidden = () => page.evaluate(() => document.documentElement.hasAttribute('data-isnad-marks-hidden'));
    await waitFor('the page hides its marks', hidden, (h) => h);
    await toggle!.click();
    await waitFor('marks shown', () => frame.$eval('[data-testid="panel-marks"]', (b) => b.getAttribute('aria-pressed')), (v) => v === 'false');
    await waitFor('the page shows its marks', hidden, (h) => !h);
    await page.close();
  });

  it('a listing page gets no panel', async () => {
    for (const [article, listing, pattern] of [
      [PAGES.shaamArticle, PAGES.shaamListing, '*://*.shaam.org/*'],
      [PAGES.eremArticle, PAGES.eremListing, '*://*.eremnews.com/*'],
    ] as const) {
      const page = await ff.browser.newPage();
      await page.goto(article);
      await panelFrame(page);
      const tabId = await tabIdOf(ff, pattern);
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

  it('the popup opens the sidebar (sidebar_action); it shows the active tab\'s related reports, and follows a story the site brings in by pushState', async () => {
    const article = await ff.browser.newPage();
    await article.goto(PAGES.orientArticle);
    const inPanel = await relatedTitles(await panelFrame(article));
    const tabId = await tabIdOf(ff, '*://*.orient-news.net/*');
    const sidebar = {
      isOpen: () => ff.api.evaluate(() => (globalThis as unknown as { browser: { sidebarAction: { isOpen(d: object): Promise<boolean> } } }).browser.sidebarAction.isOpen({})),
      // The sidebar's page, reached through the extension's own views (WebDriver BiDi does not see it).
      titles: () => ff.api.evaluate(() => {
        const { browser } = globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } };
        const [view] = browser.extension.getViews({ type: 'sidebar' });
        return view ? [...view.document.querySelectorAll('[data-testid="related-item"] .title')].map((e) => e.textContent ?? '') : null;
      }),
    };
    // Firefox opens an add-on's sidebar when it is installed (sidebar_action's open_at_install):
    // it shows the active tab's related reports.
    expect(await sidebar.isOpen()).toBe(true);
    await article.bringToFront();
    await waitFor('sidebar shows the article', sidebar.titles, (t) => JSON.stringify(t) === JSON.stringify(inPanel));
    // The reader closes it (sidebarAction.close, like open, needs a click: one on an extension page).
    await ff.api.evaluate(() => {
      const b = document.body.appendChild(document.createElement('button'));
      b.textContent = 'close-sidebar';
      b.onclick = () => void (globalThis as unknown as { browser: { sidebarAction: { close(): Promise<void> } } }).browser.sidebarAction.close();
    });
    await ff.api.bringToFront();
    await (await button(ff.api, 'close-sidebar')).click();
    await waitFor('sidebar closed', sidebar.isOpen, (v) => !v);
    // The popup's button, pressed by the reader (sidebarAction.open needs the click).
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`, { width: 340, height: 460 });
    await (await button(popup, 'فتح اللوحة الجانبية')).click();
    await waitFor('sidebar open', sidebar.isOpen, (v) => v);
    // Open again (the popup closes itself once it has opened it), on the window's active tab.
    await article.bringToFront();
    await waitFor('sidebar shows the article again', sidebar.titles, (t) => JSON.stringify(t) === JSON.stringify(inPanel));
    await popup.close().catch(() => undefined);

    // The site's router brings another story into the same tab (history.pushState, then the new
    // text): no load, no tab switch. The sidebar follows once the page has been read again.
    const next = seed(3);
    await article.evaluate((title, paragraphs) => {
      history.pushState({}, '', '/ar/news_show/99999/0/قصة-أخرى');
      setTimeout(() => {
        document.title = title;
        document.querySelector('meta[property="og:title"]')?.setAttribute('content', title);
        document.querySelector('link[rel="canonical"]')?.setAttribute('href', 'https://orient-news.net/ar/news_show/99999');
        document.querySelector('article h1')!.textContent = title;
        document.querySelector('.article-body')!.replaceChildren(...paragraphs.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
      }, 150);
    }, next.title, next.paragraphs);
    // (The panel redraws meanwhile: a probe may meet a node that is gone.)
    const nextInPanel = await waitFor('the panel on the new story', () => relatedTitles(panelFrame(article)).catch(() => []), (t) => t.length > 0 && JSON.stringify(t) !== JSON.stringify(inPanel));
    await waitFor('sidebar shows the new story', sidebar.titles, (t) => JSON.stringify(t) === JSON.stringify(nextInPanel));
    await article.close();
  });
});
