// What a query reads from the index, and nothing else: the engine's phases (lib/engine/search.ts,
// entity-card.ts) read through this interface, never through object-store names, so that another
// storage of the same index (packed segments, issue 20) answers the same queries unchanged.
import type { IsnadDB } from '../db';
import type { Report } from '../types';
import { docRecords } from './doc-cache';
import { keyRow } from './row-keys';
import { readPostings } from './index-store';
import { askPostings, manifestPending, type EarlyRead } from './segments/postings-read';
import type { DocRow, IndexMeta } from './index-types';
import { docOf } from './doc-rows';
import type { TermPostings } from './segments/store';
import { readDocRows } from './doc-pages';
import { lexiconRead, lexiconWith } from './lexicon';
import { maxWordId, withLexicon } from './term-pack';
import { columnsInFlight, decodedColumns, loadAfter, nextTask, queryBegan, queryEnded, type ColumnView } from './doc-columns';
import { getReports } from '../corpus/report-pages';
import type { ReadWaits } from './query-phases';
import { cachedTexts, readAhead } from '../corpus/text-cache';

/** Doc rows by number (cached, doc-cache.ts, or read), decoded for this query, with the lexicon
 *  pages their word counts use read (lib/engine/term-pack.ts). */
async function readDocs(db: IsnadDB, ns: readonly number[]): Promise<Array<DocRow | undefined>> {
  // A worker's first query reads the lexicon beside the rows, not after them (one wait fewer).
  const words = lexiconRead(db) ? null : lexiconWith(db, Infinity);
  const rows = (await docRecords(db, ns, (missing) => readDocRows(db, missing))).map((k) => k && keyRow(docOf(k.rec), k.key));
  await words;
  let max = -1;
  for (const d of rows) {
    if (!d?.tv) continue;
    try {
      max = Math.max(max, maxWordId(d.tv));
    } catch {
      delete d.tv; // unreadable: judged from its text
    }
  }
  if (max < 0) return rows;
  const lex = await lexiconWith(db, max);
  return rows.map((d) => d && withLexicon(d, lex));
}

/**
 * The reads of one query. Three calls, in this order, each at most once per query phase:
 *
 * - `postings(terms)`: the index counters (`meta`: live docs, their total length, the next doc
 *   number) and, for every term asked (words as the analysis normalises them; entities as
 *   `entityTerm(id)`), its postings: document frequency, whether it is saturated (too common to
 *   keep postings), and its doc numbers in ascending order with one impact byte each, in one or
 *   more parts. A term the index does not hold comes back with df 0 and no parts, never missing.
 * - `docs(ns)`: the doc rows (the per-report columns ranking reads: url, outlet, title, day,
 *   entities, sources, MinHash, near-duplicate group, text key) of doc numbers, in the order
 *   asked; undefined for a number whose report was deleted.
 * - `texts(ids)`: the stored title and text of reports by id, in the order asked (the event model reads the
 *   few reports it judges); undefined for a report that is gone.
 *
 * Reads may be served from caches; they must reflect every write that completed before the call.
 * `postings` may also give the doc columns of the segments it read (`cols`: doc-columns.ts), when
 * at hand: then `docs` is asked only for the candidates that can reach the judged pool; or, when
 * their rows are being read, `colsPending`: the query waits for it before asking `docs`.
 * `began()`, if given, is called as a query begins, and `idle()` once it is answered or has failed
 * (the store reads and decodes its columns then, never while a query is under way).
 * `ask(terms)`, if given, is told the terms of the next `postings` call (some of them) before the
 * query's other work, in the same task: their reads may begin meanwhile.
 * `settle()`, if given, is awaited before the query's analysis and after `ask`: where a read is
 * under way whose next requests wait for this worker's thread (a starting worker's read ahead,
 * its manifest not handled yet), a task later, so that its answers already come are handled and
 * its next requests sent first, not after the query's synchronous analysis (10-20 ms on a
 * just-started worker: the manifest's answer waited for it, then the term indexes and the blocks
 * were asked in turn: bench/RESULTS.md session 22). Not once the term indexes are asked (with the
 * manifest, as their copies: segments/index-copies.ts): their answer handled then would ask the
 * blocks before the query's terms, or the event signature's place-day terms, join.
 */
export interface IndexReader {
  postings(terms: readonly string[]): Promise<{ meta: IndexMeta; postings: Map<string, TermPostings>; blocks?: number; cols?: ColumnView | null; colsPending?: Promise<ColumnView | null>; waits?: ReadWaits }>;
  docs(ns: readonly number[]): Promise<Array<DocRow | undefined>>;
  texts(ids: readonly string[]): Promise<Array<Pick<Report, 'title' | 'text' | 'archivedAt'> | undefined>>;
  began?(): void;
  idle?(): void;
  ask?(terms: readonly string[]): void;
  settle?(): Promise<void> | undefined;
}

/** The reader over the IndexedDB stores: segments (segs, meta), docs, reports. */
export function storeReader(db: IsnadDB): IndexReader {
  let segs: IndexMeta['segs'] = [];
  // The read `ask` began (segments/postings-read.ts askPostings), for the postings call that follows.
  let early: EarlyRead | null = null;
  const reader: IndexReader = {
    ask: (terms) => {
      early = askPostings(db, terms);
    },
    settle: () => (manifestPending(db) ? nextTask() : undefined),
    postings: async (terms) => {
      const begun = early;
      early = null;
      const read = await readPostings(db, terms, begun);
      segs = read.meta.segs;
      const cols = decodedColumns(db, segs);
      const pending = cols ? undefined : columnsInFlight(db, segs);
      return { ...read, cols, ...(pending ? { colsPending: pending } : {}) };
    },
    began: () => queryBegan(db, reader),
    idle: () => {
      queryEnded(db, reader);
      loadAfter(db, segs);
    },
    docs: (ns) => readDocs(db, ns),
    texts: (ids) => cachedTexts(db, ids, (missing) => getReports(db, missing)),
  };
  return reader;
}

/** Reads the texts of reports a list showed without its phrases, in the background, for the
 *  answer's second step that follows (the panel's ui:why: lib/corpus/text-cache.ts). */
export function readTextsAhead(db: IsnadDB, ids: readonly string[]): void {
  readAhead(db, ids, (missing) => getReports(db, missing));
}
