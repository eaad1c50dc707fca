// Merging segments, the pure part: the postings of a run of terms from several segments, and their
// doc columns, without the documents deleted since. Doc numbers are global and each segment's
// ascend, so a term's merged postings are its segments' postings in doc-number order.
import type { DocColumns, DocValues } from './columns';
import { positionOf, valuesAt } from './columns';
import { Deletions } from './deletions';
import type { SegmentInfo } from './manifest';
import type { TermEntry } from './postings';

/** One input segment: its entries for the run (sorted by term), and whether a doc is still live. */
export interface MergeInput {
  entries: readonly TermEntry[];
  live: (n: number) => boolean;
}

/**
 * The inputs' entries merged by term. A term in more than `limit` documents keeps only its count
 * (saturated: too common to say much); a term left with no live document is dropped.
 */
export function mergeEntries(inputs: readonly MergeInput[], limit: number): TermEntry[] {
  const byTerm = new Map<string, Array<{ e: TermEntry; live: MergeInput['live'] }>>();
  for (const input of inputs) {
    for (const e of input.entries) {
      const list = byTerm.get(e.term);
      if (list) list.push({ e, live: input.live });
      else byTerm.set(e.term, [{ e, live: input.live }]);
    }
  }
  const out: TermEntry[] = [];
  for (const term of [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const parts = byTerm.get(term)!;
    let saturated = 0;
    const ids: number[] = [];
    const imp: number[] = [];
    for (const { e, live } of parts) {
      if (e.ids.length === 0 && e.df > 0) {
        // Its postings are gone: its count stays (deletions in it cannot be known).
        saturated += e.df;
        continue;
      }
      for (let k = 0; k < e.ids.length; k++) {
        const n = e.ids[k]!;
        if (!live(n)) continue;
        ids.push(n);
        imp.push(e.imp[k]!);
      }
    }
    const df = saturated + ids.length;
    if (df === 0) continue;
    if (saturated > 0 || df > limit) {
      out.push({ term, df, ids: [], imp: [] });
      continue;
    }
    if (!ascending(ids)) {
      const order = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
      out.push({ term, df, ids: order.map((i) => ids[i]!), imp: order.map((i) => imp[i]!) });
    } else out.push({ term, df, ids, imp });
  }
  return out;
}

function ascending(a: readonly number[]): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! <= a[i - 1]!) return false;
  return true;
}

/** The live documents of several segments' columns, in doc-number order. */
export function mergeColumns(inputs: ReadonlyArray<{ cols: DocColumns; live: (n: number) => boolean }>): DocValues[] {
  const out: DocValues[] = [];
  for (const { cols, live } of inputs) for (let i = 0; i < cols.n.length; i++) if (live(cols.n[i]!)) out.push(valuesAt(cols, i));
  return out.sort((a, b) => a.n - b.n);
}

/** Whether doc `n` is live in a segment (in its columns and not deleted). */
export function liveIn(cols: DocColumns, info: Pick<SegmentInfo, 'dels'>): (n: number) => boolean {
  const dels = info.dels ? Deletions.decode(info.dels) : null;
  // A merge asks this of every posting: a byte a doc number over the segment's range, worked out
  // once, rather than a search of the columns each time (≈ 5 s of a 100,000-report import).
  const first = cols.n.length ? cols.n[0]! : 0;
  const span = cols.n.length ? cols.n[cols.n.length - 1]! - first + 1 : 0;
  // Doc numbers far apart (many deleted between them, or a damaged row's): searched, not mapped.
  if (span > 8 * cols.n.length + 4096) {
    return (n) => {
      const i = positionOf(cols, n);
      return i >= 0 && !(dels?.has(i) ?? false);
    };
  }
  const live = new Uint8Array(span);
  for (let i = 0; i < cols.n.length; i++) if (!(dels?.has(i) ?? false)) live[cols.n[i]! - first] = 1;
  return (n) => n >= first && n - first < span && live[n - first] === 1;
}
