// The persistent inverted index: written incrementally, one segment per batch, in the same
// transaction as the reports it indexes; read by lib/xref/search.ts straight from IndexedDB.
//
// Postings hold, per (term, doc), a one-byte impact: the BM25 term-frequency part already
// normalised by the doc's length (against the average length when it was indexed), so a query
// scores candidates from postings alone and reads doc rows only for the best few.
import Dexie from 'dexie';
import type { Report, ReportRecord } from '../types';
import { analyse, type Features } from '../xref/features';
import { bands, hamming, NEAR_DUPLICATE_BITS } from '../xref/simhash';
import type { IsnadDB } from './db';
import { reportKeys, reportId, textKey } from './ids';
import { forget } from './postings-cache';
import type { DocRow, IndexMeta, PostingRow } from './index-types';

export const K1 = 1.2;
export const B = 0.75;
/** Impacts are stored as round(weight × IMPACT_SCALE) in a byte; weights are below K1 + 1. */
export const IMPACT_SCALE = 100;
/** A term's segments are merged into one row when a query meets more than this many. */
export const MAX_SEGMENTS = 4;

/** Terms in more docs than this lose their postings (a word in 5% of a big corpus says little). */
export function saturationLimit(docs: number): number {
  return Math.max(1000, Math.floor(docs * 0.05));
}

export function emptyMeta(): IndexMeta {
  return { k: 'index', docs: 0, len: 0, nextN: 1, nextSeg: 1 };
}

export async function readMeta(db: IsnadDB): Promise<IndexMeta> {
  return ((await db.meta.get('index')) as IndexMeta | undefined) ?? emptyMeta();
}

/** BM25's term-frequency part for a count in a doc of a given length. */
export function impact(tf: number, len: number, avgLen: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / Math.max(1, avgLen)));
}

/** Entity terms share the postings with words, under a prefix no word can have. */
export const entityTerm = (id: string) => `@${id}`;

export function toReport(r: ReportRecord, origin: Report['origin'], importId: string, now = Date.now(), extraUrls: string[] = []): Report {
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
    keys: reportKeys(r.url, ...extraUrls),
  };
}

