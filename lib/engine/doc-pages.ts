// Doc rows in pages of DOC_PAGE by number (schema v10, issue 20). IndexedDB charges per row and per
// index entry, not per byte: at 100,000 reports a doc row each, with a unique `id` and an `outlet`
// index, cost an import ≈ 63 s of CPU, a quarter of it (bench/RESULTS.md, session 12: pages of 16
// saved ≈ 0.35 ms a report of write CPU for ≈ 1.5 ms of a query's CPU for its ≈ 32 rows). A page is
// one row keyed by its number (a doc number's page is n / DOC_PAGE), so a query's candidates are
// read by number as before, a row a page. Since v11 a page has no index: a report's doc number is
// named by its report page (lib/corpus/page-rows.ts `dn`), where v10 kept an index of the pages'
// reports' ids (an entry a report, keys in random order: bench/RESULTS.md, session 15); what asks
// by outlet (corpus search) gets the outlet's numbers from the report pages' own outlet index, and a
// capture's copy in another outlet's group comes from the near-duplicate index (copies.ts).
// A deleted report leaves its page (rewritten without it; an emptied page goes); the segments'
// deletion bitsets are untouched.
import type { IsnadDB } from '../db';
import type { Put } from '../corpus/page-rows';
import type { DocRecord, PackedDoc } from './doc-rows';
import { getMany, readOnly } from './raw-reads';
import { docNumbers } from '../corpus/report-pages';
import { readDocNumbers } from '../db/doc-numbers';

/** Doc rows a page holds at most (bench/RESULTS.md, session 12: 16 against 8 saved more writes for the same reads). */
export const DOC_PAGE = 16;

/**
 * A page of doc rows. Its rows are stored as a few arrays, not as objects: reading a row's
 * structured clone costs per object and typed array in it, and a query reads ≈ 32 pages of 16 for
 * ≈ 32 rows (a page of 16 objects, each with two typed arrays, measured ≈ 6 ms of a warm query's CPU
 * more than a row each, bench/RESULTS.md session 14). Rows of an older shape (fields by name, or
 * format 1's signature property: tests and databases copied table by table) are kept as they are
 * in `d` instead.
 */
export interface DocPage {
  p: number;
  /** Its reports' ids, by ascending number (not indexed since v11). */
  ids: string[];
  /** Their numbers. */
  n?: Uint32Array;
  /** Their near-duplicate groups (0: none). */
  dup?: Uint32Array;
  /** The page's distinct outlets and event-model versions, and each row's (sv: 0 none, else k + 1). */
  outlets?: string[];
  oi?: Uint8Array;
  svs?: string[];
  si?: Uint8Array;
  /** Each row's packed bytes (doc-rows.ts `b`) and word counts (`tv`, empty: none), end to end,
   *  with their ends (row i is [ends[i - 1], ends[i]), from 0). */
  b?: Uint8Array;
  be?: Uint32Array;
  tv?: Uint8Array;
  te?: Uint32Array;
  /** Rows of an older shape, as they are. */
  d?: DocRecord[];
}

/** The page a doc number's row is in. */
export const pageOfDoc = (n: number): number => Math.floor(n / DOC_PAGE);

const DOC_STORE = 'dpages';

const isPackedRow = (d: DocRecord): d is PackedDoc => (d as PackedDoc).b instanceof Uint8Array && (d as PackedDoc).sig === undefined;

const damaged = (page: DocPage): Error => new Error(`doc page ${String(page.p)} is damaged: its rows do not read`);

/** The index in a distinct list, added if new. */
function slot(list: string[], x: string): number {
  const i = list.indexOf(x);
  return i >= 0 ? i : list.push(x) - 1;
}

function concat(parts: readonly Uint8Array[]): { all: Uint8Array; ends: Uint32Array } {
  const ends = new Uint32Array(parts.length);
  let at = 0;
  parts.forEach((x, i) => (ends[i] = at += x.length));
  const all = new Uint8Array(at);
  parts.forEach((x, i) => all.set(x, i ? ends[i - 1]! : 0));
  return { all, ends };
}

