// The background is woken as an outlet's page starts loading (entrypoints/wake.content.ts), not
// only once the page is idle and its article read: a stopped service worker then starts while the
// page is still arriving. A page on a host Isnad does not run on must leave it stopped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';

let server: Server;
let browser: Launched;
let cdp: CDPSession;
/** The background's running status, as Chromium reports it. */
let status = 'unknown';
/** Responses held open (the page stays in `loading`) until the test lets them finish. */
const held: Array<() => void> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // The head and the start of the body now, the rest when released: the page stays loading.
    res.write('<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title></head><body><h1>خبر</h1><p>');
    const finish = () => res.end('نص الخبر.</p></body></html>');
    const timer = setTimeout(finish, 20_000);
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
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  cdp = await browser.context.newCDPSession(ext);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((v) => v.scriptURL.includes(browser.extensionId));
    if (ours.length) status = ours[ours.length - 1]!.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
});
afterAll(async () => {
  for (const release of held.splice(0)) release();
  await browser?.close();
  server?.close();
});

async function stopBackground(): Promise<void> {
  // A page closed just before may still have a message on its way that starts it again: stop it
  // until it stays stopped for half a second.
  for (let attempt = 0; attempt < 5; attempt++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let i = 0; i < 50 && status !== 'stopped'; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    if (status === 'stopped') return;
  }
  expect(status).toBe('stopped');
}

/** Opens the URL, and waits up to 3 s while the page is still loading for the background to run. */
async function runsWhileLoading(url: string): Promise<{ running: boolean; readyState: string }> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  for (let i = 0; i < 30 && status !== 'running'; i++) await new Promise((r) => setTimeout(r, 100));
  const readyState = await page.evaluate(() => document.readyState);
  const running = status === 'running';
  for (const release of held.splice(0)) release();
  await page.close();
  return { running, readyState };
}

describe('waking the background', () => {
  it('leaves it stopped for a page of another site', async () => {
    await stopBackground();
    const seen = await runsWhileLoading('http://elsewhere.test/news/1');
    expect(seen.readyState).toBe('loading');
    expect(seen.running).toBe(false);
  });

  it('starts the stopped background while an outlet page is still loading', async () => {
    await stopBackground();
    const seen = await runsWhileLoading('http://www.orient-news.net/ar/news_show/1/خبر');
    expect(seen.readyState).toBe('loading');
    expect(seen.running).toBe(true);
  });
});
