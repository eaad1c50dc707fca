// A page → Article, by the cascade of ARCHITECTURE.md: site rules → JSON-LD NewsArticle →
// OpenGraph / article:* meta → Readability. Runs on the page's main thread in the content
// script, so it reads targeted elements and walks one body container; it clones nothing unless
// Readability is needed. This module does not import Readability (a third of the content
// script's weight, which every article page would evaluate): the content script reads with no
// last step and loads Readability only for a page that needs it; html.ts gives the cascade with
// Readability to everything else (CLI, imports, tests).
import { parseArabicDate, resolveRelativeAge, type ParsedDate } from '../arabic/dates';
import { ARCHIVE_CHROME, unarchive, unrewriteHref } from '../outlets/archive';
import { outletIdFromUrl } from '../outlets/identity';
import { recognizePage } from '../outlets/registry';
import { readableUrl } from '../outlets/url';
import type { SiteRules } from '../outlets/types';
import type { Article, ArticleDate, DateSource } from '../types';
import { collectBlocks, GENERIC_COMMENTS, GENERIC_DROP } from './blocks';
import { cleanLabel, cleanTitle, squash } from './clean';
import { jsonLdArticle } from '../markup/jsonld';
import { splitBlocks, type Block } from './lines';
import { hasText, shortText } from '../markup/has-text';
import { MAX_VALUE } from '../markup/text';
import { meta } from '../markup/meta';
import { allOf, firstOf } from '../markup/select';
import { belongsToArticle } from './own-date';
import type { ReadabilityResult } from './readability';

export interface ExtractOptions {
  /** Day the page was seen (YYYY-MM-DD), to resolve relative ages; archive copies carry their own. */
  captured?: string;
  /**
   * A live page read in parts (extractSteps with yields in between): before the last part, check
   * that the story read so far is still the page's (StoryMoved otherwise).
   */
  checkStory?: boolean;
}

/**
 * The page swapped its story in place (no new URL) between the cascade's parts: the blocks read
 * belong to a story no longer shown, and the dates still to be read to another one.
 */
export class StoryMoved extends Error {
  constructor() {
    super('the page changed its story while it was read');
    this.name = 'StoryMoved';
  }
}

const NO_DATE: ArticleDate = { value: null, precision: 'unknown', source: 'none' };
const GENERIC_BODY = ['[itemprop="articleBody"]', 'article .article-body', '.article-body', '.article-content', '.entry-content', '.post-content', '.story-body', 'article', 'main', '[role="main"]'];
const GENERIC_TITLE = ['article h1', 'h1'];
const GENERIC_DATE = ['[itemprop="datePublished"]', 'article time', '.published', '.post-date', '.article-date', '[class*="date"]:not([class*="update"]):not([class*="modified"])'];
/** Below this many characters of body the cascade goes on to the next container, then Readability. */
const MIN_BODY = 200;

/** An element's text as a value (title, date, name): none when longer than a value is (MAX_VALUE). */
const textOf = (el: Element | null) => squash((el && shortText(el, MAX_VALUE)) ?? '');

function firstText(doc: Document, selectors: string[] | undefined): { text: string; el: Element } | null {
  for (const s of selectors ?? []) {
    const el = firstOf(doc, s);
    const text = textOf(el);
    if (el && text) return { text, el };
  }
  return null;
}

function asDate(parsed: ParsedDate | null, source: DateSource): ArticleDate | null {
  return parsed ? { value: parsed.value, precision: parsed.precision, source, raw: parsed.raw } : null;
}

/** A date element: its machine-readable attribute first, else its words, else a relative age. */
function dateOfElement(el: Element, captured: string | undefined): ArticleDate | null {
  const attr = el.getAttribute('datetime') ?? el.getAttribute('content');
  if (attr) {
    const d = asDate(parseArabicDate(attr), 'time-element');
    if (d) return d;
  }
  const text = textOf(el);
  return asDate(parseArabicDate(text), 'byline') ?? (captured ? asDate(resolveRelativeAge(text, captured), 'relative') : null);
}

function siteNameRegex(doc: Document, rules: SiteRules): RegExp | undefined {
  if (rules.titleSiteName) return rules.titleSiteName;
  const name = meta(doc, 'og:site_name', 'application-name');
  return name ? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : undefined;
}

function pickTitle(doc: Document, rules: SiteRules, ldHeadline: string | null): string {
  const site = siteNameRegex(doc, rules);
  const candidates = [
    firstText(doc, rules.title)?.text,
    ldHeadline,
    meta(doc, 'og:title', 'twitter:title'),
    firstText(doc, GENERIC_TITLE)?.text,
    doc.title.length <= MAX_VALUE ? doc.title : '',
  ];
  for (const c of candidates) {
    const t = c ? cleanTitle(c, site) : '';
    if (t) return t;
  }
  return '';
}

