// Hosts the content script runs on without asking: the outlets and their web-archive copies.
// Everything else (Idlib24's unknown host, any other news site) is opt-in, per site.
const OUTLET_MATCHES = [
  '*://orient-news.net/*',
  '*://*.orient-news.net/*',
  '*://shaam.org/*',
  '*://*.shaam.org/*',
  '*://eremnews.com/*',
  '*://*.eremnews.com/*',
];
// archive.today serves each copy under several names; copies live at /<timestamp>/<url> and at short links.
const ARCHIVE_TODAY_HOSTS = ['archive.today', 'archive.ph', 'archive.is', 'archive.li', 'archive.vn', 'archive.fo', 'archive.md'];
const ARCHIVE_MATCHES = ['*://web.archive.org/web/*', ...ARCHIVE_TODAY_HOSTS.map((h) => `*://${h}/*`)];
export const CONTENT_MATCHES = [...OUTLET_MATCHES, ...ARCHIVE_MATCHES];
