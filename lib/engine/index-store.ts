// The persistent inverted index: written incrementally, one immutable segment per batch, in the
// same transaction as the reports it indexes; read by lib/engine/search.ts straight from
// IndexedDB. Segments (lib/engine/segments: a few dozen rows each) are merged by a tiered policy
// while an import runs and into one at its end (compact(), below), so a query reads a block per
// term from a handful of segments.
//
// Postings hold, per (term, doc), a one-byte impact: the BM25 term-frequency part already
// normalised by the doc's length (against the average length when it was indexed), so a query
// scores candidates from postings alone and reads doc rows only for the best few.
import type { Report, ReportRecord } from '../types';
import { analyse, type Features } from './features';
import { compact as compactSegments, markDeleted, readManifest, readPostings as readSegments, segmentRows, type Collected, type TermPostings } from './segments/store';
import { withSegment, type Manifest } from './segments/manifest';
import { DEFAULT_POLICY } from './segments/merge-policy';
import { forgetDocs } from './doc-cache';
import type { IsnadDB } from '../db';
import { reportIdAndKeys, reportKeys, textKey } from '../corpus/ids';
import type { StoredDoc } from './index-types';
import { storedDoc } from './doc-rows';
import { loadNearDupIndex, printRow, type NearDupIndex } from './near-dups';
import { signatureFields } from './event-sigs';
import type { EventSignature } from '../events';

export const K1 = 1.2;
export const B = 0.75;
/** Impacts are stored as round(weight × IMPACT_SCALE) in a byte; weights are below K1 + 1. */
export const IMPACT_SCALE = 100;
/** Segments of one tier merged into one of the next (lib/engine/segments/merge-policy.ts). */
export const FANOUT = DEFAULT_POLICY.fanout;

/** Terms in more docs than this lose their postings (a word in 5% of a big corpus says little). */
export function saturationLimit(docs: number): number {
  return Math.max(1000, Math.floor(docs * 0.05));
}

/** The index's counters and live segments (the manifest). */
export const readMeta = (db: IsnadDB): Promise<Manifest> => readManifest(db);

/** BM25's term-frequency part for a count in a doc of a given length. */
export function impact(tf: number, len: number, avgLen: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / Math.max(1, avgLen)));
}

/** A weight as stored: a byte, never 0 (a posting is there). */
export const impactByte = (w: number) => Math.max(1, Math.min(255, Math.round(w * IMPACT_SCALE)));

/** Entity terms share the postings with words, under a prefix no word can have. */
export const entityTerm = (id: string) => `@${id}`;

export function toReport(r: ReportRecord, origin: Report['origin'], importId: string, now = Date.now(), extraUrls: string[] = []): Report {
  const { id, keys } = reportIdAndKeys(r.url, r.text, r.archiveUrl ? [...extraUrls, r.archiveUrl] : extraUrls);
  return {
    id,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    publishedAt: r.publishedAt,
    text: r.text,
    origin,
    importId,
    addedAt: now,
    keys,
    ...(r.archivedAt ? { archivedAt: r.archivedAt } : {}),
    ...(r.archiveUrl ? { archiveUrl: r.archiveUrl } : {}),
  };
}

export interface Prepared {
  report: Report;
  f: Features;
  /** The text's key when the analysis brought it (else worked out when the doc row is). */
  tk?: string;
  /** The event signature when the analysis brought it (else worked out when the doc row is). */
  sig?: EventSignature;
}

/** The CPU half of indexing (text analysis), kept outside any transaction. */
export function prepare(reports: Report[]): Prepared[] {
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
  keys: Set<string> | null;
  near: NearDupIndex | null;
}

/** A session for a run of `records` reports: big runs read every known URL key once. */
export async function openSession(db: IsnadDB, records: number): Promise<IndexSession> {
  const docs = (await readMeta(db)).docs;
  // Reading all keys costs about as much as 1 lookup per 20 keys held.
  const keys = records * 20 >= docs ? new Set((await db.reports.orderBy('keys').keys()) as string[]) : null;
  return { keys, near: null };
}

// The near-duplicate index of a worker's last writes, kept between single captures.
const nearCache = new WeakMap<IsnadDB, NearDupIndex>();

function docRow(n: number, p: Prepared, dup: number | null): StoredDoc {
  const { report: r, f } = p;
  return storedDoc({
    n,
    id: r.id,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    publishedAt: r.publishedAt,
    day: f.day,
    len: f.len,
    e: f.entities.map((e) => e.id),
    en: f.entities.map((e) => e.name),
    et: f.entities.map((e) => e.type),
    src: f.sources,
    h: f.fingerprint,
    // 100 bytes as a typed array against 224 as numbers: the doc rows are most of the index.
    mh: Uint32Array.from(f.phrases),
    dup,
    imp: r.importId,
    tk: p.tk ?? textKey(r.text),
    ...signatureFields(r.title, r.text, r.publishedAt, p.sig),
  });
}

