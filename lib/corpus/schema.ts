// Every schema the database has had, oldest first. Never edit a published entry: add a new one
// (with its upgrade) so that a reader's existing database migrates instead of losing data.
// The migration harness (tests/unit/corpus/migrations.test.ts) opens each older version with data in it
// and checks that the current code keeps all of it.
import type { Transaction } from 'dexie';
import { reportKeys } from './ids';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Brings the rows of the previous version into this version's shape. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

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
    // The persistent index (lib/corpus/index-store.ts): doc rows, postings by term and segment,
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
];

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;
