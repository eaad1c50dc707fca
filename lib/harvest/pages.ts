// One captured page → a corpus record, or the reason it is not one. The same extraction as a live
// page (lib/extract), with the original URL and the capture time kept. The page is a claim: its
// canonical link or og:url may name any address, so the record keeps the URL it was captured at.
import { validateRecord } from '../corpus/formats';
import { extractFromDocument } from '../extract/html';
import { MAX_ARCHIVED_ELEMENTS, tooLarge } from '../extract/page-size';
import { outletIdFromUrl } from '../outlets/identity';
import { recognizeUrl } from '../outlets/registry';
import type { ReportRecord } from '../types';

/** Parses HTML inert (DOMParser in a page, linkedom in Node): no script runs, nothing loads. */
export type ParseHtml = (html: string) => Document;

/** Why a captured page was not imported; counted by kind, logged with the URL. */
export type SkipKind =
  | 'not-response'
  | 'revisit'
  | 'redirect'
  | 'http-error'
  | 'not-html'
  | 'too-large'
  | 'other-site'
  | 'listing'
  | 'not-article'
  | 'no-text'
  | 'invalid'
  | 'robots'
  | 'out-of-range'
  | 'fetch-failed';

export interface Skip {
  kind: SkipKind;
  url: string;
  reason: string;
}

/** A record with where and when it was captured. */
export interface HarvestedRecord extends ReportRecord {
  /** ISO time of the capture (the archive's, or the fetch's for a live page). */
  capturedAt: string | null;
  /** The archive copy it was read from, when it was one. */
  archiveUrl?: string;
}

export interface PageOptions {
  /** Import pages of any site, not only recognised outlets. */
  anySite?: boolean;
  /** Only this outlet's pages (its id). */
  outlet?: string;
  /** The pages are records of a web archive file: their capture time is when they were archived. */
  archived?: boolean;
}

/** Below this many characters of body text an "article" is a stub, a gallery or an error page. */
const MIN_TEXT = 80;

/** Before fetching or parsing: whether a URL can be an article of the outlets wanted. */
export function urlVerdict(url: string, opts: PageOptions): Skip | null {
  // A recognised outlet is one the registry knows by its host; page types come from its adapter.
  const rec = recognizeUrl(url);
  const outlet = outletIdFromUrl(url);
  if (opts.outlet ? outlet !== opts.outlet : !outlet && !opts.anySite) {
    return { kind: 'other-site', url, reason: opts.outlet ? `not a page of ${opts.outlet}` : 'not a recognised outlet' };
  }
  if (rec.pageType === 'listing') return { kind: 'listing', url, reason: 'a listing page' };
  if (rec.pageType === 'other') return { kind: 'not-article', url, reason: 'not an article page' };
  return null;
}

/** A captured HTML page → a record (or a skip). `url` is the address it was captured at. */
/**
 * Tags of a page past which it is not parsed: a page of MAX_ARCHIVED_ELEMENTS elements has at most about
 * twice as many (opening and closing), with room for comments and scripts. A 7 MB page of 500,000
 * elements took 32 s to parse and read in the command line.
 */
const MAX_TAGS = 4 * MAX_ARCHIVED_ELEMENTS;

function tagsOver(html: string, max: number): boolean {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) if (++n > max) return true;
  return false;
}

export function recordFromPage(html: string, url: string, capturedAt: string | null, parse: ParseHtml, opts: PageOptions = {}): HarvestedRecord | Skip {
  const before = urlVerdict(url, opts);
  if (before) return before;
  // Bounded: a page of that many elements is not an article's (lib/extract/page-size.ts).
  const huge = { kind: 'too-large', url, reason: `page of more than ${MAX_ARCHIVED_ELEMENTS.toLocaleString('en')} elements` } as const;
  if (tagsOver(html, MAX_TAGS)) return huge;
  const doc = parse(html);
  if (tooLarge(doc, MAX_ARCHIVED_ELEMENTS)) return huge;
  const a = extractFromDocument(doc, url, capturedAt ? { captured: capturedAt.slice(0, 10) } : {});
  if (a.pageType === 'listing') return { kind: 'listing', url, reason: 'a listing page' };
  if (a.pageType !== 'article') return { kind: 'not-article', url, reason: 'not an article page' };
  const text = a.paragraphs.join('\n\n');
  if (!a.title || text.length < MIN_TEXT) return { kind: 'no-text', url, reason: `no article text (${text.length} characters)` };
  const published = a.publishedAt.value && /^\d{4}-\d{2}-\d{2}/.test(a.publishedAt.value) ? a.publishedAt.value.slice(0, 10) : null;
  // Checked as every imported record is (sizes, http(s) URL, a real day, prose), in the command
  // line's harvest as in the extension's: a captured page is no more trusted than a file.
  const record = validateRecord({ url: a.url, outlet: a.outlet, title: a.title, publishedAt: published, text });
  if (typeof record === 'string') return { kind: 'invalid', url, reason: record };
  return {
    ...record,
    outlet: a.outlet,
    capturedAt: a.archive?.capturedAt ?? capturedAt,
    // A Wayback copy or a web archive's record: stored with the report as "archived on".
    ...(a.archive ? { archivedAt: a.archive.capturedAt, archiveUrl: a.archive.archiveUrl } : opts.archived && capturedAt ? { archivedAt: capturedAt } : {}),
  };
}

export function isSkip(x: HarvestedRecord | Skip): x is Skip {
  return 'kind' in x;
}