interface Prepared {
  report: Report;
  f: Features;
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

function docRow(n: number, p: Prepared, dup: number | null): DocRow {
  const { report: r, f } = p;
  return {
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
    mh: f.phrases,
    b: bands(f.fingerprint),
    dup,
    imp: r.importId,
    tk: textKey(r.text),
  };
}

/**
 * Stores and indexes a batch in one transaction: a report already known under any of its URLs
 * (or the same id) is a duplicate and is skipped; near-duplicate texts join a group.
 */
export async function writeBatch(db: IsnadDB, batch: Prepared[], opts: { stored?: boolean } = {}): Promise<BatchResult> {
  return db.transaction('rw', [db.reports, db.docs, db.postings, db.meta], async () => {
    const meta = await readMeta(db);
    // Point lookups rather than anyOf(): one key range each, cheap on every IndexedDB.
    const keys = opts.stored ? [] : [...new Set(batch.flatMap((p) => p.report.keys ?? []))];
    const hits = await Promise.all(keys.map((k) => db.reports.where('keys').equals(k).primaryKeys()));
    const known = new Set<string>(keys.filter((_, i) => hits[i]!.length > 0));
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

    // Near-duplicates: candidates share a SimHash band with a new text, in the corpus or the batch.
    const allBands = [...new Set(fresh.flatMap((p) => bands(p.f.fingerprint)))];
    const byBand = new Map<string, DocRow[]>();
    const touched = new Map<number, DocRow>();
    const seen = new Set<number>();
    for (const list of await Promise.all(allBands.map((b) => db.docs.where('b').equals(b).toArray()))) {
      for (const d of list) {
        if (seen.has(d.n)) continue;
        seen.add(d.n);
        for (const b of d.b) (byBand.get(b) ?? byBand.set(b, []).get(b)!).push(d);
      }
    }
    const rows: DocRow[] = [];
    let n = meta.nextN;
    for (const p of fresh) {
      let dup: number | null = null;
      for (const b of bands(p.f.fingerprint)) {
        for (const d of byBand.get(b) ?? []) {
          if (hamming(d.h, p.f.fingerprint) <= NEAR_DUPLICATE_BITS) {
            if (d.dup === null) {
              d.dup = d.n;
              if (d.n < meta.nextN) touched.set(d.n, d);
            }
            dup = d.dup;
            break;
          }
        }
        if (dup !== null) break;
      }
      const row = docRow(n++, p, dup);
      rows.push(row);
      for (const b of row.b) (byBand.get(b) ?? byBand.set(b, []).get(b)!).push(row);
    }

    // One segment of postings for the batch: every term of every new doc, with its impact.
    const docs = meta.docs + rows.length;
    const totalLen = meta.len + rows.reduce((s, r) => s + r.len, 0);
    const avgLen = totalLen / docs;
    const seg = new Map<string, { ids: number[]; w: number[] }>();
    const post = (t: string, id: number, w: number) => {
      let e = seg.get(t);
      if (!e) seg.set(t, (e = { ids: [], w: [] }));
      e.ids.push(id);
      e.w.push(Math.max(1, Math.min(255, Math.round(w * IMPACT_SCALE))));
    };
    fresh.forEach((p, i) => {
      const row = rows[i]!;
      for (const [t, tf] of p.f.terms) post(t, row.n, impact(tf, row.len, avgLen));
      for (const e of p.f.entities) post(entityTerm(e.id), row.n, impact(2, row.len, avgLen));
    });
    const s = meta.nextSeg;
    const postings: PostingRow[] = [];
    for (const [t, e] of seg) postings.push({ t, s, ids: Uint32Array.from(e.ids), tf: Uint8Array.from(e.w) });

    forget(db, seg.keys());
    await db.reports.bulkPut(fresh.map((p) => p.report));
    await db.docs.bulkPut([...rows, ...touched.values()]);
    await db.postings.bulkPut(postings);
    await db.meta.put({ ...meta, docs, len: totalLen, nextN: n, nextSeg: s + 1 });
    return { added: fresh.map((p) => p.report), duplicates };
  });
}

/** Analyses and indexes reports in batches; returns what was added and what was a duplicate. */
export async function indexReports(db: IsnadDB, reports: Report[], batchSize = 500): Promise<BatchResult> {
  const out: BatchResult = { added: [], duplicates: [] };
  for (let i = 0; i < reports.length; i += batchSize) {
    const r = await writeBatch(db, prepare(reports.slice(i, i + batchSize)));
    out.added.push(...r.added);
    out.duplicates.push(...r.duplicates);
  }
  return out;
}

/**
 * Deletes reports and their doc rows. Their postings stay until their terms are next merged
 * (search skips doc numbers with no doc row); the counts used for idf drop at once.
 */
export async function deleteReports(db: IsnadDB, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction('rw', [db.reports, db.docs, db.meta], async () => {
    const rows = (await db.docs.where('id').anyOf(ids).toArray()) as DocRow[];
    const meta = await readMeta(db);
    await db.docs.bulkDelete(rows.map((r) => r.n));
    await db.reports.bulkDelete(ids);
    await db.meta.put({ ...meta, docs: Math.max(0, meta.docs - rows.length), len: Math.max(0, meta.len - rows.reduce((s, r) => s + r.len, 0)) });
    return rows.length;
  });
}

/** Indexes reports stored before the index existed (schema v1), or left unindexed by a crash. */
export async function ensureIndexed(db: IsnadDB): Promise<number> {
  const indexed = new Set((await db.docs.orderBy('id').keys()) as string[]);
  const missing = (await db.reports.toCollection().primaryKeys()).filter((id) => !indexed.has(id));
  if (missing.length === 0) return 0;
  let added = 0;
  for (let i = 0; i < missing.length; i += 500) {
    const reports = (await db.reports.bulkGet(missing.slice(i, i + 500))).filter((r): r is Report => !!r);
    // They are in `reports` already: indexed as they are, without the duplicate check.
    const res = await writeBatch(db, prepare(reports.map((r) => ({ ...r, keys: r.keys ?? reportKeys(r.url) }))), { stored: true });
    added += res.added.length;
  }
  return added;
}

/** All segments of a term, oldest first. */
export function termRows(db: IsnadDB, t: string): Promise<PostingRow[]> {
  return db.postings.where('[t+s]').between([t, Dexie.minKey], [t, Dexie.maxKey]).toArray();
}

/** Merges a term's segments into one row (dropping postings of a saturated term). */
export async function mergeTerm(db: IsnadDB, t: string): Promise<void> {
  await db.transaction('rw', [db.postings, db.meta], async () => {
    const rows = await termRows(db, t);
    if (rows.length <= 1) return;
    const meta = await readMeta(db);
    const df = rows.reduce((s, r) => s + (r.sat ?? r.ids.length), 0);
    let merged: PostingRow;
    if (df > saturationLimit(meta.docs) || rows.some((r) => r.sat)) {
      merged = { t, s: rows[0]!.s, ids: new Uint32Array(0), tf: new Uint8Array(0), sat: df };
    } else {
      const ids = new Uint32Array(df);
      const tf = new Uint8Array(df);
      let o = 0;
      for (const r of rows) {
        ids.set(r.ids, o);
        tf.set(r.tf, o);
        o += r.ids.length;
      }
      merged = { t, s: rows[0]!.s, ids, tf };
    }
    forget(db, [t]);
    await db.postings.bulkDelete(rows.slice(1).map((r) => [r.t, r.s] as [string, number]));
    await db.postings.put(merged);
  });
}