function storyHeading(doc: Document, rules: SiteRules): string {
  return (firstText(doc, rules.title) ?? firstText(doc, GENERIC_TITLE))?.text ?? '';
}

function pickRoot(doc: Document, rules: SiteRules): Element | null {
  for (const s of [...(rules.body ?? []), ...GENERIC_BODY]) {
    const el = firstOf(doc, s);
    if (el && hasText(el, MIN_BODY)) return el;
  }
  return doc.body;
}

function bodyBlocks(doc: Document, root: Element, rules: SiteRules): Block[] {
  const drop = [ARCHIVE_CHROME, GENERIC_DROP, ...(rules.drop ?? [])].join(', ');
  const comments = [...(rules.comments ?? []), GENERIC_COMMENTS].join(', ');
  const blocks = collectBlocks(root, { drop, comments });
  // Comments the page keeps outside the body container (Orient's block after the article).
  const outside = firstOf(doc, comments);
  if (outside && !root.contains(outside) && !outside.contains(root)) {
    // One at a time: a hostile page's comment block may hold more blocks than a spread can pass.
    for (const b of collectBlocks(outside, { drop, comments: '*' })) blocks.push({ ...b, comment: true });
  }
  return blocks;
}

const PUBLISHED_META = ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date'];
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|$)/;

/** The cascade's last step: the body Readability finds in the page. */
export type ReadabilityStep = (doc: Document) => ReadabilityResult | null;

/**
 * The cascade with the last step given, or not (null): then a page whose body nothing else
 * finds gives null, and the caller reads it again once it has Readability.
 */
