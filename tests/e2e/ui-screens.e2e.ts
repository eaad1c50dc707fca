// Screenshots of every view — the article with its panel, each side-panel tab, the popup and
// the options — in Arabic and English, light and dark, checked for language, direction and theme,
// and for a layout a reader can read: no text drawn over other text, none cut, none off the side.
// With ISNAD_SCREENSHOTS=1 they are written to docs/screenshots (committed, shown in the README);
// otherwise to tests/e2e/.tmp/screens.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { PAGES, seed, startSite } from './harness/site';
import { layoutProblems } from './layout';
import { openExtensionPage, panelFrame, panelState, tabIdOf, UNRELATED, untilLoaded } from './ui-helpers';

const OUT = process.env.ISNAD_SCREENSHOTS === '1' ? 'docs/screenshots' : join('tests/e2e/.tmp/screens');
mkdirSync(OUT, { recursive: true });

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.server.close());

const BG = { light: 'rgb(253, 252, 249)', dark: 'rgb(27, 26, 23)' } as const;
const SIDE = { width: 420, height: 820 };

async function expectLook(page: Page, lang: 'ar' | 'en', theme: 'light' | 'dark'): Promise<void> {
  await untilLoaded(page);
  expect(await layoutProblems(page), page.url()).toEqual([]);
  expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BG[theme]);
  // The bundled Arabic font is the one in use, not a system fallback.
  const loaded = await page.evaluate(async () => (await document.fonts.load('16px "Isnad Sans"', 'إسناد')).map((f) => f.status));
  expect(loaded).toEqual(['loaded']);
}

