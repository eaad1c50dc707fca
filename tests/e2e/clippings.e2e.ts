// Clippings end to end: a reader selects words on an article and saves them with the button and
// with the keyboard shortcut; on reload they are highlighted (marks around the page's own words,
// nothing of the note or tags in the page); the Clippings tab finds, edits, deletes and undoes,
// exports; the JSON export imported into a fresh profile gives the same clippings. Each test
// starts from the clippings it needs (given()), so any one of them runs alone.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { clippingLink } from '../../lib/clippings/fragment';
import type { Clipping } from '../../lib/clippings/types';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { waitForStep } from './harness/isolated';
import { highlightedRuns, selectInArticle } from './harness/probes';
import { PAGES, startSite } from './harness/site';
import { boxProblems } from './layout';

const OUT = 'tests/e2e/.tmp';
mkdirSync(OUT, { recursive: true });

let site: Awaited<ReturnType<typeof startSite>>;
let b: Launched;

beforeAll(async () => {
  site = await startSite();
  b = await launchWithExtension({ hostRules: site.hostRules, lang: 'ar' });
  await waitForCorpus(b.worker);
});
afterAll(async () => {
  await b?.close();
  site?.server.close();
});

const FIRST = 'ونقلت مؤسسة "فرات بوست" خبراً عن وصول قوات الأسد';
const SECOND = 'مشارف مدينة القورية';
const NOTE = 'ملاحظة خاصة بالقارئ 4471';
const TAG = 'وسم-خاص-9932';
const NOTE_AT_SAVE = 'ملاحظة عند الحفظ 5821';
const TAG_AT_SAVE = 'وسم-عند-الحفظ';

/** Waits until the element with `testId` has the keyboard focus in `frame`. */
async function waitForFocus(frame: Frame, testId: string): Promise<void> {
  await frame.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id && document.hasFocus(), testId, { timeout: 10_000 });
}

/**
 * The page read and marked, as a reader sees it before selecting: marks wrap words in new
 * elements, which would move a selection made while they were being applied. The content
 * script's last marks step (isnad:marks-label) says they are all in.
 */
async function articleRead(page: Page): Promise<void> {
  await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
  await waitForStep(page, 'marks-label');
}

/** Selects `text` inside the article's paragraphs, as a reader's drag would. */
async function select(page: Page, text: string): Promise<void> {
  if (!(await page.evaluate(selectInArticle, text))) throw new Error(`"${text}" is not in the article`);
}

const marked = (page: Page) => page.evaluate(highlightedRuns);
const highlighted = (page: Page, quote: string) =>
  page.waitForFunction(`(${highlightedRuns.toString()})().includes(${JSON.stringify(quote)})`, undefined, { timeout: 10_000 });

/** Asks the background through an extension page, as the side panel does. */
async function clippingsOf(page: Page): Promise<Clipping[]> {
  const r = await page.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value?: unknown }> } } };
    return chrome.runtime.sendMessage({ isnad: 'ui:clippings', data: {} });
  });
  if (!r?.ok) throw new Error(`ui:clippings failed: ${JSON.stringify(r)}`);
  return r.value as Clipping[];
}

/** Sends a protocol message from an extension page, as the UI does; its value, or throws. */
async function ask<T>(page: Page, isnad: string, data: unknown): Promise<T> {
  const r = await page.evaluate(
    ([name, d]) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value?: unknown }> } } };
      return chrome.runtime.sendMessage({ isnad: name, data: d });
    },
    [isnad, data] as const,
  );
  if (!r?.ok) throw new Error(`${isnad} failed: ${JSON.stringify(r)}`);
  return r.value as T;
}

/**
 * What a test starts from: no clipping but those of `quotes` in the Shaam article, saved as the
 * keyboard shortcut saves them (the background asks the tab to save its selection).
 */
async function given(quotes: string[]): Promise<void> {
  const side = await clippingsTab(b);
  for (const c of await clippingsOf(side)) await ask(side, 'ui:clipping-delete', { id: c.id });
  await side.close();
  if (quotes.length === 0) return;
  const page = await b.context.newPage();
  await page.goto(PAGES.shaamArticle);
  await articleRead(page);
  for (const quote of quotes) {
    await select(page, quote);
    expect(await clipSelection(b)).toMatchObject({ created: true, quote: { quote } });
  }
  await page.close();
}

/** What the keyboard shortcut and the context menu do: the background asks the Shaam tab to save its selection. */
function clipSelection(l: Launched): Promise<unknown> {
  return l.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } };
    const [tab] = await chrome.tabs.query({ url: '*://*.shaam.org/*' });
    return chrome.tabs.sendMessage(tab!.id!, { isnad: 'tab:clip-selection' });
  });
}

