// The persistent inverted index: written incrementally, one immutable segment per batch, in the
// same transaction as the reports it indexes; read by lib/engine/search.ts straight from
// IndexedDB. Segments (lib/engine/segments: a few dozen rows each) are merged by a tiered policy
// while an import runs and into one at its end (compact(), below), so a query reads a block per
// term from a handful of segments. Postings hold BM25 impacts (bm25.ts); a batch's doc rows and
// postings are worked out in batch-rows.ts, captures of stored texts merged in copies.ts.
import type { Report, ReportRecord } from '../types';
import { analyse, type Features } from './features';
import { cacheOf, compact as compactSegments, markDeleted, readManifest, segmentRows } from './segments/store';
import { readPostings as readSegments, type EarlyRead } from './segments/postings-read';
import { withSegment, type Manifest } from './segments/manifest';
import { minhashSketch } from './segments/columns';
import { putIndexCopy } from './segments/index-copies';
import { DEFAULT_POLICY, type MergePolicy } from './segments/merge-policy';
import { forgetDocs } from './doc-cache';
import { holdColumns, releaseColumns } from './doc-columns';
import type { IsnadDB } from '../db';
import { reportIdAndKeys, reportKeys, urlKeyId } from '../corpus/ids';
import { textUnits, withTextUnits } from '../corpus/text-units';
import { loadNearDupIndex, printRow, type NearDupIndex } from './near-dups';
import { batchPostings, docRowsOf, type Prepared } from './batch-rows';
import { lexiconForWrite } from './lexicon';
import { storedDoc, unpackDoc } from './doc-rows';
import { deleteDocRows, docRowsToDelete, putDocRows } from './doc-pages';
import { putAll } from './raw-puts';
import { allUrlKeys, docNumbers, getReports, type KnownKeys, type UrlKeys, knownIds as storedIds, knownUrlKeys, moveToPages, numberStored, removeReports, reportTables, storeReports, unnumbered } from '../corpus/report-pages';
import { numberEveryPage, readDocNumbers } from '../db/doc-numbers';

export { B, entityTerm, impact, impactByte, IMPACT_SCALE, K1 } from './bm25';
export type { Prepared } from './batch-rows';

/** Segments of one tier merged into one of the next (lib/engine/segments/merge-policy.ts). */
export const FANOUT = DEFAULT_POLICY.fanout;

/** Terms in more docs than this lose their postings (a word in 5% of a big corpus says little). */
export function saturationLimit(docs: number): number {
  return Math.max(1000, Math.floor(docs * 0.05));
}

/** The index's counters and live segments (the manifest). */
export const readMeta = (db: IsnadDB): Promise<Manifest> => readManifest(db);

export function toReport(r: ReportRecord, origin: Report['origin'], importId: string, now = Date.now(), extraUrls: string[] = []): Report {
  // A report with a URL is named by it: its text is read only for one without (a text that came as
  // code units, lib/corpus/part-texts.ts, stays so: the texts row takes them as they are).
  const { id, keys } = reportIdAndKeys(r.url, r.url ? '' : r.text, r.archiveUrl ? [...extraUrls, r.archiveUrl] : extraUrls);
  const units = textUnits(r);
  const report = {
    id,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    publishedAt: r.publishedAt,
    // Where the text came as units, an accessor added below (text-units.ts withTextUnits).
    ...(units ? {} : { text: r.text }),
    origin,
    importId,
    addedAt: now,
    keys,
    ...(r.archivedAt ? { archivedAt: r.archivedAt } : {}),
    ...(r.archiveUrl ? { archiveUrl: r.archiveUrl } : {}),
  };
  return units ? withTextUnits(report, units) : (report as Report);
}

/** The CPU half of indexing (text analysis), kept outside any transaction. */
export function prepare(reports: Report[]): Array<Prepared & { f: Features }> {
  return reports.map((report) => ({ report, f: analyse(report.title, report.text, report.publishedAt) }));
}

export interface BatchResult {
  added: Report[];
  /** Reports already in the corpus under one of their URLs or their id, skipped. */
  duplicates: Report[];
}