/** The page `p` holding `rows` (packed when every row is). */
export function pageRow(p: number, rows: readonly DocRecord[]): DocPage {
  const d = [...rows].sort((a, b) => a.n - b.n);
  const ids = d.map((r) => r.id);
  if (!d.every(isPackedRow)) return { p, ids, d };
  const outlets: string[] = [];
  const svs: string[] = [];
  const b = concat(d.map((r) => r.b));
  const tv = concat(d.map((r) => r.tv ?? new Uint8Array(0)));
  return {
    p,
    ids,
    n: Uint32Array.from(d, (r) => r.n),
    dup: Uint32Array.from(d, (r) => r.dup ?? 0),
    oi: Uint8Array.from(d, (r) => slot(outlets, r.outlet)),
    outlets,
    si: Uint8Array.from(d, (r) => (r.sv === undefined ? 0 : slot(svs, r.sv) + 1)),
    svs,
    b: b.all,
    be: b.ends,
    tv: tv.all,
    te: tv.ends,
  };
}

/** Row `i` of a packed page (its bytes copied out: a row kept by a cache keeps no page with it). */
function rowAt(page: DocPage, i: number): PackedDoc {
  const from = (ends: Uint32Array, k: number) => (k ? ends[k - 1]! : 0);
  const b = page.b!.slice(from(page.be!, i), page.be![i]);
  const tv = page.tv!.slice(from(page.te!, i), page.te![i]);
  const si = page.si![i]!;
  const outlet = page.outlets![page.oi![i]!];
  if (outlet === undefined || (si && page.svs![si - 1] === undefined)) throw damaged(page);
  return { n: page.n![i]!, id: page.ids[i]!, outlet, dup: page.dup![i] || null, b, ...(si ? { sv: page.svs![si - 1]! } : {}), ...(tv.length ? { tv } : {}) };
}

/** A page's rows (all, or those numbered in `only`), checked: a row of another shape (a damaged
 *  database) is one error naming its page. */
export function rowsOf(page: DocPage, only?: ReadonlySet<number>): DocRecord[] {
  if (Array.isArray(page.d)) {
    if (!page.d.every((d) => typeof d === 'object' && d !== null && typeof d.n === 'number' && typeof d.id === 'string')) throw damaged(page);
    return only ? page.d.filter((d) => only.has(d.n)) : page.d;
  }
  const k = page.n?.length ?? -1;
  const sized = (a: ArrayLike<unknown> | undefined) => a?.length === k;
  if (!(page.n instanceof Uint32Array) || !Array.isArray(page.ids) || !sized(page.ids) || ![page.dup, page.oi, page.si, page.be, page.te].every(sized) || !(page.b instanceof Uint8Array) || !(page.tv instanceof Uint8Array) || !Array.isArray(page.outlets) || !Array.isArray(page.svs)) throw damaged(page);
  if ((k && page.be![k - 1]! !== page.b.length) || (k && page.te![k - 1]! !== page.tv.length)) throw damaged(page);
  const out: DocRecord[] = [];
  for (let i = 0; i < k; i++) if (!only || only.has(page.n[i]!)) out.push(rowAt(page, i));
  return out;
}

/** The rows of `ns`, in the order asked (undefined where none: a deleted report), from `pages`. */
function pick(pages: ReadonlyArray<DocPage | undefined>, ns: readonly number[]): Array<DocRecord | undefined> {
  const wanted = new Set(ns);
  const byN = new Map<number, DocRecord>();
  for (const page of pages) if (page) for (const d of rowsOf(page, wanted)) byN.set(d.n, d);
  return ns.map((n) => byN.get(n));
}

const pagesOf = (ns: readonly number[]): number[] => [...new Set(ns.map(pageOfDoc))];

/** A query's doc rows by number, in plain requests sent at once (raw-reads.ts): a request a page. */
export async function readDocRows(db: IsnadDB, ns: readonly number[]): Promise<Array<DocRecord | undefined>> {
  const ps = pagesOf(ns);
  return pick(await getMany<DocPage>((await readOnly(db, [DOC_STORE])).objectStore(DOC_STORE), ps), ns);
}

/** Doc rows by number through Dexie (inside the caller's transaction, if any). */
export async function docRowsIn(db: IsnadDB, ns: readonly number[]): Promise<Array<DocRecord | undefined>> {
  return pick(await db.dpages.bulkGet(pagesOf(ns)), ns);
}

/** The rows of doc numbers by report id, those whose row is that report's: a number a report page
 *  names is followed to its row and checked, never trusted alone (in number order). */
export async function docRowsOfNumbers(db: IsnadDB, numbers: ReadonlyMap<string, number>): Promise<DocRecord[]> {
  const ns = [...new Set(numbers.values())].sort((a, b) => a - b);
  return (await docRowsIn(db, ns)).filter((d): d is DocRecord => d !== undefined && numbers.get(d.id) === d.n);
}

