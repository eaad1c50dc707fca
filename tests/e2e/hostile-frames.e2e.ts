// Issue 18: panel.html, card.html and clip-note.html are web-accessible, so a page can frame its
// own copies — with our run ids read from our iframes' URLs, or an entity in the card's URL. Only
// the frames the content script made get answers (lib/frames.ts): the content script posts each
// one its run's key, which no page sees; a frame without it, or a second frame presenting it, is
// refused, whatever keys the page posts into its copies. Our own panel, card and note box still
// show and save what they do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { seedArticle } from '../unit/clippings/fixtures';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { waitForStep } from './harness/isolated';
import { selectInArticle } from './harness/probes';
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

async function ourFrame(page: Page, which: 'panel' | 'card' | 'clip-note'): Promise<Frame> {
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

/** The page posts a key of its own guessing into each frame it made, as the content script posts ours. */
const pagePostsKeys = (page: Page, run: string) =>
  page.evaluate((run) => {
    for (const f of document.querySelectorAll<HTMLIFrameElement>('iframe[name^="hostile-"]')) {
      for (let i = 0; i < 6; i++) f.contentWindow?.postMessage({ isnad: 'isnad:frame-key', run, key: `${i}`.repeat(32) }, '*');
    }
  }, run);

/** The key the content script gave `run` (read from the worker's session store, which no page can). */
async function realGrant(run: string): Promise<{ key: string; frameId?: number }> {
  const session = await b.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.session.get(null));
  return Object.entries(session).filter(([k]) => k.startsWith('frames:')).flatMap(([, v]) => v as Array<{ run: string; key: string; frameId?: number }>).find((g) => g.run === run)!;
}

/** A message sent from inside a frame (its own extension APIs, as its scripts have them). */
const sendFrom = (frame: Frame, isnad: string, data: object) =>
  frame.evaluate(({ isnad, data }) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ isnad, data }), { isnad, data });