/**
 * What one run of batches (an import, a re-index) learns once instead of per report: the URL keys
 * already in the corpus (read in one request when the run is large; point lookups otherwise) and
 * the near-duplicate index.
 */
export interface IndexSession {
  keys: UrlKeys | null;
  near: NearDupIndex | null;
}

/** A session for a run of `records` reports: big runs read every known URL key once. */
export async function openSession(db: IsnadDB, records: number): Promise<IndexSession> {
  const docs = (await readMeta(db)).docs;
  // Reading all keys costs about as much as 1 lookup per 20 keys held.
  const keys = records * 20 >= docs ? await allUrlKeys(db) : null;
  return { keys, near: null };
}

// The near-duplicate index of a worker's last writes, kept between single captures.
const nearCache = new WeakMap<IsnadDB, NearDupIndex>();

/** The near-duplicate index of the stored texts (the one a worker keeps between captures). */
export async function nearDupsOf(db: IsnadDB): Promise<NearDupIndex> {
  return nearCache.get(db) ?? (await loadNearDupIndex(db));
}

/** Which of the batch's URL keys the corpus knows, each looked for under the id its hash stands
 *  for and under its report's id (two ids when a report was given another: renamed below). */
function knownUrls(db: IsnadDB, batch: readonly Prepared[], session: IndexSession | undefined): Promise<KnownKeys> {
  const pairs: Array<[string, string]> = [];
  for (const { report: r } of batch) for (const k of r.keys ?? []) {
    const id = urlKeyId(k);
    pairs.push([id, k]);
    if (r.url && r.id !== id) pairs.push([r.id, k]);
  }
  return session?.keys ? session.keys.known(db, pairs) : knownUrlKeys(db, pairs);
}

/** Seeds tried for another id when a report's URL hashes as another stored report's does. */
const ID_SEEDS = 8;

/** `report` under an id no stored report nor any of `used` has: its main URL key hashed with
 *  another seed (urlKeyId), its key then indexed with its other keys (lib/corpus/page-rows.ts). */
async function renamed(db: IsnadDB, report: Report, used: ReadonlySet<string>, session: IndexSession | undefined): Promise<Report> {
  const main = report.keys![0]!;
  for (let seed = 1; seed <= ID_SEEDS; seed++) {
    const id = urlKeyId(main, seed);
    if (used.has(id) || (session?.keys ? session.keys.hasId(id) : (await storedIds(db, [id])).size > 0)) continue;
    return { ...report, id };
  }
  throw new Error(`${report.url}: its address's hash is another stored report's under ${ID_SEEDS + 1} seeds (a file made to collide); not imported`);
}

/** The reports of a batch not in the corpus yet (by any of their URLs, or their id when they
 *  have none), and the others; a report twice in the batch is new once. A report whose URL's hash
 *  (its id) is another report's, stored or new, with another key is new, under another id. */
async function splitKnown(db: IsnadDB, batch: readonly Prepared[], stored: boolean | undefined, session: IndexSession | undefined): Promise<{ fresh: Prepared[]; duplicates: Report[] }> {
  const { known, taken } = stored ? { known: new Set<string>(), taken: new Set<string>() } : await knownUrls(db, batch, session);
  // A report without a URL is keyed by its text: its id is the key to look for.
  const noUrl = stored ? [] : batch.filter((p) => !p.report.keys?.length).map((p) => p.report.id);
  const knownIds = await storedIds(db, noUrl);
  // Ids another report holds: stored under another key, or given to one of this batch.
  const used = new Set(taken);
  const fresh: Prepared[] = [];
  const duplicates: Report[] = [];
  for (const p of batch) {
    const ks = p.report.keys ?? [];
    // Its id its URL's hash: another report's under it has another URL (its keys are not known).
    const byUrl = !!p.report.url && ks.length > 0;
    if (knownIds.has(p.report.id) || ks.some((k) => known.has(k)) || (!byUrl && used.has(p.report.id))) {
      duplicates.push(p.report);
      continue;
    }
    const report = byUrl && used.has(p.report.id) ? await renamed(db, p.report, used, session) : p.report;
    used.add(report.id);
    for (const k of ks) known.add(k);
    fresh.push(report === p.report ? p : { ...p, report });
  }
  return { fresh, duplicates };
}

