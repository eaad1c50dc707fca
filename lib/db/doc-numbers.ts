// The report pages name each report's doc number (schema v11) where the doc pages kept an index of
// their reports' ids (v10: an entry a report, in random order, written by every import and delete).
// What the upgrade to v11 computes, and what ensureIndexed does again when the pages and the index
// disagree: the numbers read from the doc pages themselves, a page at a time (a cursor: one page in
// memory, and a map of id to number, ≈ 100 bytes a report), then written into every report page's
// metadata row (never its texts). Row shapes only: the doc pages as lib/engine/doc-pages.ts writes
// them (packed arrays by slot, or older rows in `d`), the report pages as lib/corpus/page-rows.ts.
import type { EntityTable } from 'dexie';
import type { DocPage } from '../engine/doc-pages';
import type { PrintRow } from '../engine/near-dups';
import type { PageRow } from '../corpus/page-rows';

/** A report not indexed, in a report page's numbers (doc numbers start at 1). */
export const NO_DOC = -1;

/** Every doc row's number by its report's id, and the near-duplicate group of those in one. */
export interface DocNumbersRead {
  ids: Map<string, number>;
  groups: Map<number, number>;
}

/** The doc pages read through, a page at a time. */
export async function readDocNumbers(dpages: EntityTable<DocPage, 'p'>): Promise<DocNumbersRead> {
  const ids = new Map<string, number>();
  const groups = new Map<number, number>();
  const add = (id: unknown, n: unknown, dup: unknown) => {
    if (typeof id !== 'string' || typeof n !== 'number') return;
    ids.set(id, n);
    // Packed pages write no group as 0 (no doc is numbered 0).
    if (typeof dup === 'number' && dup > 0) groups.set(n, dup);
  };
  await dpages.each((page) => {
    if (Array.isArray(page.d)) for (const d of page.d) add(d?.id, d?.n, d?.dup);
    else if (Array.isArray(page.ids) && page.n instanceof Uint32Array) page.ids.forEach((id, i) => add(id, page.n![i], page.dup?.[i]));
  });
  return { ids, groups };
}

/** Every report page's numbers as `ids` has them (NO_DOC where it has none); returns how many reports are numbered. */
export async function numberEveryPage(pages: EntityTable<PageRow, 'p'>, ids: ReadonlyMap<string, number>): Promise<number> {
  let numbered = 0;
  await pages.toCollection().modify((page) => {
    page.dn = (Array.isArray(page.ids) ? page.ids : []).map((id) => ids.get(id) ?? NO_DOC);
    numbered += page.dn.filter((n) => n !== NO_DOC).length;
  });
  return numbered;
}

/** Each fingerprint row's groups (lib/engine/near-dups.ts: a doc's group, or its own number). */
export async function groupPrints(prints: EntityTable<PrintRow, 's'>, groups: ReadonlyMap<number, number>): Promise<void> {
  await prints.toCollection().modify((row) => {
    if (row.ns instanceof Uint32Array) row.g = row.ns.map((n) => groups.get(n) ?? n);
  });
}
