import { browser } from 'wxt/browser';
import { openDb } from '../lib/db';
import type { CorpusPack } from '../lib/corpus/formats';
import { beginImport, finishImport, importPart, importRecords, importText, listImports, resumeImports } from '../lib/engine/imports';
import { harvestHandlers } from '../lib/harvest/handlers';
import { teamHandlers } from '../lib/team/handlers';
import { captureArticle, deleteFromCorpus, exportPack } from '../lib/engine/manage';
import { analyseQuote } from '../lib/clippings/analysis';
import { clipFromMenuOrShortcut, type RelayDeps } from '../lib/clippings/relay';
import { exportClippings } from '../lib/clippings/export';
import { backupFile, clipSelection, importClippingsFile, pageAsArticle, quotesForPage, restoreBackupFile, type SettingsStorage } from '../lib/clippings/service';
import { deleteClipping, listClippings, restoreClipping, updateClipping } from '../lib/clippings/store';
import type { TextQuote } from '../lib/clippings/types';
import { compareFor, exportComparison, profilesFor } from '../lib/compare/service';
import { CONTENT_MATCHES } from '../lib/outlets/hosts';
import { listen, type Sender, type TabClipSelection } from '../lib/messaging';
import { contextFor, corpusStats, installBuiltin, searchCorpus } from '../lib/engine/context';
import { captureEnabled, loadSettings, normaliseSettings, panelLayoutFor, saveSettings, SETTINGS_KEY, SETTINGS_VERSION } from '../lib/settings';
import { registerSite, syncSites, unregisterSite } from '../lib/sites';
import type { Article } from '../lib/types';
import { queryFeatures, searchRelated } from '../lib/engine/search';
import { recentPhases } from '../lib/engine/query-phases';
import { marksFor } from '../lib/marks/for-article';
import { entityCard } from '../lib/engine/entity-card';
import type { TabMessage } from '../lib/messaging';
import { articleAnalysis, entityNames } from '../lib/ui/article-analysis';
import { PanelContexts } from '../lib/panel-contexts';
import { clippingKeysFor, vetArticle } from '../lib/page-identity';
import { t } from '../lib/i18n';
import { READABILITY_SCRIPT } from '../lib/extract/readability-slot';
import { tabArticleKey } from '../lib/tab-article';

