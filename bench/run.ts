// `npm run bench [-- --docs N] [--json]`: Isnad's engine beside MiniSearch and FlexSearch (their
// defaults) on the same synthetic corpus and the same queries: build time, peak heap, query
// latency p50/p95, recall@10 and precision@5 on the labelled event groups.
//
// Isnad runs on fake-indexeddb here (an in-memory IndexedDB in JavaScript, much slower than
// Chromium's); bench/browser.ts measures it in the built extension, which is the real measure.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { memoryDb } from '../cli/engine';
import { importRecords } from '../lib/engine/imports';
import { QUERY_WORDS } from '../lib/engine/features';
import { searchRelated } from '../lib/engine/search';
import type { ReportRecord } from '../lib/types';
import { synthCorpus, type SynthCorpus } from './synth';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface EngineResult {
  buildMs: number;
  peakMB: number;
  p50Ms: number;
  p95Ms: number;
  recallAt10: number;
  precisionAt5: number;
}

interface Engine {
  /** Indexes the records; calls sample() now and then so the peak heap can be seen. */
  build(records: ReportRecord[], sample: () => void): Promise<void>;
  /** Record indexes, best first, without the query's own. */
  query(i: number, records: ReportRecord[]): Promise<number[]>;
  close(): void;
}

/** The same query text for every engine: the title and the lede, as Isnad reads an article. */
export function queryText(r: ReportRecord): string {
  return `${r.title}\n${r.text.split(/\s+/).slice(0, QUERY_WORDS).join(' ')}`;
}

function isnad(): Engine {
  const db = memoryDb();
  const byUrl = new Map<string, number>();
  return {
    async build(records, sample) {
      records.forEach((r, i) => byUrl.set(r.url, i));
      await importInParts(db, records, () => sample());
    },
    async query(i, records) {
      const r = records[i]!;
      const related = await searchRelated(db, { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { top: 10, explain: false });
      return related.map((x) => byUrl.get(x.url)!);
    },
    close: () => db.close(),
  };
}

function minisearch(): Engine {
  const ms = new MiniSearch({ fields: ['title', 'text'] });
  return {
    async build(records, sample) {
      for (let i = 0; i < records.length; i += 2000) {
        ms.addAll(records.slice(i, i + 2000).map((r, k) => ({ id: i + k, title: r.title, text: r.text })));
        sample();
      }
    },
    async query(i, records) {
      return ms
        .search(queryText(records[i]!))
        .map((h) => h.id as number)
        .filter((id) => id !== i)
        .slice(0, 10);
    },
    close: () => undefined,
  };
}

function flexsearch(): Engine {
  const index = new FlexSearch.Index();
  return {
    async build(records, sample) {
      records.forEach((r, i) => {
        index.add(i, `${r.title}\n${r.text}`);
        if (i % 2000 === 0) sample();
      });
    },
    async query(i, records) {
      // FlexSearch's default search keeps only documents holding every query word, which no
      // other report does for a whole lede: `suggest` is its own option for "the best partial
      // matches" (the index itself keeps its defaults).
      return (index.search(queryText(records[i]!), { limit: 11, suggest: true }) as number[]).filter((id) => id !== i).slice(0, 10);
    },
    close: () => undefined,
  };
}

export const ENGINES: Record<string, () => Engine> = { isnad, minisearch, flexsearch };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export async function measure(name: string, corpus: SynthCorpus, queries: number[][]): Promise<EngineResult> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const engine = ENGINES[name]!();
  const t0 = performance.now();
  await engine.build(corpus.records, sample);
  const buildMs = performance.now() - t0;
  sample();
  // Warm-up: the first queries pay for compilation and caches in every engine alike.
  for (const g of queries.slice(0, 10)) await engine.query(g[0]!, corpus.records);
  const times: number[] = [];
  let recall = 0;
  let precision = 0;
  for (const g of queries) {
    const q = g[0]!;
    const relevant = new Set(g.slice(1));
    const t = performance.now();
    const got = await engine.query(q, corpus.records);
    times.push(performance.now() - t);
    sample();
    recall += got.slice(0, 10).filter((i) => relevant.has(i)).length / relevant.size;
    precision += got.slice(0, 5).filter((i) => relevant.has(i)).length / Math.min(5, relevant.size);
  }
  engine.close();
  times.sort((a, b) => a - b);
  return {
    buildMs: Math.round(buildMs),
    peakMB: round((peak - base) / 1024 / 1024, 1),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    recallAt10: round(recall / queries.length, 3),
    precisionAt5: round(precision / queries.length, 3),
  };
}

/** Records imported as a reader's big file is, in parts (of 5,000 here); `sample` after each part. */
async function importInParts(db: ReturnType<typeof memoryDb>, records: ReportRecord[], sample?: () => void): Promise<void> {
  for (let i = 0; i < records.length; i += 5000) await importRecords(db, 'bench.jsonl', records.slice(i, i + 5000), sample);
}

/** A synthetic corpus of `docs` reports, `n` of its groups to ask, and the corpus imported into a fresh in-memory database, as `isnad()` builds it. */
export async function indexedSynth(docs: number, n: number): Promise<{ corpus: SynthCorpus; queries: number[][]; db: ReturnType<typeof memoryDb> }> {
  const corpus = synthCorpus(docs);
  const queries = pickQueries(corpus, n);
  const db = memoryDb();
  const t0 = performance.now();
  await importInParts(db, corpus.records);
  process.stderr.write(`indexed ${docs} in ${Math.round((performance.now() - t0) / 1000)} s\n`);
  return { corpus, queries, db };
}

/** Up to `n` labelled groups spread over the corpus: the first member asks, the others are the answer. */
export function pickQueries(corpus: SynthCorpus, n = 200): number[][] {
  const step = Math.max(1, Math.floor(corpus.groups.length / n));
  return corpus.groups.filter((_, i) => i % step === 0).slice(0, n);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string', multiple: true }, json: { type: 'boolean' }, engines: { type: 'string' }, queries: { type: 'string' } } });
  const sizes = (values.docs ?? ['1000', '10000', '100000']).map(Number);
  const names = values.engines ? values.engines.split(',') : Object.keys(ENGINES);
  const all: Array<{ docs: number; engines: Record<string, EngineResult> }> = [];
  for (const docs of sizes) {
    if (!Number.isInteger(docs) || docs < 10) throw new Error(`--docs: expected a whole number of at least 10, got ${docs}`);
    const corpus = synthCorpus(docs);
    const queries = pickQueries(corpus, Number(values.queries ?? 200));
    const engines: Record<string, EngineResult> = {};
    for (const name of names) {
      engines[name] = await measure(name, corpus, queries);
      process.stderr.write(`${docs} ${name} ${JSON.stringify(engines[name])}\n`);
    }
    all.push({ docs, engines });
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(all.length === 1 ? all[0] : all)}\n`);
    return;
  }
  const lines = ['| docs | engine | build ms | peak MB | p50 ms | p95 ms | recall@10 | precision@5 |', '|---:|---|---:|---:|---:|---:|---:|---:|'];
  for (const { docs, engines } of all) {
    for (const [name, m] of Object.entries(engines)) lines.push(`| ${docs} | ${name} | ${m.buildMs} | ${m.peakMB} | ${m.p50Ms} | ${m.p95Ms} | ${m.recallAt10} | ${m.precisionAt5} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