describe('a page’s own copies of the panel, the card and the note box get nothing', () => {
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
    // Its own script runs and waits for a key that never comes (the content script posted the
    // run's key into our frame before this copy existed, and our frame holds it): no related report.
    await copy.waitForSelector('[role="status"]', { timeout: 20_000 });
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
    const grant = await realGrant(run);
    expect(grant.frameId).toBeGreaterThan(0);
    expect(await sendFrom(copy, 'ui:panel-context', { run, key: grant.key })).toMatchObject({ ok: false });
    // Our own frame still gets its answers.
    expect(await sendFrom(ours, 'ui:stats', {})).toMatchObject({ ok: true });
    await page.close();
  });

  it('our card shows the entity the reader points at; a copy of card.html, with our run or none, gets no entity by asking or by keys the page posts', async () => {
    const page = await b.context.newPage();
    await page.goto(ARTICLE);
    await waitForStep(page, 'marks-label');
    const mark = page.locator('mark[data-isnad-mark="place"][data-isnad-entity]').first();
    const entity = (await mark.getAttribute('data-isnad-entity'))!;
    await mark.focus();
    const ours = await ourFrame(page, 'card');
    await ours.waitForSelector('main.card ul.recent li', { timeout: 15_000 });
    const src = await page.$eval('[data-isnad="card"] iframe', (f) => (f as HTMLIFrameElement).src);
    const run = new URL(src).searchParams.get('run')!;
    expect(run).toMatch(/^[0-9a-f]{24}$/);
    expect(src).not.toMatch(/key/);
    // The page frames a copy with our run and hash, and a bare copy naming the entity (the card
    // page as an extension page of its own asks by the hash's id), then posts keys into both.
    const copy = await pageFrames(page, src);
    const bare = await pageFrames(page, `${src.split('?')[0]}#id=${encodeURIComponent(entity)}&kind=place&words=x`);
    await pagePostsKeys(page, run);
    // The bare copy's ui:entity is refused to a framed page: it says so, and shows no data.
    await bare.waitForSelector('main.card [role="alert"]', { timeout: 10_000 });
    expect(await bare.$$('main.card ul.recent li')).toHaveLength(0);
    expect(await copy.$$('main.card ul.recent li')).toHaveLength(0);
    expect(await copy.$('[data-testid="card-loading"]')).not.toBeNull();
    for (const frame of [copy, bare]) {
      expect(await sendFrom(frame, 'ui:entity', { id: entity })).toMatchObject({ ok: false, error: expect.stringMatching(/not answered to an embedded frame/) });
      expect(await sendFrom(frame, 'ui:card', { run, key: '0'.repeat(32) })).toMatchObject({ ok: false, error: expect.stringMatching(/not a frame Isnad made/) });
    }
    // The real key, second: refused; our card, with it: the entity pointed at.
    const grant = await realGrant(run);
    expect(await sendFrom(copy, 'ui:card', { run, key: grant.key })).toMatchObject({ ok: false });
    expect(await sendFrom(ours, 'ui:card', { run, key: grant.key })).toMatchObject({ ok: true, value: { id: entity } });
    // Our card follows the reader to another entity, through the background (page:card → ui:card).
    const other = page.locator(`mark[data-isnad-entity]:not([data-isnad-entity="${entity}"])`).first();
    const otherId = (await other.getAttribute('data-isnad-entity'))!;
    await other.focus();
    await expect.poll(() => sendFrom(ours, 'ui:card', { run, key: grant.key }).then((r) => (r as { value?: { id?: string } }).value?.id), { timeout: 10_000 }).toBe(otherId);
    await page.close();
  });

  it('the note box: a copy of clip-note.html reaches no clipping; ours saves the note to the clipping just made', async () => {
    const page = await b.context.newPage();
    await page.goto(ARTICLE);
    await waitForStep(page, 'marks-label');
    const quote = orient.paragraphs[1]!.split(' ').slice(0, 6).join(' ');
    expect(await page.evaluate(selectInArticle, quote)).toBe(true);
    await page.getByRole('button', { name: 'حفظ مقتطف' }).click();
    const ours = await ourFrame(page, 'clip-note');
    await ours.waitForSelector('[data-testid="clip-note-text"]', { timeout: 10_000 });
    const src = await page.$eval('[data-isnad="clip-note"] iframe', (f) => (f as HTMLIFrameElement).src);
    const run = new URL(src).searchParams.get('run')!;
    expect(src).not.toMatch(/key|id=/);
    const copy = await pageFrames(page, src);
    await pagePostsKeys(page, run);
    const set = { note: 'ملاحظة المهاجم', tags: ['مهاجم'] };
    expect(await sendFrom(copy, 'frame:clip-note', { run, key: '0'.repeat(32), set })).toMatchObject({ ok: false, error: expect.stringMatching(/not a frame Isnad made/) });
    expect(await sendFrom(copy, 'frame:clip-note', { run, key: (await realGrant(run)).key, set })).toMatchObject({ ok: false });
    // Saved from the copy's own form: nothing is written (it holds no key).
    await copy.fill('[data-testid="clip-note-text"]', set.note);
    await copy.$eval('main.clip-note form', (f) => (f as HTMLFormElement).requestSubmit());
    // Ours: the reader's note goes to the clipping just saved.
    await ours.fill('[data-testid="clip-note-text"]', 'ملاحظة القارئ');
    await ours.click('[data-testid="clip-note-save"]');
    await ours.waitForSelector('[data-testid="clip-note-saved"]', { timeout: 10_000 });
    const side = await b.context.newPage();
    await side.goto(`chrome-extension://${b.extensionId}/sidepanel.html?view=clippings`);
    const list = (await side.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ isnad: 'ui:clippings', data: {} }))) as { value: Array<{ quote: string; note: string }> };
    const mine = list.value.filter((c) => c.quote === quote);
    expect(mine.map((c) => c.note)).toEqual(['ملاحظة القارئ']);
    expect(list.value.some((c) => c.note === set.note)).toBe(false);
    await side.close();
    await page.close();
  });
});
