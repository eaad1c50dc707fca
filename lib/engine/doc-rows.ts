// A doc row as IndexedDB keeps it and as ranking reads it. The doc rows are most of the index
// (bench/RESULTS.md: ≈ 1 KB a report, 80 % of the index at 10k), and every byte of them is
// written once per report and read back for each query's 120 candidates. So a stored row leaves
// out what the gazetteer already holds — each entity's name and type, by its id — and what nothing
// reads (the import id, which the report row keeps); the event signature is packed
// (lib/engine/event-sigs.ts). Rows written before keep their names and types, and are read as they are.
import { entityById } from '../entities';
import type { DocRow, StoredDoc } from './index-types';

/** The row to store for a doc: without the entities' names and types, nor the import id. */
export function storedDoc(d: DocRow): StoredDoc {
  const { en: _en, et: _et, imp: _imp, ...kept } = d;
  return kept;
}

/** The doc row ranking reads: the entities' names and types from the gazetteer when the row does
 *  not keep them (an id the gazetteer no longer has is named by its id). */
export function docOf(s: StoredDoc): DocRow {
  if (s.en && s.et) return s as DocRow;
  const known = s.e.map((id) => entityById(id));
  return { ...s, en: s.en ?? known.map((x, i) => x?.name.ar ?? s.e[i]!), et: s.et ?? known.map((x) => x?.kind ?? '') };
}
