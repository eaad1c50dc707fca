// The background's handlers for clippings (registered in entrypoints/background.ts): the side
// panel's list, edits, import, export and backup; the content script's save and highlights.
import type { IsnadDB } from '../db';
import { NOT_OURS, type FrameClaims } from '../frames';
import type { Handlers, Sender } from '../messaging';
import { clippingKeysFor } from '../page-identity';
import { loadSettings, normaliseSettings, saveSettings, SETTINGS_KEY, SETTINGS_VERSION } from '../settings';
import type { Article, ExportedFile } from '../types';
import { analyseQuote } from './analysis';
import { exportClippings } from './export';
import { backupFile, clipSelection, importClippingsFile, pageAsArticle, quotesForPage, restoreBackupFile, type SettingsStorage } from './actions';
import { deleteClipping, listClippings, noteAtSave, restoreClipping, updateClipping } from './store';
import type { ClipSaved, ClippingExportFormat, TextQuote } from './types';

type ClippingsHandlers = Pick<
  Handlers,
  | 'ui:clippings'
  | 'ui:clipping-update'
  | 'frame:clip-note'
  | 'ui:clipping-delete'
  | 'ui:clipping-restore'
  | 'ui:clippings-export'
  | 'page:clip'
  | 'page:clip-quotes'
  | 'ui:clippings-import'
  | 'ui:clippings-backup'
  | 'ui:clippings-restore-backup'
>;

export interface ClippingsDeps {
  db: IsnadDB;
  /** The article the background holds for a tab (the content script's reading), if any. */
  articleOf(tabId: number): Promise<Article | null>;
  /** The URL of the page a content script runs in (lib/tabs/articles.ts). */
  pageUrlOf(sender: Sender): string;
  /** The UI language, for the labels of exported files. */
  lang(): 'ar' | 'en';
  /** Where settings live outside the database (backed up with the clippings). */
  settings: SettingsStorage;
  /** Which frames in each tab are ours: the note box writes to the clipping its run was made for. */
  frames: Pick<FrameClaims, 'subjectFor'>;
}

/** The reader's settings (browser.storage.local) go into clippings backups and come back from them. */
export const settingsStorage: SettingsStorage = {
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

/** Clippings (all, or those of `ids`, in their stored order) as a file in `format`. */
export async function clippingsFile(db: IsnadDB, format: ClippingExportFormat, ids: readonly string[] | undefined, lang: 'ar' | 'en', now?: number): Promise<ExportedFile> {
  const all = await listClippings(db);
  const wanted = ids ? new Set(ids) : null;
  return exportClippings(wanted ? all.filter((c) => wanted.has(c.id)) : all, format, { lang, ...(now === undefined ? {} : { now }) });
}

/** Saves a selection on a tab: the article the tab showed gives the metadata, the selection the words. */
export async function clipOnTab(deps: Pick<ClippingsDeps, 'db' | 'articleOf'>, tabId: number, quote: TextQuote, page: { url: string; title: string }): Promise<ClipSaved> {
  const article = (await deps.articleOf(tabId)) ?? pageAsArticle(page.url, page.title);
  return clipSelection(deps.db, article, quote, analyseQuote);
}

export function clippingsHandlers(deps: ClippingsDeps): ClippingsHandlers {
  const { db } = deps;
  return {
    async 'ui:clippings'() {
      return listClippings(db);
    },
    async 'ui:clipping-update'({ id, note, tags }) {
      return updateClipping(db, id, { note, tags });
    },
    async 'frame:clip-note'({ run, key, set }, sender) {
      // The clipping is the one the content script made this frame for, never the frame's word.
      const id = await deps.frames.subjectFor(sender.tabId, sender.frameId, run, key);
      if (!id) throw new Error(NOT_OURS);
      const c = await noteAtSave(db, id, set ? { note: set.note, tags: set.tags } : null, sender.tabUrl);
      return { note: c.note, tags: c.tags };
    },
    async 'ui:clipping-delete'({ id }) {
      return deleteClipping(db, id);
    },
    async 'ui:clipping-restore'({ clipping }) {
      await restoreClipping(db, clipping);
      return null;
    },
    async 'ui:clippings-export'({ format, ids }) {
      return clippingsFile(db, format, ids, deps.lang());
    },
    async 'page:clip'({ quote }, sender) {
      if (sender.tabId === undefined) throw new Error('page:clip must come from a tab');
      return clipOnTab(deps, sender.tabId, quote, { url: deps.pageUrlOf(sender), title: '' });
    },
    async 'page:clip-quotes'(_data, sender) {
      if (sender.tabId === undefined || !sender.url) throw new Error('page:clip-quotes must come from a tab');
      const { url, canonicalUrl } = clippingKeysFor(deps.pageUrlOf(sender), await deps.articleOf(sender.tabId));
      return quotesForPage(db, url, canonicalUrl);
    },
    async 'ui:clippings-import'({ file, text }) {
      return importClippingsFile(db, file, text);
    },
    async 'ui:clippings-backup'() {
      return backupFile(db, deps.settings);
    },
    async 'ui:clippings-restore-backup'({ file, text }) {
      return restoreBackupFile(db, deps.settings, file, text);
    },
  };
}
