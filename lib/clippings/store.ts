// The `clippings` table: the background's only way to write clippings. Every write that touches
// several rows is one transaction, so an import or a restore either lands whole or not at all.
import type { IsnadDB } from '../db';
import { urlKey } from '../corpus/ids';
import { toClippingsExport } from './export/json';
import { parseClippingsJson, type ImportProblem } from './import';
import { validateClipping } from './validate';
import { normalizeTags } from './make';
import type { Clipping, ClippingsExport, ExportedSetting, ImportCounts } from './types';

/**
 * A stored row in today's shape: rows written before a field existed get its empty value, so a
 * clipping saved by an older version is never dropped or mis-read.
 */
export function upgradeClipping(row: Clipping): Clipping {
  const r = row as Partial<Clipping> & Pick<Clipping, 'id' | 'quote' | 'createdAt'>;
  return {
    id: r.id,
    quote: r.quote,
    prefix: r.prefix ?? '',
    suffix: r.suffix ?? '',
    url: r.url ?? '',
    canonicalUrl: r.canonicalUrl ?? null,
    archiveUrl: r.archiveUrl ?? null,
    outlet: r.outlet ?? 'unknown',
    title: r.title ?? '',
    author: r.author ?? null,
    publishedAt: r.publishedAt ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt ?? r.createdAt,
    entities: r.entities ?? [],
    attribution: r.attribution ?? null,
    note: r.note ?? '',
    tags: r.tags ?? [],
  };
}

export interface SaveResult {
  clipping: Clipping;
  /** False when the same passage of the same page was already saved (it is returned as stored). */
  created: boolean;
}

/** Saves a new clipping; saving the same passage again keeps the first one and its note. */
export async function saveClipping(db: IsnadDB, clipping: Clipping): Promise<SaveResult> {
  return db.transaction('rw', db.clippings, async () => {
    const existing = await db.clippings.get(clipping.id);
    if (existing) return { clipping: upgradeClipping(existing), created: false };
    await db.clippings.add(clipping);
    return { clipping, created: true };
  });
}

export async function getClipping(db: IsnadDB, id: string): Promise<Clipping | null> {
  const row = await db.clippings.get(id);
  return row ? upgradeClipping(row) : null;
}

/** Edits the reader's own fields. Throws when the clipping is gone (deleted in another view). */
export async function updateClipping(
  db: IsnadDB,
  id: string,
  patch: { note?: string; tags?: string[] },
  now = Date.now(),
): Promise<Clipping> {
  return db.transaction('rw', db.clippings, async () => {
    const row = await db.clippings.get(id);
    if (!row) throw new Error(`clipping ${id} does not exist`);
    const next: Clipping = { ...upgradeClipping(row), updatedAt: now };
    if (patch.note !== undefined) next.note = patch.note;
    if (patch.tags !== undefined) next.tags = normalizeTags(patch.tags);
    await db.clippings.put(next);
    return next;
  });
}

/** How long after saving a clipping its note box (in the article's tab) may still write to it. */
export const NOTE_AT_SAVE_MS = 30 * 60_000;

/**
 * The note and tags given in the save step (the note box framed in the article's tab), or read
 * back with a null patch: only for a clipping of that tab's page saved in the last half hour, so
 * that no page can frame the box to reach an older clipping. Later edits go through the Clippings tab.
 */
export async function noteAtSave(db: IsnadDB, id: string, patch: { note: string; tags: string[] } | null, pageUrl: string | undefined, now = Date.now()): Promise<Clipping> {
  const row = await db.clippings.get(id);
  if (!row) throw new Error(`clipping ${id} does not exist`);
  const c = upgradeClipping(row);
  if (now - c.createdAt > NOTE_AT_SAVE_MS || now < c.createdAt) throw new Error('this clipping was not saved just now: edit its note in the Clippings tab');
  const page = pageUrl ? urlKey(pageUrl) : null;
  if (!page || (page !== urlKey(c.url) && (!c.canonicalUrl || page !== urlKey(c.canonicalUrl)))) throw new Error('this clipping is not of the page in this tab');
  // No patch: the note box reads what is stored (an empty note, or what it wrote before a reload).
  return patch ? updateClipping(db, id, patch, now) : c;
}

/** Deletes and returns the clipping, for the UI's undo (restoreClipping); null when absent. */
export async function deleteClipping(db: IsnadDB, id: string): Promise<Clipping | null> {
  return db.transaction('rw', db.clippings, async () => {
    const row = await db.clippings.get(id);
    if (!row) return null;
    await db.clippings.delete(id);
    return upgradeClipping(row);
  });
}

/** Undo of a delete: puts the clipping back exactly as it was (checked like an import: it comes
 *  from another context). */
