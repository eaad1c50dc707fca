// An import's terms numbered once for all its parts, and kept in term order as they come. A part of
// 2,000 reports names ≈ 12,000 terms, nearly all named by the parts before it: each part hashed
// every one into a map of its own and sorted them all as strings again (≈ a third of a part's
// postings in the service worker, bench/RESULTS.md session 23 (import-s23)). Here a term already
// numbered is found by its number (a part's words by their index in the job's word tables), and a
// part's terms are put in order by their ranks, numbers: only the terms new to the import are
// sorted as strings and placed among the others. The order is the strings' (`<`, by UTF-16 code
// units), as a block is searched: the same blocks as sorting the part's terms.
import { entityTerm } from './bm25';
import { grownMemo } from './lexicon';
import { storable } from './segments/postings';

/** Terms a dictionary numbers before the import's next part starts another (a hostile file's
 *  terms are all new: its memory stays bounded). */
const MOST_TERMS = 1_000_000;
/** A part's slots fit below this in a sort key beside their rank (a float's 53 bits: ranks below 2^32). */
const SLOTS = 2 ** 21;

export class TermRanks {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  private readonly byIndex = new WeakMap<readonly string[], Int32Array>();
  private readonly entities = new Map<string, number>();
  /** The storable terms' numbers in term order, and each number's place in it (−1: not storable). */
  private sorted: number[] = [];
  private rank = new Int32Array(0);
  /** Numbers from this one on are not placed in `sorted` yet. */
  private ranked = 0;

  get size(): number {
    return this.list.length;
  }

  /** Too many terms to keep numbering (a session starts another). */
  get full(): boolean {
    return this.list.length > MOST_TERMS;
  }

  term(id: number): string {
    return this.list[id]!;
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      this.ids.set(term, (id = this.list.length));
      this.list.push(term);
    }
    return id;
  }

  /** The number of an entity's term (entityTerm), by its id: not built and hashed each time. */
  entity(ref: string): number {
    let id = this.entities.get(ref);
    if (id === undefined) this.entities.set(ref, (id = this.id(entityTerm(ref))));
    return id;
  }

  /** The number of `words[x]` (an index the part's check found in range), kept by index. */
  at(words: readonly string[], x: number): number {
    const memo = grownMemo(this.byIndex, words);
    let id = memo[x]!;
    if (id < 0) memo[x] = id = this.id(words[x]!);
    return id;
  }

  /** A part's slots in term order, `ids[s]` slot s's term's number; a term that could not be
   *  stored as itself (a lone surrogate) left out. Null when the part has too many for the key. */
  order(ids: ArrayLike<number>): Uint32Array | null {
    if (ids.length >= SLOTS) return null;
    this.placeNew();
    const keys = new Float64Array(ids.length);
    let k = 0;
    for (let s = 0; s < ids.length; s++) {
      const r = this.rank[ids[s]!]!;
      if (r >= 0) keys[k++] = r * SLOTS + s;
    }
    const sorted = keys.subarray(0, k).sort();
    const out = new Uint32Array(k);
    for (let i = 0; i < k; i++) out[i] = sorted[i]! % SLOTS;
    return out;
  }

  /** The terms numbered since the last part placed among the others: sorted as strings, each one's
   *  place found by binary search. */
  private placeNew(): void {
    if (this.ranked === this.list.length) return;
    const fresh: string[] = [];
    for (let id = this.ranked; id < this.list.length; id++) if (storable(this.list[id]!)) fresh.push(this.list[id]!);
    fresh.sort();
    const { sorted, list } = this;
    const merged: number[] = [];
    let at = 0;
    for (const t of fresh) {
      let lo = at;
      let hi = sorted.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (list[sorted[m]!]! < t) lo = m + 1;
        else hi = m;
      }
      while (at < lo) merged.push(sorted[at++]!);
      merged.push(this.ids.get(t)!);
    }
    while (at < sorted.length) merged.push(sorted[at++]!);
    this.sorted = merged;
    this.rank = new Int32Array(list.length).fill(-1);
    for (let i = 0; i < merged.length; i++) this.rank[merged[i]!] = i;
    this.ranked = list.length;
  }
}
