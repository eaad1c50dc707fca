// Building a corpus from the options page, against a local stand-in for the Wayback Machine
// served as https://web.archive.org (Chromium's host-resolver-rules and a certificate made for
// the test): estimate, start, pause, resume, a service worker stopped mid-harvest, finish, counts.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { startTlsSite, type TlsSite } from './harness/tls';
import { waitFor } from './harness/wait';
import { fixture } from '../unit/harvest/make-archive';
import { storedReports } from './harness/probes';

const ORIENT = fixture('orient-news-1');
const LISTING = fixture('orient-news-2');
const N = 6;
const articleUrl = (i: number) => `https://orient-news.net/ar/news_show/${9100 + i}/0/خبر-رقم-${i}`;
const ts = (i: number) => `2015030${i}101112`;

let site: TlsSite;
let browser: Launched;
let cdp: CDPSession;
const requests: string[] = [];
/** Capture requests the server has received and not yet answered (nor seen abandoned). */
let openCaptures = 0;
/** The live outlet (orient-news.net, served by the same server): its pages, and whether the sitemap lists the two newer ones yet. */
const liveUrl = (i: number) => `https://orient-news.net/ar/news_show/${9200 + i}/0/live-${i}`;
const LIVE_N = 3;
/** A page the sitemap lists and robots.txt disallows. */
const DISALLOWED = 9;
let liveNewer = false;
let newerLastmod = '';

beforeAll(async () => {
  site = await startTlsSite(['web.archive.org', 'orient-news.net'], (req, res) => {
    const url = new URL(req.url ?? '/', 'https://web.archive.org');
    const path = decodeURIComponent(url.pathname);
    if (req.headers.host?.startsWith('orient-news.net')) return live(path, res);
    requests.push(path + url.search);
    if (path === '/cdx/search/cdx') {
      const rows = [['timestamp', 'original'], ...Array.from({ length: N }, (_, i) => [ts(i + 1), articleUrl(i + 1)]), ['20150401000000', LISTING.url]];
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(rows));
    }
    const m = /^\/web\/(\d{14})id_\/(.+)$/.exec(path);
    const i = m ? Array.from({ length: N }, (_, k) => k + 1).find((k) => articleUrl(k) === m[2]) : undefined;
    if (!i) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('no');
    }
    // A capture takes a moment: the harvest is still going when the test pauses it.
    openCaptures++;
    res.on('close', () => openCaptures--);
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ORIENT.html.replace(/<title>/, `<title>${i} `).replace(/(<h1[^>]*>)/, `$1(${i}) `));
    }, 200);
  });
  browser = await launchWithExtension({ lang: 'en', hostRules: site.hostRules, extraArgs: site.extraArgs });
  await waitForCorpus(browser.worker);
});
afterAll(async () => {
  await browser?.close();
  site?.close();
});

const liveRequests: string[] = [];

