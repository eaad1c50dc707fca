// The stored reports, behind one module: every reader and writer of the corpus's reports goes
// through these functions, and only they know how the reports are laid out in IndexedDB: in pages
// of 64 reports (lib/corpus/page-rows.ts, schema v9). Reports a database stored before, a row
// each in the `reports` table, are read there until moveToPages has moved them into pages, a
// slice per transaction (run at each start: a move a stopped worker left half done goes on).
// Writes run inside the caller's transaction, which must hold reportTables(db).
import type { Table } from 'dexie';
import type { IsnadDB } from '../db';
import type { Report } from '../types';
import { reportKeys, urlKeyId } from './ids';
import { appendReports, bulkPut, numbersOf, pagesWith, rewritePages, withTexts, type DocNumbers, type PageRow, type Put } from './page-rows';
import { forgetTexts } from './text-cache';

/** The tables a transaction that reads or writes reports must hold. */
export const reportTables = (db: IsnadDB): Table[] => [db.pages, db.texts, db.reports];

// Databases whose `reports` table moveToPages found empty: nothing writes a row there again.
const moved = new WeakSet<IsnadDB>();

/** Whether the table of reports stored a row each may still hold some. */
async function legacy(db: IsnadDB): Promise<boolean> {
  return !moved.has(db) && (await db.reports.count()) > 0;
}

/** Reports by id, in the order asked (undefined where none is stored). */
export async function getReports(db: IsnadDB, ids: readonly string[]): Promise<Array<Report | undefined>> {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const found = new Map<string, Report>();
  for (const r of await withTexts(db, await pagesWith(db, 'ids', [...wanted]), wanted)) found.set(r.id, r);
  if (found.size < wanted.size && (await legacy(db))) {
    for (const r of await db.reports.bulkGet([...wanted].filter((id) => !found.has(id)))) if (r) found.set(r.id, r);
  }
  return ids.map((id) => found.get(id));
}

export async function getReport(db: IsnadDB, id: string): Promise<Report | undefined> {
  return (await getReports(db, [id]))[0];
}

/** A report known under one of these URL keys (lib/corpus/ids urlKey), if any: by the id a main
 *  key stands for, then by the other keys pages index. */
export async function reportByUrlKeys(db: IsnadDB, keys: readonly string[]): Promise<Report | undefined> {
  if (keys.length === 0) return undefined;
  const has = (r: Report) => r.keys?.some((k) => keys.includes(k)) ?? false;
  const byId = await db.pages.where('ids').anyOf(keys.map(urlKeyId)).first();
  const inPage = (byId && (await withTexts(db, [byId])).find(has)) || (await pageReport(db, keys, has));
  if (inPage) return inPage;
  return (await legacy(db)) ? db.reports.where('keys').anyOf([...keys]).first() : undefined;
}

async function pageReport(db: IsnadDB, keys: readonly string[], has: (r: Report) => boolean): Promise<Report | undefined> {
  const page = await db.pages.where('keys').anyOf([...keys]).first();
  return page && (await withTexts(db, [page])).find(has);
}

/** What the corpus knows of some URL keys: the keys a stored report has (`known`), and the ids
 *  those keys' hashes stand for (urlKeyId) that a stored report with none of them holds (`taken`):
 *  two keys of one 53-bit hash, which a crafted file can make. A key found through the id its hash
 *  stands for is the stored report's only if that report has it: compared, not assumed. */
export interface KnownKeys {
  known: Set<string>;
  taken: Set<string>;
}

/** The URL keys of stored reports by id (their metadata only, no text). */
async function storedKeys(db: IsnadDB, ids: readonly string[]): Promise<Map<string, readonly string[]>> {
  const wanted = new Set(ids);
  const out = new Map<string, readonly string[]>();
  for (const page of await pagesWith(db, 'ids', [...wanted])) for (const r of page.m) if (wanted.has(r.id)) out.set(r.id, r.keys ?? reportKeys(r.url));
  if (out.size < wanted.size && (await legacy(db))) {
    for (const r of await db.reports.bulkGet([...wanted].filter((id) => !out.has(id)))) if (r) out.set(r.id, r.keys ?? reportKeys(r.url));
  }
  return out;
}

/** `known` completed with the keys `byId` (keys by the stored id their hash stands for) whose
 *  stored report has them; the ids whose report has none of its keys are `taken`. */
async function confirmed(db: IsnadDB, known: Set<string>, byId: ReadonlyMap<string, readonly string[]>): Promise<KnownKeys> {
  const taken = new Set<string>();
  if (byId.size === 0) return { known, taken };
  const stored = await storedKeys(db, [...byId.keys()]);
  for (const [id, keys] of byId) {
    const has = stored.get(id);
    // Deleted since it was looked up: the id is free and the keys unknown.
    if (!has) continue;
    for (const k of keys) {
      if (has.includes(k)) known.add(k);
      else taken.add(id);
    }
  }
  return { known, taken };
}

const addTo = (m: Map<string, string[]>, id: string, k: string) => {
  const ks = m.get(id);
  if (ks) ks.push(k);
  else m.set(id, [k]);
};

