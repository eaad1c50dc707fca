// `npx tsx bench/doc-page-spread.ts [--docs 100000] [--queries 50] [--out FILE]`: how a cold
// lookup's candidates spread over the doc pages (issue 20, session 24: fewer, larger doc-page
// reads). The benchmark's corpus and queries indexed on fake-indexeddb as bench/column-blocks.ts
// does; each query's candidates as a worker with no columns asks their rows (every candidate's,
// search.ts), as pages of 16 (doc-pages.ts pageOfDoc); then, for gaps G, the key ranges that join
// pages at most G apart: the requests (one getAll a range) and the pages they read. `--out` writes
// each query's pages (JSON) for bench/doc-page-reads.ts, which times those reads in Chromium.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { pageOfDoc } from '../lib/engine/doc-pages';
import { indexedSynth } from './run';
import { coldCandidates } from './cold-candidates';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** The ranges of sorted distinct pages joined where at most `gap` pages lie between. */
export function ranges(pages: readonly number[], gap: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of [...new Set(pages)].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && p - last[1] - 1 <= gap) last[1] = p;
    else out.push([p, p]);
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, queries: { type: 'string' }, out: { type: 'string' } } });
  const docs = Number(values.docs ?? 100000);
  const { corpus, queries: groups, db } = await indexedSynth(docs, Number(values.queries ?? 50));
  const asked = await coldCandidates(db, corpus, groups);
  db.close();
  const pages = asked.map((ns) => ns.map(pageOfDoc));
  console.log(`${docs} docs, ${asked.length} queries, rows p50 ${pct(asked.map((x) => x.length), 50)}, pages p50 ${pct(pages.map((p) => new Set(p).size), 50)} of ${Math.ceil(docs / 16)}; load ${loadavg()[0]}`);
  console.log('gap | requests p50 / p95 | pages read p50 / p95');
  for (const gap of [0, 1, 2, 4, 8, 16, 32]) {
    const rs = pages.map((p) => ranges(p, gap));
    const req = rs.map((r) => r.length);
    const read = rs.map((r) => r.reduce((a, [x, y]) => a + y - x + 1, 0));
    console.log(`${gap} | ${pct(req, 50)} / ${pct(req, 95)} | ${pct(read, 50)} / ${pct(read, 95)}`);
  }
  if (values.out) writeFileSync(values.out, JSON.stringify({ docs, pages: Math.ceil(docs / 16), queries: asked }));
}

await main();
