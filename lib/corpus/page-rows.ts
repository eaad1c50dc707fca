// Reports stored in pages of PAGE reports a row (schema v9): IndexedDB charges per row and per
// index entry, not per byte (bench/RESULTS.md, session 6: ≈ 0.11 ms of the browser process's CPU
// a row, ≈ 0.015 ms an index entry), and a report a row cost an import ≈ 19 s of it at 100,000.
// A page is two rows: its metadata (every field but the text, and what the lookups index: the
// reports' ids, an entry each, and the URL keys their ids do not stand for; the page's distinct
// imports, outlets and origins) and its texts, so that counting or listing reports reads no text.
// The metadata row also names each report's doc number (schema v11): the doc pages need no index of
// their reports' ids (an entry a report, in random order) to find a report's doc row. Only
// lib/corpus/report-pages.ts uses this module.
import type { Table } from 'dexie';
import type { IsnadDB } from '../db';
import type { Report } from '../types';
import { urlKeyId } from './ids';
import { NO_DOC } from '../db/doc-numbers';
import { packedTextsRead, packTexts, textAt, textUnits, unitsAt, withTextUnits, type PackedTexts } from './text-units';

/** Reports a page holds at most. Measured at 100,000 (bench/RESULTS.md, session 7): IndexedDB's
 *  import CPU 47.5 s at 64, 54.4 at 16, 70.3 a report a row. Most likely because Chromium keeps a
 *  value over 64 KB (a page of 64 texts, ≈ 120 KB) as a file beside its LevelDB, and a smaller one
 *  inside it, rewritten by each compaction. The price is in an answer's phrases (its second step),
 *  which read the page of each report shown. */
export const PAGE = 64;

/** A report's fields but its text. */
type ReportMeta = Omit<Report, 'text'>;

/** A page's metadata row. */
export interface PageRow {
  p: number;
  /** The page's reports' ids, in page order (indexed, an entry each). */
  ids: string[];
  /** The URL keys of the page's reports that their ids do not stand for (indexed: duplicate
   *  checks). A report's id is its main URL key's hash (lib/corpus/ids.ts urlKeyId), found through
   *  the ids index: most reports have no other key, and an index entry a report fewer costs an
   *  import less of IndexedDB's CPU (bench/RESULTS.md, session 8). Pages written before keep every
   *  key here; lookups try both. */
  keys: string[];
  /** The page's distinct imports, outlets and origins (indexed: deletes, shares, exports). */
  imp: string[];
  outlet: string[];
  origin: string[];
  m: ReportMeta[];
  /** Each report's doc number in the index, by slot (NO_DOC: not indexed). Since schema v11; a
   *  page without it has no report indexed as far as it says (lib/engine/index-store.ts
   *  ensureIndexed then reads the numbers again from the doc pages). Numbers are checked against
   *  the doc row they lead to (its id), never trusted alone. */
  dn?: number[];
}

/** Doc numbers by report id, as a writer gives them to the pages. */
export type DocNumbers = ReadonlyMap<string, number>;

/** A page's texts, in the order of its metadata row: packed (`u`, `e`: text-units.ts, why there)
 *  since 2026-12-07, as strings (`text`) in rows written before, which read as they are. */
export interface TextRow extends Partial<PackedTexts> {
  p: number;
  text?: string[];
}

/** How rows are put (the import passes its plain requests: lib/engine/raw-puts.ts). */
export type Put = (t: Table, rows: readonly unknown[]) => Promise<unknown>;

export const bulkPut: Put = (t, rows) => t.bulkPut(rows as never[]);

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** A report's URL keys but the one its id stands for. */
const otherKeys = (r: ReportMeta): string[] => (r.keys ?? []).filter((k) => urlKeyId(k) !== r.id);

/** A page's reports' doc numbers by id (those it names). */
export function numbersOf(page: PageRow): Map<string, number> {
  const out = new Map<string, number>();
  if (Array.isArray(page.dn)) page.ids.forEach((id, i) => (page.dn![i] ?? NO_DOC) !== NO_DOC && out.set(id, page.dn![i]!));
  return out;
}

/** A report's fields but its text, in their order; a text kept as code units is not read (it would
 *  be made a string: text-units.ts withTextUnits). */
function metaOf(r: Report): ReportMeta {
  if (!textUnits(r)) {
    const { text: _text, ...meta } = r;
    return meta;
  }
  const meta: Record<string, unknown> = {};
  for (const k of Object.keys(r)) if (k !== 'text') meta[k] = r[k as keyof Report];
  return meta as unknown as ReportMeta;
}

/** The two rows of page `p` holding `reports`, with their doc numbers where `numbers` has them. */
function pageOf(p: number, reports: readonly Report[], numbers: DocNumbers): { page: PageRow; texts: TextRow } {
  const m = reports.map(metaOf);
  return {
    page: {
      p,
      ids: m.map((r) => r.id),
      keys: distinct(m.flatMap((r) => otherKeys(r))),
      imp: distinct(m.map((r) => r.importId)),
      outlet: distinct(m.map((r) => r.outlet)),
      origin: distinct(m.map((r) => r.origin)),
      m,
      dn: m.map((r) => numbers.get(r.id) ?? NO_DOC),
    },
    texts: { p, ...packTexts(reports.map((r) => textUnits(r) ?? r.text)) },
  };
}

/** The reports of a page (all, or those whose ids are in `only`; a texts row missing, as only a
 *  damaged database has: empty texts). */
