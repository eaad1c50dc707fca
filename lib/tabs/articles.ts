// The article each tab shows, as the background knows it: held in memory and in session storage,
// so that it survives the service worker being stopped (the page's reply does not wait for that
// write). The side panel watches the same storage keys (lib/tab-article.ts).
import { browser } from 'wxt/browser';
import type { Sender } from '../messaging';
import { tabArticleKey } from '../tab-article';
import type { Article } from '../types';

/** Whether the built-in pack is installed yet: handlers that read the corpus wait for it. */
export interface PackState {
  ready(): Promise<void>;
  /** True while an install or update loads it (otherwise a lookup need not wait a task). */
  loading(): boolean;
}

export class TabArticles {
  private readonly held = new Map<number, Article>();

  async get(tabId: number): Promise<Article | null> {
    const held = this.held.get(tabId);
    if (held) return held;
    const key = tabArticleKey(tabId);
    const got = await browser.storage.session.get(key);
    return (got[key] as Article | undefined) ?? null;
  }

  hold(tabId: number, article: Article): void {
    this.held.set(tabId, article);
    void browser.storage.session.set({ [tabArticleKey(tabId)]: article }).catch((e: unknown) => console.error("Isnad: keeping the tab's article failed", e));
  }

  forget(tabId: number): Promise<void> {
    this.held.delete(tabId);
    return browser.storage.session.remove(tabArticleKey(tabId));
  }
}

/** The tab a request is about: a UI page may name any; a framed page only its own. */
export const tabOf = (tabId: number | undefined, sender: Sender): number | undefined => (sender.role === 'ui' ? (tabId ?? sender.tabId) : sender.tabId);

/**
 * The URL of the page a content script runs in (page messages come from the top frame only): its
 * tab's, which follows the site's history.pushState; Chrome's sender.url keeps the URL the document
 * was loaded with, and a story brought in by pushState was kept under the old one.
 */
export const pageUrlOf = (sender: { url?: string; tabUrl?: string }): string => sender.tabUrl ?? sender.url ?? '';

/** A tab's article once the built-in pack is in (for lookups in the corpus). */
export async function tabArticle(tabs: TabArticles, pack: PackState, tabId: number | undefined): Promise<Article | null> {
  if (tabId === undefined) return null;
  const article = await tabs.get(tabId);
  await pack.ready();
  return article;
}
