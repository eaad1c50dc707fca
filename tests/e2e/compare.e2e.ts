// The Compare tab end to end: a seed article read on its outlet's page, and a real 2025 event
// (the denial that Damascus airport was closed) from an imported corpus, in Arabic and English.
// Screenshots go to tests/e2e/.tmp, or with ISNAD_SCREENSHOTS=1 to docs/screenshots/compare-*.png
// (light and dark: <view>-<lang>-<theme>.png, as the other views).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '../../lib/types';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { PAGES, startSite } from './harness/site';
import { svgTextProblems } from './layout';

const SHOTS = process.env.ISNAD_SCREENSHOTS === '1' ? 'docs/screenshots' : 'tests/e2e/.tmp/screens';
const PARTS = 'tests/e2e/.tmp';
mkdirSync(SHOTS, { recursive: true });
/** Background of the side panel in each theme (components/theme.css). */
const BG = { light: 'rgb(253, 252, 249)', dark: 'rgb(27, 26, 23)' } as const;

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.server.close());

type Chrome = {
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  storage: { session: { set(items: object): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
};

async function tabIdOf(b: Launched, pattern: string): Promise<number> {
  const id = await b.worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id;
  }, pattern);
  if (typeof id !== 'number') throw new Error(`no tab for ${pattern}`);
  return id;
}

