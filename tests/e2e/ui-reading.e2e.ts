// Reading Isnad as a journalist would, in Arabic and English: counts in the language's own plural
// forms, dates written with month names on one line, the Corpus tab's lines inside its margins,
// and the article being read kept as one report beside its built-in copy.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { badDates, boxProblems, smallestText } from './layout';
import { PAGES, startSite } from './harness/site';
import { openExtensionPage, panelFrame, tabIdOf, waitFor } from './ui-helpers';
import { storedReports } from './harness/probes';

const OUT = join('tests/e2e/.tmp/reading');
mkdirSync(OUT, { recursive: true });
const SIDE = { width: 420, height: 820 };

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.server.close());

for (const [lang, theme] of [['ar', 'light'], ['en', 'dark']] as const) {
  describe(`reading ${lang} ${theme}`, () => {
    let b: Launched;
    const errors: string[] = [];
    beforeAll(async () => {
      b = await launchWithExtension({ hostRules: site.hostRules, lang, colorScheme: theme });
      await waitForCorpus(b.worker);
    });
    afterAll(async () => {
      await b?.close();
    });

    it('the Corpus tab: counts in words, dates on one line, status lines inside the margins', async () => {
      const article = await b.context.newPage();
      await article.goto(PAGES.orientArticle);
      await (await panelFrame(article)).waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
      // The capture has run once the built-in copy has the page's address (it had none).
      await waitFor('capture merged', () => b.worker.evaluate(storedReports).then((rows) => rows.filter((r) => r.title.startsWith('للمرة الرابعة')).map((r) => r.url)), (urls) => urls.some((u) => u.includes('news_show/92367')));
      const tabId = await tabIdOf(b, '*://*.orient-news.net/*');
      const side = await openExtensionPage(b, `sidepanel.html?tab=${tabId}&view=corpus`, errors, SIDE);
      const count = side.getByTestId('corpus-count');
      await count.waitFor();
      // The built-in corpus holds five reports; reading one of them (the Orient article) adds none.
      expect(await count.textContent()).toBe(lang === 'ar' ? '5 تقارير في مجموعتك' : '5 reports in your corpus');
      // Before any search the tab lists the newest reports of each outlet, not only a count.
      const latest = side.getByTestId('corpus-latest');
      await latest.waitFor();
      const outlets = await latest.locator('section[data-outlet]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outlet')));
      expect(outlets.length).toBeGreaterThanOrEqual(3);
      expect(outlets).toContain('orient-news');
      expect(await latest.getByTestId('corpus-latest-item').count()).toBeGreaterThanOrEqual(outlets.length);
      // The first outlet's group, on screen (the others are below the fold, a scroll away).
      expect(await boxProblems(side, '[data-testid="corpus-latest"] section:first-of-type h3, [data-testid="corpus-latest"] section:first-of-type [data-testid="corpus-latest-item"] a', 8)).toEqual([]);
      expect(await badDates(side)).toEqual([]);
      await side.screenshot({ path: join(OUT, `corpus-latest-${lang}-${theme}.png`) });
      const words = side.getByRole('searchbox');
      await words.fill('داعش');
      await words.press('Enter');
      await side.waitForSelector('[data-testid="corpus-hit"]');
      const hits = await side.getByTestId('hit-count').textContent();
      expect(hits).toMatch(lang === 'ar' ? /^عُثر على (تقرير واحد|تقريرين|\d+ تقارير)$/ : /^(1 report|\d+ reports) found$/);
      expect(await boxProblems(side, '[data-testid="corpus-count"], [data-testid="hit-count"]', 8)).toEqual([]);
      expect(await badDates(side)).toEqual([]);
      const dates = await side.locator('[data-testid="corpus-hit"] .date').allTextContents();
      expect(dates.length).toBeGreaterThan(0);
      if (lang === 'ar') expect(dates.some((d) => /يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر/.test(d))).toBe(true);
      // One copy of the Orient article, with the page's address now that it was read.
      const orient = await side.locator('[data-testid="corpus-hit"]').filter({ hasText: 'للمرة الرابعة في أقل من شهر' }).count();
      expect(orient).toBe(1);
      expect(await smallestText(side)).toMatchObject({ size: expect.toSatisfy((n: number) => n >= 13) });
      await side.screenshot({ path: join(OUT, `corpus-${lang}-${theme}.png`) });
      // The date fields are typed text with a calendar button: no native empty date field, whose
      // Arabic placeholder Chromium draws with its letters reversed, is visible.
      const from = side.locator('.date-field input[type="text"]').first();
      expect(await from.getAttribute('placeholder')).toBe(lang === 'ar' ? '2024-12-31' : 'yyyy-mm-dd');
      expect(await side.locator('input[type="date"]').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 2 && getComputedStyle(e).opacity !== '0').length)).toBe(0);
      await from.fill('١/١/٢٠١٨');
      await words.press('Enter');
      await side.waitForFunction(() => document.querySelectorAll('[data-testid="corpus-hit"]').length === 1);
      expect(await side.locator('[data-testid="corpus-hit"] time').getAttribute('datetime')).toMatch(/^2018-/);
      await side.locator('.filters').screenshot({ path: join(OUT, `date-fields-${lang}-${theme}.png`) });
      await side.close();
      await article.close();
      expect(errors).toEqual([]);
    });

    it('the in-page panel leads on: the side panel, Compare for this event, the marks hidden and shown', async () => {
      const article = await b.context.newPage();
      await article.goto(PAGES.shaamArticle);
      const frame = await panelFrame(article);
      await frame.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
      await article.waitForSelector('mark[data-isnad-mark]', { state: 'attached', timeout: 15_000 });
      for (const id of ['panel-open-side', 'panel-compare', 'panel-marks']) expect(await boxProblems(frame, `[data-testid="${id}"]`)).toEqual([]);
      // Nothing a reader must read below 13 px, body text at 16 px.
      expect(await smallestText(frame)).toMatchObject({ size: expect.toSatisfy((n: number) => n >= 13) });
      expect(await frame.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(16);
      expect(await boxProblems(frame, '[data-testid="marks-legend"] li')).toEqual([]);
      const marks = frame.getByTestId('panel-marks');
      await marks.click();
      await waitFor('marks hidden', () => article.evaluate(() => document.documentElement.hasAttribute('data-isnad-marks-hidden')), (h) => h);
      // The panel learns the page's state by a message after the page changes: wait for it.
      await waitFor('button pressed', () => marks.getAttribute('aria-pressed'), (v) => v === 'true');
      expect(await marks.textContent()).toBe(lang === 'ar' ? 'إظهار العلامات' : 'Show marks');
      await marks.click();
      await waitFor('marks shown', () => article.evaluate(() => document.documentElement.hasAttribute('data-isnad-marks-hidden')), (h) => !h);
      // Before the side panel opens (it narrows the window's page).
      await article.screenshot({ path: join(OUT, `panel-actions-${lang}-${theme}.png`) });
      // Compare opens the side panel (in the click) and asks it for its Compare tab: a side panel
      // already open (here one in a tab, on the Context tab) switches to it.
      type Chrome = { chrome: { runtime: { getContexts(f: object): Promise<Array<{ documentUrl?: string }>> }; storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } };
      const open = await openExtensionPage(b, 'sidepanel.html', errors, SIDE);
      await open.waitForSelector('#tab-context[aria-selected="true"]');
      await frame.getByTestId('panel-compare').click();
      await open.waitForSelector('#tab-compare[aria-selected="true"]');
      const state = () => b.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as Chrome;
        const panels = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
        return { panels: panels.map((c) => c.documentUrl ?? ''), pending: 'isnad:side-view' in (await chrome.storage.session.get('isnad:side-view')) };
      });
      // The browser's own side panel opened too, and the request was taken (not left for later).
      await waitFor('side panel opened', state, (s) => s.panels.some((u) => u.includes('sidepanel.html')) && !s.pending);
      await open.close();
      await article.close();
      expect(errors).toEqual([]);
    });

    it('report.html is a reading view: readable text with its marks, outlet, date, links, and its own related reports', async () => {
      const ids = (await b.worker.evaluate(storedReports)).map((r) => ({ id: r.id, url: r.url, outlet: r.outlet }));
      // The Orient article read in the first test: its built-in copy now has the page's address.
      const withUrl = ids.find((r) => r.outlet === 'orient-news' && /^https?:/.test(r.url))!;
      expect(withUrl).toBeDefined();
      const view = await openExtensionPage(b, `report.html?id=${encodeURIComponent(withUrl.id)}`, errors, { width: 900, height: 900 });
      await view.waitForSelector('.report-view h1');
      await view.waitForSelector('.report-related [data-testid="related-item"], .report-related .empty', { timeout: 15_000 });
      expect(await view.getByTestId('report-outlet').textContent()).toBe(lang === 'ar' ? 'أورينت نت' : 'Orient News');
      expect(await view.getByTestId('report-original').getAttribute('href')).toMatch(/^https:\/\/orient-news\.net\//);
      expect(await view.getByTestId('report-archive').getAttribute('href')).toMatch(/^https:\/\/web\.archive\.org\/web\/https:\/\/orient-news\.net\//);
      expect(await view.locator('.report-view article mark.mark').count()).toBeGreaterThan(3);
      expect(await view.locator('.report-related [data-testid="related-item"]').count()).toBeGreaterThan(0);
      const body = await view.locator('.report-view article p[dir="auto"]').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(body).toBeGreaterThanOrEqual(16);
      expect(await boxProblems(view, '[data-testid="report-original"], [data-testid="report-archive"], [data-testid="marks-legend"]')).toEqual([]);
      expect(await badDates(view)).toEqual([]);
      await view.screenshot({ path: join(OUT, `report-${lang}-${theme}.png`) });
      await view.close();
      expect(errors).toEqual([]);
    });
  });
}
