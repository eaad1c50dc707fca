// The reader's flows in Firefox: a clipping saved with the in-page button is highlighted again after
// a reload and exported from the Clippings tab (a real download); a corpus import from the options
// page completes with its progress; turning Isnad on for a site asks for the site's permission in
// the reader's click, and turning it off drops the permission and the registered script.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Clipping } from '../../../lib/clippings/types';
import { launchFirefox, reloadExtensionPage, waitForCorpusIn, type FirefoxLaunched } from '../harness/firefox';
import { highlightedRuns, reportCount, selectInArticle } from '../harness/probes';
import { PAGES, seed, startSite } from '../harness/site';
import { waitFor } from '../harness/wait';
import { button, panelFrame, relatedTitles, requestOutsideClick, sendFrom, tabIdOf } from './helpers';

const OUT = 'tests/e2e/.tmp';
mkdirSync(OUT, { recursive: true });

let site: Awaited<ReturnType<typeof startSite>>;
let ff: FirefoxLaunched;
let work: string;
const downloads = () => join(work, 'downloads');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'isnad-ff-'));
  mkdirSync(downloads());
  site = await startSite();
  ff = await launchFirefox({ sitePort: site.port, downloadDir: downloads(), grantPermissionPrompts: true });
  await waitForCorpusIn(ff.api);
});
afterAll(async () => {
  await ff?.close();
  site?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// Test-only: the probe is our own function (tests/e2e/harness/probes.ts), sent as its source because
// puppeteer's waitForFunction passes arguments, not functions, into the page; no page text is evaluated.
const highlighted = (page: Page, quote: string) =>
  page.waitForFunction((fn, q) => (new Function(`return (${fn})()`)() as string[]).includes(q), { timeout: 10_000 }, highlightedRuns.toString(), quote);

describe('Firefox: clippings', () => {
  const QUOTE = 'ونقلت مؤسسة "فرات بوست" خبراً عن وصول قوات الأسد';
  const SECOND = 'مشارف مدينة القورية';
  const NOTE = 'ملاحظة خاصة بالقارئ 5512';
  const NOTE_AT_SAVE = 'note at save 7731';

  it('saved with the in-page button (and through the shortcut\'s and menu\'s path), highlighted again after a reload, exported from the Clippings tab', async () => {
    const page = await ff.browser.newPage();
    await page.goto(PAGES.shaamArticle);
    await panelFrame(page);
    expect(await page.evaluate(selectInArticle, QUOTE)).toBe(true);
    // The button sits in a shadow root by the selection; a real click, as the reader's.
    const save = await page.waitForSelector('[data-isnad-clip-button] >>> button', { visible: true, timeout: 10_000 });
    expect(await save!.evaluate((b) => b.textContent)).toBe('حفظ مقتطف');
    await save!.click();
    await page.waitForFunction(() => document.querySelector('[data-isnad-clip-button]')?.shadowRoot?.querySelector('button')?.textContent === 'حُفظ المقتطف', { timeout: 10_000 });
    await highlighted(page, QUOTE);
    // The save step's note box, an extension page bound to its run (lib/frames.ts): its key comes
    // from the content script, its clipping from the background, in Firefox as in Chrome.
    const noteBox = (await (await page.waitForSelector('[data-isnad="clip-note"] iframe[src*="run="]', { timeout: 10_000 }))!.contentFrame())!;
    await noteBox.waitForSelector('[data-testid="clip-note-text"]', { timeout: 10_000 });
    await noteBox.type('[data-testid="clip-note-text"]', NOTE_AT_SAVE);
    await noteBox.click('[data-testid="clip-note-save"]');
    await noteBox.waitForSelector('[data-testid="clip-note-saved"]', { timeout: 10_000 });

    // The other two ways in: the shortcut (a manifest command) and the context menu item, both
    // registered in Firefox, make the background send the tab `tab:clip-selection`; sent here
    // from an extension page, as they do (a test cannot press a browser shortcut or open a menu).
    const registered = await ff.api.evaluate(async () => {
      type Api = { contextMenus: { update(id: string, p: object): Promise<void> }; commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string; description?: string }>> } };
      const { browser } = globalThis as unknown as { browser: Api };
      const menu = await browser.contextMenus.update('isnad-save-clipping', {}).then(() => 'ok', (e: Error) => e.message);
      return { menu, command: (await browser.commands.getAll()).find((c) => c.name === 'save-clipping') };
    });
    expect(registered).toEqual({ menu: 'ok', command: { name: 'save-clipping', shortcut: 'Alt+Shift+S', description: 'حفظ الكلمات المحددة مقتطفًا' } });
    expect(await page.evaluate(selectInArticle, SECOND)).toBe(true);
    const tabId = await tabIdOf(ff, '*://*.shaam.org/*');
    const reply = await ff.api.evaluate(async (id) => {
      const { browser } = globalThis as unknown as { browser: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } };
      return browser.tabs.sendMessage(id, { isnad: 'tab:clip-selection' });
    }, tabId);
    expect(reply).toMatchObject({ created: true, quote: { quote: SECOND } });
    await highlighted(page, SECOND);

    const [clip] = (await sendFrom<Clipping[]>(ff.api, 'ui:clippings', {})).filter((c) => c.quote === QUOTE);
    expect(clip).toMatchObject({ outlet: 'shaam', canonicalUrl: 'https://shaam.org/news/syria-news/qoria', publishedAt: '2017-10-22T10:00' });
    expect(clip!.attribution).toMatchObject({ cue: 'ونقلت', sourceType: 'opposition-media' });
    expect(clip!.note).toBe(NOTE_AT_SAVE);
    await sendFrom(ff.api, 'ui:clipping-update', { id: clip!.id, note: NOTE, tags: ['دير الزور'] });

    // A reload: the content script finds the clipping again in the page's own words.
    await page.reload();
    await highlighted(page, QUOTE);
    await highlighted(page, SECOND);
    expect(await page.evaluate(highlightedRuns)).toContain(QUOTE);
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    expect(dom).not.toContain(NOTE);
    await page.screenshot({ path: `${OUT}/firefox-clip-highlight.png` });
    await page.close();

    // Exported from the Clippings tab as the reader does it: a file saved by Firefox.
    const side = await ff.openExtensionPage('sidepanel.html?view=clippings', { width: 420, height: 860 });
    await side.waitForSelector('[data-testid="clipping"]', { timeout: 15_000 });
    await (await button(side, 'JSON')).click();
    // Firefox names the file first and fills it after (through a .part file): wait for the whole.
    const exported = (await waitFor('the JSON export', async () => {
      const files = readdirSync(downloads()).filter((f) => f.endsWith('.json'));
      try {
        return files.length === 1 ? (JSON.parse(readFileSync(join(downloads(), files[0]!), 'utf8')) as { clippings: Clipping[] }) : null;
      } catch {
        return null;
      }
    }, (v) => v !== null))!;
    expect(exported.clippings.map((c) => [c.quote, c.note]).sort()).toEqual([[QUOTE, NOTE], [SECOND, '']].sort());
    await side.close();
  });
});

