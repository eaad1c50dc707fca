// Shared steps of the UI end-to-end tests: opening extension pages, finding a tab's id, checking
// accessible names, visible focus and that the in-page panel leaves the article's text uncovered.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import type { Launched } from './harness/chromium';

export async function openExtensionPage(b: Launched, path: string, errors: string[], size?: { width: number; height: number }): Promise<Page> {
  const page = await b.context.newPage();
  if (size) await page.setViewportSize(size);
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`chrome-extension://${b.extensionId}/${path}`);
  return page;
}

/**
 * The id of the tab showing a URL (a match pattern); null: the newest tab whose URL the extension
 * may not read (a site that is not built in, with no permission granted).
 */
export async function tabIdOf(b: Launched, urlPattern: string | null): Promise<number> {
  const id = await b.worker.evaluate(async (url) => {
    // Runs in the service worker, where `chrome` is the extension API.
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } };
    if (url) return (await chrome.tabs.query({ url }))[0]?.id;
    const hidden = (await chrome.tabs.query({})).filter((t) => !t.url);
    return hidden.map((t) => t.id ?? -1).sort((a, c) => c - a)[0];
  }, urlPattern);
  if (typeof id !== 'number' || id < 0) throw new Error(`no tab for ${urlPattern ?? 'a site without permission'}`);
  return id;
}

/** Interactive elements that have no accessible name (aria-label, labelledby, label, text, title). */
export function unnamedControls(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const text = (e: Element | null | undefined) => (e?.textContent ?? '').trim();
    const nameOf = (e: HTMLElement): string => {
      const labelled = (e.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => text(document.getElementById(id))).join(' ');
      const labels = 'labels' in e ? [...((e as HTMLInputElement).labels ?? [])].map((l) => text(l)).join(' ') : '';
      const own = /^(INPUT|SELECT|TEXTAREA)$/.test(e.tagName) ? '' : text(e);
      return (e.getAttribute('aria-label') ?? '') || labelled || labels || own || (e.getAttribute('title') ?? '');
    };
    const controls = [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="tab"], [role="switch"], [tabindex]')];
    return controls.filter((e) => e.getClientRects().length > 0 && !nameOf(e).trim()).map((e) => e.outerHTML.slice(0, 160));
  });
}

/** The focused element's outline, as the reader sees it after a key press. */
export function focusRing(page: Page | Frame): Promise<{ tag: string; name: string; outline: string; width: number } | null> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    return {
      tag: e.tagName,
      name: e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? '',
      outline: s.outlineStyle,
      width: parseFloat(s.outlineWidth),
    };
  });
}

/** Whether the in-page panel overlaps, across the page's width, any heading or paragraph of the article. */
export function panelCoversText(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const w = document.querySelector('[data-isnad="panel"]')!.getBoundingClientRect();
    const text = [...document.querySelectorAll('article h1, article p')].map((p) => p.getBoundingClientRect());
    // The panel is fixed: as the reader scrolls, it passes every line, so width alone decides.
    return text.some((r) => r.width > 0 && r.left < w.right && r.right > w.left);
  });
}

export async function panelState(page: Page): Promise<{ mode: string; edge: string; width: number }> {
  await page.waitForSelector('[data-isnad="panel"][data-mode]', { state: 'attached', timeout: 15_000 });
  return page.$eval('[data-isnad="panel"]', (w) => ({
    mode: (w as HTMLElement).dataset.mode ?? '',
    edge: (w as HTMLElement).dataset.edge ?? '',
    width: Math.round(w.getBoundingClientRect().width),
  }));
}

export async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('panel iframe has no frame');
  return frame;
}

export { waitFor } from './harness/wait';

/** The "loading" line each view shows until its data came, in both UI languages. */
const LOADING = ['ar', 'en'].map((l) => (JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Record<string, { message: string }>)['loading']!.message);

/** Waits until the page's fonts are in and no view shown on it still says it is loading. */
export async function untilLoaded(page: Page | Frame): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction((words) => ![...document.querySelectorAll('[role="status"]')].some((e) => e.checkVisibility() && words.includes((e.textContent ?? '').trim())), LOADING, { timeout: 15_000 });
}

/** Chromium flag that lets the tests press the extension's toolbar button (CDP Extensions.triggerAction). */
export const ACTION_FLAG = '--enable-unsafe-extension-debugging';

/**
 * Presses Isnad's toolbar button on the tab showing `urlPart`, as the reader would: the browser
 * then grants activeTab for that tab. Needs the browser launched with ACTION_FLAG.
 */
export async function pressToolbarButton(b: Launched, urlPart: string): Promise<void> {
  const browser = b.context.browser();
  if (!browser) throw new Error('no browser to talk to');
  const cdp = await browser.newBrowserCDPSession();
  type Targets = { targetInfos: Array<{ type: string; url: string; targetId: string }> };
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as Targets;
  const tab = targetInfos.find((t) => t.type === 'tab' && t.url.includes(urlPart));
  if (!tab) throw new Error(`no tab showing ${urlPart}`);
  await cdp.send('Extensions.triggerAction' as never, { id: b.extensionId, targetId: tab.targetId } as never);
  await cdp.detach();
}

const UNRELATED_URL = 'http://www.eremnews.com/news/lifestyle/b4k2m7x';
const UNRELATED_HTML = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>مهرجان الخبز والتوابل يجمع الطهاة في الساحل | إرم نيوز</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="إرم نيوز"></head>
<body><article><h1>مهرجان الخبز والتوابل يجمع الطهاة في الساحل</h1><div class="article-body">
<p>افتتح مهرجان الخبز والتوابل أبوابه صباح الجمعة بمشاركة عشرات الطهاة والخبازين الذين قدموا وصفات تقليدية من الزعتر والسماق والكمون.</p>
<p>وتنافس المشاركون على تحضير أرغفة محشوة بالجبن والأعشاب، فيما تذوّق الزوار أطباق العدس والبرغل والحلويات المصنوعة من التمر والسمسم.</p>
<p>وقالت إحدى الخبازات إن سر الرغيف الجيد هو العجين المخمّر طوال الليل والفرن الحجري الساخن، مؤكدة أن الوصفة ورثتها عن جدتها.</p>
<p>ويستمر المهرجان ثلاثة أيام تتخللها ورش لتعليم الأطفال صناعة المعجنات وعروض موسيقية في الساحة المطلة على البحر.</p>
</div></article></body></html>`;

/** An article page of a built-in outlet that the test corpus holds nothing related to (serve it with page.route). */
export const UNRELATED = { url: UNRELATED_URL, html: UNRELATED_HTML } as const;
