// Which segments to merge, as a pure function of their sizes (Lucene's tiered policy, simplified).
// Every batch of an import writes a small segment; a query reads a block per term per segment, so
// segments must stay few, but rewriting big ones often costs more than it saves. Segments are
// tiered by live size (a tier is `fanout` times the one below, from `floor` documents up); when a
// tier holds `fanout` segments, its smallest `fanout` are merged into one of the next tier. A
// segment whose share of deleted documents passes `deletedShare` is rewritten without them.
export interface MergePolicy {
  fanout: number;
  /** Documents below which every segment is in the first tier. */
  floor: number;
  deletedShare: number;
}

export const DEFAULT_POLICY: MergePolicy = { fanout: 8, floor: 2000, deletedShare: 0.3 };

/**
 * While an import writes its parts (of 1,000 or 2,000 reports), which all end merged into one
 * segment anyway: the floor at a part's size, so that a merged segment leaves the first tier rather
 * than being merged again there (the default's 1,000 → 8,000 → 15,000 → …), and a wider fanout. A
 * 100,000-report import rewrote 188,000 reports' postings in its merges before its last, 96,000
 * now (bench/RESULTS.md, session 8: 113 MB of segment rows written for 19 MB kept); a query meanwhile
 * reads up to 30 segments instead of 16.
 */
export const IMPORT_POLICY: MergePolicy = { fanout: 16, floor: 1000, deletedShare: 0.3 };

export interface SegmentSize {
  s: number;
  docs: number;
  del: number;
}

export function tierOf(live: number, p: MergePolicy = DEFAULT_POLICY): number {
  let tier = 0;
  for (let size = p.floor * p.fanout; live >= size && tier < 32; size *= p.fanout) tier++;
  return tier;
}

/**
 * The segments to merge next (ascending numbers), or [] when none need it. With `all`, every
 * segment (the end of an import: a query then reads one block per term).
 */
export function pickMerge(segs: readonly SegmentSize[], opts: { all?: boolean; policy?: MergePolicy } = {}): number[] {
  const p = opts.policy ?? DEFAULT_POLICY;
  if (opts.all) return segs.length > 1 || (segs.length === 1 && segs[0]!.del > 0) ? segs.map((x) => x.s).sort((a, b) => a - b) : [];
  const tiers = new Map<number, SegmentSize[]>();
  for (const x of segs) {
    const t = tierOf(x.docs - x.del, p);
    const list = tiers.get(t);
    if (list) list.push(x);
    else tiers.set(t, [x]);
  }
  for (const t of [...tiers.keys()].sort((a, b) => a - b)) {
    const list = tiers.get(t)!;
    if (list.length < p.fanout) continue;
    const smallest = [...list].sort((a, b) => a.docs - a.del - (b.docs - b.del) || a.s - b.s).slice(0, p.fanout);
    return smallest.map((x) => x.s).sort((a, b) => a - b);
  }
  const worn = segs.find((x) => x.docs > 0 && x.del / x.docs >= p.deletedShare);
  return worn ? [worn.s] : [];
}
