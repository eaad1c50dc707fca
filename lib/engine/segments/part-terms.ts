// An import part's postings as its segment is built from them: flat typed arrays (batch-rows.ts
// collects them so), sorted by term and cut into postings blocks (postings.ts's format, the same
// bytes a merge's entries make) without an object a term. A record and two typed-array views a
// term, then an entry a term, were ≈ 40,000 objects a part of 2,000 reports and ≈ a fifth of the
// service worker's import (bench/RESULTS.md, session 22 (import-s22)).
import { BLOCK_BYTES, cut, type TermIndex } from './dictionary';
import { ByteWriter } from './bytes';
import { assemble, checkTerm, putDeltas, putImpacts, storable, termBytes } from './postings';

/**
 * Terms' postings side by side: term s is `terms[s]`, its doc numbers (ascending) and impacts `ids`
 * and `imp` from `start[s]` to `start[s + 1]`, its df their count (a part drops no postings).
 */
export interface TermColumns {
  readonly terms: readonly string[];
  readonly start: ArrayLike<number>;
  readonly ids: ArrayLike<number>;
  readonly imp: ArrayLike<number>;
  /** The terms' s in term order, when their builder knows it (lib/engine/term-ranks.ts); else
   *  sortedOrder sorts the strings. */
  readonly sorted?: Uint32Array;
}

/** The block of the terms `order[from]` … `order[to - 1]` (their s in `c`, in term order). */
function encodeRun(c: TermColumns, order: ArrayLike<number>, from: number, to: number): Uint8Array {
  const { start } = c;
  const count = to - from;
  const n = (i: number) => start[order[from + i]! + 1]! - start[order[from + i]!]!;
  let postings = 0;
  for (let i = 0; i < count; i++) postings += n(i);
  const deltas = new ByteWriter(postings * 2 + 16);
  const lens = new Uint32Array(count);
  const terms: string[] = new Array(count);
  let prev: string | null = null;
  for (let i = 0; i < count; i++) {
    const s = order[from + i]!;
    const term = c.terms[s]!;
    checkTerm(prev, term, n(i), n(i));
    terms[i] = prev = term;
    lens[i] = putDeltas(deltas, term, c.ids, start[s]!, start[s + 1]!);
  }
  const impacts = (w: ByteWriter) => {
    for (let i = 0; i < count; i++) {
      const s = order[from + i]!;
      putImpacts(w, terms[i]!, c.imp, start[s]!, start[s + 1]!);
    }
  };
  return assemble({ terms, df: n, n }, lens, deltas, impacts);
}

/** The terms `order` names (their s in `c`, in term order) cut into encoded blocks of about
 *  `blockBytes`, with their index. */
export function cutRuns(c: TermColumns, order: ArrayLike<number>, blockBytes = BLOCK_BYTES): { index: TermIndex; blocks: Uint8Array[] } {
  const term = (i: number) => c.terms[order[i]!]!;
  const bytes = (i: number) => termBytes(term(i), c.start[order[i]! + 1]! - c.start[order[i]!]!);
  return cut(order.length, { term, bytes, encode: (from, to) => encodeRun(c, order, from, to) }, blockBytes);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The terms in term order, as their s in `c`. A term with a lone surrogate (no analysis makes one;
 * a hostile text might) is left out: it could not be stored as itself.
 */
export function sortedOrder(c: TermColumns): Uint32Array {
  if (c.sorted) return c.sorted;
  // Each term checked only when the part has a surrogate at all (most have none: Arabic and Latin).
  const kept = c.terms.some((k) => SURROGATE.test(k)) ? c.terms.filter(storable) : c.terms.slice();
  // The default order: by UTF-16 code units, as `<` compares (the order blocks are searched in),
  // without a call of ours per comparison (≈ 20 % of a part's sort of ≈ 10,000 terms); each term's
  // s found again after.
  kept.sort();
  const order = new Uint32Array(kept.length);
  const slots = new Map(c.terms.map((t, s) => [t, s]));
  for (let i = 0; i < kept.length; i++) order[i] = slots.get(kept[i]!)!;
  return order;
}
