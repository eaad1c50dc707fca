// The texts of the reports a worker showed lately, kept for the answer's second step: the shared
// phrases (lib/engine/explain.ts phrasesFor) read the text of each report shown, and a report's
// text is stored in a page of 64 (page-rows.ts): reading one text clones its page's ≈ 145 KB
// (bench/RESULTS.md, session 7: the second step went from 13.6 / 19.7 to 30.1 / 53.3 ms). The list
// is answered first and its reports' texts are read right after (`readAhead`), so that the second
// step, which follows the list within a few hundred ms, finds them here or on their way.
//
// A cache of reads, bounded in bytes: report-pages.ts forgets a report whenever it writes or
// deletes it, and a report a write overtook while it was read is not kept (`forgot`: by report,
// since the reader's path writes the article it looked up — a capture — while its list's texts are
// read ahead).
import type { Report } from '../types';

/** What the second step reads of a report. */
export type ReportText = Pick<Report, 'title' | 'text' | 'archivedAt'>;

/** UTF-16 bytes kept at most (≈ 400 reports of 5,000 characters; the worker's heap budget is 64 MB). */
export const TEXT_CACHE_BYTES = 4 * 1024 * 1024;

interface Entry {
  r: ReportText;
  bytes: number;
}

interface Cache {
  /** Bumped by every forget. */
  gen: number;
  /** The gen at which each report was last forgotten, while reads are under way. */
  forgot: Map<string, number>;
  /** Reads begun before this gen keep nothing (`forgot` grew past its bound and was cleared). */
  floor: number;
  bytes: number;
  /** Least recently used first. */
  rows: Map<string, Entry>;
  /** Reads under way, by report id: a second read of the same report waits for the first. */
  pending: Map<string, Promise<ReportText | undefined>>;
  /** How many reads are under way (`forgot` is needed only meanwhile). */
  reads: number;
}

/** Reports remembered as forgotten while reads are under way, at most (an import forgets each it stores). */
const FORGOT_MAX = 10_000;

const caches = new WeakMap<object, Cache>();

function cacheOf(db: object): Cache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { gen: 0, forgot: new Map(), floor: 0, bytes: 0, rows: new Map(), pending: new Map(), reads: 0 }));
  return c;
}

const sizeOf = (r: ReportText) => 2 * (r.title.length + r.text.length + (r.archivedAt?.length ?? 0)) + 64;

function keep(c: Cache, id: string, r: ReportText): void {
  const bytes = sizeOf(r);
  // One report may take at most an eighth of the budget: a huge text must not flush the others.
  if (bytes > TEXT_CACHE_BYTES / 8) return;
  const old = c.rows.get(id);
  if (old) {
    c.rows.delete(id);
    c.bytes -= old.bytes;
  }
  c.rows.set(id, { r: { title: r.title, text: r.text, ...(r.archivedAt ? { archivedAt: r.archivedAt } : {}) }, bytes });
  c.bytes += bytes;
  for (const [k, e] of c.rows) {
    if (c.bytes <= TEXT_CACHE_BYTES) break;
    c.rows.delete(k);
    c.bytes -= e.bytes;
  }
}

/**
 * The texts of reports `ids`, in the order asked (undefined for a report not stored): kept ones,
 * reads under way, and the rest read with `read` (one call) and kept.
 */
export async function cachedTexts(db: object, ids: readonly string[], read: (ids: string[]) => Promise<Array<ReportText | undefined>>): Promise<Array<ReportText | undefined>> {
  const c = cacheOf(db);
  const out = new Map<string, ReportText | undefined | Promise<ReportText | undefined>>();
  const missing: string[] = [];
  for (const id of ids) {
    if (out.has(id) || missing.includes(id)) continue;
    const hit = c.rows.get(id);
    if (hit) {
      // Most recently used last: eviction takes the first.
      c.rows.delete(id);
      c.rows.set(id, hit);
      out.set(id, hit.r);
    } else if (c.pending.has(id)) out.set(id, c.pending.get(id)!);
    else missing.push(id);
  }
  if (missing.length) {
    const gen = c.gen;
    c.reads++;
    try {
      const reading = read(missing);
      missing.forEach((id, i) => {
        const one = reading.then((rs) => rs[i]);
        one.catch(() => undefined); // the read's failure is told once, below
        out.set(id, one);
        c.pending.set(id, one);
      });
      const got = await reading;
      const overtaken = (id: string) => gen < c.floor || (c.forgot.get(id) ?? -1) > gen;
      missing.forEach((id, i) => got[i] && !overtaken(id) && keep(c, id, got[i]));
    } finally {
      for (const id of missing) if (c.pending.get(id) === out.get(id)) c.pending.delete(id);
      c.reads--;
      if (c.reads === 0) c.forgot.clear();
    }
  }
  return Promise.all(ids.map((id) => out.get(id)));
}

/** Reads the texts of reports `ids` into the cache, in the background (a failed read is only not kept). */
export function readAhead(db: object, ids: readonly string[], read: (ids: string[]) => Promise<Array<ReportText | undefined>>): void {
  if (ids.length) cachedTexts(db, ids, read).catch(() => undefined);
}

/** Called when reports are written or deleted (report-pages.ts): their texts are read again. */
export function forgetTexts(db: object, ids: Iterable<string>): void {
  const c = cacheOf(db);
  c.gen++;
  for (const id of ids) {
    if (c.reads > 0) c.forgot.set(id, c.gen);
    const e = c.rows.get(id);
    if (e) {
      c.rows.delete(id);
      c.bytes -= e.bytes;
    }
    // A read under way may have begun before the write: the next one reads again.
    c.pending.delete(id);
  }
  if (c.forgot.size > FORGOT_MAX) {
    c.forgot.clear();
    c.floor = c.gen;
  }
}

/** What the cache holds (tests). */
export function textCacheStats(db: object): { rows: number; bytes: number; ids: string[] } {
  const c = cacheOf(db);
  return { rows: c.rows.size, bytes: c.bytes, ids: [...c.rows.keys()] };
}
