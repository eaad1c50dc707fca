// Every schema the database has had, oldest first. Never edit a published entry: add a new one
// (with its upgrade) so that a reader's existing database migrates instead of losing data.
// The migration harness (tests/unit/db/migrations.test.ts) opens each older version with data in it
// and checks that the current code keeps all of it.
import type { Transaction } from 'dexie';
import { reportKeys } from '../corpus/ids';
import { unarchive } from '../outlets/archive';
import { outletIdFromName, outletIdFromUrl } from '../outlets/identity';
import type { Report } from '../types';
import { groupPrints, numberEveryPage, readDocNumbers } from './doc-numbers';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Brings the rows of the previous version into this version's shape. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** The registry's id for a stored outlet name and URL (the URL first, as imports do), or null: an outlet nobody knows keeps its name. */
const registryId = (outlet: string, url: string): string | null => outletIdFromUrl(url ?? '') ?? outletIdFromName(outlet ?? '');

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      reports: 'id, url, outlet, publishedAt, importId, origin',
      clippings: 'id, url, outlet, createdAt, *tags',
      settings: 'key',
    },
  },
  {
    // The persistent index (lib/engine/index-store.ts): doc rows, postings by term and segment,
    // index counters, import jobs; reports gain their URL keys (live, canonical, archived) for
    // de-duplication. Existing reports are indexed on the next open (ensureIndexed).
    version: 2,
    stores: {
      reports: 'id, url, outlet, publishedAt, importId, origin, *keys',
      docs: 'n, &id, *b, imp, outlet',
      postings: '[t+s]',
      meta: 'k',
      jobs: 'id, status',
      staged: '[job+i]',
    },
    async upgrade(tx) {
      await tx
        .table('reports')
        .toCollection()
        .modify((r: { url: string; keys?: string[] }) => {
          r.keys = reportKeys(r.url);
        });
    },
  },
  {
    // Postings move from one row per (term, batch) to one row per (bucket of terms, segment)
    // (lib/engine/posting-blocks.ts): in Chromium a row written costs as much as 10 KB, and v2 wrote ≈ 10
    // rows a report. Near-duplicate fingerprints move from a multi-entry index on the doc rows
    // (four lookups a report at import) to one row per batch (lib/engine/near-dups.ts).
    // The index is derived data: its tables are emptied here and rebuilt from the reports on the
    // next open (ensureIndexed). Reports, clippings, settings and import jobs are untouched.
    // Indexes nothing reads are dropped (each costs a write per report): reports by url (their
    // URL keys replace it) and by date; docs by import.
    version: 3,
    stores: {
      reports: 'id, outlet, importId, origin, *keys',
      docs: 'n, &id, outlet',
      postings: null,
      blocks: '[b+s]',
      prints: 's',
    },
    async upgrade(tx) {
      await tx.table('docs').clear();
      await tx.table('meta').clear();
    },
  },
  {
    // The settings table goes: settings live in browser.storage.local (lib/settings), and nothing
    // read this table; only a restored backup wrote to it.
    version: 4,
    stores: { settings: null },
  },
  {
    // The index as immutable segments (lib/engine/segments): a batch's postings, term index and
    // doc columns are a few dozen rows keyed [segment, row] instead of up to 2,048 bucket rows,
    // and a merge rewrites whole segments. The manifest replaces the index counters (meta
    // 'segments' for 'index'). Derived data: emptied here and rebuilt from the reports on the next
    // open (ensureIndexed). Reports, clippings and import jobs are untouched.
    version: 5,
    stores: {
      blocks: null,
      segs: '[s+k]',
    },
    async upgrade(tx) {
      await tx.table('docs').clear();
      await tx.table('meta').clear();
      await tx.table('prints').clear();
    },
  },
  {
    // One outlet, one id (issue 15): reports, their doc rows and clippings stored before the
    // registry under the name a record gave ("Shaam Network", "شبكة شام", "shaam.org") take the
    // registry's id (URL first, as imports do now); the name is kept in `outletGiven`. Reports
    // stored under a web-archive address gain the capture time (`archivedAt`, `archiveUrl`) that
    // address carries (issue 16). No store changes (v5's, the index rebuilt from the reports, which then carry ids).
    version: 6,
    stores: {},
    async upgrade(tx) {
      await tx.table('reports').toCollection().modify((r: Report) => {
        const id = registryId(r.outlet, r.url);
        if (id && id !== r.outlet) {
          r.outletGiven = r.outlet;
          r.outlet = id;
        }
        const archive = r.archivedAt ? null : unarchive(r.url).archive;
        if (archive) {
          r.archivedAt = archive.capturedAt;
          r.archiveUrl = archive.archiveUrl;
        }
      });
      await tx.table('docs').toCollection().modify((d: { outlet: string; url: string }) => {
        d.outlet = registryId(d.outlet, d.url) ?? d.outlet;
      });
      await tx.table('clippings').toCollection().modify((c: { outlet: string; url: string; outletGiven?: string }) => {
        const id = registryId(c.outlet, c.url);
        if (id && id !== c.outlet) {
          c.outletGiven = c.outlet;
          c.outlet = id;
        }
      });
    },
  },
  {
    // The event model's word counts kept in the doc rows (lib/engine/term-pack.ts), their words
    // numbered in the lexicon (lib/engine/lexicon.ts: pages of words, append-only): a query judges
    // the reports it reads without tokenising their texts. Derived data: the index is emptied here
    // and rebuilt from the reports on the next open (ensureIndexed), so that every doc row has them.
    // Reports, clippings and import jobs are untouched. The lexicon is never emptied by a later
    // version while doc rows that use its numbers remain.
    version: 7,
    stores: { lex: 'p' },
    async upgrade(tx) {
      await tx.table('docs').clear();
      await tx.table('meta').clear();
      await tx.table('prints').clear();
      await tx.table('segs').clear();
    },
  },
  {
    // Each report indexed also under its wide places on its day (lib/engine/place-days.ts: the
    // city-day candidate reserve). An index written before lacks those terms, so its reports could
    // never be found through them: the index is emptied and rebuilt from the reports on the next
    // open (ensureIndexed), as in v7, the lexicon with it (no doc row left uses its numbers).
    // Reports, clippings and import jobs are untouched.
    version: 8,
    stores: {},
    async upgrade(tx) {
      for (const table of ['docs', 'meta', 'prints', 'segs', 'lex']) await tx.table(table).clear();
    },
  },
  {
    // Reports in pages of 64 (lib/corpus/page-rows.ts): IndexedDB charges a write per row and per
    // index entry, not per byte, and a row a report with four indexes cost an import ≈ 19 s of the
    // browser process's CPU at 100,000 (bench/RESULTS.md, sessions 6 and 7). A page is two rows: its
    // reports but their texts (indexed by their ids and URL keys, and by the page's distinct
    // imports, outlets and origins), and their texts. The reports a database holds a row each stay
    // in `reports`, read there, until moveToPages (lib/corpus/report-pages.ts) has moved them, a
    // slice a transaction, after the database opened: no upgrade transaction holds every text.
    version: 9,
    stores: { pages: 'p, *ids, *keys, *imp, *outlet, *origin', texts: 'p' },
  },
  {
    // Doc rows in pages of 16 by number (lib/engine/doc-pages.ts): a doc row a report, with a
    // unique id index and an outlet index (keys arriving in random order), cost a 100,000-report
    // import ≈ 63 s of CPU, a quarter of it (bench/RESULTS.md, session 12). A page keeps its
    // reports' ids as its one index; what asked by outlet asks the report pages. A store's primary
    // key cannot change, so `docs` goes and `dpages` comes; the index is derived data: emptied here
    // and rebuilt from the reports on the next open (ensureIndexed), as in v8, the lexicon with it.
    // Reports, clippings and import jobs are untouched.
    version: 10,
    stores: { docs: null, dpages: 'p, *ids' },
    async upgrade(tx) {
      for (const table of ['meta', 'prints', 'segs', 'lex']) await tx.table(table).clear();
    },
  },
  {
    // The doc pages lose their index of their reports' ids (an entry a report, keys in random
    // order: bench/RESULTS.md, session 15): each report page names its reports' doc numbers
    // instead (lib/corpus/page-rows.ts `dn`), read here from the doc pages a page at a time
    // (lib/db/doc-numbers.ts), and the fingerprint rows the near-duplicate group of each doc
    // (lib/engine/near-dups.ts `g`: a capture's copy in another outlet's group found without
    // reading the outlet's doc rows). The index is kept: only the report pages' metadata rows and
    // the fingerprint rows are written again, no text. An upgrade that empties the index from now
    // on also finds the pages' numbers stale: ensureIndexed reads them again from the doc pages
    // when they and the index's count disagree.
    version: 11,
    stores: { dpages: 'p' },
    async upgrade(tx) {
      const read = await readDocNumbers(tx.table('dpages'));
      await numberEveryPage(tx.table('pages'), read.ids);
      await groupPrints(tx.table('prints'), read.groups);
    },
  },
];

/**
 * Tables a version dropped on purpose, with why nothing is lost: the migration harness does not
 * count their rows as lost. A table that holds anything the reader made never goes here.
 */
export const RETIRED_TABLES: ReadonlyMap<string, string> = new Map([
  ['settings', 'v4: nothing read it; settings live in browser.storage.local'],
]);

/** Tables rebuilt from the reports (the index): an upgrade may empty them without losing anything. */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['docs', 'dpages', 'postings', 'meta', 'blocks', 'prints', 'segs', 'lex']);

