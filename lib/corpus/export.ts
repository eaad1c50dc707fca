// The reader's own reports as a corpus pack: a backup, and a file to share or import elsewhere.
import type { IsnadDB } from '../db';
import type { ExportedFile, Report } from '../types';
import type { CorpusPack } from './formats';
import { reportsWhere } from './report-pages';

/** A corpus pack of the reader's own reports (imported and captured; the built-in pack ships). */
export async function exportPack(db: IsnadDB, origins: Array<Report['origin']> = ['import', 'capture']): Promise<CorpusPack> {
  const reports = await reportsWhere(db, { origins });
  return {
    format: 'isnad-corpus',
    version: 1,
    reports: reports.map((r) => ({ url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt, text: r.text })),
  };
}

/** The pack as the file the options page downloads, named for the day (UTC) it was made. */
export async function corpusExportFile(db: IsnadDB, now = Date.now()): Promise<ExportedFile> {
  const pack = await exportPack(db);
  return { filename: `isnad-corpus-${new Date(now).toISOString().slice(0, 10)}.json`, mime: 'application/json', text: JSON.stringify(pack) };
}