/**
 * Stores and indexes a batch in one transaction: a report already known under any of its URLs
 * (or the same id) is a duplicate and is skipped; near-duplicate texts join a group.
 */
export async function writeBatch(db: IsnadDB, batch: Prepared[], opts: { stored?: boolean; session?: IndexSession } = {}): Promise<BatchResult> {
  const session = opts.session;
  return db.transaction('rw', [...reportTables(db), db.dpages, db.segs, db.prints, db.meta, db.lex], async () => {
    const meta = await readMeta(db);
    const { fresh, duplicates } = await splitKnown(db, batch, opts.stored, session);
    if (fresh.length === 0) return { added: [], duplicates };
    const near = session?.near ?? (await nearDupsOf(db));
    const lex = await lexiconForWrite(db);
    const { rows, older } = await docRowsOf(db, fresh, meta.nextN, near, lex);
    // One segment of postings for the batch.
    const len = rows.reduce((sum, r) => sum + r.len, 0);
    const seg = batchPostings(fresh, rows, (meta.len + len) / (meta.docs + rows.length), session);
    const s = meta.nextSeg;
    const written = segmentRows(s, seg, rows.map((d) => ({ n: d.n, day: d.day, outlet: d.outlet, dup: d.dup, entities: d.e, sources: d.src, sketch: minhashSketch(d.mh) })));
    forgetDocs(db, older.map((d) => d.n));
    // An import's batch: the columns a query kept give the import their heap (doc-columns.ts).
    if (session) holdColumns(db);
    // Every write is issued before any is awaited: IndexedDB stores the reports while this
    // thread encodes the doc rows and the segment (awaiting each bulkPut left one side idle).
    // The report pages name each report's doc number (the doc pages have no index of ids).
    const numbers = new Map(rows.map((d) => [d.id, d.n]));
    await Promise.all([
      // Reports re-indexed (`stored`) are in the corpus already: their pages' numbers alone are written.
      opts.stored ? numberStored(db, numbers) : storeReports(db, fresh.map((p) => p.report), putAll, numbers),
      putDocRows(db, [...rows, ...older].map(storedDoc), putAll, meta.nextN),
      putAll(db.segs, written.rows),
      putIndexCopy(db, written.rows[0]!),
      db.prints.put(printRow(s, rows)),
      db.meta.put(withSegment(meta, written.info, { docs: rows.length, len, nextN: meta.nextN + rows.length })),
      db.lex.bulkPut(lex.dirty()),
    ]);
    if (session) {
      session.near = near;
      for (const p of fresh) session.keys?.add(p.report.id, p.report.keys ?? []);
    } else nearCache.set(db, near);
    return { added: fresh.map((p) => p.report), duplicates };
  }).catch((e: unknown) => {
    // The in-memory near-duplicate index may hold docs the failed transaction did not write.
    nearCache.delete(db);
    if (session) session.near = null;
    throw e;
  });
}

/** Analyses and indexes reports in batches; returns what was added and what was a duplicate. */
export async function indexReports(db: IsnadDB, reports: Report[], batchSize = 2000): Promise<BatchResult> {
  const out: BatchResult = { added: [], duplicates: [] };
  const session = reports.length > 1 ? await openSession(db, reports.length) : undefined;
  for (let i = 0; i < reports.length; i += batchSize) {
    const r = await writeBatch(db, prepare(reports.slice(i, i + batchSize)), { session });
    out.added.push(...r.added);
    out.duplicates.push(...r.duplicates);
    await compact(db);
  }
  releaseColumns(db);
  return out;
}

/**
 * Deletes reports and their doc rows (each taken out of its page). Their postings stay until their
 * segment is merged (search skips doc numbers with no doc row: the segment's deletion bits); the
 * counts used for idf drop at once.
 */
