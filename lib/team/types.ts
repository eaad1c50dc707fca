// What the extension's pages and the background say to each other about the team corpus
// (lib/messaging.ts names the messages). No type here carries the token back to a page.
import type { RelatedReport } from '../types';

export type TeamRole = 'reader' | 'contributor' | 'admin';

/** The team server the reader set up, as the pages may know it: never its token. */
export interface TeamStatus {
  origin: string;
  team: string;
  member: string;
  role: TeamRole;
  /** The team's report count at the last check. */
  reports: number;
  /** Plain http beyond this machine (the token crosses the network unencrypted). */
  insecure: boolean;
}

/** Options → background: the server's address, the team and the member's token. */
export interface TeamConnect {
  server: string;
  team: string;
  token: string;
}

/** The team's reports related to a tab's article: `error` when the server could not answer. */
export interface TeamRelated {
  team: string;
  origin: string;
  related: RelatedReport[];
  error?: string;
}

/** The import id of the articles captured while reading (lib/engine/manage.ts CAPTURE, which pages
 *  may not import: it would bring the database into their bundle; a unit test keeps them equal). */
export const CAPTURED_IMPORT = 'capture';

/** What to share: an import (by its id), the articles captured while reading (CAPTURED_IMPORT),
 *  or the reports the reader chose (their ids, at most SHARE_BATCH: one step). */
export type TeamShareRequest =
  | {
      importId: string;
      /** Where the last step stopped (a report id); absent for the first step. */
      after?: string;
    }
  | { ids: string[] };
export interface TeamShareStep {
  /** Reports of the import sent so far in this step, and the server's answer for them. */
  sent: number;
  added: number;
  duplicates: number;
  problems: string[];
  /** Where the next step starts; null when every report was sent. */
  next: string | null;
}

/** "Keep a local copy": an outlet, a date range (inclusive YYYY-MM-DD), or both; none is everything. */
export interface PullFilter {
  outlet?: string;
  from?: string;
  to?: string;
}

/** Where a pull of the team's changes feed stands (kept in the team database: it resumes). */
export interface PullState {
  id: string;
  filter: PullFilter;
  /** The last sequence number read: the next step asks for the changes after it. */
  after: number;
  /** Reports read from the feed, and those kept (matching the filter) and new to the local corpus. */
  seen: number;
  kept: number;
  added: number;
  /** The team's report count when the pull began (the feed's length, for progress). */
  total: number;
  /** The local import the reports go into (deleted as a whole like any import). */
  importId: string;
  done: boolean;
  updatedAt: number;
}
