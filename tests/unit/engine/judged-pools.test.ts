// What a benchmark is told of each pool judged (lib/engine/judge-candidates.ts judgedPools; bench/
// query-alloc.ts --pools writes them out for bench/judge-replay.ts): the article and the pool as
// judgeAmong is given them — replayed, they judge as the query did.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { eventDocFromWire, eventDocToWire, judgeAmong, type CorpusDf, type EventDoc } from '../../../lib/events';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import { judgedPools } from '../../../lib/engine/judge-candidates';
import { searchRelated } from '../../../lib/engine/search';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records.slice(0, 80);

afterEach(() => {
  judgedPools.seen = undefined;
});

describe('the judged pools a benchmark captures', () => {
  it('are each query pool as judged: replayed from their wire form, the same relations and probabilities', async () => {
    const db = openDb(`judged-pools-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real')));
    const seen: Array<{ article: EventDoc; docs: readonly EventDoc[]; corpus: CorpusDf | undefined }> = [];
    judgedPools.seen = (article, docs, corpus) => void seen.push({ article, docs, corpus });
    const r = real[5]!;
    const answer = await searchRelated(db, { url: '', outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { explain: false });
    expect(seen).toHaveLength(1);
    const [{ article, docs, corpus }] = seen as [(typeof seen)[number]];
    expect(docs.length).toBeGreaterThanOrEqual(answer.length);
    const wired = (d: EventDoc) => eventDocFromWire(JSON.parse(JSON.stringify(eventDocToWire(d))));
    const again = judgeAmong(wired(article), docs.map(wired), corpus);
    expect(again.judgements).toEqual(judgeAmong(article, docs, corpus).judgements);
    expect(again.judgements.filter((j) => j.relation !== 'none').length).toBe(answer.length);
    db.close();
  });
});