describe('the layout check', () => {
  it('finds text drawn over text, text cut by its box, a control off the side and a page wider than its window', async () => {
    const b = await launchWithExtension({ hostRules: site.hostRules });
    try {
      const page = await b.context.newPage();
      await page.setViewportSize({ width: 400, height: 300 });
      await page.setContent(`<body dir="rtl" style="margin:8px;font:16px sans-serif">
        <h1 style="margin:0 0 -20px">عنوان فوق السطر</h1><p style="margin:0">سطر تحته يغطيه العنوان</p>
        <p style="width:60px;overflow:hidden;white-space:nowrap">نص طويل لا يتسع في صندوقه</p>
        <button style="position:relative;left:150px">زر</button><div style="width:600px;height:1px"></div></body>`);
      const problems = (await layoutProblems(page)).join('\n');
      expect(problems).toMatch(/<h1> "عنوان فوق السطر" drawn over <p> "سطر تحته/);
      expect(problems).toMatch(/<p> "نص طويل.*cut across/);
      expect(problems).toMatch(/<button> "زر" outside the window's width/);
      expect(problems).toMatch(/the page is wider than its window/);
      // The same page laid out well: nothing.
      await page.setContent('<body dir="rtl"><h1>عنوان</h1><p>سطر تحته</p><button>زر</button></body>');
      expect(await layoutProblems(page)).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

for (const lang of ['ar', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    describe(`screenshots ${lang} ${theme}`, () => {
      let b: Launched;
      const errors: string[] = [];
      const shot = (page: Page, view: string, fullPage = false) => page.screenshot({ path: join(OUT, `${view}-${lang}-${theme}.png`), fullPage });
      beforeAll(async () => {
        b = await launchWithExtension({ hostRules: site.hostRules, lang, colorScheme: theme });
        await waitForCorpus(b.worker);
      });
      afterAll(async () => {
        await b?.close();
      });

      it('every view', async () => {
        // A clipping, so that the Clippings tab shows one.
        const other = seed(4);
        const options = await openExtensionPage(b, 'options.html', errors);
        await options.waitForSelector('table.stats');
        const now = Date.parse('2026-11-20T10:00:00Z');
        await options.evaluate(async (c) => {
          const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
          await chrome.runtime.sendMessage({ isnad: 'ui:clipping-restore', data: { clipping: c } });
        }, {
          id: 'screens-1', quote: other.paragraphs[0]!.slice(0, 140), prefix: '', suffix: '', url: 'https://www.eremnews.com/news/arab-world/syria/k3x9q2m',
          canonicalUrl: null, archiveUrl: null, outlet: 'eremnews', title: other.title, publishedAt: '2017-10-22', createdAt: now, updatedAt: now,
          entities: [], attribution: null, note: lang === 'ar' ? 'للمقارنة مع رواية أورينت' : 'Compare with the Orient account', tags: ['حلب', 'داعش'],
        });
        await options.reload();
        await options.waitForSelector('table.stats');
        await expectLook(options, lang, theme);
        await shot(options, 'options', true);
        await options.close();

        const article = await b.context.newPage();
        await article.goto(PAGES.orientArticle);
        const frame = await panelFrame(article);
        await frame.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
        expect((await panelState(article)).mode).toBe('margin');
        // The panel draws its own box in the theme's colour; its frame is transparent around it.
        expect(await frame.evaluate(() => getComputedStyle(document.querySelector('main.panel')!).backgroundColor)).toBe(BG[theme]);
        expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
        await untilLoaded(frame);
        expect(await layoutProblems(frame), 'panel').toEqual([]);
        await shot(article, 'article-panel');
        // The README's first picture is this one, from the same run (tests/unit/ui/readme-pictures.test.ts).
        if (OUT === 'docs/screenshots' && lang === 'ar' && theme === 'light') copyFileSync(join(OUT, 'article-panel-ar-light.png'), 'docs/start.png');

        const tabId = await tabIdOf(b, '*://*.orient-news.net/*');
        for (const view of ['context', 'compare', 'clippings', 'corpus'] as const) {
          const side = await openExtensionPage(b, `sidepanel.html?tab=${tabId}&view=${view}`, errors, SIDE);
          await side.waitForSelector(`[role="tabpanel"][aria-labelledby="tab-${view}"]`);
          if (view === 'context') {
            await side.waitForSelector('[data-testid="related-item"]');
            await side.waitForSelector('[data-testid="claim"]');
          }
          if (view === 'corpus') {
            const words = side.getByRole('searchbox');
            await words.fill('داعش');
            await words.press('Enter');
            await side.waitForSelector('[data-testid="corpus-hit"]');
          }
          expect(await side.locator('[role="alert"]').count()).toBe(0);
          await expectLook(side, lang, theme);
          // The Context tab whole: the article, its names, who said what, the related reports.
          await shot(side, `sidepanel-${view}`, view === 'context');
          await side.close();
        }

        const popup = await openExtensionPage(b, `popup.html?tab=${tabId}`, errors, { width: 340, height: 400 });
        await popup.waitForSelector('[data-testid="related-count"]');
        await expectLook(popup, lang, theme);
        await shot(popup, 'popup');
        await popup.close();
        await article.close();

        // Empty states: an article nothing in the corpus relates to; a site Isnad is not turned on for.
        const lonely = await b.context.newPage();
        await lonely.route(UNRELATED.url, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: UNRELATED.html }));
        await lonely.goto(UNRELATED.url);
        const quiet = await panelFrame(lonely);
        await quiet.waitForSelector('[data-testid="panel-quiet"]', { timeout: 15_000 });
        await untilLoaded(quiet);
        expect(await layoutProblems(quiet), 'quiet panel').toEqual([]);
        await shot(lonely, 'article-panel-empty');
        await lonely.close();
        const off = await b.context.newPage();
        await off.goto(PAGES.idlibArticle);
        const side = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, null)}`, errors, { width: SIDE.width, height: 320 });
        await side.waitForSelector('[data-testid="empty-site-off"]');
        await expectLook(side, lang, theme);
        await shot(side, 'sidepanel-site-off');
        await side.close();
        await off.close();
        expect(errors).toEqual([]);
      });
    });
  }
}
