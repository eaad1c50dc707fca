// The reader's corpus as a whole: capture, and deletion by report, import or outlet (export, which
// reads reports only, is lib/corpus/export.ts).
import type { Article, Report } from '../types';
import { validateRecord } from '../corpus/formats';
import type { IsnadDB } from '../db';
import { compact, deleteReports, prepare, toReport, writeBatch } from './index-store';
import { mergeInto, storedCopyOf } from './copies';
import { reportByUrlKeys, reportIds } from '../corpus/report-pages';

/** The importId of captured reports. */
export const CAPTURE = 'capture';

/**
 * Adds an article the reader opened to the corpus, known under its live, canonical and archive
 * URLs; returns the stored report, or null when the corpus already has it: under one of those
 * URLs, or as the same outlet's same text under another (then the two are merged, see mergeInto).
 */
export async function captureArticle(db: IsnadDB, article: Article, now = Date.now()): Promise<Report | null> {
  const text = article.paragraphs.join('\n\n');
  if (!text.trim() || !article.title.trim()) return null;
  const url = article.canonicalUrl ?? article.url;
  // The page's article is the page's word: checked as an imported record is (sizes, http(s) URL, a
  // real day, prose), so a page cannot store what no file could.
  // A date known to the month or the year only ("2025-05") is kept as it is; a day must be real.
  const published = article.publishedAt.value ? article.publishedAt.value.slice(0, 10) : null;
  const partial = published && /^\d{4}(?:-\d{2})?$/.test(published) ? published : null;
  // An archive copy's capture time and address are checked the same way (the reading view's "archived on").
  const archived = article.archive ? { archivedAt: article.archive.capturedAt, archiveUrl: article.archive.archiveUrl } : {};
  const record = validateRecord({ url, outlet: article.outlet, title: article.title, publishedAt: partial ? null : published, text, ...archived });
  if (typeof record === 'string') return null;
  const report = toReport(
    { ...record, outlet: article.outlet, publishedAt: record.publishedAt ?? partial },
    'capture',
    CAPTURE,
    now,
    [article.url, article.archive?.archiveUrl ?? ''],
  );
  const [prepared] = prepare([report]);
  const known = await reportByUrlKeys(db, report.keys ?? []);
  if (known) return null;
  const copy = await storedCopyOf(db, prepared!);
  if (copy) {
    await mergeInto(db, copy, prepared!);
    return null;
  }
  const res = await writeBatch(db, [prepared!]);
  await compact(db);
  return res.added[0] ?? null;
}

export type DeleteTarget = { report: string } | { importId: string } | { outlet: string };

/** Deletes one report, every report of an import, or every report of an outlet; returns how many. */
export async function deleteFromCorpus(db: IsnadDB, target: DeleteTarget): Promise<number> {
  let ids: string[];
  if ('report' in target) ids = [target.report];
  else if ('importId' in target) ids = await reportIds(db, { importId: target.importId });
  else ids = await reportIds(db, { outlet: target.outlet });
  let n = 0;
  for (let i = 0; i < ids.length; i += 2000) n += await deleteReports(db, ids.slice(i, i + 2000));
  if ('importId' in target) await db.jobs.delete(target.importId);
  return n;
}