/** orient-news.net as a live site: robots.txt naming its sitemap, the sitemap (dated pages), the pages. */
function live(path: string, res: import('node:http').ServerResponse): void {
  liveRequests.push(path);
  if (path === '/robots.txt') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    return void res.end(`User-agent: *\nDisallow: /private/\nDisallow: /ar/news_show/${9200 + DISALLOWED}/\nSitemap: https://orient-news.net/sitemap.xml\n`);
  }
  if (path === '/sitemap.xml') {
    const pages = [...Array.from({ length: LIVE_N }, (_, k) => [liveUrl(k + 1), `2015-03-0${k + 1}`]), [liveUrl(DISALLOWED), '2015-03-09']];
    if (liveNewer) pages.push([liveUrl(LIVE_N + 1), newerLastmod], [liveUrl(LIVE_N + 2), newerLastmod]);
    res.writeHead(200, { 'content-type': 'application/xml' });
    return void res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${pages.map(([u, d]) => `<url><loc>${encodeURI(u!)}</loc><lastmod>${d}</lastmod></url>`).join('')}</urlset>`);
  }
  const m = /^\/ar\/news_show\/(\d+)\//.exec(path);
  if (!m) {
    res.writeHead(path === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    return void res.end(path === '/' ? '<html><head><title>Orient</title></head><body></body></html>' : 'no');
  }
  const i = Number(m[1]) - 9200;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(ORIENT.html.replace(/<title>/, `<title>live ${i} `).replace(/(<h1[^>]*>)/, `$1(live ${i}) `));
}

const count = async (page: Page, what: string) => Number((await page.locator(`[data-count="${what}"]`).textContent())?.replace(/\D/g, '') || '0');
const status = (page: Page) => page.locator('[data-testid="harvest-run"]').getAttribute('data-state');

/** Harvested reports of the corpus (id, URL, archive capture time), read in the service worker's own database. */
async function harvested(): Promise<Array<{ id: string; url: string; archivedAt?: string }>> {
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  return (await worker.evaluate(storedReports)).filter((r) => r.importId.startsWith('harvest-')).map((r) => ({ id: r.id, url: r.url, archivedAt: r.archivedAt }));
}

describe('Build a corpus from the options page', () => {
  it('estimates, starts, pauses, resumes across a stopped service worker, and finishes with every article once', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="build-corpus"]');
    // The corpus counts at the top of the page, before the harvest.
    const corpusCount = async () => Number(await page.locator('[data-testid="corpus-count"]').getAttribute('data-count'));
    const orientRow = async () => Number((await page.locator('table.stats tr[data-outlet="orient-news"] td').textContent().catch(() => '0'))?.replace(/\D/g, '') || '0');
    await page.waitForSelector('[data-testid="corpus-count"]');
    const before = { all: await corpusCount(), orient: await orientRow() };
    await page.selectOption('#bc-source', 'wayback');
    await page.selectOption('#bc-outlet', 'orient-news');
    await page.fill('#bc-from', '2015-01');
    await page.fill('#bc-to', '2015-12');
    await page.click('[data-testid="harvest-estimate"]');
    await expect.poll(() => page.locator('[data-testid="harvest-estimate-result"]').textContent(), { timeout: 20_000 }).toMatch(/^6 pages to fetch \(1 other/);
    // Nothing but the index was asked for.
    expect(requests.filter((r) => r.startsWith('/web/'))).toEqual([]);

    await page.click('[data-testid="harvest-start"]');
    await waitFor('two articles in', () => count(page, 'added'), (n) => n >= 2, 300);
    await page.click('[data-testid="harvest-pause"]');
    await waitFor('paused', () => status(page), (s) => s === 'paused', 300);
    // Paused is shown once the run's loop has ended; then every capture it asked for is answered
    // or abandoned (the pause aborts the one in flight): from there nothing more comes, and
    // resuming fetches each page left exactly once (the counts at the end).
    await waitFor('no capture open', async () => openCaptures, (n) => n === 0, 300);
    const atPause = await count(page, 'added');
    const fetchedAtPause = requests.filter((r) => r.startsWith('/web/')).length;
    expect(fetchedAtPause).toBeLessThan(N);
    await page.screenshot({ path: join(tmpdir(), 'isnad-harvest-paused.png') });

    cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    // Still where it paused when the reader resumes.
    expect(requests.filter((r) => r.startsWith('/web/')).length).toBe(fetchedAtPause);
    expect(await count(page, 'added')).toBe(atPause);
    await page.click('[data-testid="harvest-resume"]');
    await waitFor('one more article', () => count(page, 'added'), (n) => n > atPause, 300);
    // The service worker stops mid-harvest; the next part starts it again.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor('done', () => status(page), (s) => s === 'done' || s === 'failed', 600);
    expect(await page.locator('[data-testid="harvest-status"]').textContent()).toBe('Done');
    expect(await count(page, 'added')).toBe(N);
    expect(await count(page, 'duplicates')).toBe(0);
    expect(await count(page, 'pages')).toBe(N);
    // The page's corpus counts follow the harvest, without a reload.
    await waitFor('the corpus count', corpusCount, (n) => n === before.all + N, 300);
    expect(await orientRow()).toBe(before.orient + N);
    await page.screenshot({ path: join(tmpdir(), 'isnad-harvest-done.png'), fullPage: true });

    const rows = await harvested();
    const urls = rows.map((r) => r.url);
    expect(urls.length).toBe(N);
    expect(new Set(urls).size).toBe(N);
    // Each keeps the capture time its CDX row gave; the reading view says "archived on" that day.
    for (const r of rows) {
      const i = Array.from({ length: N }, (_, k) => k + 1).find((k) => articleUrl(k) === r.url)!;
      expect(r.archivedAt).toBe(`2015-03-0${i}T10:11:12Z`);
    }
    const view = await browser.context.newPage();
    const first = rows.find((r) => r.url === articleUrl(1))!;
    await view.goto(`chrome-extension://${browser.extensionId}/report.html?id=${encodeURIComponent(first.id)}`);
    await expect.poll(() => view.locator('[data-testid="report-archived"]').textContent(), { timeout: 20_000 }).toBe('archived on Mar 1, 2015');
    expect(await view.locator('[data-testid="report-archive"]').getAttribute('href')).toBe(`https://web.archive.org/web/${ts(1)}/${articleUrl(1)}`);
    await view.screenshot({ path: join(tmpdir(), 'isnad-harvest-report-view.png') });
    await view.close();
    const captures = requests.filter((r) => r.startsWith('/web/'));
    expect(captures.length).toBe(N);
    expect(new Set(captures).size).toBe(N);
    await page.close();
  });

  it("harvests a live outlet from its sitemap (robots.txt read), then 'update my corpus' takes only what is new since", async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="build-corpus"]');
    await page.selectOption('#bc-source', 'live');
    await page.selectOption('#bc-outlet', 'orient-news');
    // No finished live run of this outlet yet: nothing to update (the form asks for the outlet's
    // runs after each choice: the Wayback run of the test before must not stay offered).
    await waitFor('no update offered', () => page.locator('[data-testid="harvest-update"]').count(), (n) => n === 0);
    await page.click('[data-testid="harvest-start"]');
    await waitFor('done', () => status(page), (s) => s === 'done' || s === 'failed', 600);
    expect(await page.locator('[data-testid="harvest-status"]').textContent()).toBe('Done');
    expect(await count(page, 'added')).toBe(LIVE_N);
    expect(liveRequests).toContain('/robots.txt');
    const pagesFetched = () => liveRequests.filter((r) => r.startsWith('/ar/news_show/'));
    expect(pagesFetched()).toHaveLength(LIVE_N);
    // The page robots.txt disallows was never asked for; the log says why it was left.
    expect(liveRequests.some((r) => r.includes(`/${9200 + DISALLOWED}/`))).toBe(false);
    const robotsSkip = page.locator('[data-testid="harvest-log"] li[data-kind="robots"]');
    expect(await robotsSkip.count()).toBe(1);
    expect(await robotsSkip.textContent()).toContain(`/${9200 + DISALLOWED}/`);

    // Two newer pages appear in the sitemap; the update button names the last run's day.
    liveNewer = true;
    newerLastmod = new Date(Date.now() + 60_000).toISOString();
    const update = page.locator('[data-testid="harvest-update"]');
    await update.waitFor();
    expect(await update.textContent()).toMatch(/^Update: what is new since [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await update.click();
    // The status reads "Done" from the first run until the update's counts arrive: wait for its pages, then its end.
    await waitFor('the new pages fetched', async () => pagesFetched().length, (n) => n >= LIVE_N + 2, 600);
    await waitFor('the update done', async () => [await status(page), await page.locator('[data-count="pages"]').count() ? await count(page, 'pages') : -1] as const, ([s, n]) => s === 'failed' || (s === 'done' && n === 2), 600);
    expect(await page.locator('[data-testid="harvest-status"]').textContent()).toBe('Done');
    expect(await count(page, 'added')).toBe(2);
    expect(await count(page, 'pages')).toBe(2);
    // Only the two new pages were fetched again; the older ones were not asked for twice.
    const fetched = pagesFetched();
    expect(fetched).toHaveLength(LIVE_N + 2);
    expect(new Set(fetched).size).toBe(LIVE_N + 2);
    const live = (await harvested()).filter((r) => r.url.includes('/live-'));
    expect(live.map((r) => r.url).sort()).toEqual(Array.from({ length: LIVE_N + 2 }, (_, k) => liveUrl(k + 1)).sort());
    // A live page is not an archive copy: no "archived on".
    expect(live.every((r) => r.archivedAt === undefined)).toBe(true);
    await page.screenshot({ path: join(tmpdir(), 'isnad-harvest-update.png'), fullPage: true });
    await page.close();
  });
});