describe('Firefox: import from the options page', () => {
  it('completes with its progress: each file in turn, the reports added, a bad line named', async () => {
    const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8');
    const good = { url: 'https://www.enabbaladi.net/archives/ff-1', outlet: 'enabbaladi', title: 'تقرير مستورد في فايرفوكس', publishedAt: '2024-12-08', text: 'نص التقرير المستورد عن دمشق وحلب في كانون الأول.' };
    writeFileSync(join(work, 'real-2025.jsonl'), real);
    writeFileSync(join(work, 'mine.jsonl'), `${JSON.stringify(good)}\n{"url": 5}\n`);
    const before = await ff.api.evaluate(reportCount);

    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('table.stats', { timeout: 15_000 });
    // Every state the import shows, as the page draws it.
    await options.evaluate(() => {
      const seen: Array<{ state: string; value: number; max: number; status: string }> = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const run = document.querySelector('.import-run');
        const bar = run?.querySelector('progress');
        if (!run || !bar) return;
        const s = { state: run.getAttribute('data-state') ?? '', value: bar.value, max: bar.max, status: run.querySelector('[role="status"]')?.textContent ?? '' };
        const last = seen[seen.length - 1];
        if (!last || JSON.stringify(last) !== JSON.stringify(s)) seen.push(s);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const input = await options.$('input[type="file"]');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(join(work, 'real-2025.jsonl'), join(work, 'mine.jsonl'));
    await options.waitForSelector('.import-run[data-state="done"]', { timeout: 60_000 });

    const seen = await options.evaluate(() => (window as unknown as { seen: Array<{ state: string; value: number; max: number; status: string }> }).seen);
    // Numbers as the page writes them (Arabic-Indic digits, or not): compared as Latin digits.
    const latin = (t: string) => t.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
    // The progress: the first file, then the second, each named with its place; the bar moving
    // between them (in records); then done.
    const running = seen.filter((x) => x.state === 'running');
    expect(running.some((x) => x.status.includes('real-2025.jsonl') && latin(x.status).includes('(1 من 2)'))).toBe(true);
    expect(running.some((x) => x.status.includes('mine.jsonl') && latin(x.status).includes('(2 من 2)'))).toBe(true);
    expect(running.some((x) => x.value > 0 && x.value < x.max)).toBe(true);
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({ state: 'done' });
    expect(last.value).toBe(last.max);
    const added = (await ff.api.evaluate(reportCount)) - before;
    expect(added).toBeGreaterThan(150);
    expect(latin(last.status)).toContain(String(added));
    expect(await options.$eval('[data-testid="import-problems"]', (e) => e.textContent ?? '')).toMatch(/mine\.jsonl:2/);

    // The imported reports are searchable at once.
    const found = await sendFrom<{ hits: Array<{ url: string }> }>(ff.api, 'ui:search', { query: { text: 'تقرير مستورد في فايرفوكس' } });
    expect(found.hits.map((h) => h.url)).toContain(good.url);
    // After a reload the page counts them too.
    await reloadExtensionPage(options);
    await waitFor('the count shown', () => options.evaluate(() => document.body.innerText), (t) => latin(t).includes(String(before + added)));
    await options.close();
  });
});

describe('Firefox: turning Isnad on for a site', () => {
  const PATTERN = 'http://idlib24.test/*';
  const has = () => ff.api.evaluate(async (o) => {
    const { browser } = globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } };
    return browser.permissions.contains({ origins: [o] });
  }, PATTERN);
  const registered = () => ff.api.evaluate(async () => {
    const { browser } = globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } } };
    return (await browser.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
  });

  it('asks for the permission in the reader\'s click, runs there, then drops the permission when turned off', async () => {
    expect(await has()).toBe(false);
    // Outside a click Firefox refuses the request: the options page must ask from the click itself.
    const outside = await requestOutsideClick(ff, PATTERN);
    expect(outside).toMatch(/^refused: .*user input/);

    const options = await ff.openExtensionPage('options.html');
    const field = await options.waitForSelector('section[aria-labelledby="sites-h"] input', { timeout: 15_000 });
    await field!.type('http://idlib24.test');
    await (await button(options, 'تفعيل', 'section[aria-labelledby="sites-h"]')).click();
    await options.waitForFunction(() => document.querySelector('section[aria-labelledby="sites-h"] [role="status"]')?.textContent?.includes('فُعّل إسناد لهذا الموقع'), { timeout: 15_000 });
    expect(await has()).toBe(true);
    expect(await registered()).toContain(PATTERN);

    // The site now gets Isnad: its article is read, and the sidebar and the in-page panel list
    // related reports (the panel is web-accessible on any site the reader turns on).
    const page = await ff.browser.newPage();
    await page.goto(PAGES.idlibArticle);
    const tabId = await tabIdOf(ff, PATTERN);
    await waitFor('the article read', () => sendFrom<{ article: { title: string } } | null>(ff.api, 'ui:context', { tabId }), (c) => c?.article.title === seed(2).title);
    const side = await ff.openExtensionPage(`sidepanel.html?tab=${tabId}`, { width: 420, height: 860 });
    const shown = await relatedTitles(side);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain(seed(2).title);
    const inPanel = await relatedTitles(panelFrame(page));
    expect(inPanel.length).toBeGreaterThan(0);
    expect(inPanel).not.toContain(seed(2).title);
    await side.close();
    await page.close();

    // Turned off: the permission and the registered script are gone.
    await (await button(options, 'إيقاف إسناد على http://idlib24.test/*')).click();
    await options.waitForFunction(() => document.querySelector('section[aria-labelledby="sites-h"] [role="status"]')?.textContent?.includes('أُوقف إسناد لهذا الموقع'), { timeout: 15_000 });
    await waitFor('permission dropped', has, (v) => v === false);
    expect(await registered()).not.toContain(PATTERN);
    expect(await sendFrom<string[]>(ff.api, 'ui:sites', {})).not.toContain(PATTERN);
    await options.close();
  });
});
