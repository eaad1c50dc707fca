// The stored reports, behind one module: every reader and writer of the corpus's reports goes
// through these functions, so that how the reports are laid out in IndexedDB (a row a report
// today) is known here only. Writes run inside the caller's transaction, which must include
// reportTables(db).
import type { Table } from 'dexie';
import type { IsnadDB } from '../db';
import type { Report } from '../types';

/** The tables a transaction that reads or writes reports must hold. */
export const reportTables = (db: IsnadDB): Table[] => [db.reports];

/** Reports by id, in the order asked (undefined where none is stored). */
export async function getReports(db: IsnadDB, ids: readonly string[]): Promise<Array<Report | undefined>> {
  return ids.length ? db.reports.bulkGet([...ids]) : [];
}

export async function getReport(db: IsnadDB, id: string): Promise<Report | undefined> {
  return db.reports.get(id);
}

/** A report known under one of these URL keys (lib/corpus/ids urlKey), if any. */
export async function reportByUrlKeys(db: IsnadDB, keys: readonly string[]): Promise<Report | undefined> {
  return keys.length ? db.reports.where('keys').anyOf([...keys]).first() : undefined;
}

/** Which of these URL keys the corpus knows (one point lookup each: cheap on every IndexedDB). */
export async function knownUrlKeys(db: IsnadDB, keys: readonly string[]): Promise<Set<string>> {
  const hits = await Promise.all(keys.map((k) => db.reports.where('keys').equals(k).primaryKeys()));
  return new Set(keys.filter((_, i) => hits[i]!.length > 0));
}

/** Every URL key the corpus knows, read in one request (for a big import's duplicate checks). */
export async function allUrlKeys(db: IsnadDB): Promise<Set<string>> {
  return new Set((await db.reports.orderBy('keys').keys()) as string[]);
}

/** Which of these report ids are stored. */
export async function knownIds(db: IsnadDB, ids: readonly string[]): Promise<Set<string>> {
  const hits = await Promise.all(ids.map((id) => db.reports.where(':id').equals(id).primaryKeys()));
  return new Set(ids.filter((_, i) => hits[i]!.length > 0));
}

/** What selects reports: an import's, an outlet's, or those of some origins. */
export type ReportFilter = { importId: string } | { outlet: string } | { origins: ReadonlyArray<Report['origin']> };

const where = (db: IsnadDB, f: ReportFilter) =>
  'importId' in f ? db.reports.where('importId').equals(f.importId) : 'outlet' in f ? db.reports.where('outlet').equals(f.outlet) : db.reports.where('origin').anyOf([...f.origins]);

/** The ids of the reports a filter selects, or of every report (in id order). */
export async function reportIds(db: IsnadDB, f?: ReportFilter): Promise<string[]> {
  return ((await (f ? where(db, f) : db.reports.toCollection()).primaryKeys()) as string[]).sort();
}

/** The reports a filter selects, or every report, whole (texts included: for exports and profiles). */
export async function reportsWhere(db: IsnadDB, f?: ReportFilter): Promise<Report[]> {
  return (f ? where(db, f) : db.reports.toCollection()).toArray();
}

/** The outlet of every report, one entry a report (no text read). */
export async function reportOutlets(db: IsnadDB): Promise<string[]> {
  return (await db.reports.orderBy('outlet').keys()) as string[];
}

export async function countReports(db: IsnadDB): Promise<number> {
  return db.reports.count();
}

/** Stores reports (new ones, or a stored one changed: same id); inside a transaction holding reportTables(db). */
export async function storeReports(db: IsnadDB, reports: readonly Report[], put: (t: Table, rows: readonly unknown[]) => Promise<unknown> = (t, rows) => t.bulkPut(rows as never[])): Promise<void> {
  await put(db.reports, reports);
}

/** Deletes reports by id; inside a transaction holding reportTables(db). */
export async function removeReports(db: IsnadDB, ids: readonly string[]): Promise<void> {
  await db.reports.bulkDelete([...ids]);
}
