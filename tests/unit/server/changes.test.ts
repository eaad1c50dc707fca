// The changes feed, pulled by `isnad team pull`: stopped by SIGKILL part way (and a line cut short
// by the stop), a second run resumes from the sequence number it reached and ends with every
// report exactly once, in order.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { createTeam } from '../../../server/auth';
import { TeamClient } from '../../../server/client';
import { pgliteDb, type Db } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { load, real } from './harness';

describe('changes feed', () => {
  let db: Db;
  let close: () => Promise<unknown>;
  let env: NodeJS.ProcessEnv;
  const dir = mkdtempSync(join(tmpdir(), 'isnad-pull-'));
  beforeAll(async () => {
    db = await pgliteDb('memory://');
    await migrate(db);
    const { token } = await createTeam(db, 'newsroom', 'admin');
    const app = await buildApp({ db, rateLimit: 100_000 });
    // Each page a little slow, so that the pull can be stopped part way.
    app.addHook('onSend', async (req) => {
      if (req.url.includes('/changes')) await new Promise((r) => setTimeout(r, 150));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    expect(await load(new TeamClient(url, 'newsroom', token), real)).toBe(real.length);
    env = { ...process.env, ISNAD_TEAM_SERVER: url, ISNAD_TEAM: 'newsroom', ISNAD_TEAM_TOKEN: token };
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after a kill with every report once, in order', async () => {
    const out = join(dir, 'team.jsonl');
    const args = ['tsx', 'cli/isnad.ts', 'team', 'pull', '--out', out, '--page', '8'];
    const child = spawn('npx', args, { env, stdio: 'ignore', detached: true });
    const state = `${out}.seq`;
    for (let i = 0; i < 1200 && !(existsSync(state) && Number(readFileSync(state, 'utf8')) >= 24); i++) await new Promise((r) => setTimeout(r, 25));
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const reached = Number(readFileSync(state, 'utf8'));
    expect(reached).toBeGreaterThanOrEqual(24);
    expect(reached).toBeLessThan(real.length);
    // A stop in the middle of a write leaves half a line.
    appendFileSync(out, '{"seq":99999,"url":"https://cut');
    // Run without blocking this process: the server answering it is in here.
    await promisify(execFile)('npx', args, { env });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { seq: number; url: string });
    expect(lines.map((l) => l.seq)).toEqual([...lines.map((l) => l.seq)].sort((a, b) => a - b));
    expect(new Set(lines.map((l) => l.seq)).size).toBe(lines.length);
    expect(lines.map((l) => l.url).sort()).toEqual(real.map((x) => x.url).sort());
  }, 180_000);
});
