// Terms' postings as an import part's are collected (lib/engine/segments/postings.ts TermColumns),
// from a map of each term's lists: the terms in the map's order, their postings side by side.
import type { TermColumns } from '../../../lib/engine/segments/part-terms';

export function termColumns(terms: ReadonlyMap<string, { ids: ArrayLike<number>; imp: ArrayLike<number> }>): TermColumns {
  const start = [0];
  const ids: number[] = [];
  const imp: number[] = [];
  for (const c of terms.values()) {
    ids.push(...Array.from(c.ids));
    imp.push(...Array.from(c.imp));
    start.push(ids.length);
  }
  const list = [...terms.keys()];
  return { terms: list, start: Uint32Array.from(start), ids: Uint32Array.from(ids), imp: Uint8Array.from(imp) };
}