export async function restoreClipping(db: IsnadDB, clipping: unknown): Promise<void> {
  const problems: string[] = [];
  const valid = validateClipping(clipping, (field, reason) => problems.push(`${field} ${reason}`));
  if (!valid) throw new Error(`not a clipping: ${problems.join('; ')}`);
  await db.clippings.put(valid);
}

/** All clippings, newest capture first. */
export async function listClippings(db: IsnadDB): Promise<Clipping[]> {
  const rows = await db.clippings.orderBy('createdAt').reverse().toArray();
  return rows.map(upgradeClipping);
}

/** Clippings made on a page, matched by URL key against their URL or canonical URL. */
export async function clippingsForPage(db: IsnadDB, url: string, canonicalUrl: string | null = null): Promise<Clipping[]> {
  const keys = new Set([urlKey(url), canonicalUrl ? urlKey(canonicalUrl) : ''].filter(Boolean));
  if (!keys.size) return [];
  const rows = await db.clippings
    .filter((c) => keys.has(urlKey(c.url)) || (c.canonicalUrl !== null && keys.has(urlKey(c.canonicalUrl))))
    .toArray();
  return rows.map(upgradeClipping).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Writes clippings in one transaction. A clipping already stored keeps whichever copy was edited
 * last, so importing an old export never undoes newer notes.
 */
async function putClippings(db: IsnadDB, clippings: readonly Clipping[]): Promise<ImportCounts> {
  return db.transaction('rw', db.clippings, async () => {
    const existing = await db.clippings.bulkGet(clippings.map((c) => c.id));
    const counts: ImportCounts = { added: 0, updated: 0, kept: 0 };
    const writes: Clipping[] = [];
    clippings.forEach((c, i) => {
      const old = existing[i];
      if (!old) counts.added++;
      else if (c.updatedAt > upgradeClipping(old).updatedAt) counts.updated++;
      else return void counts.kept++;
      writes.push(c);
    });
    await db.clippings.bulkPut(writes);
    return counts;
  });
}

export interface ImportOutcome {
  /** False when the file as a whole was unreadable: then nothing was written. */
  ok: boolean;
  counts: ImportCounts;
  settings: number;
  /** Settings of the file kept outside the database (the `storageKeys` asked for): the caller writes them. */
  storageSettings: Record<string, ExportedSetting>;
  /** Every record or field left out, with file, line and reason; the rest was imported. */
  problems: ImportProblem[];
}

/**
 * Everything the reader would not want to lose: all clippings and all settings (`storage`: those
 * the caller keeps in browser.storage.local, by key).
 */
export async function backupClippings(db: IsnadDB, opts: { now?: number; storage?: Record<string, ExportedSetting> } = {}): Promise<ClippingsExport> {
  return toClippingsExport(await listClippings(db), { settings: { ...opts.storage }, now: opts.now });
}

/**
 * Imports an `isnad-clippings` file (an export or a backup). Good records are written, bad ones
 * reported and left out; a file that is not a clippings export at all writes nothing. Clippings
 * (and, with `withSettings`, settings) are written in one transaction, so a failure midway leaves
 * the database as it was.
 */
export async function importClippingsJson(
  db: IsnadDB,
  text: string,
  opts: { file?: string; withSettings?: boolean; storageKeys?: readonly string[] } = {},
): Promise<ImportOutcome> {
  const parsed = parseClippingsJson(text, opts.file);
  const fileLevel = parsed.errors.some((e) => e.index === null && !e.field.startsWith('settings'));
  const none: ImportCounts = { added: 0, updated: 0, kept: 0 };
  if (fileLevel && !parsed.clippings.length) return { ok: false, counts: none, settings: 0, storageSettings: {}, problems: parsed.errors };
  const all = opts.withSettings ? Object.entries(parsed.settings) : [];
  const kept = new Set(opts.storageKeys ?? []);
  const storageSettings = Object.fromEntries(all.filter(([key]) => kept.has(key)));
  // A setting this version does not keep (an older version kept some in the database) is named,
  // not silently dropped.
  const unknown = all.filter(([key]) => !kept.has(key)).map(([key]): ImportProblem => {
    const reason = 'not a setting this version of Isnad keeps; left out';
    return { index: null, field: `settings.${key}`, line: null, reason, message: `${opts.file ?? 'clippings.json'}: settings.${key} ${reason}` };
  });
  const counts = await putClippings(db, parsed.clippings);
  return { ok: true, counts, settings: Object.keys(storageSettings).length, storageSettings, problems: [...parsed.errors, ...unknown] };
}

/** Restores a backup: clippings and settings together. */
export async function restoreBackup(db: IsnadDB, text: string, opts: { file?: string; storageKeys?: readonly string[] } = {}): Promise<ImportOutcome> {
  return importClippingsJson(db, text, { file: opts.file ?? 'backup.json', withSettings: true, storageKeys: opts.storageKeys });
}
