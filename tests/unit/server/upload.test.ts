// Streamed uploads (NDJSON, a report a line): lines split wherever the chunks fall, bad lines named
// and skipped, records without an analysis analysed on the server's worker threads, the same
// answers as the local engine, and a batch the database refuses losing nothing stored before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseForTeam } from '../../../server/analyse-pool';
import { pgliteDb, type Db } from '../../../server/db';
import { BATCH } from '../../../server/store';
import { splitLines, upload, UploadError, type Line } from '../../../server/upload';
import { migrate } from '../../../server/migrate';
import { createTeam } from '../../../server/auth';
import { localTops, real, serve, teamTops, type Running } from './harness';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runTeam } from '../../../cli/commands/team';

async function collect(chunks: Array<string | Uint8Array>, max?: number): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of splitLines((async function* () { yield* chunks; })(), max)) out.push(l);
  return out;
}

async function* chunked(text: string, size: number) {
  const b = Buffer.from(text);
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('splitLines', () => {
  it('splits lines across chunks, inside a multi-byte letter too, numbering blank lines without yielding them', async () => {
    const bytes = Buffer.from('{"a":"سوريا"}\n\n{"b":2}\r\n{"c":"إدلب"}');
    // Every split point, including inside the two-byte Arabic letters.
    for (let cut = 1; cut < bytes.length; cut++) {
      const lines = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(lines).toEqual([
        { no: 1, text: '{"a":"سوريا"}' },
        { no: 3, text: '{"b":2}\r' },
        { no: 4, text: '{"c":"إدلب"}' },
      ]);
    }
  });

  it('refuses a line past the limit without holding it, and goes on with the next', async () => {
    const lines = await collect(['x'.repeat(60), 'y'.repeat(60), '\nshort\n'], 100);
    expect(lines).toEqual([{ no: 1, error: 'longer than 100 bytes' }, { no: 2, text: 'short' }]);
  });
});

describe('streamed upload on PGlite', () => {
  let db: Db;
  let s: Running & { token: string };
  beforeAll(async () => {
    db = await pgliteDb('memory://');
    s = await serve(db);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await db?.close();
  });

  it('stores good lines, names the bad ones, analyses bare records on worker threads, and answers as the local engine does', async () => {
    // Half the lines carry the client's analysis, half are bare records (a corpus .jsonl as it is).
    const half = Math.floor(real.length / 2);
    const { analyses, events } = analyseForTeam(real.slice(0, half));
    const lines = real.map((r, i) => JSON.stringify(i < half ? { record: r, analysis: analyses[i], event: events[i] } : r));
    const bad = ['{not json', JSON.stringify({ title: 'قصير', text: 'نص قصير' }), JSON.stringify({ record: real[0], analysis: { terms: 'x' } }), '[1,2]'];
    // The bad lines go in at lines 3, 6, 9 and 12.
    const all: string[] = [];
    lines.forEach((l, i) => {
      all.push(l);
      if (i % 2 === 1 && bad.length) all.push(bad.shift()!);
    });
    const res = await s.admin.upload(chunked(`${all.join('\n')}\n`, 7777), 'real-2025.jsonl');
    expect(res.added).toBe(real.length);
    expect(res.lines).toBe(real.length + 4);
    expect(res.problems.map((p) => p.line)).toEqual([3, 6, 9, 12]);
    expect(res.problems[0]!.reason).toBe('not valid JSON');
    expect(res.problems[3]!.reason).toBe('not a JSON object');
    for (const p of res.problems) expect(p.reason.length).toBeGreaterThan(5);

    // Sent again: every record is a duplicate, nothing added.
    const again = await s.admin.upload(chunked(`${lines.join('\n')}\n`, 1 << 16), 'again');
    expect([again.added, again.duplicates]).toEqual([0, real.length]);

    const queries = real.filter((_, i) => i % 5 === 0);
    expect(await teamTops(s.admin, queries)).toEqual(await localTops(real, queries));
  }, 300_000);

  it('`isnad team load` streams each file, analysed beside it; loaded again, every record is a duplicate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-load-'));
    try {
      const mine = real.slice(0, 12).map((r, i) => ({ ...r, url: `https://example.org/cli/${i}` }));
      const file = join(dir, 'mine.jsonl');
      writeFileSync(file, `${mine.map((r) => JSON.stringify(r)).join('\n')}\n`);
      const args = ['--server', s.url, '--team', 'newsroom', '--token', s.token];
      expect(await runTeam(['load', ...args, file])).toEqual({ added: mine.length, duplicates: 0, problems: [] });
      expect(await runTeam(['load', ...args, file])).toEqual({ added: 0, duplicates: mine.length, problems: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('refuses a body that is not NDJSON', async () => {
    const res = await fetch(`${s.url}/v1/teams/newsroom/reports/stream`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'text/plain' }, body: 'x' });
    expect(res.status).toBe(415);
  });

  it('keeps the batches stored before one the database refuses, and says from which line nothing is stored', async () => {
    const own = await pgliteDb('memory://');
    try {
      await migrate(own);
      await createTeam(own, 'flaky', 'admin');
      const [{ id }] = (await own.query<{ id: number }>("SELECT id FROM teams WHERE name = 'flaky'")) as [{ id: number }];
      let txs = 0;
      // The second batch's transaction fails, as a database that went away would.
      const flaky: Db = { ...own, tx: (fn) => (++txs === 2 ? Promise.reject(new Error('connection lost')) : own.tx(fn)) };
      const base = real.slice(0, 10);
      const { analyses, events } = analyseForTeam(base);
      const lines = Array.from({ length: BATCH + 5 }, (_, i) => {
        const k = i % base.length;
        return `${JSON.stringify({ record: { ...base[k], url: `https://example.org/r/${i}` }, analysis: analyses[k], event: events[k] })}\n`;
      });
      const err = await upload(flaky, (async function* () { yield* lines; })(), { who: { teamId: id, memberId: null }, source: 't', analyse: async () => { throw new Error('not needed'); } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UploadError);
      expect((err as UploadError).fromLine).toBe(BATCH + 1);
      expect((err as UploadError).result.added).toBe(BATCH);
      expect((await own.query<{ c: number }>('SELECT count(*)::int AS c FROM reports'))[0]!.c).toBe(BATCH);
    } finally {
      await own.close();
    }
  }, 300_000);
});
