import { browser } from 'wxt/browser';
import { openDb } from '../lib/corpus/db';
import { CorpusFormatError, parseCorpusFile, validateRecord, type CorpusPack } from '../lib/corpus/formats';
import { putReports } from '../lib/corpus/store';
import { toCslJson } from '../lib/clippings/export/csl';
import { toJson } from '../lib/clippings/export/json';
import { toRis } from '../lib/clippings/export/ris';
import { normalizeTags } from '../lib/clippings/make';
import { listen } from '../lib/messaging';
import { contextFor, corpusStats, installBuiltin, searchCorpus } from '../lib/service';
import { loadSettings, panelLayoutFor, saveSettings } from '../lib/settings';
import { registerSite, syncSites, unregisterSite } from '../lib/sites';
import type { Article, ReportRecord } from '../lib/types';

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
  // Sites the reader turned on: registrations back in line with settings after a restart.
  void loadSettings()
    .then(async (s) => {
      const kept = await syncSites(s.sites);
      if (kept.length !== s.sites.length) await saveSettings({ sites: kept });
    })
    .catch((e: unknown) => console.error('Isnad: restoring sites failed', e));

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
    async 'ui:search'({ query }) {
      await ready;
      return searchCorpus(db, query);
    },
    // The narrative comparison engine (issue 7) is not built yet: the Compare tab shows its empty state.
    'ui:compare'() {
      return null;
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
      return db.clippings.orderBy('createdAt').reverse().toArray();
    },
    async 'ui:clipping-update'({ id, note, tags }) {
      const changes = { note, tags: normalizeTags(tags), updatedAt: Date.now() };
      if (!(await db.clippings.update(id, changes))) throw new Error(`no clipping ${id}`);
      return (await db.clippings.get(id))!;
    },
    async 'ui:clipping-delete'({ id }) {
      const c = (await db.clippings.get(id)) ?? null;
      await db.clippings.delete(id);
      return c;
    },
    async 'ui:clipping-restore'({ clipping }) {
      await db.clippings.put(clipping);
      return null;
    },
    async 'ui:clippings-export'({ format, ids }) {
      const all = ids ? (await db.clippings.bulkGet(ids)).filter((c) => c !== undefined) : await db.clippings.toArray();
      const day = new Date().toISOString().slice(0, 10);
      switch (format) {
        case 'json':
          return { filename: `isnad-clippings-${day}.json`, mime: 'application/json', text: toJson(all) };
        case 'csl-json':
          return { filename: `isnad-clippings-${day}.csl.json`, mime: 'application/vnd.citationstyles.csl+json', text: toCslJson(all) };
        case 'ris':
          return { filename: `isnad-clippings-${day}.ris`, mime: 'application/x-research-info-systems', text: toRis(all) };
        default:
          throw new Error(`${format} export is not available yet`);
      }
    },
    async 'ui:import'({ file, text, records }) {
      const importId = `import:${Date.now()}:${file}`;
      let good: ReportRecord[] = [];
      let problems: Array<{ file: string; line?: number; reason: string }> = [];
      if (records) {
        records.forEach((raw, i) => {
          const r = validateRecord(raw);
          if (typeof r === 'string') problems.push({ file, line: i + 1, reason: r });
          else good.push(r);
        });
      } else {
        try {
          const parsed = parseCorpusFile(file, text ?? '');
          good = parsed.records;
          problems = parsed.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason }));
        } catch (e) {
          if (e instanceof CorpusFormatError) return { file, added: 0, problems: [{ file: e.file, line: e.line, reason: e.reason }] };
          throw e;
        }
      }
      await ready;
      const added = good.length ? await putReports(db, good, 'import', importId) : 0;
      return { file, added, problems };
    },
    async 'ui:corpus-export'() {
      const reports = await db.reports.where('origin').anyOf('import', 'capture').toArray();
      const pack: CorpusPack = {
        format: 'isnad-corpus',
        version: 1,
        reports: reports.map((r) => ({ url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt, text: r.text })),
      };
      return { filename: `isnad-corpus-${new Date().toISOString().slice(0, 10)}.json`, mime: 'application/json', text: JSON.stringify(pack) };
    },
    async 'ui:panel-layout'({ layout }, sender) {
      if (sender.tabId === undefined || !sender.url) throw new Error('ui:panel-layout must come from the in-page panel');
      const host = new URL(sender.url).hostname;
      const next = await saveSettings((s) => ({ panel: { ...s.panel, [host]: layout } }));
      const applied = panelLayoutFor(next, host);
      // The content script owns the iframe's position; it may not be listening (e.g. mid-navigation).
      await browser.tabs.sendMessage(sender.tabId, { isnad: 'tab:panel-layout', data: applied }).catch(() => undefined);
      return applied;
    },
  });
});
