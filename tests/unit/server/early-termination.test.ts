// Early termination (server/retrieval.ts): a query that leaves its lightest terms' postings unread
// and completes the reports that can still reach its candidates from their forward lists finds
// exactly the candidates — same reports, same order, ties to the lower number, same terms and
// impacts — that scoring every posting finds, as the local engine does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDb, type Db, type Sql } from '../../../server/db';
import type { DocColumns } from '../../../server/docs';
import { migrate } from '../../../server/migrate';
import { addSegment, type DocTerms } from '../../../server/postings';
import { PostingsCandidates, retrievalTotals } from '../../../server/retrieval';

const DOCS = 3000;
// Docs n and n + 1500 hold the same terms with the same impacts: their scores tie.
const doc = (n: number): DocTerms => {
  const m = n % 1500;
  const terms = [...[0, 1, 2, 3, 4].map((k) => `common${k}`), `mid${m % 7}`, ...(m % 3 === 0 ? [`mid${(m + 3) % 7}`] : []), `rare${m % 97}`];
  return { n, terms, imps: terms.map((_, i) => ((m * 31 + i * 53) % 220) + 1) };
};
// The rows the candidates' reports are read from: just enough of each.
const rowsOf: Sql = {
  query: async <T>(_: string, params?: unknown[]) =>
    (params![1] as number[]).map((n) => ({ n, id: `r${n}`, url: '', outlet: '', title: '', published_at: null, day: null, len: 1, e: [], en: [], et: [], src: [], h0: 0, h1: 0, mh: [], dup: null, imp: '', tk: '' }) satisfies DocColumns) as T[],
  copyIn: async () => {},
};

/** What scoring every posting gives: float32 sums in the query's order, best first, ties to the lower number. */
function everyPosting(want: ReadonlyArray<{ t: string; w: number }>, limit: number) {
  const all = Array.from({ length: DOCS }, (_, i) => doc(i + 1)).map((d) => {
    const hits = want.filter(({ t }) => d.terms.includes(t));
    let acc = 0;
    for (const { t, w } of hits) acc = Math.fround(acc + w * d.imps[d.terms.indexOf(t)]!);
    return { n: d.n, acc, hits: hits.map((h) => h.t), imps: hits.map((h) => d.imps[d.terms.indexOf(h.t)]!) };
  });
  return all.filter((x) => x.acc > 0).sort((a, b) => b.acc - a.acc || a.n - b.n).slice(0, limit).map(({ n, hits, imps }) => ({ n, hits, imps }));
}

describe('early termination over the postings', () => {
  let db: Db;
  beforeAll(async () => {
    db = await pgliteDb('memory://');
    await migrate(db);
    for (let lo = 1; lo <= DOCS; lo += 500) await db.tx((sql) => addSegment(sql, 3, Array.from({ length: 500 }, (_, i) => doc(lo + i))));
  }, 120_000);
  afterAll(() => db?.close());

  const query = (weights: { common: number; mid: number; rare: number }, rares: number) => [
    ...Array.from({ length: 7 }, (_, k) => ({ t: `mid${k}`, w: weights.mid })),
    ...Array.from({ length: 5 }, (_, k) => ({ t: `common${k}`, w: weights.common })),
    ...Array.from({ length: rares }, (_, k) => ({ t: `rare${k * 3}`, w: weights.rare })),
    { t: 'absent', w: 9 },
  ];

  it.each([
    ['light common terms left unread', { common: 1, mid: 5, rare: 40 }, 12, 20],
    ['every term needed (no bound low enough)', { common: 30, mid: 30, rare: 31 }, 12, 20],
    ['few rare terms, many candidates', { common: 0.5, mid: 3, rare: 60 }, 3, 120],
  ] as const)('%s: the same candidates as scoring every posting', async (_, weights, rares, limit) => {
    const want = query(weights, rares);
    const source = new PostingsCandidates(db, rowsOf);
    const before = { ...retrievalTotals };
    const looked = await source.lookUp(3, want.map((x) => x.t), DOCS);
    expect(looked.df.get('common0')).toBe(DOCS);
    expect(looked.df.has('absent')).toBe(false);
    const got = await looked.candidates(want, limit);
    expect(got.map(({ d, hits, imps }) => ({ n: d.n, hits, imps }))).toEqual(everyPosting(want, limit));
    const skipped = retrievalTotals.skipped - before.skipped;
    if (weights.common < weights.mid) expect(skipped).toBeGreaterThan(0);
    else expect(skipped).toBe(0);
  }, 60_000);
});
