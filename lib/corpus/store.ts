import type { Report, ReportRecord } from '../types';
import type { IsnadDB } from './db';
import { reportId } from './ids';

export function toReport(r: ReportRecord, origin: Report['origin'], importId: string, now = Date.now()): Report {
  return {
    id: reportId(r.url, r.text),
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    publishedAt: r.publishedAt,
    text: r.text,
    origin,
    importId,
    addedAt: now,
  };
}

/**
 * Puts reports by id, so loading the same records twice leaves one copy each (the built-in
 * corpus is loaded on every install and update).
 */
export async function putReports(db: IsnadDB, records: ReportRecord[], origin: Report['origin'], importId: string): Promise<number> {
  const reports = records.map((r) => toReport(r, origin, importId));
  await db.transaction('rw', db.reports, async () => {
    await db.reports.bulkPut(reports);
  });
  return reports.length;
}

/** Replaces the built-in corpus with the pack's reports (an update may drop or change some). */
export async function loadBuiltin(db: IsnadDB, records: ReportRecord[]): Promise<number> {
  const reports = records.map((r) => toReport(r, 'builtin', 'builtin'));
  const keep = new Set(reports.map((r) => r.id));
  await db.transaction('rw', db.reports, async () => {
    const stale = (await db.reports.where('importId').equals('builtin').primaryKeys()).filter((id) => !keep.has(id));
    await db.reports.bulkDelete(stale);
    await db.reports.bulkPut(reports);
  });
  return reports.length;
}
