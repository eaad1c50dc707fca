// The first phase's reserve (lib/engine/search.ts candidatesOf): besides the best reports by BM25,
// the best of those holding one of the article's specific places, within a stated bound.
import { describe, expect, it } from 'vitest';
import { memoryDb } from '../../../cli/engine';
import { reportId } from '../../../lib/corpus/ids';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { storeReader } from '../../../lib/engine/reader';
import { eventSignature } from '../../../lib/events';
import { eventPlaceDays } from '../../../lib/engine/place-days';
import { best, CANDIDATES, candidatesOf, DAY_RESERVE, RESERVE } from '../../../lib/engine/candidates';
import { lookUp, queryFeatures, queryTerms, scoreLexical, searchRelated } from '../../../lib/engine/search';
import { reserveCorpus } from './reserve-corpus';
import { docById } from './doc-table';

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
    // Under the event's place on its days: reports no word of the article scored (4000 and up)
    // too, at most DAY_RESERVE of them besides, the whole reserve best first.
    const days = [[...touched.filter((n) => n % 7 === 0), ...Array.from({ length: 50 }, (_, i) => 4000 + i)]];
    const wide = new Float32Array(5000);
    wide.set(acc);
    const all = candidatesOf(wide, touched, [threes, fives], days);
    const fromDays = [...days[0]!].filter((n) => !top.includes(n) && !rest.includes(n)).sort((a, b) => wide[b]! - wide[a]! || a - b).slice(0, DAY_RESERVE);
    expect(all.slice(0, CANDIDATES)).toEqual(top);
    expect(all.slice(CANDIDATES)).toEqual([...rest, ...fromDays].sort((a, b) => wide[b]! - wide[a]! || a - b));
    expect(all.length).toBe(CANDIDATES + RESERVE + DAY_RESERVE);
  });

  it.each([
    ['town', 'the town'],
    ['city', 'a city too common to look up, and the day'],
  ] as const)("finds another outlet's report of the event that shares %s and little else, below the best by BM25 (%s)", async (place, _what) => {
    const { records, article, partner } = reserveCorpus(place);
    const db = memoryDb();
    await indexReports(db, records.map((r) => toReport(r, 'import', 'reserve.jsonl')));
    const q = { url: article.url, outlet: article.outlet, title: article.title, text: article.text, publishedAt: article.publishedAt };
    const f = queryFeatures(q);
    // The event's place on its days (none for a town: it is a specific place).
    const days = eventPlaceDays(eventSignature(article.title, article.text, article.publishedAt));
    expect(days.length).toBe(place === 'city' ? 5 : 0);
    const lexical = scoreLexical(f, await lookUp(storeReader(db), queryTerms(f), days))!;
    const n = (await docById(db, reportId(partner.url, '')))!.n;
    // More than CANDIDATES reports outscore it in BM25: without the reserve it is never judged.
    const outscore = [...lexical.acc].filter((v) => v > lexical.acc[n]!).length;
    expect(outscore).toBeGreaterThanOrEqual(CANDIDATES);
    expect(lexical.candidates.indexOf(n)).toBe(CANDIDATES);
    const related = await searchRelated(db, q, { explain: false });
    // A town named by both is the same event; a city alone is not enough for the event model (related).
    expect(related.find((r) => r.url === partner.url)).toMatchObject({ relation: place === 'town' ? 'same-event' : 'related' });
    db.close();
  });
});
