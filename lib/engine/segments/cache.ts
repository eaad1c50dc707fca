// Decoded blocks a running worker has read, kept for the next queries (news vocabulary is
// Zipfian: most of an article's terms were read by an earlier query). A segment never changes once
// written, so an entry is never stale: entries go when the budget needs room (least recently used
// first) or when their segment is merged away — never because something was written.
export class SegmentCache<V> {
  private readonly entries = new Map<string, { v: V; bytes: number; s: number }>();
  bytes = 0;

  constructor(
    readonly budget: number,
    private readonly sizeOf: (v: V) => number,
  ) {}

  private static key(s: number, part: number): string {
    return `${s}:${part}`;
  }

  get(s: number, part: number): V | undefined {
    const k = SegmentCache.key(s, part);
    const e = this.entries.get(k);
    if (!e) return undefined;
    // Most recently used last: eviction takes the first.
    this.entries.delete(k);
    this.entries.set(k, e);
    return e.v;
  }

  set(s: number, part: number, v: V): void {
    const k = SegmentCache.key(s, part);
    const bytes = this.sizeOf(v);
    // One entry may take at most half the budget: a huge block must not flush everything else.
    if (bytes > this.budget / 2) return;
    const old = this.entries.get(k);
    if (old) {
      this.entries.delete(k);
      this.bytes -= old.bytes;
    }
    this.entries.set(k, { v, bytes, s });
    this.bytes += bytes;
    for (const [key, e] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(key);
      this.bytes -= e.bytes;
    }
  }

  /** The live segments last kept (keepOnly), as a key. */
  private live: string | null = null;

  /** Drops every entry of segments no longer live (merged away). Every query calls it: with the
   *  same live segments as the last call it goes through no entries (a read of a segment that went
   *  since may have cached some; they go by age, and never answer for another segment). */
  keepOnly(live: Iterable<number>): void {
    const keep = new Set(live);
    const key = [...keep].join(',');
    if (key === this.live) return;
    this.live = key;
    for (const [key, e] of this.entries) {
      if (keep.has(e.s)) continue;
      this.entries.delete(key);
      this.bytes -= e.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.live = null;
  }
}
