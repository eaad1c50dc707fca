import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { run as corpus } from '../../../cli/commands/corpus';
import { PoliteFetcher, retryAfterMs } from '../../../lib/harvest/fetcher';
import type { HarvestedRecord } from '../../../lib/harvest/pages';
import { RobotsCache } from '../../../lib/harvest/robots';
import { listTargets, newHarvest, runHarvest, type HarvestState } from '../../../lib/harvest/run';
import { cdxUrl, harvestHostAllowed, harvestOrigins, parseCdx, parseIndex, type HarvestPlan } from '../../../lib/harvest/sources';
import { ARTICLE_1, ARTICLE_2, GONE, ORIENT_LISTING, outletSite, PRIVATE, wayback, type Served } from './servers';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const open: Served[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A fetcher whose pauses are recorded, not slept: no test waits on the clock. */
function politeTo(map: Record<string, string>, delayMs = 1000) {
  const waits: number[] = [];
  const fetcher = new PoliteFetcher({ delayMs, hostMap: map, sleep: async (ms) => void waits.push(ms), retries: 3 });
  return { fetcher, waits, deps: { fetcher, robots: new RobotsCache(fetcher), parse } };
}

async function harvestAll(plan: HarvestPlan, deps: ReturnType<typeof politeTo>['deps'], stopAt?: number) {
  const stored: HarvestedRecord[] = [];
  const sink = async (records: HarvestedRecord[]) => {
    stored.push(...records);
    return { added: records.length, duplicates: 0 };
  };
  const listing = await listTargets(plan, deps);
  let state: HarvestState = newHarvest('h1', plan, listing);
  const ac = new AbortController();
  state = await runHarvest(listing.targets, state, deps, sink, { signal: ac.signal, onProgress: (s) => s.cursor === stopAt && ac.abort() });
  return { stored, state, listing, sink };
}

describe('CDX index', () => {
  it('asks for 200 HTML captures of every host of the outlet, collapsed by URL, and reads rows and the resume key', () => {
    const u = new URL(cdxUrl('https://web.archive.org', 'orient-news.net', { from: '2015-01', to: '2015-12' }));
    expect(u.pathname).toBe('/cdx/search/cdx');
    expect(Object.fromEntries([...u.searchParams].filter(([k]) => k !== 'filter'))).toMatchObject({ url: 'orient-news.net', matchType: 'domain', from: '201501', to: '201512', collapse: 'urlkey', output: 'json' });
    expect(u.searchParams.getAll('filter')).toEqual(['statuscode:200', 'mimetype:text/html']);
    const parsed = parseCdx(JSON.stringify([['timestamp', 'original'], ['20150101000000', 'https://a/1'], ['bad', 'https://a/2'], ['20150101000000', 'javascript:x'], [], ['key-2']]));
    expect(parsed).toEqual({ rows: [{ timestamp: '20150101000000', original: 'https://a/1' }], resumeKey: 'key-2' });
    expect(() => parseCdx('<html>')).toThrow(/JSON/);
  });

  it('asks for access to the archive alone, or to the outlet\'s own hosts alone (never any site)', () => {
    expect(harvestOrigins({ source: 'wayback', outlet: 'syria-tv' })).toEqual(['*://web.archive.org/*']);
    expect(harvestOrigins({ source: 'live', outlet: 'syria-tv' })).toEqual(['*://syria.tv/*', '*://*.syria.tv/*']);
    expect(harvestOrigins({ source: 'live', outlet: 'Shaam Network' })).toEqual(['*://shaam.org/*', '*://*.shaam.org/*']);
    // Idlib24 has no known site: nothing to ask for, and the reader is told why.
    expect(() => harvestOrigins({ source: 'live', outlet: 'idlib24' })).toThrow(/no known web site/);
  });

  it('refuses a redirect to a host the run does not name: not followed on the command line, not read in a browser', async () => {
    const asked: string[] = [];
    const answers: Record<string, () => Response> = {
      'https://shaam.org/a': () => new Response('', { status: 301, headers: { location: 'https://www.shaam.org/a' } }),
      'https://www.shaam.org/a': () => new Response('<p>ok</p>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'https://shaam.org/b': () => new Response('', { status: 302, headers: { location: 'https://tracker.example/b?id=1' } }),
      'https://shaam.org/loop': () => new Response('', { status: 302, headers: { location: '/loop' } }),
    };
    const fake = (async (u: string | URL | Request) => {
      asked.push(String(u));
      return answers[String(u)]?.() ?? new Response('no', { status: 404 });
    }) as typeof fetch;
    const cli = new PoliteFetcher({ fetch: fake, sleep: async () => undefined, manualRedirects: true, retries: 0 });
    cli.limitTo(harvestHostAllowed({ source: 'live', outlet: 'shaam' }));
    // The outlet's own subdomain is followed; another site is never asked.
    expect(await cli.get('https://shaam.org/a')).toMatchObject({ url: 'https://www.shaam.org/a', status: 200, text: '<p>ok</p>' });
    await expect(cli.get('https://shaam.org/b')).rejects.toThrow(/redirected to another site \(tracker\.example\), not followed/);
    expect(asked.some((u) => u.includes('tracker.example'))).toBe(false);
    await expect(cli.get('https://shaam.org/loop')).rejects.toThrow(/more than 5 redirects/);
    // A browser follows redirects itself: an answer that came from elsewhere is not read.
    const followed = (async () => {
      const r = new Response('<p>elsewhere</p>', { status: 200, headers: { 'content-type': 'text/html' } });
      Object.defineProperty(r, 'url', { value: 'https://tracker.example/x' });
      return r;
    }) as typeof fetch;
    const page = new PoliteFetcher({ fetch: followed, sleep: async () => undefined, userAgent: null });
    page.limitTo(harvestHostAllowed({ source: 'wayback', outlet: 'shaam' }));
    await expect(page.get('https://web.archive.org/web/20150101000000id_/https://shaam.org/x')).rejects.toThrow(/another site \(tracker\.example\), not read/);
  });

  it('reads sitemaps, sitemap indexes, RSS and Atom', () => {
    expect(parseIndex('<sitemapindex><sitemap><loc>https://x/s1.xml</loc><lastmod>2015-01-01</lastmod></sitemap></sitemapindex>').sitemaps).toEqual([{ url: 'https://x/s1.xml', date: '2015-01-01' }]);
    expect(parseIndex('<urlset xmlns:news="n"><url><loc>https://x/a?b=1&amp;c=2</loc><news:news><news:publication_date>2015-02-03</news:publication_date></news:news></url></urlset>').pages).toEqual([{ url: 'https://x/a?b=1&c=2', date: '2015-02-03' }]);
    expect(parseIndex('<rss><channel><item><link>https://x/r</link><pubDate>Tue, 03 Feb 2015 10:00:00 GMT</pubDate></item></channel></rss>').pages).toEqual([{ url: 'https://x/r', date: '2015-02-03T10:00:00.000Z' }]);
    expect(parseIndex('<feed><entry><link rel="alternate" href="https://x/e"/><published>2015-02-04</published></entry></feed>').pages).toEqual([{ url: 'https://x/e', date: '2015-02-04' }]);
    expect(parseIndex('not xml <<<')).toEqual({ pages: [], sitemaps: [] });
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('7', 0)).toBe(7000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('harvest from the Wayback Machine', () => {
  it('lists the outlet\'s article captures (estimate), fetches each id_ capture once, extracts, skips listings and gone pages', async () => {
    const wb = await wayback();
    open.push(wb);
    const { deps } = politeTo({ 'web.archive.org': wb.origin });
    const plan: HarvestPlan = { source: 'wayback', outlet: 'orient-news', from: '2015-01', to: '2017-12' };
    const { stored, state, listing } = await harvestAll(plan, deps);
    // Two CDX pages; the listing URL is known from its URL alone and never fetched.
    expect(wb.requests.filter((r) => r.startsWith('/cdx/'))).toHaveLength(2);
    expect(listing.targets.map((t) => t.url)).toEqual([ARTICLE_1, ARTICLE_2, GONE]);
    expect(state.total).toBe(3);
    expect(stored.map((r) => r.url)).toEqual([ARTICLE_1, ARTICLE_2]);
    expect(stored.map((r) => r.capturedAt)).toEqual(['2015-03-02T10:11:12Z', '2017-09-11T04:05:23Z']);
    expect(stored[0]!.archiveUrl).toBe(`https://web.archive.org/web/20150302101112/${ARTICLE_1}`);
    expect(state.skipped).toEqual({ listing: 1, 'http-error': 1 });
    expect(state.log.map((s) => [s.kind, s.url])).toEqual([['listing', ORIENT_LISTING.url], ['http-error', GONE]]);
    expect(state.status).toBe('done');
    const captures = wb.requests.filter((r) => r.startsWith('/web/'));
    expect(captures).toEqual([`/web/20150302101112id_/${ARTICLE_1}`, `/web/20170911040523id_/${ARTICLE_2}`, `/web/20150505000000id_/${GONE}`]);
  });

  it('slows down on 429: waits the Retry-After, retries, and keeps a longer pause between requests after it', async () => {
    const wb = await wayback({ throttle: { path: `/web/20170911040523id_/${ARTICLE_2}`, retryAfter: '7' } });
    open.push(wb);
    const { deps, waits, fetcher } = politeTo({ 'web.archive.org': wb.origin }, 1000);
    const { stored } = await harvestAll({ source: 'wayback', outlet: 'orient-news', from: '2015-01', to: '2017-12' }, deps);
    expect(stored.map((r) => r.url)).toEqual([ARTICLE_1, ARTICLE_2]);
    expect(wb.requests.filter((r) => r.includes('141218'))).toHaveLength(2);
    expect(waits).toContain(7000);
    expect(fetcher.delayMs).toBe(2000);
    // Every pause after the 429 is at least the doubled delay (less the time the request took).
    const after = waits.slice(waits.indexOf(7000) + 1);
    expect(after.length).toBeGreaterThan(0);
    for (const w of after) expect(w).toBeGreaterThan(1000);
  });

  it('a stopped harvest resumes at its cursor: nothing fetched twice, nothing lost or doubled', async () => {
    const wb = await wayback();
    open.push(wb);
    const { deps } = politeTo({ 'web.archive.org': wb.origin }, 0);
    const plan: HarvestPlan = { source: 'wayback', outlet: 'orient-news', from: '2015-01', to: '2017-12' };
    const first = await harvestAll(plan, deps, 1);
    expect(first.state.status).toBe('paused');
    expect(first.state.cursor).toBe(1);
    const stored = [...first.stored];
    const again = await runHarvest(first.listing.targets, first.state, deps, async (records) => {
      stored.push(...records);
      return { added: records.length, duplicates: 0 };
    });
    expect(again.status).toBe('done');
    expect(stored.map((r) => r.url)).toEqual([ARTICLE_1, ARTICLE_2]);
    const captures = wb.requests.filter((r) => r.startsWith('/web/'));
    expect(new Set(captures).size).toBe(captures.length);
  });
});

describe('harvest of a live outlet', () => {
  it('reads robots.txt (Crawl-delay, Sitemap lines), sitemaps and the feed the home page names; never fetches a disallowed page', async () => {
    const site = await outletSite();
    open.push(site);
    const { deps, fetcher } = politeTo({ 'orient-news.net': site.origin }, 500);
    const { stored, state, listing } = await harvestAll({ source: 'live', outlet: 'orient-news' }, deps);
    expect(fetcher.delayMs).toBe(3000);
    // The feed is read before the sitemap the index names.
    expect(listing.targets.map((t) => t.url)).toEqual([ARTICLE_2, ARTICLE_1]);
    expect(stored.map((r) => r.url)).toEqual([ARTICLE_2, ARTICLE_1]);
    expect(state.skipped).toEqual({ listing: 1, robots: 1 });
    expect(state.log.find((s) => s.kind === 'robots')).toEqual({ kind: 'robots', url: PRIVATE, reason: 'disallowed by robots.txt' });
    expect(site.requests).not.toContain(decodeURIComponent(new URL(PRIVATE).pathname));
    expect(site.requests).toContain(decodeURIComponent(new URL(ARTICLE_1).pathname));
    expect(site.requests[0]).toBe('/robots.txt');
  });

  it('an update takes only what is new since the last run', async () => {
    const site = await outletSite({ robots: 'User-agent: *\nAllow: /\nSitemap: https://orient-news.net/sitemap-news.xml\n', entries: [[ARTICLE_1, '2015-03-02'], [ARTICLE_2, '2030-01-01']] });
    open.push(site);
    const { deps } = politeTo({ 'orient-news.net': site.origin }, 0);
    const listing = await listTargets({ source: 'live', outlet: 'orient-news', since: '2026-01-01T00:00:00Z' }, deps);
    // The feed's item is from 2017: not new either.
    expect(listing.targets.map((t) => t.url)).toEqual([ARTICLE_2]);
  });
});

describe('corpus harvest on the command line', () => {
  it('--update harvests the same outlet again for what is new since the last finished run, fetching nothing it had', async () => {
    const robots = 'User-agent: *\nDisallow: /ar/news_show/7/\nSitemap: https://orient-news.net/sitemap-news.xml\n';
    const before = await outletSite({ robots, entries: [[ARTICLE_1, '2015-03-02']] });
    open.push(before);
    const dir = mkdtempSync(join(tmpdir(), 'isnad-update-'));
    const out = join(dir, 'orient.jsonl');
    const base = ['harvest', '--outlet', 'orient-news', '--source', 'live', '--out', out, '--delay', '0'];
    await expect(corpus([...base, '--update', '--host-map', `orient-news.net=${before.origin}`])).rejects.toThrow(/--update: no finished live harvest of orient-news/);
    const first = (await corpus([...base, '--to', '2016-12', '--host-map', `orient-news.net=${before.origin}`])) as Record<string, unknown>;
    expect(first).toMatchObject({ status: 'done', added: 1 });
    // The site gains a page (dated after the first run); the older one is still listed.
    const after = await outletSite({ robots, entries: [[ARTICLE_1, '2015-03-02'], [ARTICLE_2, '2030-01-01']] });
    open.push(after);
    const update = (await corpus([...base, '--update', '--host-map', `orient-news.net=${after.origin}`])) as Record<string, unknown>;
    expect(update).toMatchObject({ status: 'done', estimate: 1, added: 1, duplicates: 0 });
    expect(after.requests).toContain(decodeURIComponent(new URL(ARTICLE_2).pathname));
    expect(after.requests).not.toContain(decodeURIComponent(new URL(ARTICLE_1).pathname));
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as HarvestedRecord);
    expect(rows.map((r) => r.url)).toEqual([ARTICLE_1, ARTICLE_2]);
  });

  it('estimates, harvests into --out, and a second run of the same range adds nothing', async () => {
    const wb = await wayback();
    open.push(wb);
    const dir = mkdtempSync(join(tmpdir(), 'isnad-harvest-'));
    const out = join(dir, 'orient.jsonl');
    const args = ['harvest', '--outlet', 'orient-news', '--from', '2015-01', '--to', '2017-12', '--out', out, '--delay', '0', '--host-map', `web.archive.org=${wb.origin}`];
    const est = (await corpus([...args, '--estimate'])) as Record<string, unknown>;
    expect(est).toMatchObject({ status: 'estimate', estimate: 3, pages: 0 });
    expect(wb.requests.some((r) => r.startsWith('/web/'))).toBe(false);
    const done = (await corpus(args)) as Record<string, unknown>;
    expect(done).toMatchObject({ status: 'done', estimate: 3, articles: 2, added: 2, duplicates: 0, skipped: { listing: 1, 'http-error': 1 } });
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as HarvestedRecord);
    expect(rows.map((r) => [r.url, r.outlet, r.capturedAt])).toEqual([[ARTICLE_1, 'orient-news', '2015-03-02T10:11:12Z'], [ARTICLE_2, 'orient-news', '2017-09-11T04:05:23Z']]);
    const again = (await corpus(args)) as Record<string, unknown>;
    expect(again).toMatchObject({ status: 'done', added: 0, duplicates: 2 });
    await expect(corpus(['harvest', '--outlet', 'nobody-news', '--out', out])).rejects.toThrow(/unknown outlet "nobody-news"/);
    await expect(corpus(['harvest', '--outlet', 'orient-news', '--from', '2015-13x', '--out', out])).rejects.toThrow(/not a date/);
  });
});
