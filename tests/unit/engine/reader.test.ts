// The query's phases read the index only through IndexReader (lib/engine/reader.ts): answered from
// a copy of what the store reader gave, with the database closed, a query finds the same reports
// with the same scores and explanations, and so does an entity's card.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { openDb } from '../../../lib/db';
import { entityCard, entityCardWith } from '../../../lib/engine/entity-card';
import { indexReports, toReport } from '../../../lib/engine/index-store';
import type { DocRow, IndexMeta } from '../../../lib/engine/index-types';
import type { TermPostings } from '../../../lib/engine/segments/store';
import { storeReader, type IndexReader } from '../../../lib/engine/reader';
import { queryFeatures, queryTerms, searchRelated, searchWith, type Query } from '../../../lib/engine/search';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const q = (i: number): Query => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });

/** A reader answering from what `inner` gave before (every term, doc and text it was asked for). */
function recorded(inner: IndexReader) {
  let meta: IndexMeta | null = null;
  const postings = new Map<string, TermPostings>();
  const docs = new Map<number, DocRow | undefined>();
  const texts = new Map<string, { title: string; text: string } | undefined>();
  const recording: IndexReader = {
    async postings(terms) {
      const got = await inner.postings(terms);
      meta = got.meta;
      for (const [t, p] of got.postings) postings.set(t, p);
      return got;
    },
    async docs(ns) {
      const got = await inner.docs(ns);
      ns.forEach((n, i) => docs.set(n, got[i]));
      return got;
    },
    async texts(ids) {
      const got = await inner.texts(ids);
      ids.forEach((id, i) => texts.set(id, got[i]));
      return got;
    },
  };
  const replay: IndexReader = {
    postings: async (terms) => {
      if (!meta) throw new Error('nothing recorded');
      return { meta, postings: new Map(terms.map((t) => [t, postings.get(t)!])) };
    },
    docs: async (ns) => ns.map((n) => docs.get(n)),
    texts: async (ids) => ids.map((id) => texts.get(id)),
  };
  return { recording, replay };
}

describe('IndexReader', () => {
  it('is all a related-reports query reads', async () => {
    const db = openDb(`reader-${Math.random()}`);
    await indexReports(db, real.map((r) => toReport(r, 'import', 'real-2025')));
    const { recording, replay } = recorded(storeReader(db));
    const queries = [0, 7, 21].map(q);
    const before = [];
    for (const query of queries) {
      const direct = await searchRelated(db, query);
      expect(direct.length).toBeGreaterThan(0);
      expect(await searchWith(recording, query)).toEqual(direct);
      before.push(direct);
    }
    const place = queryFeatures(queries[0]!).entities[0]!.id;
    const card = await entityCard(db, place);
    expect(card!.reports).toBeGreaterThan(0);
    expect(await entityCardWith(recording, place)).toEqual(card);
    db.close();
    for (const [i, query] of queries.entries()) expect(await searchWith(replay, query)).toEqual(before[i]);
    expect(await entityCardWith(replay, place)).toEqual(card);
  });

  it('gives every term asked for, a term no report holds with df 0', async () => {
    const db = openDb(`reader-${Math.random()}`);
    await indexReports(db, real.slice(0, 20).map((r) => toReport(r, 'import', 'real-2025')));
    const terms = [...queryTerms(queryFeatures(q(0))).map((w) => w.t), 'كلمةلاوجودلها'];
    const { meta, postings } = await storeReader(db).postings(terms);
    expect(meta.docs).toBe(20);
    expect([...postings.keys()].sort()).toEqual([...new Set(terms)].sort());
    expect(postings.get('كلمةلاوجودلها')).toMatchObject({ df: 0, parts: [] });
    db.close();
  });
});