function reportsOf(page: PageRow, texts: TextRow | undefined, only?: ReadonlySet<string>, asUnits = false): Report[] {
  // A row of another shape (a damaged database) is one error naming it, not a TypeError deep in a caller.
  if (!Array.isArray(page.m) || !page.m.every((r) => typeof r === 'object' && r !== null && typeof r.id === 'string')) throw new Error(`report page ${String(page.p)} is damaged: it holds no list of reports`);
  const packed = texts && texts.text === undefined && (texts.u !== undefined || texts.e !== undefined);
  if (packed && !packedTextsRead(texts, page.m.length)) throw new Error(`texts of report page ${String(page.p)} are damaged: their ends do not match their units or the page's ${page.m.length} reports`);
  const text = Array.isArray(texts?.text) ? texts.text : [];
  const textOf = (i: number) => (packed ? textAt(texts as PackedTexts, i) : typeof text[i] === 'string' ? text[i] : '');
  // `asUnits`: packed texts kept as their code units, for a page written again as it was (appendReports).
  if (asUnits && packed) return page.m.map((meta, i) => withTextUnits({ ...meta }, unitsAt(texts as PackedTexts, i)));
  return page.m.flatMap((meta, i) => (only && !only.has(meta.id) ? [] : [{ ...meta, text: textOf(i) }]));
}

/** The pages with an entry among `values` in a multi-entry index, each once: the index's keys are
 *  read first (a lookup by row would clone a page once for each of its reports asked). */
export async function pagesWith(db: IsnadDB, index: 'ids' | 'origin', values: readonly string[]): Promise<PageRow[]> {
  if (values.length === 0) return [];
  const ps = [...new Set((await db.pages.where(index).anyOf([...values]).primaryKeys()) as number[])];
  return (await db.pages.bulkGet(ps)).filter((p): p is PageRow => !!p);
}

/** The reports of pages (all, or those whose ids are in `only`: the others' texts are not made
 *  strings), their texts read in one request. */
export async function withTexts(db: IsnadDB, pages: readonly PageRow[], only?: ReadonlySet<string>): Promise<Report[]> {
  const texts = pages.length ? await db.texts.bulkGet(pages.map((p) => p.p)) : [];
  return pages.flatMap((page, i) => reportsOf(page, texts[i], only));
}

/**
 * Appends reports (with their doc numbers in `numbers`, when indexed in the same transaction) to
 * the last page while it has room (it is rewritten), then to new pages; inside a transaction
 * holding pages and texts, which keeps two writers from filling one page.
 */
export async function appendReports(db: IsnadDB, reports: readonly Report[], put: Put, numbers: DocNumbers = new Map()): Promise<void> {
  if (reports.length === 0) return;
  const last = await db.pages.orderBy('p').last();
  const open = last && last.ids.length < PAGE ? last : undefined;
  const all = open ? [...reportsOf(open, await db.texts.get(open.p), undefined, true), ...reports] : reports;
  const ns = open ? new Map([...numbersOf(open), ...numbers]) : numbers;
  const first = open ? open.p : (last?.p ?? 0) + 1;
  const rows = [];
  for (let i = 0; i < all.length; i += PAGE) rows.push(pageOf(first + i / PAGE, all.slice(i, i + PAGE), ns));
  await Promise.all([put(db.pages, rows.map((r) => r.page)), put(db.texts, rows.map((r) => r.texts))]);
}

/**
 * Rewrites the pages holding any of `ids`: each of those reports becomes what `change` makes of
 * it, or goes (null); a page left empty is deleted. Returns the ids found in pages.
 */
export async function rewritePages(db: IsnadDB, ids: readonly string[], change: (r: Report) => Report | null): Promise<Set<string>> {
  const wanted = new Set(ids);
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  const pages = await pagesWith(db, 'ids', [...wanted]);
  const texts = await db.texts.bulkGet(pages.map((p) => p.p));
  const kept: Array<{ page: PageRow; texts: TextRow }> = [];
  const emptied: number[] = [];
  pages.forEach((page, i) => {
    const left = reportsOf(page, texts[i]).flatMap((r) => {
      if (!wanted.has(r.id)) return [r];
      found.add(r.id);
      return change(r) ?? [];
    });
    // A report changed keeps its id, and so its doc number.
    if (left.length) kept.push(pageOf(page.p, left, numbersOf(page)));
    else emptied.push(page.p);
  });
  await Promise.all([
    db.pages.bulkPut(kept.map((k) => k.page)),
    db.texts.bulkPut(kept.map((k) => k.texts)),
    db.pages.bulkDelete(emptied),
    db.texts.bulkDelete(emptied),
  ]);
  return found;
}

/**
 * Names doc numbers in the pages holding their reports (only their metadata rows are written
 * again; `NO_DOC` unnames one); returns the ids found. Inside a transaction holding pages.
 */
export async function numberReports(db: IsnadDB, numbers: DocNumbers): Promise<Set<string>> {
  const found = new Set<string>();
  if (numbers.size === 0) return found;
  const pages = await pagesWith(db, 'ids', [...numbers.keys()]);
  for (const page of pages) {
    const dn = page.ids.map((id, i) => {
      const n = numbers.get(id);
      if (n === undefined) return Array.isArray(page.dn) ? (page.dn[i] ?? NO_DOC) : NO_DOC;
      found.add(id);
      return n;
    });
    page.dn = dn;
  }
  await db.pages.bulkPut(pages);
  return found;
}
