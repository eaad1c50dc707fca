// How a talk with the team server failed, by kind: the pages say each in the reader's language.

export type TeamErrorCode = 'unreachable' | 'unauthorized' | 'forbidden' | 'rate' | 'server' | 'answer' | 'permission';

/** A failure the pages name in the reader's language (their message is `team:<code>: detail`). */
export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    detail: string,
  ) {
    super(`team:${code}: ${detail}`);
  }
}

