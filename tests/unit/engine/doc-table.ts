// The doc rows as tests look at them: every row, one by number or id, rows written back — over the
// doc pages (lib/engine/doc-pages.ts), which keep them 16 to a row.
import type { IsnadDB } from '../../../lib/db';
import type { DocRecord } from '../../../lib/engine/doc-rows';
import { docRowsIn, docRowsOfIds, eachDocRow, pageOfDoc, pageRow, putDocRows, rowsOf, type DocPage } from '../../../lib/engine/doc-pages';
import { bulkPut } from '../../../lib/corpus/page-rows';

/** Every doc row, by number. */
export async function allDocs(db: IsnadDB): Promise<DocRecord[]> {
  const out: DocRecord[] = [];
  await eachDocRow(db, (d) => out.push(d));
  return out;
}

export const docCount = async (db: IsnadDB): Promise<number> => (await allDocs(db)).length;

export const docByN = async (db: IsnadDB, n: number): Promise<DocRecord | undefined> => (await docRowsIn(db, [n]))[0];

/** The doc numbers the report pages name, by report id (v11: `dn`, NO_DOC left out). */
export async function pageNumbers(db: IsnadDB): Promise<Map<string, number>> {
  return new Map((await db.pages.toArray()).flatMap((p) => p.ids.map((id, i) => [id, p.dn?.[i] ?? -1] as const)).filter(([, n]) => n !== -1));
}

export const docById = async (db: IsnadDB, id: string): Promise<DocRecord | undefined> => (await docRowsOfIds(db, [id]))[0];

/** Writes rows (new or rewritten) into their pages. */
export const putDocs = (db: IsnadDB, rows: readonly DocRecord[]): Promise<void> => db.transaction('rw', db.dpages, () => putDocRows(db, rows, bulkPut));

/** Rows as the doc pages hold them (for a copy of a database written table by table). */
export function inPages(rows: readonly DocRecord[]): DocPage[] {
  const pages = new Map<number, DocRecord[]>();
  for (const d of rows) pages.set(pageOfDoc(d.n), [...(pages.get(pageOfDoc(d.n)) ?? []), d]);
  return [...pages].map(([p, d]) => pageRow(p, d));
}

/** The doc pages of a table's dump with each row changed by `f`. */
export const mapDocs = (pages: readonly unknown[], f: (d: DocRecord) => DocRecord): DocPage[] => (pages as DocPage[]).map((p) => pageRow(p.p, rowsOf(p).map(f)));
