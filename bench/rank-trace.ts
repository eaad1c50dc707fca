// `npx tsx bench/rank-trace.ts --docs 100000 --queries 50 [--only 8,36230] --out FILE`: the benchmark's queries
// (bench/run.ts: the same corpus, the same labelled groups) through the engine's first phase on
// fake-indexeddb, written down so that ranking (lib/engine/rank.ts) can be replayed on them in
// seconds (bench/rank-replay.ts) instead of indexing 100,000 reports again for each change. `--only`
// traces just the queries asked by those records (bench/browser.ts's `partnerRanks` names them):
// tracing all 50 at 100k takes longer than indexing. Each query's looked-up terms, its score against itself, its best TRACED lexical candidates (doc rows,
// BM25, texts) and its partners' lexical ranks, with the engine's own top 10 to check the replay by.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { memoryDb } from '../cli/engine';
import { reportId } from '../lib/corpus/ids';
import { docOf } from '../lib/engine/doc-rows';
import { docRowsOfIds } from '../lib/engine/doc-pages';
import type { DocRow } from '../lib/engine/index-types';
import { storeReader } from '../lib/engine/reader';
import { best } from '../lib/engine/candidates';
import { lookUp, queryFeatures, queryTerms, scoreLexical, searchRelated, type Query } from '../lib/engine/search';
import type { ReportRecord } from '../lib/types';
import { indexedSynth } from './run';

/** How many lexical candidates are kept per query: more than the engine's 120, to replay larger pools. */
const TRACED = 400;
/** How many of the reports holding each of the article's entities are kept besides. */
const HOLDERS = 60;

export interface TracedCandidate {
  d: DocRow;
  acc: number;
  text: string | undefined;
}

export interface TracedQuery {
  q: Query;
  partners: string[];
  /** The looked-up terms without their postings, and each word's document frequency. */
  qterms: Array<{ t: string; qw: number; idf: number; df: number; entity?: unknown }>;
  docs: number;
  self: number;
  candidates: TracedCandidate[];
  /** Each partner's place in the lexical order (0 = best), null when it shares no term. */
  partnerLex: Record<string, number | null>;
  /** Partners beyond the traced candidates, to judge them all the same. */
  extra: TracedCandidate[];
  /** For each looked-up entity (by term): the best HOLDERS of it by BM25 beyond the traced candidates. */
  holders: Record<string, TracedCandidate[]>;
  /** The engine's own related reports (searchRelated, top 10, no explanation), best first. */
  engineTop: string[];
}

const plain = (d: DocRow): DocRow => ({ ...d, mh: Array.from(d.mh) });

function queryOf(r: ReportRecord): Query {
  return { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt };
}

async function trace(db: ReturnType<typeof memoryDb>, r: ReportRecord, partners: ReportRecord[]): Promise<TracedQuery> {
  const reader = storeReader(db);
  const q = queryOf(r);
  const f = queryFeatures(q);
  const looked = await lookUp(reader, queryTerms(f));
  const lexical = scoreLexical(f, looked);
  const engineTop = (await searchRelated(db, q, { top: 10, explain: false })).map((x) => x.url);
  const qterms = looked.qterms.map(({ postings, ...qt }) => ({ ...qt, df: postings.df }));
  if (!lexical) return { q, partners: partners.map((p) => p.url), qterms, docs: looked.docs, self: 0, candidates: [], partnerLex: {}, extra: [], holders: {}, engineTop };
  const touched: number[] = [];
  lexical.acc.forEach((v, n) => v > 0 && touched.push(n));
  const ns = best(touched, lexical.acc, TRACED);
  const withText = async (rows: Array<DocRow | undefined>) => {
    const kept = rows.filter((d): d is DocRow => !!d);
    const texts = await reader.texts(kept.map((d) => d.id));
    return kept.map((d, i) => ({ d: plain(d), acc: lexical.acc[d.n]!, text: texts[i]?.text }));
  };
  const candidates = await withText(await reader.docs(ns));
  const partnerLex: Record<string, number | null> = {};
  const missing: DocRow[] = [];
  for (const p of partners) {
    const [row] = await docRowsOfIds(db, [reportId(p.url, '')]);
    if (!row) throw new Error(`partner not indexed: ${p.url}`);
    const acc = lexical.acc[row.n]!;
    partnerLex[p.url] = acc > 0 ? touched.filter((n) => lexical.acc[n]! > acc).length : null;
    if (!candidates.some((c) => c.d.n === row.n)) missing.push(docOf(row));
  }
  const traced = new Set(ns);
  const holders: Record<string, TracedCandidate[]> = {};
  for (const qt of looked.qterms.filter((x) => x.entity)) {
    const ids = qt.postings.parts.flatMap((part) => [...part.ids]).filter((n) => !traced.has(n) && n < lexical.acc.length);
    holders[qt.t] = await withText(await reader.docs(best(ids, lexical.acc, HOLDERS)));
  }
  return { q, partners: partners.map((p) => p.url), qterms, docs: looked.docs, self: lexical.self, candidates, partnerLex, extra: await withText(missing), holders, engineTop };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, queries: { type: 'string' }, only: { type: 'string' }, out: { type: 'string' } } });
  const docs = Number(values.docs ?? 10000);
  const { corpus, queries, db } = await indexedSynth(docs, Number(values.queries ?? 50));
  const only = values.only ? new Set(values.only.split(',').map(Number)) : undefined;
  const traced: TracedQuery[] = [];
  for (const g of queries.filter((x) => !only || only.has(x[0]!))) traced.push(await trace(db, corpus.records[g[0]!]!, g.slice(1).map((i) => corpus.records[i]!)));
  db.close();
  writeFileSync(values.out ?? `/tmp/rank-trace-${docs}.json`, JSON.stringify({ docs, queries: traced }));
}

await main();
