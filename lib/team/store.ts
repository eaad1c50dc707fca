// Where the team server's settings live: a database of their own in the extension's IndexedDB
// ('isnad-team'), read and written by the background only. Not browser.storage (content scripts
// can read storage.local) and not the corpus's settings table (clippings backups copy it): the
// token never reaches a web page, a content script or a backup file.
import Dexie, { type EntityTable } from 'dexie';
import type { PullState, TeamRole } from './types';

export interface TeamConfig {
  k: 'server';
  origin: string;
  pattern: string;
  team: string;
  token: string;
  member: string;
  role: TeamRole;
  reports: number;
  insecure: boolean;
}

export type TeamDB = Dexie & {
  config: EntityTable<TeamConfig, 'k'>;
  pulls: EntityTable<PullState, 'id'>;
};

const TEAM_DB_NAME = 'isnad-team';

/** Opens the team database; `deps` lets Node tests pass fake-indexeddb. */
export function openTeamDb(name = TEAM_DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): TeamDB {
  const db = new Dexie(name, deps) as TeamDB;
  db.version(1).stores({ config: 'k', pulls: 'id' });
  return db;
}

export async function teamConfig(db: TeamDB): Promise<TeamConfig | null> {
  return (await db.config.get('server')) ?? null;
}
