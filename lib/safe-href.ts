// The one gate for every link the extension renders or opens from data it did not write (corpus
// records, clippings, pages): only http(s) addresses become links. javascript:, data:, file:,
// blob: and the like are text, never an href.

/** An address a link may open: http or https only. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url || !/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The URL as an href when it is http(s); otherwise undefined (the element renders no link). */
export function safeHref(url: string | null | undefined): string | undefined {
  return isWebUrl(url) ? url : undefined;
}