export async function deleteReports(db: IsnadDB, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction('rw', [...reportTables(db), db.dpages, db.segs, db.meta], async () => {
    const rows = (await docRowsToDelete(db, await docNumbers(db, ids))).map(unpackDoc);
    // Segments are never rewritten: their deleted documents are bits, left out when one is merged.
    const meta = await markDeleted(db, await readMeta(db), rows.map((r) => r.n));
    forgetDocs(db, rows.map((r) => r.n));
    await deleteDocRows(db, rows.map((r) => r.n));
    await removeReports(db, ids);
    await db.meta.put({ ...meta, docs: Math.max(0, meta.docs - rows.length), len: Math.max(0, meta.len - rows.reduce((sum, r) => sum + r.len, 0)) });
    return rows.length;
  });
}

/**
 * The reports the index lacks, as their pages name no doc number for them. When the pages and the
 * index disagree on how many are indexed (an upgrade emptied the index, or doc rows written for
 * reports a row each), the numbers are read again from the doc pages first, a page at a time, and
 * every report page's numbers written again (no text): each report then has the number of its doc
 * row or none, and a report is never indexed twice.
 */
async function unindexed(db: IsnadDB): Promise<string[]> {
  const said = await unnumbered(db);
  if (said.numbered === (await readMeta(db)).docs) return said.ids;
  await db.transaction('rw', [db.pages, db.dpages], async () => numberEveryPage(db.pages, (await readDocNumbers(db.dpages)).ids));
  return (await unnumbered(db)).ids;
}

/** Indexes reports stored before the index existed (or before an upgrade emptied it), or left
 *  unindexed by a crash. Reports a row each (before v9) are moved into pages first: a page keeps
 *  the doc number of each of its reports. */
export async function ensureIndexed(db: IsnadDB, opts: { batch?: number; onProgress?: (done: number, total: number) => void | Promise<void> } = {}): Promise<number> {
  await moveToPages(db);
  const missing = await unindexed(db);
  if (missing.length === 0) return 0;
  let added = 0;
  const session: IndexSession = { keys: null, near: null };
  const batch = opts.batch ?? 2000;
  await opts.onProgress?.(0, missing.length);
  for (let i = 0; i < missing.length; i += batch) {
    const reports = (await getReports(db, missing.slice(i, i + batch))).filter((r): r is Report => !!r);
    // They are in `reports` already: indexed as they are, without the duplicate check.
    const res = await writeBatch(db, prepare(reports.map((r) => ({ ...r, keys: r.keys ?? reportKeys(r.url) }))), { stored: true, session });
    added += res.added.length;
    await compact(db);
    await opts.onProgress?.(Math.min(missing.length, i + batch), missing.length);
  }
  await compact(db, { all: true });
  return added;
}

/**
 * The postings of terms, with the index counters, read in one transaction (segments' term indexes
 * and blocks an earlier read kept are reused: they never change).
 */
export async function readPostings(db: IsnadDB, terms: readonly string[], early?: EarlyRead | null): ReturnType<typeof readSegments> {
  return readSegments(db, terms, early);
}

/**
 * Merges segments as the tiered policy asks, or with `all` every segment into one (the end of an
 * import). Terms past the saturation limit keep only their count. A merge is recorded in the
 * manifest before it starts and goes a slice of the term range per transaction; a merge a stopped
 * worker left half done is finished first.
 */
export async function compact(db: IsnadDB, opts: { all?: boolean; slice?: number; policy?: MergePolicy } = {}): Promise<number> {
  const merges = await compactSegments(db, { ...opts, limit: saturationLimit });
  if (opts.all) {
    // The end of an import: queries may keep the segments' columns again. What its merges read of
    // the segments they merged away (their doc columns and blocks, ≈ 13.6 MB at 100,000 reports)
    // goes now, not at the next query's read (bench/RESULTS.md, session 19 (warm20)).
    releaseColumns(db);
    cacheOf(db).keepOnly((await readManifest(db)).segs.map((x) => x.s));
  }
  return merges;
}