async function clippingsTab(l: Launched): Promise<Page> {
  const side = await l.context.newPage();
  const errors: string[] = [];
  side.on('pageerror', (e) => errors.push(e.message));
  await side.goto(`chrome-extension://${l.extensionId}/sidepanel.html?view=clippings`);
  await side.waitForSelector('.clippings', { timeout: 15_000 });
  expect(errors).toEqual([]);
  return side;
}

describe('clippings', () => {
  it('saves a selection with the "حفظ مقتطف" button, and with the keyboard shortcut', async () => {
    await given([]);
    const page = await b.context.newPage();
    await page.goto(PAGES.shaamArticle);
    await articleRead(page);

    await select(page, FIRST);
    const button = page.getByRole('button', { name: 'حفظ مقتطف' });
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: `${OUT}/clip-button.png` });
    await button.click();
    await page.getByRole('button', { name: 'حُفظ المقتطف' }).waitFor({ timeout: 10_000 });
    await highlighted(page, FIRST);

    // The save step takes a note and tags: a box framed beside the selection (an extension page),
    // the keyboard already in its note field. What is typed there never enters the page's DOM.
    const box = page.locator('[data-isnad="clip-note"]');
    await box.waitFor({ state: 'visible', timeout: 10_000 });
    const noteFrame = page.frameLocator('[data-isnad="clip-note"] iframe');
    await noteFrame.getByTestId('clip-note-text').waitFor({ timeout: 10_000 });
    const boxFrame = (await (await page.$('[data-isnad="clip-note"] iframe'))!.contentFrame())!;
    await waitForFocus(boxFrame, 'clip-note-text');
    await page.keyboard.type(NOTE_AT_SAVE);
    await noteFrame.getByTestId('clip-note-tags').fill(`${TAG_AT_SAVE}، حلب`);
    expect(await boxProblems(boxFrame, 'main.clip-note h1, main.clip-note label, main.clip-note .row button')).toEqual([]);
    await page.screenshot({ path: `${OUT}/clip-note.png` });
    await noteFrame.getByTestId('clip-note-save').click();
    await noteFrame.getByTestId('clip-note-saved').waitFor({ timeout: 10_000 });
    await box.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(NOTE_AT_SAVE);

    // Both entry points are registered: the menu item (updating it fails if it does not exist)
    // and the command with its shortcut and Arabic description.
    const registered = await b.worker.evaluate(async () => {
      type Api = { contextMenus: { update(id: string, p: object, cb: () => void): void }; runtime: { lastError?: { message?: string } }; commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string; description?: string }>> } };
      const { chrome } = globalThis as unknown as { chrome: Api };
      const menu = await new Promise<string>((res) => chrome.contextMenus.update('isnad-save-clipping', {}, () => res(chrome.runtime.lastError?.message ?? 'ok')));
      return { menu, command: (await chrome.commands.getAll()).find((c) => c.name === 'save-clipping') };
    });
    expect(registered).toEqual({ menu: 'ok', command: { name: 'save-clipping', shortcut: 'Alt+Shift+S', description: 'حفظ الكلمات المحددة مقتطفًا' } });

    // The shortcut (manifest command Alt+Shift+S) and the context menu both make the background
    // send the tab `tab:clip-selection`. Headless Chromium does not route key presses of a page to
    // extension commands, so the test sends that message from the background, as they do.
    await select(page, SECOND);
    const reply = await clipSelection(b);
    expect(reply).toMatchObject({ created: true, quote: { quote: SECOND } });
    await highlighted(page, SECOND);

    const side = await clippingsTab(b);
    const saved = await clippingsOf(side);
    expect(saved.map((c) => c.quote).sort()).toEqual([FIRST, SECOND].sort());
    for (const c of saved) {
      expect(decodeURI(c.url)).toBe(decodeURI(PAGES.shaamArticle));
      expect(c).toMatchObject({ outlet: 'shaam', canonicalUrl: 'https://shaam.org/news/syria-news/qoria', publishedAt: '2017-10-22T10:00' });
      expect(c.prefix.length + c.suffix.length).toBeGreaterThan(10);
    }
    // The quoted sentence's attribution and entities, found by the background's analysis.
    const first = saved.find((c) => c.quote === FIRST)!;
    expect(first).toMatchObject({ note: NOTE_AT_SAVE, tags: [TAG_AT_SAVE, 'حلب'] });
    expect(first.attribution).toMatchObject({ cue: 'ونقلت', sourceType: 'opposition-media' });
    expect(first.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['furat-post', 'regime-forces']));
    await side.close();
    await page.close();
  });

  it('the Clippings tab finds, edits, deletes with undo, and exports', async () => {
    await given([FIRST, SECOND]);
    const side = await clippingsTab(b);
    await side.setViewportSize({ width: 420, height: 820 });
    await side.waitForSelector('[data-testid="clipping"]');
    expect(await side.locator('[data-testid="clipping"]').count()).toBe(2);
    await side.screenshot({ path: `${OUT}/clippings-tab-side.png` });
    // At the side panel's width: the export buttons on one line, the card's text inside its padding,
    // the date fields typed (no native empty date field, whose Arabic placeholder Chromium reverses).
    const tops = await side.locator('.export-row button').evaluateAll((bs) => bs.map((x) => Math.round(x.getBoundingClientRect().top)));
    expect(tops.length).toBe(5);
    expect(new Set(tops).size).toBe(1);
    const inset = await side.locator('[data-testid="clipping"]').first().evaluate((li) => {
      const r = li.getBoundingClientRect();
      const q = li.querySelector('blockquote')!.getBoundingClientRect();
      return Math.min(q.left - r.left, r.right - q.right, q.top - r.top);
    });
    expect(inset).toBeGreaterThanOrEqual(8);
    expect(await side.locator('input[type="date"]').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 2 && getComputedStyle(e).opacity !== '0').length)).toBe(0);
    await side.screenshot({ path: `${OUT}/clippings-tab.png` });

    // Normalised search: a query with other letter forms and diacritics finds the quote.
    await side.getByRole('searchbox').fill('مؤسسه فُرات');
    await side.waitForFunction(() => document.querySelectorAll('[data-testid="clipping"]').length === 1);
    const item = side.locator('[data-testid="clipping"]').first();
    expect(await item.locator('blockquote').textContent()).toBe(FIRST);

    await item.getByRole('button', { name: /^تعديل ملاحظة ووسوم/ }).click();
    await item.locator('textarea').fill(NOTE);
    await item.locator('input').fill(`${TAG}، دير الزور`);
    await item.locator('button[type="submit"]').click();
    await item.locator('.note').waitFor();
    expect(await item.locator('.note').textContent()).toBe(NOTE);
    expect(await item.locator('.chip').allTextContents()).toEqual([TAG, 'دير الزور']);

    await side.getByRole('searchbox').fill('');
    await side.waitForFunction(() => document.querySelectorAll('[data-testid="clipping"]').length === 2);
    await side.screenshot({ path: `${OUT}/clippings-tab.png`, fullPage: true });

    // Delete the other one, then undo.
    const other = side.locator('[data-testid="clipping"]', { hasText: SECOND });
    await other.getByRole('button', { name: /^حذف المقتطف/ }).click();
    await side.waitForFunction(() => document.querySelectorAll('[data-testid="clipping"]').length === 1);
    expect((await clippingsOf(side)).length).toBe(1);
    await side.getByRole('button', { name: 'تراجع' }).click();
    await side.waitForFunction(() => document.querySelectorAll('[data-testid="clipping"]').length === 2);
    expect((await clippingsOf(side)).length).toBe(2);

    const download = side.waitForEvent('download');
    await side.getByRole('button', { name: 'JSON', exact: true }).click();
    const file = await (await download).path();
    const exported = readFileSync(file, 'utf8');
    expect(JSON.parse(exported).clippings).toHaveLength(2);
    // The file the button saved is the export the background makes (imported below, in a fresh profile).
    const made = JSON.parse((await ask<{ text: string }>(side, 'ui:clippings-export', { format: 'json' })).text);
    expect({ ...JSON.parse(exported), exportedAt: null }).toEqual({ ...made, exportedAt: null });

    const csvDownload = side.waitForEvent('download');
    await side.getByRole('button', { name: 'CSV', exact: true }).click();
    const csv = readFileSync(await (await csvDownload).path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(NOTE);
    await side.close();
  });

  it('on reload the article shows both clippings highlighted, with no note or tag in the page', async () => {
    await given([FIRST, SECOND]);
    const side = await clippingsTab(b);
    const first = (await clippingsOf(side)).find((c) => c.quote === FIRST)!;
    await ask(side, 'ui:clipping-update', { id: first.id, note: NOTE, tags: [TAG] });
    await side.close();
    const page = await b.context.newPage();
    await page.goto(PAGES.shaamArticle);
    await highlighted(page, FIRST);
    await highlighted(page, SECOND);
    const marks = await marked(page);
    expect(marks).toContain(FIRST);
    expect(marks).toContain(SECOND);
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    expect(dom).not.toContain(NOTE);
    expect(dom).not.toContain(TAG);
    await page.screenshot({ path: `${OUT}/clip-highlights.png` });
    await page.close();
  });

  it('the JSON export imported into a fresh profile gives the same clippings', async () => {
    await given([FIRST, SECOND]);
    const tab = await clippingsTab(b);
    const before = await clippingsOf(tab);
    const exported = (await ask<{ text: string }>(tab, 'ui:clippings-export', { format: 'json' })).text;
    await tab.close();
    const fresh = await launchWithExtension({ hostRules: site.hostRules, lang: 'ar' });
    try {
      const side = await clippingsTab(fresh);
      expect(await clippingsOf(side)).toEqual([]);
      await side.locator('details.import-tools summary').click();
      await side.locator('details.import-tools input[type="file"]').first().setInputFiles({ name: 'isnad-clippings.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await side.getByTestId('clippings-import-summary').waitFor({ timeout: 10_000 });
      await side.waitForSelector('[data-testid="clipping"]');
      expect(await clippingsOf(side)).toEqual(before);
      expect(await side.locator('[data-testid="clipping"]').count()).toBe(2);

      // A bad file is reported and stores nothing more.
      // The import tools are open still (the import above opened them); open them if not, never toggle them shut.
      const tools = side.locator('details.import-tools');
      if (!(await tools.evaluate((d) => (d as HTMLDetailsElement).open))) await tools.locator('summary').click();
      expect(await tools.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      const bad = JSON.parse(exported);
      bad.clippings[0].createdAt = 'yesterday';
      bad.clippings.push({ ...bad.clippings[1], id: 'new-one', url: 'ftp://x' });
      await side.locator('details.import-tools input[type="file"]').first().setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad, null, 2)) });
      await side.waitForFunction(() => document.querySelector('[data-testid="clippings-import-summary"]')?.textContent?.includes('bad.json'));
      const summary = (await side.getByTestId('clippings-import-summary').textContent()) ?? '';
      expect(summary).toMatch(/bad\.json:\d+: clippings\[0\]\.createdAt/);
      expect(summary).toMatch(/bad\.json:\d+: clippings\[2\]\.url/);
      expect(await clippingsOf(side)).toEqual(before);
      await side.close();
    } finally {
      await fresh.close();
    }
  });

  it('a backup restores clippings and settings into a fresh profile', async () => {
    await given([FIRST]);
    // Arabic kept as the UI language (the labels below are Arabic); theme and capture choices change.
    const settings = { version: 1, value: { language: 'ar', theme: 'dark', capture: { eremnews: false }, sites: [], panel: {} } };
    await b.worker.evaluate(async (s) => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
      await chrome.storage.local.set({ settings: s });
    }, settings);
    const side = await clippingsTab(b);
    const before = await clippingsOf(side);
    await side.locator('details.import-tools summary').click();
    const download = side.waitForEvent('download');
    await side.getByRole('button', { name: 'نسخة احتياطية من المقتطفات والإعدادات' }).click();
    const backup = readFileSync(await (await download).path(), 'utf8');
    expect(JSON.parse(backup).settings.settings.value).toMatchObject({ language: 'ar', theme: 'dark', capture: { eremnews: false } });
    await side.close();

    const fresh = await launchWithExtension({ hostRules: site.hostRules, lang: 'ar' });
    try {
      const page = await clippingsTab(fresh);
      await page.locator('details.import-tools summary').click();
      await page.locator('details.import-tools input[type="file"]').nth(1).setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
      await page.waitForFunction(() => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { value?: { theme?: string } }>> } } } };
        return chrome.storage.local.get('settings').then((r) => r.settings?.value?.theme === 'dark');
      }, undefined, { timeout: 10_000 });
      expect(await clippingsOf(page)).toEqual(before);
      const stored = await fresh.worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } };
        return (await chrome.storage.local.get('settings')).settings;
      });
      expect(stored).toMatchObject({ value: { language: 'ar', theme: 'dark', capture: { eremnews: false } } });
    } finally {
      await fresh.close();
    }
  });

  it("a clipping's link opens the article scrolled to the passage (text fragment)", async () => {
    const LAST = 'تسببت الحرب المستعرة بتشريد عشرات الآلاف من المدنيين';
    const page = await b.context.newPage();
    await page.goto(PAGES.shaamArticle);
    await articleRead(page);
    await select(page, LAST);
    await page.getByRole('button', { name: 'حفظ مقتطف' }).click();
    await page.getByRole('button', { name: 'حُفظ المقتطف' }).waitFor({ timeout: 10_000 });
    const side = await clippingsTab(b);
    const c = (await clippingsOf(side)).find((x) => x.quote === LAST)!;
    await side.close();
    const link = clippingLink(c)!;
    expect(link).toContain('#:~:text=');
    const reader = await b.context.newPage();
    await reader.goto(link);
    await reader.waitForFunction(() => window.scrollY > 200, undefined, { timeout: 10_000 });
    await reader.screenshot({ path: `${OUT}/clip-fragment.png` });
    await reader.close();
    await page.close();
  });
});