/** Pairs of an id and a key a report under that id would have: each key with the id its hash
 *  stands for (urlKeyId), and with the id of the report that has it. */
export type KeyIds = ReadonlyArray<readonly [id: string, key: string]>;

/** Which of these keys the corpus knows (point lookups: cheap on every IndexedDB): a key in the
 *  keys index, or a key of the stored report under its pair's id. */
export async function knownUrlKeys(db: IsnadDB, pairs: KeyIds): Promise<KnownKeys> {
  const old = await legacy(db);
  const known = new Set<string>();
  const keys = [...new Set(pairs.map(([, k]) => k))];
  const ids = [...new Set(pairs.map(([id]) => id))];
  await Promise.all(keys.map(async (k) => {
    if ((await db.pages.where('keys').equals(k).count()) > 0 || (old && (await db.reports.where('keys').equals(k).count()) > 0)) known.add(k);
  }));
  const stored = new Set<string>();
  await Promise.all(ids.map(async (id) => (await db.pages.where('ids').equals(id).count()) > 0 && stored.add(id)));
  const byId = new Map<string, string[]>();
  for (const [id, k] of pairs) if (!known.has(k) && stored.has(id)) addTo(byId, id, k);
  return confirmed(db, known, byId);
}

/** The URL keys the corpus knows, as read at once for a big import's duplicate checks: the ids of
 *  the stored reports (each stands for its main key, compared when one is found that way) and
 *  their other keys. */
export class UrlKeys {
  constructor(
    private readonly ids: Set<string>,
    private readonly keys: Set<string>,
  ) {}

  /** As knownUrlKeys, from what was read. */
  async known(db: IsnadDB, pairs: KeyIds): Promise<KnownKeys> {
    const known = new Set<string>();
    const byId = new Map<string, string[]>();
    for (const [id, k] of pairs) {
      if (this.keys.has(k)) known.add(k);
      else if (this.ids.has(id)) addTo(byId, id, k);
    }
    for (const [id, ks] of byId) byId.set(id, ks.filter((k) => !known.has(k)));
    return confirmed(db, known, byId);
  }

  /** Whether a report is stored under this id. */
  hasId(id: string): boolean {
    return this.ids.has(id);
  }

  /** A report stored since the read: its id and its keys. */
  add(id: string, keys: readonly string[]): void {
    this.ids.add(id);
    for (const k of keys) this.keys.add(k);
  }
}

/** Every URL key the corpus knows, read in two requests (for a big import's duplicate checks). */
export async function allUrlKeys(db: IsnadDB): Promise<UrlKeys> {
  const keys = new Set((await db.pages.orderBy('keys').uniqueKeys()) as string[]);
  if (await legacy(db)) for (const k of (await db.reports.orderBy('keys').uniqueKeys()) as string[]) keys.add(k);
  return new UrlKeys(new Set((await db.pages.orderBy('ids').uniqueKeys()) as string[]), keys);
}

/** Which of these report ids are stored. */
export async function knownIds(db: IsnadDB, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await getReports(db, ids)).flatMap((r) => (r ? [r.id] : [])));
}

/** What selects reports: an import's, an outlet's, or those of some origins. */
export type ReportFilter = { importId: string } | { outlet: string } | { origins: ReadonlyArray<Report['origin']> };

const matches = (f: ReportFilter | undefined, r: Pick<Report, 'importId' | 'outlet' | 'origin'>) =>
  !f || ('importId' in f ? r.importId === f.importId : 'outlet' in f ? r.outlet === f.outlet : f.origins.includes(r.origin));

/** The pages holding a report the filter selects (every page without one). */
async function pagesOf(db: IsnadDB, f: ReportFilter | undefined): Promise<PageRow[]> {
  if (!f) return db.pages.toArray();
  if ('importId' in f) return db.pages.where('imp').equals(f.importId).toArray();
  if ('outlet' in f) return db.pages.where('outlet').equals(f.outlet).toArray();
  return pagesWith(db, 'origin', f.origins);
}

/** The legacy rows a filter selects. */
function legacyOf(db: IsnadDB, f: ReportFilter | undefined) {
  if (!f) return db.reports.toCollection();
  if ('importId' in f) return db.reports.where('importId').equals(f.importId);
  if ('outlet' in f) return db.reports.where('outlet').equals(f.outlet);
  return db.reports.where('origin').anyOf([...f.origins]);
}

/** The ids of the reports a filter selects, or of every report (in id order; no text read). */
export async function reportIds(db: IsnadDB, f?: ReportFilter): Promise<string[]> {
  const ids = f ? (await pagesOf(db, f)).flatMap((p) => p.m.filter((r) => matches(f, r)).map((r) => r.id)) : ((await db.pages.orderBy('ids').keys()) as string[]);
  const old = (await legacy(db)) ? ((await legacyOf(db, f).primaryKeys()) as string[]) : [];
  for (const id of old) ids.push(id);
  // Every report's ids come in order from the index (100,000 sorted again cost a worker's wake-up ≈ 0.1 s).
  return f || old.length ? ids.sort() : ids;
}

