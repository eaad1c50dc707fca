import { timestampToIso } from '../arabic/dates';
import type { ArchiveInfo } from '../types';
import { textUpTo } from '../markup/has-text';
import { firstOf } from '../markup/select';

// web.archive.org/web/<4–14 digit timestamp>[modifier: id_, im_, if_, js_, cs_, fw_, oe_…]/<original url>
const WAYBACK = /^(?:https?:)?\/\/(?:web\.)?archive\.org\/web\/(\d{4,14})([a-z]{2}_)?\/(.+)$/i;
// The same path without scheme and host: how rewritten links inside a copy are written.
const WAYBACK_PATH = /^\/web\/(\d{4,14})([a-z]{2}_)?\/(.+)$/i;
// archive.today and its mirrors: /<yyyy.mm.dd-hhmmss or 14 digits>/<original url>.
const ARCHIVE_TODAY = /^https?:\/\/(?:www\.)?archive\.(?:today|ph|is|li|vn|fo|md)\/(\d{4}\.\d{2}\.\d{2}-\d{6}|\d{14})\/(.+)$/i;
const ARCHIVE_TODAY_HOST = /^https?:\/\/(?:www\.)?archive\.(?:today|ph|is|li|vn|fo|md)\//i;

export interface Unarchived {
  /** The original URL the copy was made of (or the URL itself when it is not a copy). */
  url: string;
  archive: ArchiveInfo | null;
}

function withScheme(original: string): string {
  // Wayback collapses "http://" to "http:/" in some rewritten paths.
  const fixed = original.replace(/^(https?):\/(?!\/)/i, '$1://');
  return /^https?:\/\//i.test(fixed) ? fixed : `http://${fixed.replace(/^\/+/, '')}`;
}

/** Sees through a web-archive URL to the page it is a copy of. */
export function unarchive(url: string): Unarchived {
  const m = WAYBACK.exec(url);
  if (m) {
    return {
      url: withScheme(m[3]!),
      archive: { archiveUrl: url, capturedAt: timestampToIso(m[1]!), service: 'wayback' },
    };
  }
  const t = ARCHIVE_TODAY.exec(url);
  if (t) {
    const ts = t[1]!.replace(/[.-]/g, '');
    return { url: withScheme(t[2]!), archive: { archiveUrl: url, capturedAt: timestampToIso(ts), service: 'archive.today' } };
  }
  return { url, archive: null };
}

/** Whether a URL is an archive.today short link (archive.ph/AbCdE), whose original is on the page. */
export function isArchiveTodayShort(url: string): boolean {
  return ARCHIVE_TODAY_HOST.test(url) && !ARCHIVE_TODAY.test(url);
}

/**
 * A link as written inside an archived copy, back to the URL it pointed to: Wayback rewrites
 * every href to /web/<ts>/<original> (relative or absolute). Relative originals resolve
 * against the original page URL.
 */
export function unrewriteHref(href: string, originalPageUrl: string): string {
  const h = href.trim();
  const path = WAYBACK_PATH.exec(h);
  if (path) return withScheme(path[3]!);
  const full = unarchive(h);
  if (full.archive) return full.url;
  try {
    return new URL(h, originalPageUrl).href;
  } catch {
    return h;
  }
}

// Every Wayback copy calls __wm.wombat("<original url>", "<timestamp>", …) in its head.
/** How far into each of the head's scripts the call is looked for. */
const WOMBAT_READ = 64 * 1024;
const WOMBAT = /__wm\.wombat\(\s*["']([^"']+)["']\s*,\s*["'](\d{4,14})["']/;

/**
 * Archive info read from the page itself, for a copy whose URL no longer says it is one (a
 * saved .html file, a copy opened from disk). Reads only the head's scripts and the toolbar.
 */
export function archiveFromDocument(doc: Document): Unarchived | null {
  for (const s of doc.querySelectorAll('head script:not([src])')) {
    // The call is near the start of a small script of Wayback's: a page's 5 MB script is not read to its end.
    const m = WOMBAT.exec(textUpTo(s, WOMBAT_READ));
    if (m) {
      const archiveUrl = `https://web.archive.org/web/${m[2]}/${m[1]}`;
      return { url: withScheme(m[1]!), archive: { archiveUrl, capturedAt: timestampToIso(m[2]!), service: 'wayback' } };
    }
  }
  // archive.today keeps the original in the "saved from" field of its header.
  // Each selector alone starts from #HEADER; as one list, Chromium matches them against every element.
  const saved = firstOf(doc, ['#HEADER input[name="q"]', '#HEADER a[href^="http"]:not([href*="archive."])']);
  const orig = saved?.getAttribute('value') ?? saved?.getAttribute('href');
  const when = firstOf(doc, ['#HEADER time[datetime]', '#HEADER [itemprop="pubdate"]'])?.getAttribute('datetime');
  if (orig && when) {
    const archiveUrl = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    return { url: withScheme(orig), archive: { archiveUrl, capturedAt: new Date(when).toISOString().replace(/\.\d{3}Z$/, 'Z'), service: 'archive.today' } };
  }
  return null;
}

/** Selectors of what an archive adds to a page: never part of the article. */
export const ARCHIVE_CHROME = '#wm-ipp-base, #wm-ipp, #wm-ipp-print, #wm-capinfo, #donato, #wm-toolbar, #HEADER, #wb-autocomplete-list';
