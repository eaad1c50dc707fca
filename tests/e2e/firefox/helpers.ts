// Steps the Firefox flows share: the in-page panel's frame and its related reports, a tab's id,
// a protocol message sent from an extension page as the UI sends it, a button found by its text.
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import type { FirefoxLaunched } from '../harness/firefox';
import { waitFor } from '../harness/wait';

export async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-isnad="panel"] iframe', { timeout: 15_000 });
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('panel iframe has no frame');
  return frame;
}

/** The titles of the related reports a page or frame lists, once it lists some. */
export async function relatedTitles(from: Frame | Page | Promise<Frame>): Promise<string[]> {
  const frameOrPage = await from;
  await frameOrPage.waitForSelector('[data-testid="related-item"]', { timeout: 15_000 });
  return frameOrPage.$$eval('[data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? ''));
}

interface Reply<T> {
  ok: boolean;
  value?: T;
  error?: string;
}

/** Sends a protocol message from an extension page (ff.api by default), as the UI does; its value. */
export async function sendFrom<T>(page: Page, isnad: string, data: unknown): Promise<T> {
  const r = await page.evaluate(async (name, d) => {
    const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return (await browser.runtime.sendMessage({ isnad: name, data: d })) as Reply<unknown>;
  }, isnad, data);
  if (!r?.ok) throw new Error(`${isnad} failed: ${JSON.stringify(r)}`);
  return r.value as T;
}

/** The id of the tab showing a URL (a match pattern), asked of the extension's API. */
export function tabIdOf(ff: FirefoxLaunched, urlPattern: string): Promise<number> {
  return waitFor(`tab ${urlPattern}`, () => ff.api.evaluate(async (url) => {
    const { browser } = globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };
    return (await browser.tabs.query({ url }))[0]?.id ?? -1;
  }, urlPattern), (id) => id >= 0);
}

/** The visible button whose text (or aria-label) is `name`, once there is one. */
export async function button(page: Page, name: string, within = 'body'): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction((n, scope) => {
    const all = [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)];
    return all.find((b) => (b.textContent?.trim() === n || b.getAttribute('aria-label') === n) && b.getClientRects().length > 0) ?? null;
  }, { timeout: 15_000 }, name, within);
  return handle as ElementHandle<HTMLButtonElement>;
}

/** A host permission asked for outside any click (from the API page): Firefox's answer, or its refusal. */
export function requestOutsideClick(ff: FirefoxLaunched, origin: string): Promise<string> {
  return ff.api.evaluate(async (o) => {
    const { browser } = globalThis as unknown as { browser: { permissions: { request(p: object): Promise<boolean> } } };
    return browser.permissions.request({ origins: [o] }).then(String, (e: Error) => `refused: ${e.message}`);
  }, origin);
}
