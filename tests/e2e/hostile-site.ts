// Hostile pages for the security tests: served under real hosts (web.archive.org, the outlets),
// each a copy or an imitation of an outlet's article that claims to be something it is not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article page: its title, paragraphs, and what its head says of it. */
export function claimingPage(opts: { title: string; paragraphs: string[]; siteName: string; canonical?: string; head?: string }): string {
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<meta property="og:site_name" content="${esc(opts.siteName)}"><meta property="og:type" content="article">
${opts.canonical ? `<link rel="canonical" href="${esc(opts.canonical)}">` : ''}
${opts.head ?? ''}
</head><body><article><h1>${esc(opts.title)}</h1>
<time datetime="2017-10-22T10:00:00+03:00">2017-10-22</time>
<div class="article-body">${opts.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div></article></body></html>`;
}

/** Serves `pages` (full URL → HTML); the Host header and path say which. */
export async function startHostileSite(pages: Record<string, string>): Promise<{ server: Server; hostRules: string }> {
  const table = Object.entries(pages).map(([url, html]) => ({ host: new URL(url).hostname, path: decodeURI(new URL(url).pathname), html }));
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = decodeURI((req.url ?? '/').split('?')[0]!);
    const page = table.find((p) => p.host === host && p.path === path);
    if (!page) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const hosts = [...new Set(table.map((p) => p.host))];
  return { server, hostRules: hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ') };
}
