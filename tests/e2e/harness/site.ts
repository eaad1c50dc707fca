// A local stand-in for the outlets' sites: article and listing pages built from the seed page
// texts, served under the outlets' real host names (see startSite), so
// the content script's real match patterns are what gets tested.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { extractFromText } from '../../../lib/extract/text';
import { htmlFixtures } from '../../unit/extract/fixture-pages';
import { READABILITY_PAGE_HTML, READABILITY_PAGE_URL } from '../../unit/extract/readability-page';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const seedFiles = JSON.parse(readFileSync(join(ROOT, 'data/seeds.json'), 'utf8')) as Array<{ file: string; outlet: string }>;

export function seed(n: number) {
  const s = seedFiles[n]!;
  return extractFromText(readFileSync(join(ROOT, 'data', s.file), 'utf8'), { outlet: s.outlet });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface PageSpec {
  host: string;
  path: string;
  html: () => string;
}

export function articlePage(opts: { seedIndex: number; siteName: string; lang?: string; canonical: string; date?: string; wayback?: string }): string {
  const a = seed(opts.seedIndex);
  const filler = Array.from({ length: 12 }, (_, i) => `<li><a href="/ar/news_show/${1000 + i}">خبر آخر رقم ${i + 1}</a></li>`).join('');
  return `<!doctype html>
<html lang="${opts.lang ?? 'ar'}" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(a.title)} | ${esc(opts.siteName)}</title>
<meta property="og:site_name" content="${esc(opts.siteName)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.title)}">
<link rel="canonical" href="${esc(opts.canonical)}">
${opts.date ? `<meta property="article:published_time" content="${opts.date}">` : ''}
<style>
  body { font-family: 'Noto Naskh Arabic', serif; margin: 0; background: #fff; color: #222; }
  header.site { background: #7a1212; color: #fff; padding: 12px 24px; }
  header.site nav a { color: #fff; margin-inline-end: 16px; }
  .layout { display: grid; grid-template-columns: minmax(0, 760px) 300px; gap: 32px; padding: 24px; justify-content: center; }
  article h1 { font-size: 28px; line-height: 1.5; }
  article p { font-size: 18px; line-height: 1.9; }
  aside { border-inline-start: 1px solid #ddd; padding-inline-start: 16px; }
  footer { background: #eee; padding: 24px; }
  #wm-ipp-base { background: #222; color: #eee; padding: 8px; font: 13px sans-serif; direction: ltr; }
</style>
</head>
<body>
${opts.wayback ? `<div id="wm-ipp-base"><div id="wm-ipp">The Wayback Machine - ${esc(opts.wayback)} <a href="/web/">Captures</a></div></div>` : ''}
<header class="site"><strong>${esc(opts.siteName)}</strong>
<nav><a href="/">الرئيسية</a><a href="/news">أخبار</a><a href="/reports">تقارير</a><a href="/videos">فيديو</a></nav></header>
<div class="layout">
<article>
<h1>${esc(a.title)}</h1>
${opts.date ? `<time datetime="${opts.date}">${opts.date.slice(0, 10)}</time>` : ''}
<div class="article-body">
${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div>
<div class="share">شارك المقال</div>
</article>
<aside class="most-read"><h2>الأكثر قراءة</h2><ul>${filler}</ul></aside>
</div>
<footer>جميع الحقوق محفوظة © ${esc(opts.siteName)}</footer>
</body>
</html>`;
}

function listingPage(siteName: string, links: string[]): string {
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(siteName)}</title>
<meta property="og:site_name" content="${esc(siteName)}"><meta property="og:type" content="website"></head>
<body><header><h1>${esc(siteName)} — أخبار سورية</h1></header>
<main>${links.map((l, i) => `<div class="cat-item"><div class="item-title"><a href="${esc(l)}">عنوان خبر ${i + 1}</a></div><span class="item-date">٢٢ أكتوبر ٢٠١٧</span><div class="item-text"><p>ملخص الخبر رقم ${i + 1} عن الأحداث في سوريا.</p></div></div>`).join('\n')}</main>
</body></html>`;
}

export const PAGES = {
  orientArticle: 'http://www.orient-news.net/ar/news_show/92367/0/للمرة-الرابعة-في-أقل-من-شهر',
  orientArchive: 'http://web.archive.org/web/20170911040523/https://orient-news.net/ar/news_show/141218/0/أين-وصلت-معارك',
  shaamArticle: 'http://www.shaam.org/news/syria-news/قوات-الأسد-تصل-القورية',
  shaamListing: 'http://www.shaam.org/news/syria-news',
  eremArticle: 'http://www.eremnews.com/news/arab-world/syria/k3x9q2m',
  eremListing: 'http://eremnews.com/news/arab-world',
  /** A site that is not built in, hosting an Idlib24 article: the reader turns Isnad on for it. */
  idlibArticle: 'http://idlib24.test/2018/02/19/300-fighter',
  /** A site with no rules whose story only Readability finds (the reader runs Isnad on it). */
  readabilityArticle: READABILITY_PAGE_URL,
} as const;

/** A fixture's URL as the local site serves it: plain HTTP under the same host and path. */
export const fixtureHttpUrl = (url: string) => url.replace(/^https:/, 'http:');

function specs(): PageSpec[] {
  const u = (s: string) => new URL(s);
  const at = (s: string, html: () => string): PageSpec => ({ host: u(s).hostname, path: decodeURI(u(s).pathname), html });
  return [
    at(PAGES.orientArticle, () => articlePage({ seedIndex: 0, siteName: 'أورينت نت', canonical: 'https://orient-news.net/ar/news_show/92367' })),
    at(PAGES.orientArchive, () => articlePage({ seedIndex: 1, siteName: 'أورينت نت', canonical: 'https://orient-news.net/ar/news_show/141218', wayback: 'September 11, 2017' })),
    at(PAGES.shaamArticle, () => articlePage({ seedIndex: 3, siteName: 'شبكة شام', canonical: 'https://shaam.org/news/syria-news/qoria', date: '2017-10-22T10:00:00+03:00' })),
    at(PAGES.shaamListing, () => listingPage('شبكة شام', [PAGES.shaamArticle])),
    at(PAGES.eremArticle, () => articlePage({ seedIndex: 4, siteName: 'إرم نيوز', canonical: 'https://www.eremnews.com/news/arab-world/syria/k3x9q2m' })),
    at(PAGES.eremListing, () => listingPage('إرم نيوز', [PAGES.eremArticle])),
    at(PAGES.idlibArticle, () => articlePage({ seedIndex: 2, siteName: 'إدلب24', canonical: PAGES.idlibArticle })),
    at(PAGES.readabilityArticle, () => READABILITY_PAGE_HTML),
    // The extraction fixtures (tests/fixtures/<outlet>-<n>/page.html), each at its own URL.
    ...htmlFixtures().map((f) => at(fixtureHttpUrl(f.url), () => f.html)),
  ];
}

/** A page the site serves beside the fixtures: a full URL and its HTML. */
export interface ExtraPage {
  url: string;
  html: string;
}

/**
 * Serves the pages above (and `extra`); the Host header says which site is asked for. Browsers
 * reach it under the outlets' real host names: Chromium maps the hosts to it (`hostRules`), Firefox
 * uses it as its HTTP proxy (`port`), so a request may name the whole URL (absolute form).
 */
export async function startSite(extra: ExtraPage[] = []): Promise<{ server: Server; port: number; hosts: string[]; hostRules: string }> {
  const table = [...specs(), ...extra.map((p) => ({ host: new URL(p.url).hostname, path: decodeURI(new URL(p.url).pathname), html: () => p.html }))];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const path = decodeURI(url.pathname);
    const page = table.find((p) => p.host === url.hostname && p.path === path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const hosts = [...new Set(table.map((p) => p.host)), 'orient-news.net', 'shaam.org', 'eremnews.com'];
  const hostRules = hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  return { server, port, hosts, hostRules };
}
