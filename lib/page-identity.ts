// What a page says about itself is a claim, not an identity. The URL its tab is on (the browser's
// word, runtime.MessageSender.url) decides which clippings and which report a page may touch; a
// <link rel=canonical>, og:url, JSON-LD or an archive head script naming another URL is kept as a
// claim, and never becomes a key under which anything is looked up or stored.
import { urlKey } from './corpus/ids';
import { unarchive } from './outlets/archive';
import { readableUrl } from './outlets/url';
import type { Article } from './types';

export interface VettedArticle {
  /** The article with url, canonicalUrl and archive as far as the tab's URL bears them out. */
  article: Article;
  /** Whether it may be captured into the corpus: false when a claim about its identity was refused. */
  capture: boolean;
}

/** The corpus's key of a URL (an archive copy's is its original's). */
const keyOf = (u: string) => urlKey(readableUrl(u));

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether two URLs are on one site (www. aside, or one host a subdomain of the other: m., amp.). */
export function sameSite(a: string, b: string): boolean {
  const x = hostOf(a);
  const y = hostOf(b);
  return !!x && !!y && (x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`));
}

/**
 * The article the content script read, held to the URL its tab is on:
 * - on the outlet's own page, the URL is the tab's; a canonical URL counts only on the same site;
 * - on an archive copy (the URL names the archive and the original it copied), the original is
 *   the archive's word; the page's canonical must name that same original, or the copy is read
 *   (its related reports shown) but neither keyed by its claim nor captured;
 * - a page that is not on an archive's URL but says it is a copy (a Wayback head script) is kept
 *   under its own URL and not captured.
 * Every refused URL is listed in `claimedUrls`.
 */
export function vetArticle(article: Article, tabUrl: string): VettedArticle {
  const tab = readableUrl(tabUrl);
  const un = unarchive(tab);
  const claimed = new Set<string>();
  const refuse = (u: string | null | undefined) => {
    if (u) claimed.add(u);
  };
  if (un.archive) {
    const original = readableUrl(un.url);
    const agrees = (u: string | null) => !u || keyOf(u) === keyOf(original);
    const agree = agrees(article.canonicalUrl) && agrees(article.url);
    if (!agree) [article.canonicalUrl, article.url].filter((u) => !agrees(u)).forEach(refuse);
    return {
      article: { ...article, url: original, canonicalUrl: agree ? article.canonicalUrl : null, archive: { ...un.archive, archiveUrl: tab }, ...withClaims(article, claimed) },
      capture: agree,
    };
  }
  const saysCopy = article.archive !== null || keyOf(article.url) !== keyOf(tab);
  if (saysCopy) refuse(article.url);
  const canonical = article.canonicalUrl && sameSite(article.canonicalUrl, tab) ? article.canonicalUrl : null;
  if (!canonical) refuse(article.canonicalUrl);
  return { article: { ...article, url: tab, canonicalUrl: canonical, archive: null, ...withClaims(article, claimed) }, capture: !saysCopy };
}

/**
 * The article read at `readAt`, held to the tab's URL now: when the page moved in between (an
 * in-page navigation, or a new document, while the content script read or its message was on
 * its way), the article is the old page's, and is not the new URL's to hold or capture.
 */
export function vetRead(article: Article, readAt: string, tabUrl: string): VettedArticle {
  if (typeof readAt !== 'string' || keyOf(readAt) !== keyOf(tabUrl)) throw new Error(`the page moved while it was read (read at ${String(readAt).slice(0, 300)}, now at ${tabUrl.slice(0, 300)}): not held`);
  return vetArticle(article, tabUrl);
}

function withClaims(article: Article, claimed: Set<string>): Pick<Article, 'claimedUrls'> {
  const all = [...(article.claimedUrls ?? []), ...claimed];
  return all.length ? { claimedUrls: [...new Set(all)] } : {};
}

/** The URLs whose clippings a page on `tabUrl` may highlight: its own, and its vetted canonical. */
export function clippingKeysFor(tabUrl: string, held: Article | null): { url: string; canonicalUrl: string | null } {
  // The article held for the tab counts only while the tab is still on it (in-page navigation).
  const current = held && keyOf(held.archive?.archiveUrl ?? held.url) === keyOf(tabUrl) ? held : null;
  return { url: readableUrl(tabUrl), canonicalUrl: current?.canonicalUrl ?? null };
}