export function extractWith(doc: Document, rawUrl: string, readabilityStep: ReadabilityStep | null, opts: ExtractOptions = {}): Article | null {
  const steps = extractSteps(doc, rawUrl, readabilityStep, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The cascade in four parts, yielding between them: what the page is and where its body is; the
 * body's blocks; their lines; the dates, author and the rest. Each part's queries over the whole
 * document, or its first run of code compiled cold, grow with the page, and on the page's main
 * thread (the content script) each part runs in a task of its own (bench/HOSTILE-PAGE.md: one task
 * of all of them took 42-70 ms of CPU at 20,000 elements). A caller that yields must check that
 * the page is still the one it started on (it may navigate).
 */
export function* extractSteps(doc: Document, rawUrl: string, readabilityStep: ReadabilityStep | null, opts: ExtractOptions = {}): Generator<void, Article | null> {
  const rec = recognizePage(doc, rawUrl);
  const adapter = rec.adapter;
  const rules = adapter?.rules ?? {};
  const ld = jsonLdArticle(doc);
  const captured = opts.captured ?? rec.archive?.capturedAt.slice(0, 10);
  const title = pickTitle(doc, rules, ld?.headline ?? null);
  // The page's heading as shown (the title may come from JSON-LD, read once): what a story swap changes.
  const heading = opts.checkStory ? storyHeading(doc, rules) : '';
  const isArticle = rec.pageType === 'article';
  // archive.today writes its own head: og:site_name "archive.ph", article:published_time = the
  // capture time. Its meta says nothing of the article; the page body still does.
  const ownHead = rec.archive?.service !== 'archive.today';
  const pageMeta = (...names: string[]) => (ownHead ? meta(doc, ...names) : null);

  let split = splitBlocks([], rules, title);
  let readability: ReadabilityResult | null = null;
  const root = isArticle ? pickRoot(doc, rules) : null;
  yield;
  const blocks = root ? bodyBlocks(doc, root, rules) : null;
  yield;
  if (isArticle) {
    if (blocks) split = splitBlocks(blocks, rules, title);
    if (split.paragraphs.join('').length < MIN_BODY) {
      if (!readabilityStep) return null;
      readability = readabilityStep(doc);
      if (readability) {
        const again = splitBlocks(readability.blocks, rules, title);
        if (again.paragraphs.join('').length > split.paragraphs.join('').length) split = { ...again, comments: split.comments, commentAges: split.commentAges };
      }
    }
  }
  yield;
  // A page may replace its body container or re-render its heading (a new story, the URL kept)
  // while our parts wait for their tasks: the title and body must still be the ones read. A few
  // queries (the title's), none over the body's text.
  if (opts.checkStory && ((root && !root.isConnected) || storyHeading(doc, rules) !== heading)) throw new StoryMoved();

  // The served-date bar: read but kept apart; it stands in for the publication date only at the end.
  const servedEl = firstText(doc, rules.servedDate);
  const served = asDate(servedEl ? parseArabicDate(servedEl.text) : split.served, 'served');
  // Dates in the served-date bar or an archive's own toolbar are not the article's, nor those of
  // related stories, sidebars, navigation, the site's header and footer (own-date.ts).
  const notOurs = [...(rules.servedDate ?? []), ARCHIVE_CHROME];
  const scope = { title: firstText(doc, [...(rules.title ?? []), ...GENERIC_TITLE])?.el ?? null, body: root && root !== doc.body ? root : null };
  // Each source is looked for only when those before it gave nothing: on a big page each
  // selector is a query over all of it.
  const pageDate = (selector: string) => allOf(doc, selector).find((el) => !insideAny(el, notOurs) && belongsToArticle(el, scope)) ?? null;
  const firstPageDate = (selectors: readonly string[], dated: boolean) => {
    for (const s of selectors) {
      const el = pageDate(s);
      if (el && (!dated || dateOfElement(el, captured))) return el;
    }
    return null;
  };
  const siteDate = () => {
    const el = firstPageDate(rules.date ?? [], false);
    return el && dateOfElement(el, captured);
  };
  const timeDate = () => {
    const el = pageDate('time[datetime]');
    return el && el !== servedEl?.el ? dateOfElement(el, captured) : null;
  };
  const genericDate = () => {
    const el = firstPageDate(GENERIC_DATE, true);
    return el ? dateOfElement(el, captured) : null;
  };
  const urlDate = URL_DATE.exec(rec.url);
  const oldestAge = split.commentAges.length && captured ? split.commentAges.map((a) => resolveRelativeAge(a, captured)).filter((d): d is ParsedDate => !!d).sort((a, b) => a.value.localeCompare(b.value))[0] ?? null : null;
  const publishedAt =
    siteDate() ||
    asDate(ld?.datePublished ? parseArabicDate(ld.datePublished) : null, 'json-ld') ||
    asDate(ownHead ? parseDateMeta(doc) : null, 'meta') ||
    timeDate() ||
    (split.dateLine ? asDate(split.dateLine.date, 'byline') : null) ||
    genericDate() ||
    asDate(readability?.publishedTime ? parseArabicDate(readability.publishedTime) : null, 'meta') ||
    asDate(urlDate ? parseArabicDate(`${urlDate[1]}-${urlDate[2]!.padStart(2, '0')}-${urlDate[3]!.padStart(2, '0')}`) : null, 'url') ||
    // A comment's age bounds the article's date from above: the article is at least that old.
    asDate(oldestAge, 'relative') ||
    served ||
    NO_DATE;

  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  const canonical = canonicalHref ? readableUrl(unarchive(unrewriteHref(canonicalHref, rec.url)).url) : null;
  const langAttr = doc.documentElement.getAttribute('lang') ?? meta(doc, 'og:locale') ?? '';
  const lang = langAttr.slice(0, 2).toLowerCase() || (/[\u0600-\u06FF]/.test(title) ? 'ar' : 'en');
  const dirAttr = doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir');
  const metaAuthor = () => {
    const a = pageMeta('author', 'article:author', 'byl');
    return a && !/^https?:/.test(a) ? a : null;
  };

  const article: Article = {
    // A registry outlet without an adapter is still known by its host (identity.ts).
    outlet: adapter?.id ?? outletIdFromUrl(rec.url) ?? (pageMeta('og:site_name') || hostname(rec.url)),
    pageType: rec.pageType,
    url: rec.url,
    canonicalUrl: canonical,
    archive: rec.archive,
    title: title || split.title,
    publishedAt,
    servedAt: served,
    author: firstText(doc, rules.author)?.text || ld?.author || metaAuthor() || split.author || pageAuthor(doc, scope) || readability?.byline || null,
    section: split.dateLine?.section || cleanLabel(firstText(doc, rules.section)?.text ?? '') || ld?.section || pageMeta('article:section') || null,
    paragraphs: isArticle ? split.paragraphs : [],
    comments: isArticle ? split.comments : [],
    lang,
    dir: dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : lang === 'ar' ? 'rtl' : 'ltr',
  };
  if (adapter?.extract) Object.assign(article, adapter.extract(doc, new URL(rec.url), article));
  return article;
}

const GENERIC_AUTHOR = '[itemprop="author"], [rel="author"], .author-name, .byline-name, [class*="writer"], [class*="author"]';

/** A writer element of the article's own (not a related story's, not an author box's biography). */
function pageAuthor(doc: Document, scope: { title: Element | null; body: Element | null }): string | null {
  for (const el of allOf(doc, GENERIC_AUTHOR)) {
    const text = textOf(el).replace(/^(?:كتب(?:ه|ت)?|بقلم|الكاتب(?:ة)?|By|Author)\s*[:：]?\s*/i, '');
    if (text.length >= 2 && text.length <= 60 && !parseArabicDate(text) && belongsToArticle(el, scope)) return text;
  }
  return null;
}

/** Whether el sits inside any of the selectors (none given: never). */
function insideAny(el: Element, selectors: readonly string[] | undefined): boolean {
  return !!selectors?.length && el.closest(selectors.join(', ')) !== null;
}

function parseDateMeta(doc: Document): ParsedDate | null {
  const v = meta(doc, ...PUBLISHED_META);
  return v ? parseArabicDate(v) : null;
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown';
  }
}
