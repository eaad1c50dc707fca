// The team's packed postings (server/postings.ts) on PGlite: a batch is a segment, full levels are
// merged, and a term's postings read back whole and in order, with their document counts (no
// postings for a term more common than the query looks up).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FANOUT } from '../../../lib/engine/index-store';
import { pgliteDb, type Db } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { addSegment, positionOf, readPostings, type DocTerms } from '../../../server/postings';

describe('packed postings', () => {
  let db: Db;
  beforeAll(async () => {
    db = await pgliteDb('memory://');
    await migrate(db);
  }, 120_000);
  afterAll(() => db?.close());

  // Doc n holds "all", "even" when n is even, "t<n mod 7>", and "late" past 150; impacts vary.
  const doc = (n: number): DocTerms => {
    const terms = ['all', `t${n % 7}`, ...(n % 2 === 0 ? ['even'] : []), ...(n > 150 ? ['late'] : [])];
    return { n, terms, imps: terms.map((_, i) => ((n * 31 + i * 7) % 255) + 1) };
  };
  const batches = FANOUT * FANOUT + 3;
  const perBatch = 3;

  it('keeps a batch a segment, merges full levels, and reads each term whole and in order', async () => {
    let n = 1;
    for (let b = 0; b < batches; b++) {
      const docs = Array.from({ length: perBatch }, () => doc(n++));
      await db.tx((sql) => addSegment(sql, 9, docs));
    }
    const last = n - 1;
    // 67 batches with FANOUT 8: one level-2 segment (64 batches) and three of level 0.
    const segs = await db.query<{ lvl: number; c: number }>('SELECT lvl, count(*)::int AS c FROM posting_segs WHERE team_id = 9 GROUP BY lvl ORDER BY lvl');
    expect(segs).toEqual([{ lvl: 0, c: 3 }, { lvl: 2, c: 1 }]);
    const rows = await db.query<{ c: number }>("SELECT count(*)::int AS c FROM postings WHERE team_id = 9 AND term = 'all'");
    expect(rows[0]!.c).toBe(4);

    const all = Array.from({ length: last }, (_, i) => doc(i + 1));
    const expected = (t: string) => {
      const holding = all.filter((d) => d.terms.includes(t));
      return { ids: holding.map((d) => d.n), imp: holding.map((d) => d.imps[d.terms.indexOf(t)]!) };
    };
    const got = await readPostings(db, 9, ['all', 'even', 't3', 'late', 'absent']);
    expect([...got.keys()].sort()).toEqual(['all', 'even', 'late', 't3']);
    for (const t of ['all', 'even', 't3', 'late']) {
      const p = got.get(t)!;
      expect({ ids: [...p.ids], imp: [...p.imp] }).toEqual(expected(t));
    }
    expect(Object.fromEntries([...got].map(([t, p]) => [t, p.df]))).toEqual({ all: last, even: Math.floor(last / 2), t3: expected('t3').ids.length, late: last - 150 });
    // A term held by more reports than the query looks up comes with its count and no postings.
    const capped = await readPostings(db, 9, ['all', 'late'], last - 1);
    expect({ df: capped.get('all')!.df, ids: capped.get('all')!.ids.length, late: capped.get('late')!.ids.length }).toEqual({ df: last, ids: 0, late: last - 150 });
    const even = got.get('even')!;
    expect(positionOf(even, 10)).toBe(4);
    expect(positionOf(even, 11)).toBe(-1);
    // Another team's postings are its own.
    expect((await readPostings(db, 10, ['all'])).size).toBe(0);
  }, 120_000);

  it('holds doc numbers past 2^31 (4 bytes unsigned)', async () => {
    const big = 2 ** 31 + 5;
    await db.tx((sql) => addSegment(sql, 11, [{ n: big, terms: ['x'], imps: [200] }]));
    const p = (await readPostings(db, 11, ['x'])).get('x')!;
    expect([...p.ids]).toEqual([big]);
    expect([...p.imp]).toEqual([200]);
  });
});
