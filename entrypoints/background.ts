import { browser } from 'wxt/browser';
import { openDb } from '../lib/corpus/db';
import type { CorpusPack } from '../lib/corpus/formats';
import { listen } from '../lib/messaging';
import { contextFor, corpusStats, installBuiltin } from '../lib/service';
import type { Article } from '../lib/types';

export default defineBackground(() => {
  const db = openDb();

  async function loadPack(): Promise<void> {
    // The pack ships inside the extension; reading it is not a network request.
    const res = await fetch(browser.runtime.getURL('/corpus/builtin.json'));
    await installBuiltin(db, (await res.json()) as CorpusPack);
  }

  // Loaded on install and on every update; putting by id keeps it idempotent.
  let ready: Promise<void> = Promise.resolve();
  browser.runtime.onInstalled.addListener(() => {
    ready = loadPack().catch((e: unknown) => console.error('Isnad: loading the built-in corpus failed', e));
  });

  // The article seen on each tab survives the service worker being stopped.
  const tabKey = (tabId: number) => `tab:${tabId}`;
  async function articleOf(tabId: number): Promise<Article | null> {
    const got = await browser.storage.session.get(tabKey(tabId));
    return (got[tabKey(tabId)] as Article | undefined) ?? null;
  }
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(tabKey(tabId)));

  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
  }

  listen({
    async 'page:article'({ article }, sender) {
      if (sender.tabId === undefined) throw new Error('page:article must come from a tab');
      await browser.storage.session.set({ [tabKey(sender.tabId)]: article });
      await ready;
      return contextFor(db, article);
    },
    async 'page:left'(_data, sender) {
      if (sender.tabId !== undefined) await browser.storage.session.remove(tabKey(sender.tabId));
      return null;
    },
    async 'ui:context'({ tabId }, sender) {
      const id = tabId ?? sender.tabId;
      if (id === undefined) return null;
      const article = await articleOf(id);
      if (!article) return null;
      await ready;
      return contextFor(db, article);
    },
    async 'ui:report'({ id }) {
      return (await db.reports.get(id)) ?? null;
    },
    async 'ui:stats'() {
      return corpusStats(db);
    },
  });
});
