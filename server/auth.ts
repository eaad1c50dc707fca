// People and tokens. A token is `isnad_<id>.<secret>`: the id finds the row, the secret is checked
// against its argon2 hash. A verified secret is remembered (as a SHA-256) so a reader's queries
// do not each pay for argon2; the token's row (revoked? role? team?) is read on every request, so
// revoking takes effect at once on every server.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db, Sql } from './db';

const ROLES = ['reader', 'contributor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  tokenId: string;
  memberId: number;
  member: string;
  role: Role;
  teamId: number;
  team: string;
}

const RANK: Record<Role, number> = { reader: 0, contributor: 1, admin: 2 };

/** Whether a role may do what `needed` may. */
export const allows = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

export const isRole = (x: unknown): x is Role => typeof x === 'string' && (ROLES as readonly string[]).includes(x);

const TOKEN = /^isnad_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

const sha = (s: string) => createHash('sha256').update(s).digest();

/** Secrets already verified against their hash, by token id (bounded). */
const verified = new Map<string, Buffer>();
const VERIFIED_MAX = 10_000;

/** The member a token stands for, or null (unknown, malformed, wrong secret or revoked). */
export async function authenticate(db: Db, token: string | undefined): Promise<Principal | null> {
  const m = token ? TOKEN.exec(token) : null;
  if (!m) return null;
  const [, id, secret] = m as unknown as [string, string, string];
  const rows = await db.query<{ hash: string; member_id: number; member: string; role: Role; team_id: number; team: string }>(
    `SELECT t.hash, m.id AS member_id, m.name AS member, m.role, m.team_id, tm.name AS team
       FROM tokens t JOIN members m ON m.id = t.member_id JOIN teams tm ON tm.id = m.team_id
      WHERE t.id = $1 AND t.revoked_at IS NULL`,
    [id],
  );
  const row = rows[0];
  if (!row) {
    verified.delete(id);
    return null;
  }
  const known = verified.get(id);
  const digest = sha(secret);
  if (!(known && timingSafeEqual(known, digest))) {
    if (!(await verify(row.hash, secret))) return null;
    if (verified.size >= VERIFIED_MAX) verified.clear();
    verified.set(id, digest);
  }
  return { tokenId: id, memberId: row.member_id, member: row.member, role: row.role, teamId: row.team_id, team: row.team };
}

/** A new token for a member: the plain token is returned once and never stored. */
export async function issueToken(sql: Sql, memberId: number, label = ''): Promise<{ id: string; token: string }> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await sql.query('INSERT INTO tokens (id, member_id, hash, label) VALUES ($1, $2, $3, $4)', [id, memberId, await hash(secret), label]);
  return { id, token: `isnad_${id}.${secret}` };
}

export async function revokeToken(sql: Sql, teamId: number, tokenId: string): Promise<boolean> {
  verified.delete(tokenId);
  const rows = await sql.query(
    `UPDATE tokens t SET revoked_at = now() FROM members m
      WHERE t.id = $1 AND m.id = t.member_id AND m.team_id = $2 AND t.revoked_at IS NULL RETURNING t.id`,
    [tokenId, teamId],
  );
  return rows.length > 0;
}

export async function addMember(sql: Sql, teamId: number, name: string, role: Role): Promise<number> {
  const rows = await sql.query<{ id: number }>('INSERT INTO members (team_id, name, role) VALUES ($1, $2, $3) RETURNING id', [teamId, name, role]);
  return rows[0]!.id;
}

/** A team with its first admin and that admin's token (the bootstrap). */
export async function createTeam(db: Db, team: string, admin: string): Promise<{ teamId: number; token: string }> {
  return db.tx(async (sql) => {
    const t = await sql.query<{ id: number }>('INSERT INTO teams (name) VALUES ($1) RETURNING id', [team]);
    const teamId = t[0]!.id;
    await sql.query('INSERT INTO corpus_stats (team_id) VALUES ($1)', [teamId]);
    const memberId = await addMember(sql, teamId, admin, 'admin');
    const { token } = await issueToken(sql, memberId, 'bootstrap');
    await audit(sql, teamId, memberId, 'team.create', { team, admin });
    return { teamId, token };
  });
}

export async function audit(sql: Sql, teamId: number, memberId: number | null, action: string, detail: Record<string, unknown>): Promise<void> {
  await sql.query('INSERT INTO audit (team_id, member_id, action, detail) VALUES ($1, $2, $3, $4)', [teamId, memberId, action, JSON.stringify(detail)]);
}