export default defineBackground(() => {
  const db = openDb();
  // The last queries' phase timings, for the browser benchmark (bench/browser.ts reads them).
  (self as unknown as { isnadQueryPhases: unknown }).isnadQueryPhases = recentPhases;

  async function loadPack(): Promise<void> {
    // The pack ships inside the extension; reading it is not a network request.
    const res = await fetch(browser.runtime.getURL('/corpus/builtin.json'));
    await installBuiltin(db, (await res.json()) as CorpusPack);
  }

  // Loaded on install and on every update; putting by id keeps it idempotent.
  let ready: Promise<void> = Promise.resolve();
  let loading = false;
  browser.runtime.onInstalled.addListener(() => {
    loading = true;
    ready = loadPack()
      .catch((e: unknown) => console.error('Isnad: loading the built-in corpus failed', e))
      .finally(() => (loading = false));
  });

  // An import the service worker was stopped in the middle of goes on where it stopped.
  void ready.then(() => resumeImports(db)).catch((e: unknown) => console.error('Isnad: resuming imports failed', e));

  /** Adds an opened article to the corpus when the reader has capture on for its outlet. */
  async function capture(article: Article): Promise<void> {
    if (article.pageType !== 'article') return;
    if (!captureEnabled(await loadSettings(), article.outlet)) return;
    await captureArticle(db, article);
  }

  // Woken by an outlet's page that is still loading: its article comes within a few hundred ms,
  // so the text analysis (the gazetteer matcher's first use) is readied meanwhile, after the
  // reply. Once per life of the worker.
  let warm = false;
  function warmUp(): void {
    if (warm) return;
    warm = true;
    setTimeout(() => {
      const text = 'قالت وكالة سانا إن قوات النظام دخلت مدينة حلب';
      queryFeatures({ url: '', title: text, text, publishedAt: null });
      marksFor({ paragraphs: [text], publishedAt: { value: null, precision: 'unknown', source: 'none' } });
    }, 0);
  }

  // The article seen on each tab: held here, and in session storage so that it survives the
  // service worker being stopped (the page's reply does not wait for that write).
  const tabKey = tabArticleKey;
  // The URL of the page a content script runs in (page messages come from the top frame only):
  // its tab's, which follows the site's history.pushState; Chrome's sender.url keeps the URL the
  // document was loaded with, and a story brought in by pushState was kept under the old one.
  const pageUrlOf = (sender: { url?: string; tabUrl?: string }) => sender.tabUrl ?? sender.url ?? '';
  const tabArticles = new Map<number, Article>();
  async function articleOf(tabId: number): Promise<Article | null> {
    const held = tabArticles.get(tabId);
    if (held) return held;
    const got = await browser.storage.session.get(tabKey(tabId));
    return (got[tabKey(tabId)] as Article | undefined) ?? null;
  }
  function forgetTab(tabId: number): Promise<void> {
    tabArticles.delete(tabId);
    return browser.storage.session.remove(tabKey(tabId));
  }
  // Sites the reader turned on: registrations back in line with settings after a restart.
  void loadSettings()
    .then(async (s) => {
      const kept = await syncSites(s.sites);
      if (kept.length !== s.sites.length) await saveSettings({ sites: kept });
    })
    .catch((e: unknown) => console.error('Isnad: restoring sites failed', e));

  async function tabArticle(tabId: number | undefined): Promise<Article | null> {
    if (tabId === undefined) return null;
    const article = await articleOf(tabId);
    await ready;
    return article;
  }

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // Each tab's latest article and its context, for its in-page panel (which may ask first).
  const panelContexts = new PanelContexts();
  browser.tabs.onRemoved.addListener((tabId) => panelContexts.forget(tabId));

  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
  }

  // The reader's settings (browser.storage.local) go into clippings backups and come back from them.
  const settingsStorage: SettingsStorage = {
    keys: [SETTINGS_KEY],
    async read() {
      return { [SETTINGS_KEY]: { version: SETTINGS_VERSION, value: await loadSettings() } };
    },
    async write(settings) {
      const s = settings[SETTINGS_KEY];
      // Checked field by field like any stored settings: a hand-edited backup cannot break the pages.
      if (s) await saveSettings(normaliseSettings(s));
    },
  };

  // Clippings: the article the tab showed gives the metadata; the selection gives the words.
  async function clipOnTab(tabId: number, quote: TextQuote, url: string, title: string) {
    const article = (await articleOf(tabId)) ?? pageAsArticle(url, title);
    return clipSelection(db, article, quote, analyseQuote);
  }
  // Context menu and keyboard shortcut (lib/clippings/relay.ts).
  const relay: RelayDeps = {
    askTab: (tabId) => browser.tabs.sendMessage(tabId, { isnad: 'tab:clip-selection' } satisfies TabClipSelection),
    saveBare: (tabId, quote, url, title) => clipOnTab(tabId, quote, url, title),
  };
  const CLIP_MENU = 'isnad-save-clipping';
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across restarts; an update re-creates ours (with the new language's title).
    void browser.contextMenus.remove(CLIP_MENU).catch(() => undefined).then(() =>
      browser.contextMenus.create({ id: CLIP_MENU, title: browser.i18n.getMessage('saveClipping'), contexts: ['selection'], documentUrlPatterns: CONTENT_MATCHES }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CLIP_MENU) void clipFromMenuOrShortcut(relay, tab, info.selectionText).catch((e: unknown) => console.error('Isnad: saving the clipping failed', e));
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'save-clipping') return;
    const active = tab ? Promise.resolve(tab) : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);
    void active.then((t) => clipFromMenuOrShortcut(relay, t)).catch((e: unknown) => console.error('Isnad: saving the clipping failed', e));
  });

  // Keyboard shortcuts reach the background; the tab's content script does the work.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-marks') return;
    const send = (id: number) => browser.tabs.sendMessage(id, { isnad: 'tab:toggle-marks' } satisfies TabMessage).catch(() => undefined);
    if (tab?.id !== undefined) void send(tab.id);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id !== undefined && send(t.id));
  });

  /** The tab a request is about: a UI page may name any; a framed page only its own. */
  const tabOf = (tabId: number | undefined, sender: Sender) => (sender.role === 'ui' ? tabId ?? sender.tabId : sender.tabId);

  listen({
    async 'page:article'({ article: read, run }, sender) {
      if (sender.tabId === undefined || !sender.url) throw new Error('page:article must come from a tab');
      // Held to the tab's URL: a canonical or archive claim it does not bear out is no key.
      const { article, capture: mayCapture } = vetArticle(read, pageUrlOf(sender));
      tabArticles.set(sender.tabId, article);
      void browser.storage.session.set({ [tabKey(sender.tabId)]: article }).catch((e: unknown) => console.error('Isnad: keeping the tab\'s article failed', e));
      // The marks do not wait for the related reports: the panel asks for those (ui:panel-context).
      // The lookup starts now, so that its reads are in flight while the marks are worked out.
      const context = loading ? ready.then(() => contextFor(db, article)) : contextFor(db, article);
      if (run) panelContexts.began(sender.tabId, run, context);
      // Captured after the lookup: neither the marks nor the panel wait for the write.
      void context
        .catch(() => undefined)
        .then(() => (mayCapture ? capture(article) : undefined))
        .catch((e: unknown) => console.error('Isnad: capturing the article failed', e));
      // A task later: the lookup's first steps (awaits on the database) get to send their reads.
      await new Promise((r) => setTimeout(r, 0));
      return { marks: marksFor(article) };
    },
    'page:wake'() {
      warmUp();
      return null;
    },
    async 'page:left'(_data, sender) {
      if (sender.tabId !== undefined) {
        panelContexts.forget(sender.tabId);
        await forgetTab(sender.tabId);
      }
      return null;
    },
    async 'page:readability'(_data, sender) {
      if (sender.tabId === undefined) throw new Error('page:readability must come from a tab');
      // Into the content script's world of the top frame, where it reads the page.
      await browser.scripting.executeScript({ target: { tabId: sender.tabId }, files: [READABILITY_SCRIPT] });
      return null;
    },
    'page:strings'({ keys }) {
      return Object.fromEntries(keys.map((k) => [k, t(k)]));
    },
    async 'ui:panel-context'({ run }, sender) {
      if (sender.tabId === undefined) throw new Error('ui:panel-context must come from the in-page panel');
      const handed = await panelContexts.contextFor(sender.tabId, run);
      if (handed) return handed;
      // Nothing handed over (the service worker may have restarted since the article came):
      // the tab's stored article, if it still has one.
      const article = await tabArticle(sender.tabId);
      return article ? contextFor(db, article) : null;
    },
    async 'ui:context'({ tabId }, sender) {
      const id = tabOf(tabId, sender);
      if (id === undefined) return null;
      const article = await articleOf(id);
      if (!article) return null;
      await ready;
      return contextFor(db, article);
    },
    async 'ui:report'({ id }) {
      return (await db.reports.get(id)) ?? null;
    },
    async 'ui:analysis'({ tabId }, sender) {
      const id = tabOf(tabId, sender);
      const article = id === undefined ? null : await articleOf(id);
      return article ? articleAnalysis(article) : null;
    },
    'ui:entity-names'({ ids }) {
      return entityNames(ids);
    },
    async 'ui:entity'({ id }) {
      return entityCard(db, id);
    },
    async 'ui:stats'() {
      return corpusStats(db);
    },
    async 'ui:search'({ query }) {
      await ready;
      return searchCorpus(db, query);
    },
    async 'ui:compare'({ tabId }, sender) {
      const article = await tabArticle(tabId ?? sender.tabId);
      return article ? compareFor(db, article) : null;
    },
    async 'ui:compare-export'({ tabId, format, lang }, sender) {
      const article = await tabArticle(tabId ?? sender.tabId);
      if (!article) throw new Error('no article on this tab to compare');
      return exportComparison(await compareFor(db, article), format, lang);
    },
    async 'ui:outlet-profiles'() {
      await ready;
      return profilesFor(db);
    },
    async 'ui:sites'() {
      return (await loadSettings()).sites;
    },
    async 'ui:site-set'({ pattern, on }) {
      if (on) await registerSite(pattern);
      else await unregisterSite(pattern);
      const next = await saveSettings((s) => ({ sites: on ? [...s.sites, pattern] : s.sites.filter((p) => p !== pattern) }));
      return next.sites;
    },
    async 'ui:clippings'() {
      return listClippings(db);
    },
    async 'ui:clipping-update'({ id, note, tags }) {
      return updateClipping(db, id, { note, tags });
    },
    async 'ui:clipping-delete'({ id }) {
      return deleteClipping(db, id);
    },
    async 'ui:clipping-restore'({ clipping }) {
      await restoreClipping(db, clipping);
      return null;
    },
    async 'ui:clippings-export'({ format, ids }) {
      const all = await listClippings(db);
      const wanted = ids ? new Set(ids) : null;
      return exportClippings(wanted ? all.filter((c) => wanted.has(c.id)) : all, format, { lang: browser.i18n.getUILanguage().startsWith('ar') ? 'ar' : 'en' });
    },
    async 'page:clip'({ quote }, sender) {
      if (sender.tabId === undefined) throw new Error('page:clip must come from a tab');
      return clipOnTab(sender.tabId, quote, pageUrlOf(sender), '');
    },
    async 'page:clip-quotes'(_data, sender) {
      if (sender.tabId === undefined || !sender.url) throw new Error('page:clip-quotes must come from a tab');
      const { url, canonicalUrl } = clippingKeysFor(pageUrlOf(sender), await articleOf(sender.tabId));
      return quotesForPage(db, url, canonicalUrl);
    },
    async 'ui:clippings-import'({ file, text }) {
      return importClippingsFile(db, file, text);
    },
    async 'ui:clippings-backup'() {
      return backupFile(db, settingsStorage);
    },
    async 'ui:clippings-restore-backup'({ file, text }) {
      return restoreBackupFile(db, settingsStorage, file, text);
    },
    async 'ui:import'({ file, text, records }) {
      await ready;
      return records ? importRecords(db, file, records) : importText(db, file, text ?? '');
    },
    async 'ui:import-begin'({ file, total, problems, source }) {
      await ready;
      return beginImport(db, file, total, problems, Date.now(), source);
    },
    async 'ui:import-part'({ job, records, features, part }) {
      await ready;
      return importPart(db, job, records, features, part);
    },
    async 'ui:import-end'({ job }) {
      return finishImport(db, job);
    },
    ...harvestHandlers(db, () => ready),
    ...teamHandlers(db, (tabId, sender) => tabArticle(tabOf(tabId, sender))),
    async 'ui:corpus-export'() {
      const pack: CorpusPack = await exportPack(db);
      return { filename: `isnad-corpus-${new Date().toISOString().slice(0, 10)}.json`, mime: 'application/json', text: JSON.stringify(pack) };
    },
    async 'ui:imports'() {
      return listImports(db);
    },
    async 'ui:corpus-delete'({ target }) {
      return deleteFromCorpus(db, target);
    },
    async 'ui:related'({ query, top }) {
      await ready;
      return searchRelated(db, query, { top });
    },
    async 'ui:panel-layout'({ layout }, sender) {
      if (sender.tabId === undefined || !sender.tabUrl) throw new Error('ui:panel-layout must come from the in-page panel');
      const host = new URL(sender.tabUrl).hostname;
      const next = await saveSettings((s) => ({ panel: { ...s.panel, [host]: layout } }));
      const applied = panelLayoutFor(next, host);
      // The content script owns the iframe's position; it may not be listening (e.g. mid-navigation).
      await browser.tabs.sendMessage(sender.tabId, { isnad: 'tab:panel-layout', data: applied }).catch(() => undefined);
      return applied;
    },
  });
});
