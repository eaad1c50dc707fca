// People and permissions: no route answers without a valid token of the team in the path, each
// role is held to what it may do, revoking works at once, writes are in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../../../server/auth';
import { TeamClient, TeamError } from '../../../server/client';
import { pgliteDb, type Db } from '../../../server/db';
import { real, serve, type Running } from './harness';

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof TeamError ? e.status : Promise.reject(e)),
  );

describe('team server permissions', () => {
  let db: Db;
  let s: Running & { token: string };
  let reader: TeamClient;
  let contributor: TeamClient;
  let readerTokenId: string;
  beforeAll(async () => {
    db = await pgliteDb('memory://');
    s = await serve(db, 'newsroom', { rateLimit: 40 });
    const r = await s.admin.addMember('rana', 'reader');
    const c = await s.admin.addMember('karim', 'contributor');
    const rt = await s.admin.issueToken(r.id);
    readerTokenId = rt.id;
    reader = new TeamClient(s.url, 'newsroom', rt.token);
    contributor = new TeamClient(s.url, 'newsroom', (await s.admin.issueToken(c.id)).token);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await db?.close();
  });

  it('answers nothing without a valid token: none, malformed, unknown, wrong secret, unknown route', async () => {
    const base = `${s.url}/v1/teams/newsroom`;
    expect((await fetch(`${base}/me`)).status).toBe(401);
    expect((await fetch(`${base}/me`, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    expect((await fetch(`${base}/me`, { headers: { authorization: `Bearer isnad_0000000000000000.${'a'.repeat(43)}` } })).status).toBe(401);
    const [id] = s.token.slice('isnad_'.length).split('.');
    expect((await fetch(`${base}/me`, { headers: { authorization: `Bearer isnad_${id}.${'b'.repeat(43)}` } })).status).toBe(401);
    expect((await fetch(`${s.url}/`)).status).toBe(401);
    expect((await fetch(`${s.url}/v1/teams/newsroom/nothing`, { headers: { authorization: `Bearer ${s.token}` } })).status).toBe(404);
    expect(await status(s.admin.me())).toBe(200);
  });

  it('refuses a token on another team', async () => {
    const { token } = await createTeam(db, 'other-desk', 'boss');
    const other = new TeamClient(s.url, 'newsroom', token);
    expect(await status(other.me())).toBe(403);
    expect(await status(other.addReports(real.slice(0, 1), 't'))).toBe(403);
    expect(await status(new TeamClient(s.url, 'other-desk', s.token).me())).toBe(403);
    expect(await status(new TeamClient(s.url, 'other-desk', token).me())).toBe(200);
  });

  it('holds each role to what it may do', async () => {
    expect(await status(reader.addReports(real.slice(0, 2), 'r'))).toBe(403);
    expect(await status(reader.addMember('x', 'admin'))).toBe(403);
    expect(await status(reader.audit())).toBe(403);
    expect(await status(contributor.addMember('y', 'admin'))).toBe(403);
    expect(await status(contributor.issueToken(1))).toBe(403);
    expect(await status(contributor.audit())).toBe(403);
    expect(await status(contributor.revoke(readerTokenId))).toBe(403);
    const res = await contributor.addReports(real.slice(0, 3), 'desk.jsonl');
    expect(res.added).toBe(3);
    expect((await reader.me()).reports).toBe(3);
    expect(await status(reader.changes(0))).toBe(200);
  });

  it('stores the good records of a batch and names each bad one', async () => {
    const res = await contributor.addReports([real[5]!, { title: 'no text' } as never, real[6]!], 'mixed.jsonl');
    expect(res.added).toBe(2);
    expect(res.problems).toEqual([{ index: 1, reason: 'field "text" missing or not a string' }]);
  });

  it('keeps an audit log of writes', async () => {
    const { entries } = await s.admin.audit();
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['team.create', 'member.add', 'token.issue', 'reports.add']));
    expect(entries.find((e) => e.action === 'reports.add')!.detail).toMatchObject({ source: 'desk.jsonl', added: 3 });
  });

  it('refuses a revoked token at once', async () => {
    expect(await status(reader.me())).toBe(200);
    await s.admin.revoke(readerTokenId);
    expect(await status(reader.me())).toBe(401);
    expect((await s.admin.audit()).entries.some((e) => e.action === 'token.revoke' && e.detail.token === readerTokenId)).toBe(true);
  });

  it('limits the rate of requests per token', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 45; i++) codes.push(await status(contributor.me()));
    expect(codes).toContain(429);
  });
});
