// The background only wires: each domain's message handlers (lib/<domain>/handlers.ts), the
// built-in pack, the sites the reader turned on, and the browser's menus and commands.
// First: the database opened as the script begins (lib/db/at-load.ts), while the rest is evaluated.
import '../lib/db/at-load';
import { browser } from 'wxt/browser';
import { clipOnTab, clippingsHandlers, settingsStorage } from '../lib/clippings/handlers';
import { CLIP_MENU, createClipMenu, updateClipMenu } from '../lib/clippings/menu';
import { clipFromMenuOrShortcut, type RelayDeps } from '../lib/clippings/relay';
import { compareHandlers } from '../lib/compare/handlers';
import type { CorpusPack } from '../lib/corpus/formats';
import { corpusHandlers } from '../lib/corpus/handlers';
import { openDb } from '../lib/db';
import { installBuiltin } from '../lib/engine/context';
import { engineHandlers } from '../lib/engine/handlers';
import { resumeImports } from '../lib/engine/imports';
import { refreshSignatures } from '../lib/engine/refresh-sigs';
import { recentPhases, startMarks } from '../lib/engine/query-phases';
import { readAhead } from '../lib/engine/warm';
import { harvestHandlers } from '../lib/harvest/handlers';
import { listen, type TabClipSelection, type TabMessage } from '../lib/messaging';
import { listenCloned } from '../lib/cloned-messages';
import { FrameClaims, guardFrames } from '../lib/frames';
import { PanelContexts } from '../lib/panel-contexts';
import { loadSettings, onSettingsChanged, saveSettings } from '../lib/settings';
import { settingsHandlers } from '../lib/settings/handlers';
import { syncSites } from '../lib/settings/sites';
import { pageUrlOf, tabArticle, TabArticles, tabOf, type PackState } from '../lib/tabs/articles';
import { tabHandlers } from '../lib/tabs/handlers';
import { teamHandlers } from '../lib/team/handlers';

export default defineBackground(() => {
  const db = openDb();
  // The index's first reads, asked for before any message is handled (lib/engine/warm.ts): a lookup
  // that woke the worker finds them read or under way. A failure here is the lookup's to tell.
  void readAhead(db).catch(() => undefined);
  // The last queries' phase timings, for the browser benchmark (bench/browser.ts reads them).
  (self as unknown as { isnadQueryPhases: unknown }).isnadQueryPhases = recentPhases;
  // The moments of its start and of a page's wake, also those after its first lookup's end.
  (self as unknown as { isnadStartMarks: unknown }).isnadStartMarks = startMarks;

  async function loadPack(loaded: () => void): Promise<void> {
    // The pack ships inside the extension; reading it is not a network request.
    const res = await fetch(browser.runtime.getURL('/corpus/builtin.json'));
    await installBuiltin(db, (await res.json()) as CorpusPack, { loaded });
  }

  // Loaded on install and on every update; putting by id keeps it idempotent. Writers (imports,
  // harvests, the signatures' refresh) wait for all of it (`ready`); lookups only for the pack
  // (`packIn`): while an upgrade's index rebuild goes on they answer from what is indexed so far,
  // and say so (contextFor's `indexing`).
  let ready: Promise<void> = Promise.resolve();
  let packIn: Promise<void> = Promise.resolve();
  let loading = false;
  browser.runtime.onInstalled.addListener(() => {
    loading = true;
    let loaded = () => {};
    packIn = new Promise<void>((resolve) => {
      loaded = () => {
        loading = false;
        resolve();
      };
    });
    ready = loadPack(loaded)
      .catch((e: unknown) => console.error('Isnad: loading the built-in corpus failed', e))
      .finally(loaded);
  });
  const pack: PackState = { ready: () => packIn, loading: () => loading };

  // After an update, doc rows of the previous event model get this one's signatures, in the
  // background: lookups and imports do not wait for it (they wait for `ready` only), and read a
  // row not yet refreshed from its text, as before (lib/engine/refresh-sigs.ts). Also at every
  // start: Chromium stops an idle worker after 30 s, well before 100,000 rows are done, and rows
  // are refreshed in number order, so the last row tells in two reads whether any is left. One
  // refresh at a time: the start's and the update's run one after the other.
  let refreshing: Promise<unknown> = Promise.resolve();
  const refresh = () => {
    refreshing = refreshing
      .then(() => ready)
      .then(() => refreshSignatures(db))
      .catch((e: unknown) => console.error('Isnad: refreshing event signatures failed', e));
  };
  browser.runtime.onInstalled.addListener(refresh);
  refresh();

  // An import the service worker was stopped in the middle of goes on where it stopped.
  void ready.then(() => resumeImports(db)).catch((e: unknown) => console.error('Isnad: resuming imports failed', e));

  // Sites the reader turned on: registrations back in line with settings after a restart.
  void loadSettings()
    .then(async (s) => {
      const kept = await syncSites(s.sites);
      if (kept.length !== s.sites.length) await saveSettings({ sites: kept });
    })
    .catch((e: unknown) => console.error('Isnad: restoring sites failed', e));

  const tabs = new TabArticles();
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
  // Each tab's latest article and its context, for its in-page panel (which may ask first).
  const panelContexts = new PanelContexts();
  browser.tabs.onRemoved.addListener((tabId) => panelContexts.forget(tabId));
  // Which frames in each tab are ours (lib/frames.ts), kept for the session across a stopped worker.
  const frames = new FrameClaims(browser.storage.session);
  browser.tabs.onRemoved.addListener((tabId) => void frames.forget(tabId));

  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
  }

  const clippings = {
    db,
    articleOf: (tabId: number) => tabs.get(tabId),
    pageUrlOf,
    lang: () => (browser.i18n.getUILanguage().startsWith('ar') ? ('ar' as const) : ('en' as const)),
    settings: settingsStorage,
    frames,
  };
  // Context menu and keyboard shortcut (lib/clippings/relay.ts).
  const relay: RelayDeps = {
    askTab: (tabId) => browser.tabs.sendMessage(tabId, { isnad: 'tab:clip-selection' } satisfies TabClipSelection),
    saveBare: (tabId, quote, url, title) => clipOnTab(clippings, tabId, quote, { url, title }),
  };
  browser.runtime.onInstalled.addListener(() => void loadSettings().then((s) => createClipMenu(s.sites)));
  onSettingsChanged((s) => void updateClipMenu(s.sites));
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

  const handlers = guardFrames({
    ...tabHandlers({ db, tabs, panelContexts, frames, pack }),
    ...engineHandlers(db, { lookups: pack.ready, writes: () => ready, optionsPage: browser.runtime.getURL('/options.html') }),
    ...corpusHandlers(db),
    ...clippingsHandlers(clippings),
    ...compareHandlers({ db, tabArticle: (tabId) => tabArticle(tabs, pack, tabId), ready: pack.ready }),
    ...settingsHandlers(),
    ...harvestHandlers(db, () => ready),
    ...teamHandlers(db, (tabId, sender) => tabArticle(tabs, pack, tabOf(tabId, sender))),
  }, frames);
  listen(handlers);
  // An import's parts, by structured clone (Chrome's runtime messages are JSON).
  listenCloned(handlers);
});
