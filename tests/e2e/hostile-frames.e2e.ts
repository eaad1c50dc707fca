// Issue 18: panel.html and card.html are web-accessible, so a page can frame its own copies —
// with our panel's run id read from our iframe's URL, or an entity in the card's URL. Only the
// frames the content script made get answers (lib/frames.ts): the content script posts each one
// its run's key, which no page sees; a frame without it, or a second frame presenting it, is
// refused. Our own panel and card still show what they show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { seedArticle } from '../unit/clippings/fixtures';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { claimingPage, startHostileSite } from './hostile-site';

interface ChromeApi {
  runtime: { sendMessage(m: object): Promise<{ ok: boolean; value?: unknown; error?: string } | undefined> };
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
}

const orient = seedArticle(0);
const ARTICLE = 'http://www.orient-news.net/ar/news_show/92367/0/للمرة-الرابعة-في-أقل-من-شهر';

let site: Awaited<ReturnType<typeof startHostileSite>>;
let b: Launched;

beforeAll(async () => {
  site = await startHostileSite({ [ARTICLE]: claimingPage({ title: orient.title, paragraphs: orient.paragraphs, siteName: 'أورينت نت' }) });
  b = await launchWithExtension({ hostRules: site.hostRules });
  await waitForCorpus(b.worker);
});
afterAll(async () => {
  await b?.close();
  site?.server.close();
});

async function ourFrame(page: Page, which: 'panel' | 'card'): Promise<Frame> {
  const handle = await page.waitForSelector(`[data-isnad="${which}"] iframe[src*="run="]`, { state: 'attached', timeout: 15_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${which} iframe has no frame`);
  return frame;
}

/** The page frames its own copy of one of our pages (it is web-accessible), as a page script would. */
async function pageFrames(page: Page, src: string): Promise<Frame> {
  const name = `hostile-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(({ src, name }) => {
    const f = document.createElement('iframe');
    f.name = name;
    f.src = src;
    f.style.cssText = 'position:fixed;top:0;left:0;width:400px;height:400px;opacity:0.01';
    document.body.append(f);
  }, { src, name });
  // (The frame's URL is reported with the extension's id even when it was framed by the dynamic one.)
  await expect.poll(() => page.frames().some((f) => f.name() === name && f.url() !== 'about:blank' && f.url() !== ''), { timeout: 10_000 }).toBe(true);
  const frame = page.frames().find((f) => f.name() === name)!;
  await frame.waitForLoadState('load');
  return frame;
}

/** A message sent from inside a frame (its own extension APIs, as its scripts have them). */
const sendFrom = (frame: Frame, isnad: string, data: object) =>
  frame.evaluate(({ isnad, data }) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ isnad, data }), { isnad, data });

describe('a page’s own copies of the panel and the card get nothing', () => {
  it('our panel shows the related reports; a copy with our run id, with or without a guessed key, gets nothing', async () => {
    const page = await b.context.newPage();
    await page.goto(ARTICLE);
    const ours = await ourFrame(page, 'panel');
    await ours.waitForSelector('[data-testid="related-item"]', { timeout: 20_000 });
    const src = await page.$eval('[data-isnad="panel"] iframe', (f) => (f as HTMLIFrameElement).src);
    const run = new URL(src).searchParams.get('run')!;
    expect(src).not.toMatch(/key/);
    // Chrome: web-accessible by the dynamic URL only (use_dynamic_url), a new id each session; the
    // extension's own id does not load it in a page, so a page cannot probe for Isnad by it.
    expect(new URL(src).host).not.toBe(b.extensionId);
    const probe = await pageFrames(page, `chrome-extension://${b.extensionId}/panel.html?run=${new URL(src).searchParams.get('run')}`);
    expect(await probe.evaluate(() => location.protocol).catch(() => 'blocked')).not.toBe('chrome-extension:');

    const copy = await pageFrames(page, src);
    // Its own script waits for a key that never comes: no related report is shown.
    await page.waitForTimeout(1500);
    expect(await copy.$$('[data-testid="related-item"]')).toHaveLength(0);
    // Whatever it asks itself is refused: the run with a guessed key, and every frame message.
    for (const [name, data] of [
      ['ui:panel-context', { run, key: '0'.repeat(32) }],
      ['ui:panel-context', { run }],
      ['ui:context', {}],
      ['ui:analysis', {}],
      ['ui:stats', {}],
      ['ui:entity-names', { ids: ['place:idlib'] }],
      ['ui:panel-layout', { layout: { collapsed: true, side: 'start' } }],
      ['ui:card', { run, key: '0'.repeat(32) }],
    ] as const) {
      const res = await sendFrom(copy, name, data);
      expect(res, name).toMatchObject({ ok: false, error: expect.stringMatching(/not a frame Isnad made/) });
    }
    // Even with the real key (read here from the worker's session store, which no page can): our
    // frame presented it first, so a second frame is refused.
    const session = await b.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.session.get(null));
    const grant = Object.entries(session).filter(([k]) => k.startsWith('frames:')).flatMap(([, v]) => v as Array<{ run: string; key: string; frameId?: number }>).find((g) => g.run === run)!;
    expect(grant.frameId).toBeGreaterThan(0);
    expect(await sendFrom(copy, 'ui:panel-context', { run, key: grant.key })).toMatchObject({ ok: false });
    // Our own frame still gets its answers.
    expect(await sendFrom(ours, 'ui:stats', {})).toMatchObject({ ok: true });
    await page.close();
  });
});
