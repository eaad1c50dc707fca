// The team server's address as the reader types it: an http(s) origin, nothing else. The host
// permission asked for it is that host only (match patterns carry no port, in Firefox none at all).

export interface TeamAddress {
  /** `https://team.example.org:8443`: every request goes to this origin and no other. */
  origin: string;
  /** The host permission the extension asks for: `https://team.example.org/*`. */
  pattern: string;
  /** Plain http to a host other than this machine: the token would cross the network unencrypted. */
  insecure: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The address of a team server, or a reason it is not one. */
export function teamAddress(input: string): TeamAddress | { error: 'address' } {
  const raw = input.trim();
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { error: 'address' };
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password) return { error: 'address' };
  // A path, query or fragment would be ignored: the API's routes are fixed (/v1/teams/…).
  if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) return { error: 'address' };
  return { origin: u.origin, pattern: `${u.protocol}//${u.hostname}/*`, insecure: u.protocol === 'http:' && !LOOPBACK.test(u.hostname) };
}

/** A team's name as the server's routes take it (the server's own `ISNAD_TEAM`). */
export function validTeamName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !/[\s/?#\\]/.test(name);
}

/** The server's token shape (server/auth.ts): checked before it is stored or sent. */
export const TOKEN_SHAPE = /^isnad_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/;
