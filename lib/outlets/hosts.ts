// Hosts the content script runs on without asking: the outlets and their web-archive copies.
// Everything else (Idlib24's unknown host, any other news site) is opt-in, per site.
export const OUTLET_MATCHES = [
  '*://orient-news.net/*',
  '*://*.orient-news.net/*',
  '*://shaam.org/*',
  '*://*.shaam.org/*',
  '*://eremnews.com/*',
  '*://*.eremnews.com/*',
];
export const ARCHIVE_MATCHES = ['*://web.archive.org/web/*'];
export const CONTENT_MATCHES = [...OUTLET_MATCHES, ...ARCHIVE_MATCHES];
