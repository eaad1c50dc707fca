// `npx tsx bench/part-postings.ts [--docs N] [--part N] [--rounds N]`: the CPU of a part's postings
// in the background's write (lib/engine/batch-rows.ts batchPostings, its parts in one import's
// session, then the segment's term index
// and postings blocks as lib/engine/segments/store.ts segmentRows cuts them), on synthetic parts
// analysed as the options page's two workers send them (runs of half a part, a word table each).
// Prints the process's CPU milliseconds a part (median and least of the rounds; CPU, not wall: the
// machine is shared) and a digest of every row made, so that two
// checkouts can be compared for the same bytes and for their time.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { batchPostings, type Prepared } from '../lib/engine/batch-rows';
import { toReport } from '../lib/engine/index-store';
import type { StoredDoc } from '../lib/engine/index-types';
import { analysePart, fromPartWire } from '../lib/engine/part-wire';
import { segmentRows } from '../lib/engine/segments/store';
import { HeldWords, WordTable } from '../lib/engine/word-table';
import { synthCorpus } from './synth';

const { values: args } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, part: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '7' } } });
const docs = Number(args.docs);
const PART = Number(args.part);
const records = synthCorpus(docs, 1).records;
const tables = [new WordTable('w0'), new WordTable('w1')];
const held = new HeldWords();
const parts: Array<{ fresh: Prepared[]; rows: StoredDoc[] }> = [];
for (let i = 0, n = 1; i < records.length; i += PART) {
  const recs = records.slice(i, i + PART);
  const half = Math.ceil(recs.length / 2);
  const runs = [analysePart(recs.slice(0, half), tables[0]), analysePart(recs.slice(half), tables[1])].map((r) => structuredClone(r));
  const analyses = fromPartWire(runs, recs.length, held);
  const fresh = recs.map((r, k) => ({ report: toReport(r, 'import', 'bench', 1), ...analyses[k]! }));
  const rows = fresh.map((p) => ({ n: n++, len: p.f.len }) as StoredDoc);
  parts.push({ fresh, rows });
}
// The doc columns as plain as they come (their encoding is the same in both checkouts).
const columns = (rows: readonly StoredDoc[]) => rows.map((d) => ({ n: d.n, day: null, outlet: '', dup: null, entities: [], sources: [], sketch: null }));
const digest = createHash('sha1');
const times: number[] = [];
for (let round = 0; round < Number(args.rounds); round++) {
  let ms = 0;
  // Each round an import of its own: its parts share one session (the terms numbered once for it).
  const session = {};
  parts.forEach(({ fresh, rows }, s) => {
    const cols = columns(rows);
    const t0 = process.cpuUsage();
    const seg = batchPostings(fresh, rows, 180, session);
    const { rows: out } = segmentRows(s, seg, cols);
    const t = process.cpuUsage(t0);
    ms += (t.user + t.system) / 1000;
    if (round === 0) for (const r of out) if (r.k !== 1) digest.update(r.b);
  });
  times.push(ms / parts.length);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ docs, part: PART, parts: parts.length, msAPart: { median: +times[times.length >> 1]!.toFixed(2), min: +times[0]!.toFixed(2) }, rows: digest.digest('hex').slice(0, 16) }));