/** The reports a filter selects, or every report, whole (texts included: for exports and profiles). */
export async function reportsWhere(db: IsnadDB, f?: ReportFilter): Promise<Report[]> {
  const reports = (await withTexts(db, await pagesOf(db, f))).filter((r) => matches(f, r));
  if (await legacy(db)) for (const r of await legacyOf(db, f).toArray()) reports.push(r);
  return reports;
}

/** The outlet of every report, one entry a report (no text read). */
export async function reportOutlets(db: IsnadDB): Promise<string[]> {
  const outlets = (await db.pages.toArray()).flatMap((p) => p.m.map((r) => r.outlet));
  if (await legacy(db)) for (const o of (await db.reports.orderBy('outlet').keys()) as string[]) outlets.push(o);
  return outlets;
}

export async function countReports(db: IsnadDB): Promise<number> {
  return (await db.pages.orderBy('ids').count()) + (await db.reports.count());
}

/** Stores new reports (none of them stored yet: the callers' duplicate checks), with the doc
 *  numbers `numbers` gives those indexed in the same transaction; inside a transaction holding
 *  reportTables(db). */
export async function storeReports(db: IsnadDB, reports: readonly Report[], put: Put = bulkPut, numbers?: DocNumbers): Promise<void> {
  forgetTexts(db, reports.map((r) => r.id));
  await appendReports(db, reports, put, numbers);
}

/** Names the doc numbers of stored reports (indexed again: ensureIndexed); inside a transaction holding reportTables(db). */
export { numberReports as numberStored } from './page-rows';

/** The doc numbers the pages name for these reports (those indexed; a number is checked against
 *  its doc row by the caller). Reports a row each (before v9) have none: moved into pages before
 *  they are indexed (ensureIndexed). */
export async function docNumbers(db: IsnadDB, ids: readonly string[]): Promise<Map<string, number>> {
  const wanted = new Set(ids);
  const out = new Map<string, number>();
  for (const page of await pagesWith(db, 'ids', [...wanted])) for (const [id, n] of numbersOf(page)) if (wanted.has(id)) out.set(id, n);
  return out;
}

/** The doc numbers of the reports a filter selects (by id), from the pages' metadata alone. */
export async function docNumbersWhere(db: IsnadDB, f: ReportFilter): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const page of await pagesOf(db, f)) {
    const ns = numbersOf(page);
    for (const r of page.m) if (matches(f, r) && ns.has(r.id)) out.set(r.id, ns.get(r.id)!);
  }
  return out;
}

/** What the pages say of the index: the ids of the reports they name no doc number for (with
 *  those a row each, if any), and how many they name one for. */
export async function unnumbered(db: IsnadDB): Promise<{ ids: string[]; numbered: number }> {
  const ids: string[] = [];
  let numbered = 0;
  await db.pages.each((page) => {
    const ns = numbersOf(page);
    numbered += ns.size;
    for (const id of page.ids) if (!ns.has(id)) ids.push(id);
  });
  if (await legacy(db)) for (const id of (await db.reports.toCollection().primaryKeys()) as string[]) ids.push(id);
  return { ids: ids.sort(), numbered };
}

/** Writes stored reports changed (same ids); inside a transaction holding reportTables(db). */
export async function replaceReports(db: IsnadDB, reports: readonly Report[]): Promise<void> {
  const byId = new Map(reports.map((r) => [r.id, r]));
  forgetTexts(db, byId.keys());
  const inPages = await rewritePages(db, [...byId.keys()], (r) => byId.get(r.id) ?? r);
  const rest = reports.filter((r) => !inPages.has(r.id));
  if (rest.length) await db.reports.bulkPut(rest);
}

/** Deletes reports by id; inside a transaction holding reportTables(db). */
export async function removeReports(db: IsnadDB, ids: readonly string[]): Promise<void> {
  forgetTexts(db, ids);
  const inPages = await rewritePages(db, ids, () => null);
  const rest = ids.filter((id) => !inPages.has(id));
  if (rest.length) await db.reports.bulkDelete(rest);
}

/**
 * Moves the reports stored a row each into pages, `slice` a transaction (bounded time and
 * memory; a move stopped half way goes on from where it stopped); returns how many moved.
 */
export async function moveToPages(db: IsnadDB, slice = 512, limit = Infinity): Promise<number> {
  let n = 0;
  while (n < limit) {
    const rows = await db.transaction('rw', reportTables(db), async () => {
      const old = await db.reports.limit(Math.min(slice, limit - n)).toArray();
      // A report a page holds already (written again meanwhile) is not written twice.
      const inPages = new Set((await pagesWith(db, 'ids', old.map((r) => r.id))).flatMap((p) => p.ids));
      await appendReports(db, old.filter((r) => !inPages.has(r.id)), bulkPut);
      await db.reports.bulkDelete(old.map((r) => r.id));
      return old.length;
    });
    if (rows === 0) {
      moved.add(db);
      break;
    }
    n += rows;
  }
  return n;
}