/**
 * The doc rows of reports a delete takes out, by the numbers their report pages name. A number that
 * leads to no row of its report (stale: a damaged database, whose pages and index disagree) is no
 * sign that the report has none: its own row would stay, still found by queries. So the doc pages
 * themselves are read through for those reports (readDocNumbers: a page at a time), as
 * ensureIndexed does when the counts disagree — only when a number was stale.
 */
export async function docRowsToDelete(db: IsnadDB, numbers: ReadonlyMap<string, number>): Promise<DocRecord[]> {
  const rows = await docRowsOfNumbers(db, numbers);
  const found = new Set(rows.map((d) => d.id));
  const stale = [...numbers.keys()].filter((id) => !found.has(id));
  if (stale.length === 0) return rows;
  const { ids } = await readDocNumbers(db.dpages);
  const own = new Map(stale.flatMap((id): Array<[string, number]> => (ids.has(id) ? [[id, ids.get(id)!]] : [])));
  return own.size ? [...rows, ...(await docRowsOfNumbers(db, own))] : rows;
}

/** The doc rows of reports by id (those indexed; in number order), through their report pages' numbers. */
export async function docRowsOfIds(db: IsnadDB, ids: readonly string[]): Promise<DocRecord[]> {
  return ids.length ? docRowsOfNumbers(db, await docNumbers(db, ids)) : [];
}

/**
 * Writes doc rows, new or rewritten, inside the caller's transaction over `dpages`. A page whose
 * first number is below `stored` (the first number never written: the manifest's nextN) may hold
 * rows already: it is read and the rows merged into it; a page above starts empty (an import's
 * pages are written without a read).
 */
export async function putDocRows(db: IsnadDB, rows: readonly DocRecord[], put: Put, stored = Infinity): Promise<void> {
  const byPage = new Map<number, DocRecord[]>();
  for (const d of rows) {
    const p = pageOfDoc(d.n);
    const list = byPage.get(p);
    if (list) list.push(d);
    else byPage.set(p, [d]);
  }
  const read = [...byPage.keys()].filter((p) => p * DOC_PAGE < stored);
  const before = read.length ? await db.dpages.bulkGet(read) : [];
  const out = new Map<number, DocPage>();
  before.forEach((page, i) => {
    if (!page) return;
    const mine = new Map(byPage.get(read[i]!)!.map((d) => [d.n, d]));
    out.set(page.p, pageRow(page.p, [...rowsOf(page).filter((d) => !mine.has(d.n)), ...mine.values()]));
  });
  for (const [p, list] of byPage) if (!out.has(p)) out.set(p, pageRow(p, list));
  await put(db.dpages, [...out.values()]);
}

/** Deletes the doc rows of `ns` from their pages (each rewritten without them; an emptied page goes). */
export async function deleteDocRows(db: IsnadDB, ns: readonly number[]): Promise<void> {
  const gone = new Set(ns);
  const ps = pagesOf(ns);
  const pages = await db.dpages.bulkGet(ps);
  const kept: DocPage[] = [];
  const emptied: number[] = [];
  pages.forEach((page, i) => {
    if (!page) return;
    const left = rowsOf(page).filter((d) => !gone.has(d.n));
    if (left.length) kept.push(pageRow(page.p, left));
    else emptied.push(ps[i]!);
  });
  await Promise.all([db.dpages.bulkPut(kept), db.dpages.bulkDelete(emptied)]);
}

/** Every doc row in number order, a page at a time (a page's rows handed on before the next is read). */
export async function eachDocRow(db: IsnadDB, fn: (d: DocRecord) => void): Promise<void> {
  await db.dpages.orderBy('p').each((page) => {
    for (const d of rowsOf(page)) fn(d);
  });
}

/** The doc rows of up to `pages` pages after page `after`, and the last page's number (null: none
 *  left): a slice of a walk over every doc row. */
export async function docRowsAfter(db: IsnadDB, after: number, pages: number): Promise<{ last: number | null; rows: DocRecord[] }> {
  const got = await db.dpages.where('p').above(after).limit(pages).toArray();
  return { last: got.at(-1)?.p ?? null, rows: got.flatMap((page) => rowsOf(page)) };
}

/** The first and the last doc row (by number). */
export async function docRowEnds(db: IsnadDB): Promise<[DocRecord | undefined, DocRecord | undefined]> {
  const [first, last] = await Promise.all([db.dpages.orderBy('p').first(), db.dpages.orderBy('p').last()]);
  return [first && rowsOf(first)[0], last && rowsOf(last).at(-1)];
}
