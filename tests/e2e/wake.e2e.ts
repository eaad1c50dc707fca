// The background is woken as an outlet's page starts loading (entrypoints/wake.content.ts), not
// only once the page is idle and its article read: a stopped service worker then starts while the
// page is still arriving. A page on a host Isnad does not run on must leave it stopped.
// Every wait is on an event: Chromium's report of the worker's status, and the page's own
// execution contexts (a script of ours in the page is an isolated world of the extension's origin).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { extensionRunsIn, launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';

let server: Server;
let browser: Launched;
let cdp: CDPSession;
/** The background's running status, as Chromium reports it. */
let status = 'unknown';
/** Who waits for the status to change. */
const onStatus = new Set<() => void>();
/** Responses held open (the page stays in `loading`) until the test lets them finish. */
const held: Array<() => void> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // The head and the start of the body now, the rest when released: the page stays loading.
    res.write('<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title></head><body><h1>خبر</h1><p>');
    const finish = () => res.end('نص الخبر.</p></body></html>');
    const timer = setTimeout(finish, 60_000);
    held.push(() => {
      clearTimeout(timer);
      finish();
    });
    req.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  browser = await launchWithExtension({ hostRules: `MAP orient-news.net 127.0.0.1:${port}, MAP www.orient-news.net 127.0.0.1:${port}, MAP elsewhere.test 127.0.0.1:${port}` });
  await waitForCorpus(browser.worker);
  // A blank page to talk to Chromium through: it sends the background nothing that could wake it.
  const blank = await browser.context.newPage();
  cdp = await browser.context.newCDPSession(blank);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((v) => v.scriptURL.includes(browser.extensionId));
    if (!ours.length) return;
    status = ours[ours.length - 1]!.runningStatus;
    for (const f of onStatus) f();
  });
  await cdp.send('ServiceWorker.enable');
});
afterAll(async () => {
  for (const release of held.splice(0)) release();
  await browser?.close();
  server?.close();
});

/** Resolves once Chromium reports the background `want` (at once if it is). */
function statusBecomes(want: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (status !== want) return;
      onStatus.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      onStatus.delete(check);
      reject(new Error(`the background is still ${status}, not ${want}`));
    }, timeoutMs);
    onStatus.add(check);
    check();
  });
}

async function stopBackground(): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await statusBecomes('stopped');
}

/**
 * Opens the URL and holds it loading. Once the page's body is being parsed its document_start
 * scripts have run, so whether one of ours is there is decided; `running` waits for the background.
 */
async function opened(url: string): Promise<{ page: Page; ours: boolean }> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('h1', { state: 'attached' });
  const ours = await extensionRunsIn(browser, page);
  return { page, ours };
}

/** Closes the page while it still loads (the article script, at document_idle, never runs), then lets its response end. */
async function close(page: Page): Promise<void> {
  await page.close();
  for (const release of held.splice(0)) release();
}

describe('waking the background', () => {
  it('leaves it stopped for a page of another site', async () => {
    await stopBackground();
    const { page, ours } = await opened('http://elsewhere.test/news/1');
    // Nothing of ours is in the page, so nothing there can wake the background: it is stopped still.
    expect(ours).toBe(false);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(status).toBe('stopped');
    await close(page);
  });

  it('starts the stopped background while an outlet page is still loading', async () => {
    await stopBackground();
    const { page, ours } = await opened('http://www.orient-news.net/ar/news_show/1/خبر');
    expect(ours).toBe(true);
    await statusBecomes('running');
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    await close(page);
  });
});