async function knownUrls(db: IsnadDB, keys: string[], session: IndexSession | undefined): Promise<Set<string>> {
  if (session?.keys) return new Set(keys.filter((k) => session.keys!.has(k)));
  // Point lookups rather than anyOf(): one key range each, cheap on every IndexedDB.
  const hits = await Promise.all(keys.map((k) => db.reports.where('keys').equals(k).primaryKeys()));
  return new Set<string>(keys.filter((_, i) => hits[i]!.length > 0));
}

/**
 * Stores and indexes a batch in one transaction: a report already known under any of its URLs
 * (or the same id) is a duplicate and is skipped; near-duplicate texts join a group.
 */
export async function writeBatch(db: IsnadDB, batch: Prepared[], opts: { stored?: boolean; session?: IndexSession } = {}): Promise<BatchResult> {
  const session = opts.session;
  return db.transaction('rw', [db.reports, db.docs, db.segs, db.prints, db.meta], async () => {
    const meta = await readMeta(db);
    const keys = opts.stored ? [] : [...new Set(batch.flatMap((p) => p.report.keys ?? []))];
    const known = await knownUrls(db, keys, session);
    // A report without a URL is keyed by its text: its id is the key to look for.
    const noUrl = opts.stored ? [] : batch.filter((p) => !p.report.keys?.length).map((p) => p.report.id);
    const idHits = await Promise.all(noUrl.map((id) => db.reports.where(':id').equals(id).primaryKeys()));
    const knownIds = new Set<string>(noUrl.filter((_, i) => idHits[i]!.length > 0));
    const fresh: Prepared[] = [];
    const duplicates: Report[] = [];
    for (const p of batch) {
      const ks = p.report.keys ?? [];
      if (knownIds.has(p.report.id) || ks.some((k) => known.has(k))) {
        duplicates.push(p.report);
        continue;
      }
      knownIds.add(p.report.id);
      for (const k of ks) known.add(k);
      fresh.push(p);
    }
    if (fresh.length === 0) return { added: [], duplicates };

    // Near-duplicates: a stored or new text within a few bits of the new one's fingerprint.
    const near = session?.near ?? nearCache.get(db) ?? (await loadNearDupIndex(db));
    const rows: StoredDoc[] = [];
    const firsts = new Map<number, StoredDoc | undefined>();
    let n = meta.nextN;
    for (const p of fresh) {
      const other = near.find(p.f.fingerprint);
      let dup: number | null = null;
      if (other !== null) {
        const mine = rows.find((r) => r.n === other);
        const first = mine ?? (firsts.has(other) ? firsts.get(other) : await db.docs.get(other));
        if (!mine) firsts.set(other, first);
        // A deleted report is no group to join.
        if (first) {
          if (first.dup === null) first.dup = first.n;
          dup = first.dup;
        }
      }
      const row = docRow(n++, p, dup);
      rows.push(row);
      near.add(row.n, row.h);
    }

    // One segment of postings for the batch: every term of every new doc, with its impact.
    const docs = meta.docs + rows.length;
    const totalLen = meta.len + rows.reduce((sum, r) => sum + r.len, 0);
    const avgLen = totalLen / docs;
    const seg = new Map<string, Collected>();
    // The hottest loop of an import (≈ 150 postings a report): no closure, one lookup a posting.
    fresh.forEach((p, i) => {
      const row = rows[i]!;
      const norm = K1 * (1 - B + (B * row.len) / Math.max(1, avgLen));
      for (const [t, tf] of p.f.terms) {
        let e = seg.get(t);
        if (!e) seg.set(t, (e = { ids: [], imp: [] }));
        e.ids.push(row.n);
        e.imp.push(impactByte((tf * (K1 + 1)) / (tf + norm)));
      }
      const entityImp = impactByte(impact(2, row.len, avgLen));
      for (const ent of p.f.entities) {
        const t = entityTerm(ent.id);
        let e = seg.get(t);
        if (!e) seg.set(t, (e = { ids: [], imp: [] }));
        e.ids.push(row.n);
        e.imp.push(entityImp);
      }
    });
    const s = meta.nextSeg;
    const written = segmentRows(s, seg, rows.map((d) => ({ n: d.n, day: d.day, outlet: d.outlet, len: d.len, h: d.h, dup: d.dup, entities: d.e, sources: d.src })));
    const older = [...firsts.values()].filter((d): d is StoredDoc => !!d);
    forgetDocs(db, older.map((d) => d.n));
    // Every write is issued before any is awaited: IndexedDB stores the reports while this
    // thread encodes the doc rows and the segment (awaiting each bulkPut left one side idle).
    await Promise.all([
      db.reports.bulkPut(fresh.map((p) => p.report)),
      db.docs.bulkPut([...rows, ...older]),
      db.segs.bulkPut(written.rows),
      db.prints.put(printRow(s, rows)),
      db.meta.put(withSegment(meta, written.info, { docs: rows.length, len: totalLen - meta.len, nextN: n })),
    ]);
    if (session) {
      session.near = near;
      for (const p of fresh) for (const k of p.report.keys ?? []) session.keys?.add(k);
    } else nearCache.set(db, near);
    return { added: fresh.map((p) => p.report), duplicates };
  }).catch((e: unknown) => {
    // The in-memory near-duplicate index may hold docs the failed transaction did not write.
    nearCache.delete(db);
    if (session) session.near = null;
    throw e;
  });
}

