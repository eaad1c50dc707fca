// `npx tsx bench/column-blocks.ts [--docs 100000] [--queries 50] [--json]`: how a query's
// candidates spread over the doc columns' blocks (issue 20: a restarted worker's first query would
// read only the blocks its candidates fall in, if the columns were stored as a head row and blocks
// of a few tens of KB). The benchmark's corpus and queries (bench/run.ts, bench/browser.ts alike),
// indexed on fake-indexeddb; each query's candidates (the up to 240 doc numbers ranking asks the
// signals of: search.ts candidateScores) taken from the engine's own first phase with no columns
// at hand (a restarted worker's path: every candidate's doc row read); then, for blocks of D
// documents (D a multiple of the stored format's 32), the distinct blocks each query touches and
// their bytes, by the stored order (doc numbers as imported) and, for comparison, by day (the
// documents of a segment ordered by their day, then number).
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { memoryDb } from '../cli/engine';
import { asBytes } from '../lib/engine/segments/bytes';
import { decodeColumns, openColumns, type DocColumns } from '../lib/engine/segments/columns';
import { COLUMNS_ROW, readManifest } from '../lib/engine/segments/store';
import { indexedSynth } from './run';
import { coldCandidates } from './cold-candidates';

/** A segment's columns with each 32-document block's bytes (format 3's offset table). */
interface Seg {
  cols: DocColumns;
  blockBytes: number[];
  head: number;
}

async function segments(db: ReturnType<typeof memoryDb>): Promise<Seg[]> {
  const m = await readManifest(db);
  const out: Seg[] = [];
  for (const { s } of m.segs) {
    const row = await db.segs.get([s, COLUMNS_ROW]);
    const bytes = asBytes(row!.b, `${s}`);
    const o = openColumns(bytes)!;
    const blockBytes = Array.from({ length: o.table.first.length }, (_, b) => o.table.start[b + 1]! - o.table.start[b]!);
    out.push({ cols: decodeColumns(bytes), blockBytes, head: o.table.start[0]! });
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Per query, the blocks of `docs` documents its candidates fall in, and their bytes. */
function spread(segs: Seg[], queries: number[][], docs: number, byDay: boolean) {
  // Where each doc number sits: segment and position, in the stored order or by day.
  const where = new Map<number, { s: number; i: number }>();
  segs.forEach((seg, s) => {
    const order = Array.from(seg.cols.n.keys());
    if (byDay) order.sort((a, b) => seg.cols.day[a]! - seg.cols.day[b]! || a - b);
    order.forEach((at, i) => where.set(seg.cols.n[at]!, { s, i }));
  });
  const per = docs / 32;
  const blockBytes = (s: number, b: number) => {
    const bb = segs[s]!.blockBytes;
    let sum = 0;
    for (let k = b * per; k < Math.min(bb.length, (b + 1) * per); k++) sum += bb[k]!;
    return sum;
  };
  const counts: number[] = [];
  const bytes: number[] = [];
  for (const ns of queries) {
    const touched = new Set<string>();
    let size = 0;
    for (const n of ns) {
      const w = where.get(n);
      if (!w) continue;
      const b = Math.floor(w.i / docs);
      const key = `${w.s}:${b}`;
      if (touched.has(key)) continue;
      touched.add(key);
      // By day the bytes are the stored order's average block (the blocks' sizes barely differ).
      size += byDay ? (segs[w.s]!.blockBytes.reduce((a, x) => a + x, 0) / segs[w.s]!.cols.n.length) * docs : blockBytes(w.s, b);
    }
    counts.push(touched.size);
    bytes.push(size);
  }
  const total = segs.reduce((sum, seg) => sum + Math.ceil(seg.cols.n.length / docs), 0);
  return { blockDocs: docs, order: byDay ? 'day' : 'stored', blocks: total, touchedP50: pct(counts, 50), touchedP95: pct(counts, 95), touchedMax: Math.max(...counts), kbReadP50: Math.round(pct(bytes, 50) / 1024), kbReadP95: Math.round(pct(bytes, 95) / 1024) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, queries: { type: 'string' }, json: { type: 'boolean' } } });
  const docs = Number(values.docs ?? 100000);
  const { corpus, queries: groups, db } = await indexedSynth(docs, Number(values.queries ?? 50));
  const segs = await segments(db);
  const asked = await coldCandidates(db, corpus, groups);
  db.close();
  const sizes = asked.map((x) => x.length);
  const rows = [32, 128, 256, 512, 1024, 2048].flatMap((d) => [spread(segs, asked, d, false), spread(segs, asked, d, true)]);
  const out = { docs, queries: asked.length, segments: segs.map((s) => ({ docs: s.cols.n.length, head: s.head, blockBytes: s.blockBytes.reduce((a, x) => a + x, 0) })), candidatesP50: pct(sizes, 50), candidatesMax: Math.max(...sizes), load: loadavg()[0], rows };
  if (values.json) console.log(JSON.stringify(out, null, 1));
  else {
    console.log(`${docs} docs, ${asked.length} queries, candidates p50 ${out.candidatesP50} (max ${out.candidatesMax}); segments ${JSON.stringify(out.segments)}`);
    console.log('block docs | order | blocks | touched p50 / p95 / max | KB read p50 / p95');
    for (const x of rows) console.log(`${x.blockDocs} | ${x.order} | ${x.blocks} | ${x.touchedP50} / ${x.touchedP95} / ${x.touchedMax} | ${x.kbReadP50} / ${x.kbReadP95}`);
  }
}

await main();
