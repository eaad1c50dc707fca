// Screenshots of the Firefox views beside Chromium's: the article with its in-page panel and the
// sidebar's Context tab, in Arabic, checked for direction, theme and the bundled Arabic font.
// With ISNAD_SCREENSHOTS=1 they are written to docs/screenshots (`*-firefox.png`, shown in the
// README); otherwise to tests/e2e/.tmp/screens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefox, waitForCorpusIn, type FirefoxLaunched } from '../harness/firefox';
import { PAGES, startSite } from '../harness/site';
import { panelFrame, relatedTitles, tabIdOf } from './helpers';

const OUT = process.env.ISNAD_SCREENSHOTS === '1' ? 'docs/screenshots' : join('tests/e2e/.tmp/screens');
mkdirSync(OUT, { recursive: true });
const LIGHT = 'rgb(253, 252, 249)';

let site: Awaited<ReturnType<typeof startSite>>;
let ff: FirefoxLaunched;
beforeAll(async () => {
  site = await startSite();
  ff = await launchFirefox({ sitePort: site.port, lang: 'ar' });
  await waitForCorpusIn(ff.api);
});
afterAll(async () => {
  await ff?.close();
  site?.server.close();
});

/** Right to left, the light theme, and the bundled Arabic font in use (not a system fallback). */
async function expectLook(view: Page | Frame, box = 'body'): Promise<void> {
  expect(await view.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await view.evaluate((sel) => getComputedStyle(document.querySelector(sel)!).backgroundColor, box)).toBe(LIGHT);
  expect(await view.evaluate(async () => (await document.fonts.load('16px "Isnad Sans"', 'إسناد')).map((f) => f.status))).toEqual(['loaded']);
}

describe('Firefox screenshots (Arabic, light)', () => {
  it('the article with its panel, and the sidebar\'s Context tab', async () => {
    const article = await ff.browser.newPage();
    await article.goto(PAGES.orientArticle);
    const frame = await panelFrame(article);
    await relatedTitles(frame);
    // The panel sits in the margin beside the text, as in Chromium.
    await article.waitForSelector('[data-isnad="panel"][data-mode="margin"]', { timeout: 15_000 });
    // The panel draws its own box (its frame is transparent around it).
    await expectLook(frame, 'main.panel');
    await article.screenshot({ path: join(OUT, 'article-panel-ar-light-firefox.png') });

    const side = await ff.openExtensionPage(`sidepanel.html?tab=${await tabIdOf(ff, '*://*.orient-news.net/*')}&view=context`, { width: 420, height: 820 });
    await side.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
    await side.waitForSelector('[data-testid="claim"]', { timeout: 15_000 });
    expect(await side.$('[role="alert"]')).toBeNull();
    await expectLook(side);
    await side.screenshot({ path: join(OUT, 'sidepanel-context-ar-light-firefox.png'), fullPage: true });
    await side.close();
    await article.close();
  });
});
