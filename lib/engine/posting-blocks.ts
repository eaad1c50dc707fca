// The postings' storage format (schema v3). IndexedDB in Chromium costs about as much per row
// written as per 10 KB of data, so the postings of a batch are not one row per term (≈10 rows a
// report) but one row per bucket of terms: a term's bucket is a hash of it, a batch writes at most
// BUCKETS rows whatever its size, and a query reads one short range per bucket it needs.
// Rows of one bucket from several batches (segments) are merged by lib/corpus/compaction.ts.

/** Buckets of terms. At 100,000 reports a bucket holds ≈ 20 KB of postings. */
export const BUCKETS = 2048;

/** One bucket's postings from one segment: its terms sorted, each with a slice of ids and impacts. */
export interface BlockRow {
  b: number;
  s: number;
  /** Level of the segment: 0 for a batch, n + 1 for a merge of level-n segments. */
  lvl: number;
  terms: string[];
  /** terms.length + 1 offsets into ids / imp. */
  off: Uint32Array;
  /** Documents holding each term; kept when its postings were dropped for being too common. */
  df: Uint32Array;
  /** Doc numbers, ascending per term. */
  ids: Uint32Array;
  /** One-byte impacts, parallel to ids. */
  imp: Uint8Array;
}

/** A term's postings as read: parts in segment order (so ids ascend across them). */
export interface TermPostings {
  df: number;
  /** Set when some segment dropped the term's postings (too common to say much). */
  saturated: boolean;
  parts: Array<{ ids: Uint32Array; imp: Uint8Array }>;
}

export function bucketOf(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A term's postings collected while building a segment. */
export interface Collected {
  ids: number[];
  imp: number[];
  /** df when the postings were dropped (saturated), else undefined. */
  sat?: number;
}

/** Rows of a segment from its terms' postings (ids ascending per term). */
export function toRows(s: number, lvl: number, terms: Map<string, Collected>): BlockRow[] {
  const buckets = new Map<number, string[]>();
  for (const t of terms.keys()) {
    const b = bucketOf(t);
    const list = buckets.get(b);
    if (list) list.push(t);
    else buckets.set(b, [t]);
  }
  const rows: BlockRow[] = [];
  for (const [b, list] of buckets) {
    list.sort(byCode);
    let total = 0;
    for (const t of list) total += terms.get(t)!.ids.length;
    const off = new Uint32Array(list.length + 1);
    const df = new Uint32Array(list.length);
    const ids = new Uint32Array(total);
    const imp = new Uint8Array(total);
    let o = 0;
    list.forEach((t, i) => {
      const c = terms.get(t)!;
      off[i] = o;
      df[i] = c.sat ?? c.ids.length;
      ids.set(c.ids, o);
      imp.set(c.imp, o);
      o += c.ids.length;
    });
    off[list.length] = o;
    rows.push({ b, s, lvl, terms: list, off, df, ids, imp });
  }
  return rows;
}

function indexOf(row: BlockRow, t: string): number {
  let lo = 0;
  let hi = row.terms.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const v = row.terms[m]!;
    if (v === t) return m;
    if (v < t) lo = m + 1;
    else hi = m - 1;
  }
  return -1;
}

/** A term's postings from its bucket's rows (all segments, oldest first). */
export function postingsOf(rows: readonly BlockRow[], t: string): TermPostings {
  const out: TermPostings = { df: 0, saturated: false, parts: [] };
  for (const row of rows) {
    const i = indexOf(row, t);
    if (i < 0) continue;
    const from = row.off[i]!;
    const to = row.off[i + 1]!;
    out.df += row.df[i]!;
    if (to === from && row.df[i]! > 0) out.saturated = true;
    else out.parts.push({ ids: row.ids.subarray(from, to), imp: row.imp.subarray(from, to) });
  }
  return out;
}

/**
 * One bucket's rows (oldest segment first) merged into one row of segment `s`; a term in more
 * documents than `limit` keeps only its count.
 */
export function mergeRows(rows: readonly BlockRow[], s: number, lvl: number, limit: number): BlockRow {
  const terms = new Map<string, Collected>();
  for (const row of rows) {
    row.terms.forEach((t, i) => {
      let c = terms.get(t);
      if (!c) terms.set(t, (c = { ids: [], imp: [] }));
      const from = row.off[i]!;
      const to = row.off[i + 1]!;
      if (to === from && row.df[i]! > 0) c.sat = (c.sat ?? c.ids.length) + row.df[i]!;
      else if (c.sat !== undefined) c.sat += to - from;
      else for (let k = from; k < to; k++) {
        c.ids.push(row.ids[k]!);
        c.imp.push(row.imp[k]!);
      }
    });
  }
  for (const c of terms.values()) {
    const df = c.sat ?? c.ids.length;
    if (df > limit) c.sat = df;
    if (c.sat !== undefined) {
      c.ids = [];
      c.imp = [];
    }
  }
  const [row] = toRows(s, lvl, terms);
  return row ?? { b: rows[0]?.b ?? 0, s, lvl, terms: [], off: new Uint32Array(1), df: new Uint32Array(0), ids: new Uint32Array(0), imp: new Uint8Array(0) };
}

/** Bytes a row holds in memory, for the cache's budget. */
export function rowBytes(r: BlockRow): number {
  return r.ids.byteLength + r.imp.byteLength + r.off.byteLength + r.df.byteLength + r.terms.length * 24 + 64;
}
