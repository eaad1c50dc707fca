// Local stand-ins for the Wayback Machine (its CDX API and `id_` captures) and for an outlet's
// own site (robots.txt, sitemaps, a feed, pages), so harvests run with no internet. Each server
// logs the requests it got, so tests can tell what was fetched, how often and in what order.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './make-archive';

export interface Served {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL, count: number) => boolean;

async function serve(route: Route): Promise<Served> {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const key = decodeURIComponent(url.pathname) + url.search;
    requests.push(key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!route(req, res, url, counts.get(key)!)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

const html = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
};

const ORIENT_1 = fixture('orient-news-1');
const ORIENT_3 = fixture('orient-news-3');
export const ORIENT_LISTING = fixture('orient-news-2');
export const ARTICLE_1 = ORIENT_1.url;
export const ARTICLE_2 = 'https://orient-news.net/ar/news_show/141218/0/أين-وصلت-معارك-تنظيم-الدولة-وقوات-الأسد-في-دير-الزور';
export const PRIVATE = 'https://orient-news.net/ar/news_show/7/0/private';
export const GONE = 'https://orient-news.net/ar/news_show/5555/0/gone';

/** The CDX rows of orient-news.net for 2015–2017: two articles, a listing, a capture that is gone. */
const CDX_ROWS = [
  ['20150302101112', ARTICLE_1],
  ['20150402000000', ORIENT_LISTING.url],
  ['20170911040523', ARTICLE_2],
  ['20150505000000', GONE],
];

export interface WaybackOptions {
  /** Captures answered 429 (with this Retry-After) the first time they are asked for. */
  throttle?: { path: string; retryAfter: string };
}

/** The Wayback Machine: /cdx/search/cdx (two pages, by resume key) and /web/<ts>id_/<url>. */
export function wayback(opts: WaybackOptions = {}): Promise<Served> {
  return serve((_req, res, url, count) => {
    if (url.pathname === '/cdx/search/cdx') {
      const p = url.searchParams;
      if (p.get('url') !== 'orient-news.net' || p.get('output') !== 'json' || !p.getAll('filter').includes('statuscode:200') || p.get('collapse') !== 'urlkey') return false;
      const page = p.get('resumeKey') === 'page-2' ? CDX_ROWS.slice(2) : CDX_ROWS.slice(0, 2);
      const from = p.get('from') ?? '0';
      const to = (p.get('to') ?? '9') + '99999999999999';
      const rows: unknown[] = [['timestamp', 'original'], ...page.filter(([ts]) => ts! >= from && ts! <= to.slice(0, 14))];
      if (!p.get('resumeKey')) rows.push([], ['page-2']);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(rows));
      return true;
    }
    const m = /^\/web\/(\d{14})id_\/(.+)$/.exec(decodeURIComponent(url.pathname));
    if (!m) return false;
    if (opts.throttle && decodeURIComponent(url.pathname) === opts.throttle.path && count === 1) {
      res.writeHead(429, { 'Retry-After': opts.throttle.retryAfter, 'Content-Type': 'text/plain' });
      res.end('slow down');
      return true;
    }
    const original = m[2]!;
    if (original === ARTICLE_1) return html(res, ORIENT_1.html), true;
    // The archived copy's page, as the capture it was made of.
    if (original === ARTICLE_2) return html(res, ORIENT_3.html), true;
    if (original === ORIENT_LISTING.url) return html(res, ORIENT_LISTING.html), true;
    return false;
  });
}

const pathOf = (u: string) => decodeURIComponent(new URL(u).pathname);

export interface SiteOptions {
  robots?: string;
  /** Sitemap entries: URL and lastmod. */
  entries?: Array<[string, string]>;
}

/** orient-news.net itself: robots.txt, a sitemap index, a sitemap, an RSS feed named on the home page. */
export function outletSite(opts: SiteOptions = {}): Promise<Served> {
  const entries = opts.entries ?? [
    [ARTICLE_1, '2015-03-02'],
    [ORIENT_LISTING.url, '2015-04-02'],
  ];
  return serve((_req, res, url) => {
    const path = decodeURIComponent(url.pathname);
    if (path === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(opts.robots ?? 'User-agent: *\nDisallow: /ar/news_show/7/\nCrawl-delay: 3\nSitemap: https://orient-news.net/sitemap-index.xml\n');
      return true;
    }
    if (path === '/sitemap-index.xml') {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://orient-news.net/sitemap-news.xml</loc><lastmod>2030-01-01</lastmod></sitemap></sitemapindex>`);
      return true;
    }
    if (path === '/sitemap-news.xml') {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.map(([u, d]) => `<url><loc>${u.replace(/&/g, '&amp;')}</loc><lastmod>${d}</lastmod></url>`).join('')}</urlset>`);
      return true;
    }
    if (path === '/') return html(res, '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.rss"></head><body>home</body></html>'), true;
    if (path === '/feed.rss') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Orient</title><item><title>t</title><link>${ARTICLE_2}</link><pubDate>Mon, 11 Sep 2017 04:05:23 GMT</pubDate></item><item><title>p</title><link>${PRIVATE}</link><pubDate>Mon, 11 Sep 2017 04:05:23 GMT</pubDate></item></channel></rss>`);
      return true;
    }
    if (path === pathOf(ARTICLE_1)) return html(res, ORIENT_1.html), true;
    if (path === pathOf(ARTICLE_2)) return html(res, ORIENT_3.html), true;
    if (path === pathOf(ORIENT_LISTING.url)) return html(res, ORIENT_LISTING.html), true;
    if (path === pathOf(PRIVATE)) return html(res, ORIENT_1.html), true;
    return false;
  });
}
