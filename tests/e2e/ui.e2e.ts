// The reading experience by keyboard, in Arabic and English: the in-page panel (fold, move, kept
// per site, never over the article's text), the side panel's tabs, the popup, the options; every
// string translated, every control named, focus visible; nothing private in the page's DOM.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionRunsIn, launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { fixtureHttpUrl, PAGES, seed, startSite } from './harness/site';
import { pageFixtures } from '../unit/extract/fixture-pages';
import { ACTION_FLAG, UNRELATED, focusRing, untilLoaded, openExtensionPage, pressToolbarButton, panelCoversText, panelFrame, panelState, tabIdOf, unnamedControls, waitFor } from './ui-helpers';
import { boxProblems } from './layout';

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.server.close());

/** A message key left in the UI (t() returns the key when a message is missing): camelCase words. */
const RAW_KEY = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const SIDE = { width: 420, height: 860 };
/** A web.archive.org copy of a 2025 Shaam report. */
const ARCHIVED = fixtureHttpUrl(pageFixtures().find((f) => f.name === 'shaam-3')!.url);

/** Sends a protocol message from an extension page, as the UI does. */
function sendFrom<T>(page: Page, isnad: string, data: unknown): Promise<{ ok: boolean; value?: T; error?: string }> {
  return page.evaluate(async ([name, d]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: T; error?: string }> } } };
    return chrome.runtime.sendMessage({ isnad: name, data: d });
  }, [isnad, data] as const);
}

/** Presses Tab until `target` has the focus (at most `max` times); whether it got there. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 120): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((e) => e === document.activeElement)) return true;
    await page.keyboard.press('Tab');
  }
  return false;
}

/**
 * The URL of the tab `act` opens (closed again), as the browser holds it: a page that cannot load
 * (the tests have no network) shows Chromium's error page, but the tab keeps the URL it was given.
 */
async function openedUrl(b: Launched, act: () => Promise<void>): Promise<string> {
  const opened = b.context.waitForEvent('page');
  await act();
  const p = await opened;
  const url = await waitFor('new tab URL', () => b.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>> } } };
    const newest = (await chrome.tabs.query({})).sort((x, y) => (y.id ?? 0) - (x.id ?? 0))[0];
    return newest?.pendingUrl || newest?.url || '';
  }), (u) => u !== '' && u !== 'about:blank');
  await p.close();
  return url;
}



async function expectGoodPage(page: Page, where: string): Promise<void> {
  expect(await page.locator('body').innerText(), where).not.toMatch(RAW_KEY);
  expect(await unnamedControls(page), where).toEqual([]);
}

