// A report's id is its main URL key's 53-bit hash (lib/corpus/ids.ts urlKeyId), and the duplicate
// check finds a stored report's main key by its id. Two URLs of one hash (a file can be made to
// have them) are two reports: the stored one's key is compared, and the new one is kept under
// another id, its key indexed. The collision is forced here by giving a report the id another
// URL's hash gives (what toReport would give it for a colliding URL).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { countReports, getReports, reportByUrlKeys } from '../../../lib/corpus/report-pages';
import { openSession, prepare, toReport, writeBatch } from '../../../lib/engine/index-store';
import type { Report } from '../../../lib/types';
import { docCount } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const at = (i: number, path: string) => toReport({ ...real[i]!, url: `https://www.enabbaladi.net/archives/${path}` }, 'import', 'import-x', 1);
/** `r` under `id`: as if its URL hashed as the URL `id` stands for. */
const colliding = (r: Report, id: string): Report => ({ ...r, id });

async function found(db: IsnadDB, r: Report): Promise<Report | undefined> {
  return reportByUrlKeys(db, r.keys!);
}

describe('two URLs of one 53-bit hash', () => {
  it('keeps both reports, each found by its own URL; the second again is a duplicate', async () => {
    const db = openDb(`collide-${Math.random()}`);
    const a = at(0, 'a');
    await writeBatch(db, prepare([a]));
    const b = colliding(at(1, 'b'), a.id);
    const res = await writeBatch(db, prepare([b]));
    expect(res.duplicates).toEqual([]);
    expect(res.added).toHaveLength(1);
    const kept = res.added[0]!;
    expect(kept.id).not.toBe(a.id);
    expect(kept).toMatchObject({ url: b.url, title: b.title, keys: b.keys });
    expect(await countReports(db)).toBe(2);
    expect(await docCount(db)).toBe(2);
    expect((await found(db, a))?.url).toBe(a.url);
    expect((await found(db, b))?.url).toBe(b.url);
    expect((await getReports(db, [a.id, kept.id])).map((r) => r?.url)).toEqual([a.url, b.url]);
    // Sent again, either is the duplicate it is.
    const again = await writeBatch(db, prepare([colliding(at(1, 'b'), a.id), at(0, 'a')]));
    expect(again.added).toEqual([]);
    expect(again.duplicates.map((r) => r.url)).toEqual([b.url, a.url]);
    expect(await countReports(db)).toBe(2);
    db.close();
  });

  it('in an import run (URL keys read once), within one batch and against what it stored', async () => {
    const db = openDb(`collide-session-${Math.random()}`);
    const a = at(0, 'a');
    await writeBatch(db, prepare([a]));
    const session = await openSession(db, 1000);
    // Two new reports of a's hash and a true duplicate of a, in one batch.
    const b = colliding(at(1, 'b'), a.id);
    const c = colliding(at(2, 'c'), a.id);
    const res = await writeBatch(db, prepare([b, c, at(0, 'a')]), { session });
    expect(res.added.map((r) => r.url)).toEqual([b.url, c.url]);
    expect(res.duplicates.map((r) => r.url)).toEqual([a.url]);
    expect(new Set([a.id, ...res.added.map((r) => r.id)]).size).toBe(3);
    // A later batch of the run: a fourth URL of the hash a's renamed neighbour now holds, and b again.
    const d = colliding(at(3, 'd'), res.added[0]!.id);
    const next = await writeBatch(db, prepare([d, colliding(at(1, 'b'), a.id)]), { session });
    expect(next.added.map((r) => r.url)).toEqual([d.url]);
    expect(next.duplicates.map((r) => r.url)).toEqual([b.url]);
    expect(await countReports(db)).toBe(4);
    for (const r of [a, b, c, d]) expect((await found(db, r))?.url).toBe(r.url);
    db.close();
  });
});
