// The team server's failures (lib/team/errors.ts: messages `team:<code>: detail`) in the reader's language.
import { t, type MessageKey } from '../lib/i18n';

const KEYS: Record<string, MessageKey> = {
  address: 'teamErrAddress',
  team: 'teamErrTeam',
  token: 'teamErrToken',
  permission: 'teamErrPermission',
  unreachable: 'teamErrUnreachable',
  unauthorized: 'teamErrUnauthorized',
  forbidden: 'teamErrForbidden',
  rate: 'teamErrRate',
  server: 'teamErrServer',
  answer: 'teamErrAnswer',
};

/** What went wrong, said for the reader; the server's own words (text) follow when there are any. */
export function teamErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^team:(\w+):\s*(.*)$/s.exec(message);
  const key = m ? KEYS[m[1]!] : undefined;
  if (!key) return t('error', message);
  return m![2] && !['address', 'team', 'token'].includes(m![1]!) ? `${t(key)} (${m![2]})` : t(key);
}
