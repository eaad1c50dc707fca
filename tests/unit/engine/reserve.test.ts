// The first phase's reserve (lib/engine/search.ts candidatesOf): besides the best reports by BM25,
// the best of those holding one of the article's specific places, within a stated bound.
import { describe, expect, it } from 'vitest';
import { memoryDb } from '../../../cli/engine';
import { reportId } from '../../../lib/corpus/ids';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { storeReader } from '../../../lib/engine/reader';
import { best, CANDIDATES, candidatesOf, lookUp, queryFeatures, queryTerms, RESERVE, scoreLexical, searchRelated } from '../../../lib/engine/search';
import { reserveCorpus } from './reserve-corpus';

describe('candidate reserve', () => {
  it('takes the best, then the best other holders of the places, never more than CANDIDATES + RESERVE', () => {
    const acc = new Float32Array(3001);
    const touched: number[] = [];
    for (let n = 1; n <= 3000; n++) {
      acc[n] = ((n * 7919) % 1000) / 10 + 0.1;
      touched.push(n);
    }
    const byScore = (a: number, b: number) => acc[b]! - acc[a]! || a - b;
    // Two places: multiples of 3 and of 5 (some both); a doc number past the scores is ignored.
    const threes = touched.filter((n) => n % 3 === 0);
    const fives = [...touched.filter((n) => n % 5 === 0), 5000];
    const got = candidatesOf(acc, touched, [threes, fives]);
    const top = [...touched].sort(byScore).slice(0, CANDIDATES);
    const rest = [...new Set([...threes, ...fives])].filter((n) => n <= 3000 && !top.includes(n)).sort(byScore).slice(0, RESERVE);
    expect(got).toEqual([...top, ...rest]);
    expect(got.length).toBe(CANDIDATES + RESERVE);
    expect(candidatesOf(acc, touched, [])).toEqual(best(touched, acc, CANDIDATES));
  });

  it("finds another outlet's report of the event that shares the town and little else, below the best by BM25", async () => {
    const { records, article, partner } = reserveCorpus();
    const db = memoryDb();
    await indexReports(db, records.map((r) => toReport(r, 'import', 'reserve.jsonl')));
    const q = { url: article.url, outlet: article.outlet, title: article.title, text: article.text, publishedAt: article.publishedAt };
    const f = queryFeatures(q);
    const lexical = scoreLexical(f, await lookUp(storeReader(db), queryTerms(f)))!;
    const n = (await db.docs.get({ id: reportId(partner.url, '') }))!.n;
    // More than CANDIDATES reports outscore it in BM25: without the reserve it is never judged.
    const outscore = [...lexical.acc].filter((v) => v > lexical.acc[n]!).length;
    expect(outscore).toBeGreaterThanOrEqual(CANDIDATES);
    expect(lexical.candidates.indexOf(n)).toBe(CANDIDATES);
    const related = await searchRelated(db, q, { explain: false });
    expect(related[0]).toMatchObject({ url: partner.url, relation: 'same-event' });
    db.close();
  });
});
