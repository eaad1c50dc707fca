// Every schema the database has had, oldest first. Never edit a published entry: add a new one
// (with its upgrade) so that a reader's existing database migrates instead of losing data.
// The migration harness (tests/unit/corpus/migrations.test.ts) opens each older version with data in it
// and checks that the current code keeps all of it.
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
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
];

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;