for (const lang of ['ar', 'en'] as const) {
  const next = lang === 'ar' ? 'ArrowLeft' : 'ArrowRight';
  describe(`reading UI in ${lang}`, () => {
    let b: Launched;
    const errors: string[] = [];
    beforeAll(async () => {
      b = await launchWithExtension({ hostRules: site.hostRules, lang, extraArgs: [ACTION_FLAG] });
      await waitForCorpus(b.worker);
    });
    afterAll(async () => {
      await b?.close();
    });
    // Each test's own page errors: one that failed leaves none to the next.
    beforeEach(() => {
      errors.length = 0;
    });

    it('side panel: tabs by arrow keys with visible focus, each tab named and translated; a related report opens with Enter', async () => {
      const article = await b.context.newPage();
      await article.goto(PAGES.orientArticle);
      await panelFrame(article);
      const tabId = await tabIdOf(b, '*://*.orient-news.net/*');
      const side = await openExtensionPage(b, `sidepanel.html?tab=${tabId}`, errors, SIDE);
      await side.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
      expect(await side.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await side.getAttribute('html', 'lang')).toMatch(new RegExp(`^${lang}`));

      // The first Tab lands on the selected tab, with a visible ring.
      await side.keyboard.press('Tab');
      const ring = await focusRing(side);
      expect(ring?.outline).not.toBe('none');
      expect(ring?.width).toBeGreaterThanOrEqual(2);
      expect(await side.evaluate(() => document.activeElement?.id)).toBe('tab-context');

      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        seen.push((await side.evaluate(() => document.activeElement?.id)) ?? '');
        expect(await side.locator('[role="tab"][aria-selected="true"]').getAttribute('id')).toBe(seen[i]);
        await side.waitForSelector(`[role="tabpanel"][aria-labelledby="${seen[i]}"]`);
        await untilLoaded(side);
        await expectGoodPage(side, seen[i]!);
        expect(await side.locator('[role="alert"]').count()).toBe(0);
        await side.keyboard.press(next);
      }
      expect(seen).toEqual(['tab-context', 'tab-compare', 'tab-clippings', 'tab-corpus']);
      // Wrapped around to the first; Home and End jump.
      expect(await side.evaluate(() => document.activeElement?.id)).toBe('tab-context');
      await side.keyboard.press('End');
      expect(await side.evaluate(() => document.activeElement?.id)).toBe('tab-corpus');
      await side.keyboard.press('Home');
      expect(await side.evaluate(() => document.activeElement?.id)).toBe('tab-context');

      // Tab into the context: the first related report's link, opened with Enter.
      const first = side.locator('[data-testid="related-item"] a.title').first();
      expect(await tabTo(side, first)).toBe(true);
      const opened = b.context.waitForEvent('page');
      await side.keyboard.press('Enter');
      const report = await opened;
      await report.waitForLoadState();
      expect(report.url()).toContain(`chrome-extension://${b.extensionId}/report.html?id=`);
      await report.close();
      await side.close();
      await article.close();
      expect(errors).toEqual([]);
    });

    it('Context tab: the date with its precision and source, places, actors and sources, who said what; a place searched in the Corpus tab by keyboard', async () => {
      const article = await b.context.newPage();
      await article.goto(PAGES.shaamArticle);
      await panelFrame(article);
      const side = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, '*://*.shaam.org/*')}`, errors, SIDE);
      await side.waitForSelector('[data-testid="claim"]', { timeout: 15_000 });
      const date = await side.getByTestId('article-date').innerText();
      // Written with the month's name, not as ISO text (the page's meta tag says 2017-10-22T10:00:00+03:00).
      expect(date).toContain(lang === 'ar' ? '22 أكتوبر 2017' : 'Oct 22, 2017');
      expect(date).not.toMatch(/\d{4}-\d{2}/);
      expect(date).toMatch(lang === 'ar' ? /مأخوذ من/ : /read from/);
      // Names in the reader's language, grouped by kind.
      const places = await side.getByTestId('places-h').innerText();
      expect(places).toContain(lang === 'ar' ? 'القورية' : 'al-Quriyah');
      expect(places).toContain(lang === 'ar' ? 'دير الزور' : 'Deir ez-Zor');
      expect(await side.getByTestId('actors-h').innerText()).toContain(lang === 'ar' ? 'قوات سوريا الديمقراطية' : 'Syrian Democratic Forces');
      expect(await side.getByTestId('sources-h').innerText()).toContain(lang === 'ar' ? 'فرات بوست' : 'Furat Post');
      // Who said what: the source, its kind, the cue, the sentence in the article's words.
      const furat = side.getByTestId('claim').filter({ hasText: lang === 'ar' ? 'فرات بوست' : 'Furat Post' });
      expect(await furat.count()).toBe(1);
      const claim = await furat.innerText();
      expect(claim).toContain(lang === 'ar' ? 'إعلام معارض' : 'opposition media');
      expect(claim).toContain('ونقلت');
      expect(await furat.locator('blockquote').innerText()).toContain('فرات بوست');
      await expectGoodPage(side, 'context analysis');

      // A place, reached by Tab and pressed with Enter: the Corpus tab searches the corpus for it.
      const quriyah = side.getByRole('button', { name: new RegExp(lang === 'ar' ? 'عن «القورية»' : 'for “al-Quriyah”') });
      expect(await tabTo(side, quriyah)).toBe(true);
      expect((await focusRing(side))?.outline).not.toBe('none');
      await side.keyboard.press('Enter');
      await side.waitForSelector('[data-testid="corpus-hit"]');
      expect(await side.locator('[role="tab"][aria-selected="true"]').getAttribute('id')).toBe('tab-corpus');
      expect(await side.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('القورية');
      const snippets = await side.locator('[data-testid="corpus-hit"] .snippet').allInnerTexts();
      expect(snippets.length).toBeGreaterThan(0);
      for (const s of snippets) expect(s).toContain('القورية');
      await side.close();
      await article.close();
      expect(errors).toEqual([]);
    });

    it('a related report opens its page or its archive copy, by keyboard; why: shared names and wording', async () => {
      // A report elsewhere that retells the Orient article: it has a web address to open.
      const url = 'http://www.eremnews.com/news/ui-e2e-retold';
      const options = await openExtensionPage(b, 'options.html', errors);
      await options.waitForSelector('h1');
      const text = seed(0).paragraphs.slice(0, 3).join('\n');
      const imported = await sendFrom<{ added: number }>(options, 'ui:import', { file: 'retold.jsonl', text: JSON.stringify({ url, outlet: 'eremnews', title: 'إرم تروي انسحاب التنظيم من محيط المطار', text }) });
      expect(imported.value?.added).toBe(1);
      await options.close();

      const article = await b.context.newPage();
      await article.goto(PAGES.orientArticle);
      // The in-page panel gets its list first, then the phrases (ui:why), shown when they come.
      const inPage = (await panelFrame(article)).getByTestId('related-item').filter({ hasText: 'إرم تروي انسحاب التنظيم' });
      await inPage.getByTestId('why-phrases').locator('q').first().waitFor({ timeout: 15_000 });
      expect(await inPage.getByTestId('why-shared').innerText()).toContain('مطار كويرس العسكري');
      const side = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, '*://*.orient-news.net/*')}`, errors, SIDE);
      const item = side.getByTestId('related-item').filter({ hasText: 'إرم تروي انسحاب التنظيم' });
      await item.waitFor({ timeout: 15_000 });
      expect(await item.getByTestId('why-shared').innerText()).toContain('مطار كويرس العسكري');
      expect(await item.getByTestId('why-phrases').locator('q').count()).toBeGreaterThan(0);

      const title = item.locator('a.title');
      expect(await tabTo(side, title)).toBe(true);
      expect(await openedUrl(b, () => side.keyboard.press('Enter'))).toBe(url);
      const archive = item.getByRole('button', { name: lang === 'ar' ? 'فتح النسخة المؤرشفة من «إرم تروي انسحاب التنظيم من محيط المطار»' : 'Open the archive copy of “إرم تروي انسحاب التنظيم من محيط المطار”' });
      expect(await tabTo(side, archive)).toBe(true);
      expect(await openedUrl(b, () => side.keyboard.press('Enter'))).toBe(`https://web.archive.org/web/${url}`);
      await side.close();
      await article.close();
      expect(errors).toEqual([]);
    });

    it('empty states say what to do: a site not turned on; an article nothing relates to; an archive copy named with its day', async () => {
      // A site that is not built in: Isnad cannot read the tab, and says how to turn it on.
      const off = await b.context.newPage();
      await off.goto(PAGES.idlibArticle);
      const side = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, null)}`, errors, SIDE);
      const notOn = side.getByTestId('empty-site-off');
      await notOn.waitFor();
      expect(await notOn.innerText()).toContain(lang === 'ar' ? 'إسناد غير مفعّل على هذا الموقع' : 'Isnad is not turned on for this site');
      await expectGoodPage(side, 'site off');
      const optionsButton = notOn.getByRole('button', { name: lang === 'ar' ? 'الإعدادات' : 'Options' });
      expect(await tabTo(side, optionsButton)).toBe(true);
      expect(await openedUrl(b, () => side.keyboard.press('Enter'))).toBe(`chrome-extension://${b.extensionId}/options.html`);
      await side.close();
      await off.close();

      // An article nothing in the corpus relates to: the panel and the side panel say so.
      const page = await b.context.newPage();
      await page.route(UNRELATED.url, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: UNRELATED.html }));
      await page.goto(UNRELATED.url);
      const frame = await panelFrame(page);
      // Nothing related: a small tab at the top of the frame, not a column for one sentence; the
      // rest of the frame is transparent, the page's margin shows through.
      const quiet = frame.getByTestId('panel-quiet');
      await quiet.waitFor({ timeout: 15_000 });
      const tabBox = (await quiet.locator('button').boundingBox())!;
      expect(tabBox.height).toBeLessThanOrEqual(90);
      // As wide as its words, well under the panel's column.
      const frameWidth = await frame.evaluate(() => document.documentElement.clientWidth);
      expect(tabBox.width).toBeLessThan(frameWidth * 0.75);
      expect(await quiet.innerText()).toContain(lang === 'ar' ? 'لا تقارير ذات صلة' : 'Nothing related');
      expect(await frame.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor])).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
      expect(await boxProblems(frame, '[data-testid="panel-quiet"] button strong, [data-testid="panel-quiet"] button span')).toEqual([]);
      expect(await unnamedControls(frame)).toEqual([]);
      await page.screenshot({ path: `tests/e2e/.tmp/panel-quiet-${lang}.png` });
      // Opened, it says why and what to do.
      await quiet.locator('button').click();
      const none = frame.getByTestId('empty-related');
      await none.waitFor({ timeout: 15_000 });
      expect(await none.innerText()).toContain(lang === 'ar' ? 'لا يوجد في مجموعتك تقرير ذو صلة' : 'No report in your corpus is related');
      expect(await unnamedControls(frame)).toEqual([]);
      const side2 = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, UNRELATED.url)}`, errors, SIDE);
      await side2.getByTestId('empty-related').waitFor({ timeout: 15_000 });
      await expectGoodPage(side2, 'no related');
      await side2.close();
      await page.close();

      // An archive copy: the Context tab names the archive and the day of the capture.
      const archivedPage = await b.context.newPage();
      await archivedPage.goto(ARCHIVED);
      await panelFrame(archivedPage);
      const side3 = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, '*://web.archive.org/*')}`, errors, SIDE);
      const archived = side3.getByTestId('article-archive');
      await archived.waitFor({ timeout: 15_000 });
      expect(await archived.innerText()).toMatch(lang === 'ar' ? /Wayback Machine.*29 مايو 2025/ : /Wayback Machine.*May 29, 2025/);
      expect(await side3.getByTestId('article-date').innerText()).toMatch(lang === 'ar' ? /باليوم، مأخوذ من سطر الكاتب/ : /to the day, read from the byline/);
      await side3.close();
      await archivedPage.close();
      expect(errors).toEqual([]);
    });

    it('Corpus tab: a search typed and sent by keyboard lists reports; no hit says so', async () => {
      const side = await openExtensionPage(b, 'sidepanel.html?view=corpus', errors, SIDE);
      const words = side.getByRole('searchbox');
      await words.waitFor();
      await words.focus();
      await side.keyboard.type('داعش');
      await side.keyboard.press('Enter');
      await side.waitForSelector('[data-testid="corpus-hit"]');
      const hits = await side.locator('[data-testid="corpus-hit"]').count();
      expect(hits).toBeGreaterThan(0);
      // The outlet filter narrows the hits, chosen by keyboard.
      const outlet = side.getByRole('combobox').first();
      await outlet.focus();
      await outlet.selectOption('eremnews');
      await words.focus();
      await side.keyboard.press('Enter');
      await waitFor('outlet filter', () => side.locator('[data-testid="corpus-hit"]').count(), (n) => n > 0 && n < hits);
      await words.fill('كلمةلاتوجدابدا');
      await side.keyboard.press('Enter');
      await side.waitForSelector('text=' + (lang === 'ar' ? 'لا تقرير يطابق البحث' : 'No report matches'));
      await expectGoodPage(side, 'corpus');
      await side.close();
      expect(errors).toEqual([]);
    });

    it('in-page panel: in the margin beside the text; moved and folded by keyboard; kept per site; never over the text', async () => {
      const page = await b.context.newPage();
      await page.goto(PAGES.shaamArticle);
      const frame = await panelFrame(page);
      await frame.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
      expect(await panelState(page)).toMatchObject({ mode: 'margin', edge: 'left' });
      expect(await panelCoversText(page)).toBe(false);
      expect(await unnamedControls(frame)).toEqual([]);

      // The page's own Tab order reaches the panel.
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.tagName === 'IFRAME' && !!document.activeElement.closest('[data-isnad="panel"]'));
      }
      expect(reached).toBe(true);

      // Moved to the other side, where the margin is too narrow: it docks and the text moves aside.
      const move = frame.getByRole('button', { name: lang === 'ar' ? 'النقل إلى الجهة الأخرى' : 'Move to the other side' });
      await move.focus();
      await page.keyboard.press('Enter');
      await waitFor('moved', () => panelState(page), (s) => s.edge === 'right');
      expect((await panelState(page)).mode).toBe('dock');
      expect(await panelCoversText(page)).toBe(false);

      // Folded with Enter: a small tab, and the keyboard focus stays on the control that replaced it.
      await frame.getByRole('button', { name: lang === 'ar' ? 'طيّ' : 'Collapse' }).focus();
      await page.keyboard.press('Enter');
      const folded = await waitFor('folded', () => panelState(page), (s) => s.mode === 'tab');
      expect(folded.width).toBeLessThan(100);
      // Its label reads level, at body size: not rotated, not tiny.
      const label = await frame.$eval('.panel-tab-name', (e) => ({ size: parseFloat(getComputedStyle(e).fontSize), mode: getComputedStyle(e).writingMode, w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height }));
      expect(label.size).toBeGreaterThanOrEqual(16);
      expect(label.mode).toBe('horizontal-tb');
      expect(label.w).toBeGreaterThan(label.h);
      expect(await boxProblems(frame, '.panel-tab-name, .panel-tab-count')).toEqual([]);
      await page.screenshot({ path: `tests/e2e/.tmp/panel-folded-${lang}.png` });
      expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
      const ring = await focusRing(frame);
      expect(ring?.outline).not.toBe('none');

      // Remembered for this site after a reload; another site keeps the default.
      await page.reload();
      expect(await waitFor('kept', () => panelState(page), (s) => s.mode === 'tab')).toMatchObject({ edge: 'right' });
      const other = await b.context.newPage();
      await other.goto(PAGES.eremArticle);
      expect(await panelState(other)).toMatchObject({ mode: 'margin', edge: 'left' });
      await other.close();

      // Unfolded with Enter, moved back: the margin again. Escape folds it.
      const frame2 = await panelFrame(page);
      await frame2.locator('button[aria-expanded="false"]').focus();
      await page.keyboard.press('Enter');
      await waitFor('unfolded', () => panelState(page), (s) => s.mode === 'dock');
      await frame2.getByRole('button', { name: lang === 'ar' ? 'النقل إلى الجهة الأخرى' : 'Move to the other side' }).focus();
      await page.keyboard.press('Enter');
      await waitFor('back', () => panelState(page), (s) => s.mode === 'margin' && s.edge === 'left');
      // The room the dock took is given back.
      expect(await page.evaluate(() => document.querySelector('style[data-isnad="panel-room"]'))).toBeNull();
      await page.keyboard.press('Escape');
      await waitFor('escape folds', () => panelState(page), (s) => s.mode === 'tab');
      await page.close();
    });

    it('popup: what Isnad sees on a built-in outlet; on a site that is not built in, the switch and "run here" by keyboard', async () => {
      const article = await b.context.newPage();
      await article.goto(PAGES.eremArticle);
      await panelFrame(article);
      const popup = await openExtensionPage(b, `popup.html?tab=${await tabIdOf(b, '*://*.eremnews.com/*')}`, errors, { width: 340, height: 460 });
      await waitFor('related count', () => popup.locator('[data-testid="related-count"]').innerText(), (s) => /^\d+$/.test(s) && s !== '0');
      expect(await popup.locator('body').innerText()).toContain(lang === 'ar' ? 'إرم نيوز' : 'Eram News');
      expect(await popup.getByRole('switch').count()).toBe(0);
      await expectGoodPage(popup, 'popup builtin');
      await popup.close();

      const other = await b.context.newPage();
      await other.goto(PAGES.idlibArticle);
      // Not built in: nothing of Isnad runs in the page by itself.
      expect(await extensionRunsIn(b, other)).toBe(false);
      expect(await other.$('[data-isnad="panel"]')).toBeNull();
      // The reader presses Isnad's button on that tab: the browser grants access to it alone.
      await pressToolbarButton(b, 'idlib24.test');
      const popup2 = await openExtensionPage(b, `popup.html?tab=${await tabIdOf(b, '*://idlib24.test/*')}`, errors, { width: 340, height: 460 });
      const sw = popup2.getByRole('switch');
      await sw.waitFor();
      expect(await sw.isChecked()).toBe(false);
      await expectGoodPage(popup2, 'popup other site');
      // Run here, by keyboard: Isnad reads the page and shows its panel there.
      const run = popup2.getByTestId('run-here');
      await run.focus();
      await popup2.keyboard.press('Enter');
      await popup2.getByRole('status').filter({ hasText: lang === 'ar' ? 'شُغّل إسناد' : 'Isnad ran on this page' }).waitFor();
      await waitFor('popup sees the article', () => popup2.locator('[data-testid="related-count"]').innerText(), (s) => /^[1-9]\d*$/.test(s));
      // Its findings are in the side panel, and in the page's own panel (web-accessible on any site the reader runs Isnad on).
      const idlibTab = await tabIdOf(b, '*://idlib24.test/*');
      const side = await openExtensionPage(b, `sidepanel.html?tab=${idlibTab}`, errors, SIDE);
      await side.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
      await side.close();
      await (await panelFrame(other)).waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
      await popup2.close();
      await other.close();
      await article.close();
      expect(errors).toEqual([]);
    });

    it('options: statistics, import with its problems named by file and line, language and theme by keyboard', async () => {
      const options = await openExtensionPage(b, 'options.html', errors);
      await options.waitForSelector('table.stats');
      await expectGoodPage(options, 'options');
      // The count as it is now (articles opened in this browser are captured too), then one more.
      const countLine = (s: string) => s.split('\n').find((l) => /(reports in your corpus|في مجموعتك)/.test(l)) ?? '';
      const before = Number(/\d+/.exec(countLine(await options.locator('body').innerText()))?.[0]);
      const good = JSON.stringify({ url: 'https://www.enabbaladi.net/archives/1', outlet: 'enabbaladi', title: 'تقرير مستورد للاختبار', publishedAt: '2024-12-08', text: 'نص التقرير المستورد عن دمشق وحلب في كانون الأول.' });
      await options.locator('input[type="file"]').setInputFiles({ name: 'mine.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${good}\n{"url": 5}\n`) });
      const problems = options.getByTestId('import-problems');
      await problems.waitFor();
      expect(await problems.innerText()).toMatch(/mine\.jsonl:2/);
      await waitFor('count', () => options.locator('body').innerText(), (s) => new RegExp(`\\b${before + 1}\\b`).test(countLine(s)));
      expect(await options.getByTestId('import-advice').innerText()).toContain(lang === 'ar' ? 'استُوردت السجلات السليمة' : 'The records without problems were imported');
      // A file Isnad cannot read is refused with the reason, and the reader is told what to do.
      await options.locator('input[type="file"]').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
      await waitFor('unsupported', () => problems.innerText(), (s) => s.includes('notes.pdf'));
      expect(await options.getByTestId('import-advice').innerText()).toContain(lang === 'ar' ? 'لم يُستورد شيء' : 'Nothing was imported');

      // Theme, by keyboard: dark turns the page dark.
      const theme = options.getByLabel(lang === 'ar' ? 'السمة' : 'Theme', { exact: true });
      await theme.focus();
      await theme.selectOption('dark');
      await waitFor('dark', () => options.evaluate(() => getComputedStyle(document.body).backgroundColor), (c) => c === 'rgb(27, 26, 23)');
      await theme.selectOption('system');

      // Language override: the page switches language and direction at once.
      const language = options.getByLabel(lang === 'ar' ? 'اللغة' : 'Language', { exact: true });
      const target = lang === 'ar' ? 'en' : 'ar';
      await language.selectOption(target);
      await waitFor('language', () => options.getAttribute('html', 'lang'), (l) => l === target);
      expect(await options.getAttribute('html', 'dir')).toBe(target === 'ar' ? 'rtl' : 'ltr');
      expect(await options.locator('h1').innerText()).toContain(target === 'ar' ? 'إسناد' : 'Isnad');
      await options.getByLabel(target === 'ar' ? 'اللغة' : 'Language', { exact: true }).selectOption('auto');
      await waitFor('back to browser language', () => options.getAttribute('html', 'lang'), (l) => l?.startsWith(lang) ?? false);
      await options.close();
      expect(errors).toEqual([]);
    });

    it('an empty corpus: the options, the Corpus tab, the panel and the Context tab say to import reports', async () => {
      // A browser of its own: emptying the corpus must not change what the other tests see.
      const own = await launchWithExtension({ hostRules: site.hostRules, lang, extraArgs: [ACTION_FLAG] });
      try {
        await waitForCorpus(own.worker);
        await emptyCorpusSays(own);
      } finally {
        await own.close();
      }
      expect(errors).toEqual([]);
    });

    /** Empties the corpus of `b`, then checks what each view says. */
    async function emptyCorpusSays(b: Launched): Promise<void> {
      const options = await openExtensionPage(b, 'options.html', errors);
      await options.waitForSelector('table.stats');
      const stats = await sendFrom<{ byOutlet: Record<string, number> }>(options, 'ui:stats', {});
      for (const outlet of Object.keys(stats.value!.byOutlet)) expect((await sendFrom(options, 'ui:corpus-delete', { target: { outlet } })).ok).toBe(true);
      await options.reload();
      await options.getByText(lang === 'ar' ? 'مجموعتك فارغة' : 'Your corpus is empty').waitFor();
      await options.close();
      const corpusTab = await openExtensionPage(b, 'sidepanel.html?view=corpus', errors, SIDE);
      await corpusTab.getByText(lang === 'ar' ? 'مجموعتك فارغة' : 'Your corpus is empty').waitFor();
      await corpusTab.close();

      const page = await b.context.newPage();
      await page.goto(PAGES.eremArticle);
      const frame = await panelFrame(page);
      await frame.getByTestId('panel-quiet').locator('button').click({ timeout: 15_000 });
      const empty = frame.getByTestId('empty-corpus');
      await empty.waitFor({ timeout: 15_000 });
      expect(await empty.innerText()).toContain(lang === 'ar' ? 'لا تحوي مجموعتك أي تقرير آخر' : 'Your corpus holds no other report');
      // Its button opens the options, where reports are imported.
      const button = empty.getByRole('button', { name: lang === 'ar' ? 'الإعدادات' : 'Options' });
      await button.focus();
      expect(await openedUrl(b, () => page.keyboard.press('Enter'))).toBe(`chrome-extension://${b.extensionId}/options.html`);
      const side = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, PAGES.eremArticle)}`, errors, SIDE);
      await side.getByTestId('empty-corpus').waitFor({ timeout: 15_000 });
      await expectGoodPage(side, 'empty corpus');
      await side.close();
      await page.close();
    }
  });
}

describe('privacy: nothing of the corpus, clippings or notes in the page', () => {
  let b: Launched;
  beforeAll(async () => {
    b = await launchWithExtension({ hostRules: site.hostRules, lang: 'ar' });
    await waitForCorpus(b.worker);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('with the panel open and a clipping saved, the page DOM holds no other title, no note, no tag', async () => {
    const note = 'ملاحظتي الخاصة السرية 7f3a';
    const tag = 'وسم-خاص-9c1e';
    const other = seed(4);
    const options = await openExtensionPage(b, 'options.html', []);
    await options.waitForSelector('h1');
    const now = Date.now();
    const stored = await options.evaluate(async (c) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } };
      return chrome.runtime.sendMessage({ isnad: 'ui:clipping-restore', data: { clipping: c } });
    }, {
      id: 'privacy-1', quote: other.paragraphs[0]!.slice(0, 80), prefix: '', suffix: '', url: 'https://www.eremnews.com/x', canonicalUrl: null, archiveUrl: null,
      outlet: 'eremnews', title: other.title, publishedAt: null, createdAt: now, updatedAt: now, entities: [], attribution: null, note, tags: [tag],
    });
    expect(stored.ok).toBe(true);
    await options.close();

    const page = await b.context.newPage();
    await page.goto(PAGES.orientArticle);
    const frame = await panelFrame(page);
    await frame.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
    // The panel shows the other outlet's report…
    expect(await frame.locator('[data-testid="related-item"] .title').allInnerTexts()).toContain(other.title);
    // …but the page can neither see it in its DOM nor reach into the panel's document.
    const dom = await page.evaluate(() => document.documentElement.outerHTML + [...document.querySelectorAll('*')].map((e) => (e as HTMLElement).innerText ?? '').join('\n'));
    for (const secret of [other.title, note, tag, seed(1).title, seed(3).title]) expect(dom).not.toContain(secret);
    expect(await page.evaluate(() => document.querySelector<HTMLIFrameElement>('[data-isnad="panel"] iframe')!.contentDocument)).toBeNull();
    await page.close();
  });
});
