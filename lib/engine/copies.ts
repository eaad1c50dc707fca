// A capture of a text the corpus already holds for the same outlet (the built-in copy of the
// article being read, or the same story under another address): found by its near-duplicate
// fingerprint and folded into the stored report instead of stored twice (lib/engine/manage.ts).
import type { IsnadDB } from '../db';
import type { Report } from '../types';
import { forgetDocs } from './doc-cache';
import { signatureFields, signatureVersion } from './event-sigs';
import { nearDupsOf, type Prepared } from './index-store';
import { storedDoc, unpackDoc, type DocRecord } from './doc-rows';
import { getReport, replaceReports, reportTables } from '../corpus/report-pages';
import { docRowsIn, docRowsOfIds, putDocRows } from './doc-pages';
import { bulkPut } from '../corpus/page-rows';

/**
 * The stored report of the same outlet whose text this one is (within the near-duplicate
 * distance, so a page's extraction that differs by a line still matches), whatever its URL: the
 * built-in copy of the article being read, or the same story captured under another address.
 */
export async function storedCopyOf(db: IsnadDB, p: Prepared): Promise<Report | null> {
  const near = await nearDupsOf(db);
  const n = near.find(p.f.fingerprint);
  if (n === null) return null;
  const [first] = await docRowsIn(db, [n]);
  if (!first) return null;
  let mine: DocRecord | undefined = first.outlet === p.report.outlet ? first : undefined;
  // The nearest text is another outlet's copy (a wire story): look in its group for this outlet's.
  // The near-duplicate index names the group's members: their rows alone are read (a page each),
  // not every doc row of the outlet (thousands in a big corpus).
  if (!mine && first.dup !== null) {
    const group = first.dup;
    const others = near.members(group).filter((m) => m !== n);
    mine = (await docRowsIn(db, others)).find((d) => d !== undefined && d.dup === group && d.outlet === p.report.outlet);
  }
  return mine ? ((await getReport(db, mine.id)) ?? null) : null;
}

/**
 * Folds a capture into the stored report it is a copy of, keeping the better of each field (a
 * web address over none, a date over none) and every URL either was known under; no new report.
 */
export async function mergeInto(db: IsnadDB, stored: Report, capture: Prepared): Promise<Report> {
  const c = capture.report;
  const merged: Report = {
    ...stored,
    url: /^https?:\/\//i.test(stored.url) ? stored.url : c.url || stored.url,
    title: stored.title.trim() ? stored.title : c.title,
    publishedAt: stored.publishedAt ?? c.publishedAt,
    keys: [...new Set([...(stored.keys ?? []), ...(c.keys ?? [])])],
  };
  await db.transaction('rw', [...reportTables(db), db.dpages], async () => {
    await replaceReports(db, [merged]);
    const [found] = await docRowsOfIds(db, [stored.id]);
    if (!found) return;
    const row = unpackDoc(found);
    const day = stored.publishedAt ? row.day : capture.f.day;
    // The title or date may be the capture's now: the event signature is read from them again,
    // and word counts kept of another title are left out (the title's are then read from the text).
    const { tv, ...kept } = row;
    await putDocRows(db, [storedDoc({ ...kept, ...(merged.title === stored.title && tv && row.sv === signatureVersion() ? { tv } : {}), url: merged.url, title: merged.title, publishedAt: merged.publishedAt, day, ...signatureFields(merged.title, merged.text, merged.publishedAt) })], bulkPut);
    forgetDocs(db, [row.n]);
  });
  return merged;
}