async function openCompare(b: Launched, tabId: number, errors: string[]): Promise<Page> {
  const side = await b.context.newPage();
  side.on('pageerror', (e) => errors.push(e.message));
  await side.setViewportSize({ width: 440, height: 900 });
  await side.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}&view=compare`);
  await side.waitForSelector('[data-testid="compare"]', { timeout: 30_000 });
  return side;
}

/** Column texts of a side-by-side table, by outlet id. */
async function cells(side: Page, table: string, rowKey: string): Promise<Record<string, string>> {
  return side.$$eval(`[data-testid="${table}"] tr[data-key="${rowKey}"] td`, (tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute('data-outlet') ?? '', td.textContent ?? ''])),
  );
}

/** A Shaam Network report of the real corpus, as the content script would have extracted it. */
function shaamArticle(titleHas: string): Article {
  const line = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').find((l) => l.includes(titleHas) && l.includes('"Shaam Network"'))!;
  const r = JSON.parse(line) as { url: string; title: string; publishedAt: string; text: string };
  return {
    outlet: 'shaam', pageType: 'article', url: r.url, canonicalUrl: r.url, archive: null, title: r.title,
    publishedAt: { value: r.publishedAt, precision: 'day', source: 'record' }, author: null, section: null,
    paragraphs: r.text.split('\n').filter(Boolean), comments: [], lang: 'ar', dir: 'rtl',
  };
}

/** A file the Compare tab downloads, read back as text. */
async function download(side: Page, button: RegExp): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([side.waitForEvent('download'), side.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** The real 2025 corpus imported, and a tab showing Shaam's report of the airport denial. */
async function airportTab(b: Launched): Promise<number> {
  const side0 = await b.context.newPage();
  await side0.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  const text = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8');
  const imported = await side0.evaluate(async (t) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    return chrome.runtime.sendMessage({ isnad: 'ui:import', data: { file: 'real-2025.jsonl', text: t } });
  }, text);
  expect(imported.ok).toBe(true);
  await side0.close();
  // The tab's article, as the content script stores it.
  const tabId = 424_242;
  await b.worker.evaluate(async ({ key, article }) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    await chrome.storage.session.set({ [key]: article });
  }, { key: `tab:${tabId}`, article: shaamArticle('ينفي إغلاق مطار دمشق') });
  return tabId;
}

/** Another tab, on Shaam's report of an event already imported. */
async function shaamTab(b: Launched, tabId: number, titleHas: string): Promise<number> {
  await b.worker.evaluate(async ({ key, article }) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    await chrome.storage.session.set({ [key]: article });
  }, { key: `tab:${tabId}`, article: shaamArticle(titleHas) });
  return tabId;
}

/** A June 2025 day as the UI writes it (Intl.DateTimeFormat: Arabic month names). */
const june = (d: number, lang: 'ar' | 'en') => (lang === 'ar' ? `${d} يونيو 2025` : `Jun ${d}, 2025`);

async function checkAirport(side: Page, lang: 'ar' | 'en'): Promise<void> {
  const whoFirst = await side.$$eval('[data-testid="compare-who-first"] li', (lis) => lis.map((li) => li.textContent ?? ''));
  const columns = await side.$$eval('[data-testid="compare-who-first"] li', (lis) => lis.map((li) => li.getAttribute('data-outlet')));
  // The labelled event (tests/fixtures/real-2025-events.json): Shaam's denial on the 18th, Syria
  // TV's on the 19th. Enab Baladi's flydubai story two days before is another incident at the
  // airport: related, not in the comparison.
  expect(columns.sort()).toEqual(['shaam', 'syria-tv']);
  expect(whoFirst.length).toBe(columns.length);
  const line = (name: string) => whoFirst.find((w) => w.includes(name))!;
  expect(line(lang === 'ar' ? 'شبكة شام' : 'Shaam Network')).toContain(june(18, lang));
  expect(line(lang === 'ar' ? 'شبكة شام' : 'Shaam Network')).toContain(lang === 'ar' ? 'الأول' : 'first');
  // Outlets of the imported corpus named in the UI language (the gazetteer's news sources).
  const syriaTv = line(lang === 'ar' ? 'تلفزيون سوريا' : 'Syria TV');
  expect(syriaTv).toContain(june(19, lang));
  expect(syriaTv).toContain(lang === 'ar' ? 'بعد يوم' : '1 day later');
  expect(whoFirst.some((w) => w.includes(lang === 'ar' ? 'عنب بلدي' : 'Enab Baladi'))).toBe(false);
  expect(await side.locator('[data-testid="timeline-dot"]').count()).toBeGreaterThanOrEqual(2);
  // Shaam's report is the reader's page: its dot ringed, on the 18th.
  const current = side.locator('[data-testid="timeline-dot"].current');
  expect(await current.count()).toBe(1);
  expect(await current.locator('title').textContent()).toMatch(new RegExp(`^${june(18, lang)}.* · .*ينفي إغلاق مطار دمشق.* · ${lang === 'ar' ? 'هذه الصفحة' : 'this page'}$`));
  const types = await side.$$eval('[data-testid="compare-sources"] li[data-type]', (lis) => lis.map((li) => li.getAttribute('data-type')));
  expect(types).toContain('official');
}

for (const lang of ['ar', 'en'] as const) {
  describe(`the Compare tab in ${lang}`, () => {
    let b: Launched;
    const errors: string[] = [];
    beforeAll(async () => {
      b = await launchWithExtension({ hostRules: site.hostRules, lang });
      await waitForCorpus(b.worker);
    });
    afterAll(async () => {
      await b?.close();
    });

    it('a seed article: the outlets of its group side by side, with a timeline, exports and profiles', async () => {
      const page = await b.context.newPage();
      await page.goto(PAGES.orientArticle);
      await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
      const side = await openCompare(b, await tabIdOf(b, '*://*.orient-news.net/*'), errors);
      await side.screenshot({ path: join(SHOTS, `compare-seed-${lang}-light.png`), fullPage: true });
      const outlets = await side.$$eval('[data-testid="compare-naming"] thead th[data-outlet]', (ths) => ths.map((th) => th.getAttribute('data-outlet')));
      expect(outlets).toEqual(expect.arrayContaining(['orient-news', 'eremnews']));
      // What each calls the Assad forces, in its own column.
      const regime = await cells(side, 'compare-naming', 'regime-forces');
      expect(regime['orient-news']).toContain('قوات الأسد');
      expect(regime.eremnews).toContain('الجيش النظامي');
      expect(regime.eremnews).toContain('الجيش السوري');
      expect(regime.eremnews).not.toContain('قوات الأسد');
      const russia = await cells(side, 'compare-naming', 'russia');
      expect(russia['orient-news']).toContain('العدوان الروسي');
      const eramSources = await side.$$eval('[data-testid="compare-sources"] section[data-outlet="eremnews"] li', (lis) => lis.map((li) => `${li.getAttribute('data-type')} ${li.textContent}`));
      expect(eramSources.some((x) => x.startsWith('state-media') && x.includes('سانا'))).toBe(true);
      expect(eramSources.some((x) => x.startsWith('jihadist-media') && x.includes('أعماق'))).toBe(true);
      // Each part on its own, to look at (not committed).
      for (const part of ['naming', 'frames', 'sources', 'numbers']) {
        await side.locator(`[data-testid="compare-${part}"]`).screenshot({ path: `${PARTS}/compare-${part}-${lang}.png` });
      }
      // The timeline is the extension's own SVG, its labels text nodes.
      const svgText = await side.$$eval('[data-testid="compare-timeline"] svg text', (ts) => ts.map((t) => t.textContent));
      expect(svgText.join(' ')).toContain(lang === 'ar' ? 'أورينت نت' : 'Orient News');
      // Its labels are drawn at a reading size (13 px at least), none over another, none cut; the
      // ticks are dates as the language writes them, not ISO.
      expect(await svgTextProblems(side, '[data-testid="compare-timeline"] svg')).toEqual([]);
      expect(svgText.some((x) => /\d{2}-\d{2}/.test(x ?? ''))).toBe(false);
      // Numbers are counts: the siege's "two years" is no figure of the event.
      const numbers = await side.locator('[data-testid="compare-numbers"] .columns').textContent() ?? '';
      expect(numbers).not.toMatch(lang === 'ar' ? /سنوات|أيام|أشهر|ساعات|أسابيع/ : /\b(years|days|months|hours|weeks)\b/);

      // The exports, as the reader downloads them.
      const md = await download(side, /Markdown/);
      expect(md.name).toMatch(/^isnad-comparison-\d{4}-\d\d-\d\d\.md$/);
      expect(md.text).toContain(lang === 'ar' ? '## من نشر أولاً' : '## Who published first');
      expect(md.text).toContain(lang === 'ar' ? 'إرم نيوز' : 'Eram News');
      expect(md.text).toContain('الجيش النظامي');
      const csv = await download(side, /CSV/);
      expect(csv.name).toMatch(/^isnad-comparison-\d{4}-\d\d-\d\d\.csv$/);
      expect(csv.text.startsWith('\uFEFFoutlet,outlet_name,aspect')).toBe(true);
      const csvLines = csv.text.split('\r\n');
      expect(csvLines.some((l) => l.startsWith('eremnews,') && l.includes(',naming,') && l.includes('الجيش النظامي'))).toBe(true);
      expect(csvLines.some((l) => l.startsWith('eremnews,') && l.includes('وكالة أعماق'))).toBe(true);

      // Outlet habits across the corpus, with counts: loaded when opened.
      await side.locator('[data-testid="compare-profiles"] summary').click();
      const orient = side.locator('[data-testid="compare-profiles"] .profile[data-outlet="orient-news"]');
      await orient.waitFor();
      expect(await orient.locator('h4').textContent()).toContain(lang === 'ar' ? 'تقريران' : '2 reports');
      const chips = await orient.locator('.chip').allTextContents();
      expect(chips.some((c) => /^قوات الأسد \d+$/.test(c.trim()))).toBe(true);
      const eram = await side.locator('[data-testid="compare-profiles"] .profile[data-outlet="eremnews"] .chip').allTextContents();
      expect(eram.some((c) => c.includes('الجيش النظامي'))).toBe(true);
      const eramSourceTypes = await side.locator('[data-testid="compare-profiles"] .profile[data-outlet="eremnews"] [data-testid="profile-sources"]').textContent();
      expect(eramSourceTypes).toMatch(lang === 'ar' ? /إعلام جهادي \d+/ : /jihadist media \d+/);
      await side.locator('[data-testid="compare-profiles"]').screenshot({ path: `${PARTS}/compare-profiles-${lang}.png` });
      expect(errors).toEqual([]);
      await side.close();
      await page.close();
    });

    it("seed 003: the headline's question (تسليم or عجز) carries both frames", async () => {
      const page = await b.context.newPage();
      await page.goto(PAGES.shaamArticle);
      await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
      const side = await openCompare(b, await tabIdOf(b, '*://*.shaam.org/*'), errors);
      const headline = lang === 'ar' ? 'العنوان' : 'headline';
      for (const [frame, cue] of [['handover', 'تسليم'], ['collapse', 'عجز']] as const) {
        const cell = side.locator(`[data-testid="compare-frames"] tr[data-key="${frame}"] td[data-outlet="shaam"]`);
        expect(await cell.locator('.cue').allTextContents()).toContain(cue);
        expect(await cell.locator('.badge').textContent()).toBe(headline);
      }
      await side.locator('[data-testid="compare-frames"]').screenshot({ path: `${PARTS}/compare-frames-003-${lang}.png` });
      expect(errors).toEqual([]);
      await side.close();
      await page.close();
    });

    it('a real 2025 event from an imported corpus: the Damascus airport denial, compared end to end', async () => {
      const side = await openCompare(b, await airportTab(b), errors);
      await side.screenshot({ path: join(SHOTS, `compare-real-${lang}-light.png`), fullPage: true });
      await side.locator('[data-testid="compare-timeline"]').screenshot({ path: join(SHOTS, `compare-timeline-${lang}-light.png`) });
      await checkAirport(side, lang);
      expect(errors).toEqual([]);
      await side.close();

      // The one event of the labelled set (tests/fixtures/real-2025-events.json) that three outlets
      // covered: the OPEC Fund ready to return to Syria, all on 2025-06-18. The event model finds
      // Shaam's and Halab Today's (Enab Baladi's is a held-out miss: bench/EVENTS.md).
      const opec = await openCompare(b, await shaamTab(b, 424_243, 'مستعدون للعودة إلى سوريا'), errors);
      await opec.screenshot({ path: `${PARTS}/compare-opec-${lang}.png`, fullPage: true });
      const rows = await opec.$$eval('[data-testid="compare-who-first"] li', (lis) => lis.map((li) => [li.getAttribute('data-outlet'), li.textContent ?? '']));
      expect(rows.map(([o]) => o)).toEqual(expect.arrayContaining(['halab-today', 'shaam']));
      const first = lang === 'ar' ? 'الأول' : 'first';
      for (const [, text] of rows) {
        expect(text).toContain(june(18, lang));
        expect(text).toContain(first);
      }
      expect(await opec.locator('[data-testid="timeline-dot"].first').count()).toBe(await opec.locator('[data-testid="timeline-dot"]').count());
      const fund = await cells(opec, 'compare-naming', 'opec-fund');
      for (const o of ['shaam', 'halab-today']) expect(fund[o]).toContain('أوبك');
      for (const o of ['shaam', 'halab-today']) {
        const numbers = await opec.locator(`[data-testid="compare-numbers"] section[data-outlet="${o}"]`).textContent();
        expect(numbers).toContain('20 مليار دولار');
      }
      expect(errors).toEqual([]);
      await opec.close();

      // Coverage and blind spot: Damascus's works on Mount Qasioun, told by Shaam and Al-Ikhbariya;
      // SANA and Enab Baladi usually report on Damascus (in this corpus) and did not.
      const qasioun = await openCompare(b, await shaamTab(b, 424_244, 'حقيقة وطبيعة الأعمال الجارية في جبل قاسيون'), errors);
      const bar = qasioun.locator('[data-testid="coverage"]');
      await bar.screenshot({ path: join(SHOTS, `compare-coverage-${lang}-light.png`) });
      const segs = await qasioun.$$eval('[data-testid="coverage-bar"] li', (lis) => lis.map((li) => [li.getAttribute('data-outlet'), li.className, li.textContent ?? '']));
      const told = await qasioun.$$eval('[data-testid="coverage-told"] li', (lis) => lis.map((li) => li.getAttribute('data-outlet')));
      const silent = await qasioun.$$eval('[data-testid="coverage-silent"] li', (lis) => lis.map((li) => [li.getAttribute('data-outlet'), li.getAttribute('data-alignment'), li.textContent ?? '']));
      expect(told).toEqual(expect.arrayContaining(['shaam', 'ikhbariya']));
      expect(silent.map(([o]) => o)).toEqual(expect.arrayContaining(['sana', 'enab-baladi']));
      expect(segs.map(([o]) => o)).toEqual([...told, ...silent.map(([o]) => o)]);
      // Each segment is coloured by the outlet's alignment on the event's day: SANA's was the
      // transitional government's by June 2025 (the registry, with its source).
      const sana = silent.find(([o]) => o === 'sana')!;
      expect(sana[1]).toBe('transitional-government');
      expect(segs.find(([o]) => o === 'sana')![1]).toContain('al-transitional-government');
      expect(segs.find(([o]) => o === 'sana')![1]).toContain('silent');
      expect(sana[2]).toContain(lang === 'ar' ? 'سانا' : 'SANA');
      expect(await bar.textContent()).toContain(lang === 'ar' ? 'محافظة دمشق' : 'Damascus Governorate');
      expect(errors).toEqual([]);
      await qasioun.close();
    });
  });
}

for (const lang of ['ar', 'en'] as const) {
  describe(`the Compare tab in ${lang}, dark`, () => {
    let b: Launched;
    const errors: string[] = [];
    beforeAll(async () => {
      b = await launchWithExtension({ hostRules: site.hostRules, lang, colorScheme: 'dark' });
      await waitForCorpus(b.worker);
    });
    afterAll(async () => {
      await b?.close();
    });

    it('the airport denial in the dark theme', async () => {
      const side = await openCompare(b, await airportTab(b), errors);
      expect(await side.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BG.dark);
      await side.screenshot({ path: join(SHOTS, `compare-real-${lang}-dark.png`), fullPage: true });
      await side.locator('[data-testid="compare-timeline"]').screenshot({ path: join(SHOTS, `compare-timeline-${lang}-dark.png`) });
      await checkAirport(side, lang);
      expect(errors).toEqual([]);
      await side.close();
    });
  });
}
