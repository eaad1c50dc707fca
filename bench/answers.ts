// `npx tsx bench/answers.ts [--out FILE]`: the engine's answers, written down so that a change
// meant for speed alone can be checked to answer byte for byte as before (run it on both
// checkouts, compare the files). The real 2025 corpus (every third article asked) and a synthetic
// corpus of 3,000 reports (60 queries), on fake-indexeddb; each query asked as the in-page panel
// asks (the list, then its second step with the shared phrases) and in full, first from a fresh
// handle (no doc columns: every candidate's row read), then once the columns are read.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseJsonLines } from '../lib/corpus/formats';
import { openDb, type IsnadDB } from '../lib/db';
import { columnsLoaded } from '../lib/engine/doc-columns';
import { indexReports, toReport } from '../lib/engine/index-store';
import { searchRelated, type Query } from '../lib/engine/search';
import type { ReportRecord } from '../lib/types';
import { pickQueries } from './run';
import { synthCorpus } from './synth';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

const asQuery = (r: ReportRecord): Query => ({ url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt });

async function answers(name: string, records: ReportRecord[], queries: ReportRecord[]): Promise<string[]> {
  const db = openDb(`answers-${name}-${Math.random()}`);
  await indexReports(db, records.map((r) => toReport(r, 'import', name, 0)));
  const out: string[] = [];
  const ask = async (h: IsnadDB, q: Query) => {
    out.push(JSON.stringify(await searchRelated(h, q, { explain: false })));
    out.push(JSON.stringify(await searchRelated(h, q)));
  };
  for (const q of queries.map(asQuery)) {
    const fresh = openDb(db.name);
    await ask(fresh, q);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await columnsLoaded(fresh);
    await ask(fresh, q);
    fresh.close();
  }
  db.close();
  return out;
}

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const synth = synthCorpus(3000);
const lines = [
  ...(await answers('real-2025', real, real.filter((_, i) => i % 3 === 0))),
  ...(await answers('synthetic', synth.records, pickQueries(synth, 60).map((g) => synth.records[g[0]!]!))),
];
const text = `${lines.join('\n')}\n`;
if (values.out) writeFileSync(values.out, text);
process.stdout.write(`${lines.length} answers, sha1 ${createHash('sha1').update(text).digest('hex').slice(0, 16)}\n`);
