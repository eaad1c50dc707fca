// Merging segments, the pure part: the postings of a run of terms from several segments, and their
// doc columns, without the documents deleted since. Doc numbers are global and each segment's
// ascend, so a term's merged postings are its segments' postings in doc-number order.
import type { DocColumns, DocValues } from './columns';
import { positionOf, valuesAt } from './columns';
import { Deletions } from './deletions';
import type { SegmentInfo } from './manifest';
import type { TermEntry } from './postings';

/** One input segment: its entries for the run (sorted by term, each term once, as its blocks hold
 *  them), and whether a doc is still live. */
export interface MergeInput {
  entries: readonly TermEntry[];
  live: (n: number) => boolean;
}

/**
 * The inputs' entries merged by term, walking them side by side (each is sorted). A term in more
 * than `limit` documents keeps only its count (saturated: too common to say much); a term left with
 * no live document is dropped. A term's merged postings are typed arrays sized once (growing number
 * arrays a posting at a time made most of a merge's garbage: a heap profile of an import, session 8).
 */
export function mergeEntries(inputs: readonly MergeInput[], limit: number): TermEntry[] {
  const at = new Array<number>(inputs.length).fill(0);
  const holding: number[] = [];
  const out: TermEntry[] = [];
  let previous: string | null = null;
  for (;;) {
    let term: string | null = null;
    for (let i = 0; i < inputs.length; i++) {
      const e = inputs[i]!.entries[at[i]!];
      if (e && (term === null || e.term < term)) term = e.term;
    }
    if (term === null) return out;
    if (previous !== null && !(term > previous)) throw new RangeError(`merge inputs not sorted by term: ${term} after ${previous}`);
    previous = term;
    holding.length = 0;
    let saturated = 0;
    let total = 0;
    for (let i = 0; i < inputs.length; i++) {
      const e = inputs[i]!.entries[at[i]!];
      if (!e || e.term !== term) continue;
      at[i]!++;
      // Its postings are gone: its count stays (deletions in it cannot be known).
      if (e.ids.length === 0 && e.df > 0) saturated += e.df;
      else {
        holding.push(i);
        total += e.ids.length;
      }
    }
    const merged = live(inputs, holding, at, total);
    const df = saturated + merged.ids.length;
    if (df === 0) continue;
    if (saturated > 0 || df > limit) out.push({ term, df, ids: [], imp: [] });
    else out.push({ term, df, ...(ascending(merged.ids) ? merged : byNumber(merged.ids, merged.imp)) });
  }
}

/** The live postings of the entries just passed (`at[i] - 1` of each input in `holding`). */
function live(inputs: readonly MergeInput[], holding: readonly number[], at: readonly number[], total: number): { ids: ArrayLike<number>; imp: ArrayLike<number> } {
  // One input, every posting live (most terms): its arrays as they are.
  if (holding.length === 1) {
    const { entries, live: isLive } = inputs[holding[0]!]!;
    const e = entries[at[holding[0]!]! - 1]!;
    let k = 0;
    while (k < e.ids.length && isLive(e.ids[k]!)) k++;
    if (k === e.ids.length) return { ids: e.ids, imp: e.imp };
  }
  const ids = new Uint32Array(total);
  const imp = new Uint8Array(total);
  let m = 0;
  for (const i of holding) {
    const { entries, live: isLive } = inputs[i]!;
    const e = entries[at[i]! - 1]!;
    for (let k = 0; k < e.ids.length; k++) {
      const n = e.ids[k]!;
      if (!isLive(n)) continue;
      ids[m] = n;
      imp[m++] = e.imp[k]!;
    }
  }
  return { ids: ids.subarray(0, m), imp: imp.subarray(0, m) };
}

function byNumber(ids: ArrayLike<number>, imp: ArrayLike<number>): { ids: Uint32Array; imp: Uint8Array } {
  const order = Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  return { ids: Uint32Array.from(order, (i) => ids[i]!), imp: Uint8Array.from(order, (i) => imp[i]!) };
}

function ascending(a: ArrayLike<number>): boolean {
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
