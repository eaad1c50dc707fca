import type { Report, ReportRecord } from '../types';
import type { IsnadDB } from '../db';
import { deleteReports, indexReports, toReport } from './index-store';
import { reportsWhere } from '../corpus/report-pages';

export { toReport } from './index-store';

/**
 * Stores and indexes reports; one already known under any of its URLs (or the same text
 * without a URL) is skipped, so loading the same records twice leaves one copy each.
 */
export async function putReports(db: IsnadDB, records: ReportRecord[], origin: Report['origin'], importId: string): Promise<number> {
  const res = await indexReports(db, records.map((r) => toReport(r, origin, importId)));
  return res.added.length;
}

/** Replaces the built-in corpus with the pack's reports (an update may drop or change some). */
export async function loadBuiltin(db: IsnadDB, records: ReportRecord[]): Promise<number> {
  const reports = records.map((r) => toReport(r, 'builtin', 'builtin'));
  const current = new Map((await reportsWhere(db, { importId: 'builtin' })).map((r) => [r.id, r]));
  // Changed or dropped reports go; unchanged ones stay as they are (and stay indexed).
  const same = (a: Report, b: Report) => a.title === b.title && a.text === b.text && a.publishedAt === b.publishedAt && a.outlet === b.outlet && a.url === b.url;
  const stale = [...current.values()].filter((c) => !reports.some((r) => r.id === c.id && same(r, c))).map((c) => c.id);
  await deleteReports(db, stale);
  await indexReports(db, reports.filter((r) => !current.has(r.id) || stale.includes(r.id)));
  return reports.length;
}
