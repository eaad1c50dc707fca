// The background's actions on clippings, out of the background file so that Node tests run them
// against fake-indexeddb: save a selection of an article, answer a page's highlights, import, back up.
import type { IsnadDB } from '../db';
import type { Article, ExportedFile } from '../types';
import { makeClipping, type ClippingExtras } from './make';
import { backupClippings, clippingsForPage, importClippingsJson, restoreBackup, saveClipping, type ImportOutcome } from './store';
import type { ClipSaved, ClippingsImportSummary, ExportedSetting, TextQuote } from './types';

/**
 * The article a selection was made on when the content script saw none (a page it does not
 * read as an article): the page's URL and title are all there is.
 */
export function pageAsArticle(url: string, title: string): Article {
  return {
    outlet: 'unknown',
    pageType: 'other',
    url,
    canonicalUrl: null,
    archive: null,
    title,
    publishedAt: { value: null, precision: 'unknown', source: 'none' },
    author: null,
    section: null,
    paragraphs: [],
    comments: [],
    lang: 'ar',
    dir: 'rtl',
  };
}

/** Entities and attribution of the quoted sentence; the analysis modules fill them in. */
export type QuoteAnalysis = (quote: TextQuote, article: Article) => Pick<ClippingExtras, 'entities' | 'attribution'>;

export async function clipSelection(db: IsnadDB, article: Article, quote: TextQuote, analyse?: QuoteAnalysis, now = Date.now()): Promise<ClipSaved> {
  const clipping = makeClipping(article, quote, { ...analyse?.(quote, article), now });
  const saved = await saveClipping(db, clipping);
  const c = saved.clipping;
  return { id: c.id, quote: { quote: c.quote, prefix: c.prefix, suffix: c.suffix }, created: saved.created };
}

/** Only quote and context: the page's own words, which the content script may highlight. */
export async function quotesForPage(db: IsnadDB, url: string, canonicalUrl: string | null): Promise<TextQuote[]> {
  return (await clippingsForPage(db, url, canonicalUrl)).map((c) => ({ quote: c.quote, prefix: c.prefix, suffix: c.suffix }));
}

function importSummary(file: string, outcome: ImportOutcome): ClippingsImportSummary {
  return { file, counts: outcome.counts, settings: outcome.settings, problems: outcome.problems.map((p) => p.message) };
}

export async function importClippingsFile(db: IsnadDB, file: string, text: string): Promise<ClippingsImportSummary> {
  return importSummary(file, await importClippingsJson(db, text, { file }));
}

/** Where the reader's settings live outside the database, for backup and restore. */
export interface SettingsStorage {
  keys: readonly string[];
  read(): Promise<Record<string, ExportedSetting>>;
  write(settings: Record<string, ExportedSetting>): Promise<void>;
}

export async function backupFile(db: IsnadDB, storage: SettingsStorage, now = Date.now()): Promise<ExportedFile> {
  const backup = await backupClippings(db, { now, storage: await storage.read() });
  return { filename: `isnad-backup-${new Date(now).toISOString().slice(0, 10)}.json`, mime: 'application/json', text: `${JSON.stringify(backup, null, 2)}\n` };
}

export async function restoreBackupFile(db: IsnadDB, storage: SettingsStorage, file: string, text: string): Promise<ClippingsImportSummary> {
  const outcome = await restoreBackup(db, text, { file, storageKeys: storage.keys });
  if (Object.keys(outcome.storageSettings).length) await storage.write(outcome.storageSettings);
  return importSummary(file, outcome);
}