/**
 * The stored report of the same outlet whose text this one is (within the near-duplicate
 * distance, so a page's extraction that differs by a line still matches), whatever its URL: the
 * built-in copy of the article being read, or the same story captured under another address.
 */
export async function storedCopyOf(db: IsnadDB, p: Prepared): Promise<Report | null> {
  const near = nearCache.get(db) ?? (await loadNearDupIndex(db));
  const n = near.find(p.f.fingerprint);
  if (n === null) return null;
  const first = await db.docs.get(n);
  if (!first) return null;
  let mine: StoredDoc | undefined = first.outlet === p.report.outlet ? first : undefined;
  // The nearest text is another outlet's copy (a wire story): look in its group for this outlet's.
  if (!mine && first.dup !== null) mine = await db.docs.where('outlet').equals(p.report.outlet).filter((d) => d.dup === first.dup).first();
  return mine ? ((await db.reports.get(mine.id)) ?? null) : null;
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
  await db.transaction('rw', [db.reports, db.docs], async () => {
    await db.reports.put(merged);
    const row = await db.docs.where('id').equals(stored.id).first();
    if (!row) return;
    const day = stored.publishedAt ? row.day : capture.f.day;
    // The title or date may be the capture's now: the event signature is read from them again.
    await db.docs.put({ ...row, url: merged.url, title: merged.title, publishedAt: merged.publishedAt, day, ...signatureFields(merged.title, merged.text, merged.publishedAt) });
    forgetDocs(db, [row.n]);
  });
  return merged;
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
  return out;
}

/**
 * Deletes reports and their doc rows. Their postings stay until their segment is merged (search
 * skips doc numbers with no doc row); the counts used for idf drop at once.
 */
export async function deleteReports(db: IsnadDB, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction('rw', [db.reports, db.docs, db.segs, db.meta], async () => {
    const rows = await db.docs.where('id').anyOf(ids).toArray();
    // Segments are never rewritten: their deleted documents are bits, left out when one is merged.
    const meta = await markDeleted(db, await readMeta(db), rows.map((r) => r.n));
    forgetDocs(db, rows.map((r) => r.n));
    await db.docs.bulkDelete(rows.map((r) => r.n));
    await db.reports.bulkDelete(ids);
    await db.meta.put({ ...meta, docs: Math.max(0, meta.docs - rows.length), len: Math.max(0, meta.len - rows.reduce((sum, r) => sum + r.len, 0)) });
    return rows.length;
  });
}

/** Indexes reports stored before the index existed (or before an upgrade emptied it), or left unindexed by a crash. */
export async function ensureIndexed(db: IsnadDB): Promise<number> {
  const indexed = new Set((await db.docs.orderBy('id').keys()) as string[]);
  const missing = (await db.reports.toCollection().primaryKeys()).filter((id) => !indexed.has(id));
  if (missing.length === 0) return 0;
  let added = 0;
  const session: IndexSession = { keys: null, near: null };
  for (let i = 0; i < missing.length; i += 2000) {
    const reports = (await db.reports.bulkGet(missing.slice(i, i + 2000))).filter((r): r is Report => !!r);
    // They are in `reports` already: indexed as they are, without the duplicate check.
    const res = await writeBatch(db, prepare(reports.map((r) => ({ ...r, keys: r.keys ?? reportKeys(r.url) }))), { stored: true, session });
    added += res.added.length;
    await compact(db);
  }
  await compact(db, { all: true });
  return added;
}


/**
 * The postings of terms, with the index counters, read in one transaction (segments' term indexes
 * and blocks an earlier read kept are reused: they never change).
 */
export async function readPostings(db: IsnadDB, terms: readonly string[]): Promise<{ meta: Manifest; postings: Map<string, TermPostings>; blocks: number }> {
  return readSegments(db, terms);
}

/**
 * Merges segments as the tiered policy asks, or with `all` every segment into one (the end of an
 * import). Terms past the saturation limit keep only their count. A merge is recorded in the
 * manifest before it starts and goes a slice of the term range per transaction; a merge a stopped
 * worker left half done is finished first.
 */
export function compact(db: IsnadDB, opts: { all?: boolean; slice?: number } = {}): Promise<number> {
  return compactSegments(db, { ...opts, limit: saturationLimit });
}
