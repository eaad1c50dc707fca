// `npx tsx bench/worker-path.ts [--docs N] [--workers 1|2] [--worker 0|1] [--every N] [--json]`: one import analysis
// worker's whole path in Node, as bench/browser.ts's import drives it (synthCorpus(N), the
// benchmark's corpus): parts of 1,000 records, the worker's half of each (its run of 500), received
// by structured clone, analysed (lib/engine/part-wire.ts analysePart, with the large word table as
// lib/engine/analyse-worker.ts sets it) and its answer cloned for the page. CPU time of the process
// per report, by stage, for each stretch of `every` reports: whether a report costs more late in a
// big import than early (the word table starting over, the caches growing) and what the clones
// cost beside the analysis. Run with node's --cpu-prof for where the time goes.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { useLargeWordTable } from '../lib/arabic';
import { analysePart } from '../lib/engine/part-wire';
import { synthCorpus } from './synth';

const { values: args } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, worker: { type: 'string', default: '0' }, every: { type: 'string', default: '10000' }, workers: { type: 'string', default: '2' }, json: { type: 'boolean', default: false } } });
const PART = 1_000;
// --workers 1: the one worker of a two-core machine (entrypoints/options/import-file.ts analysisWorkers) reads whole parts.
const RUN = PART / Number(args.workers);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const loadBefore = load();
const records = synthCorpus(Number(args.docs)).records;
useLargeWordTable();
const w = Number(args.worker);
const every = Number(args.every);
type Stretch = { from: number; reports: number; cloneIn: number; analyse: number; cloneOut: number };
const stretches: Stretch[] = [];
let cur: Stretch = { from: 0, reports: 0, cloneIn: 0, analyse: 0, cloneOut: 0 };
const all0 = cpuMs();
for (let i = 0; i < records.length; i += PART) {
  const run = records.slice(i + w * RUN, i + (w + 1) * RUN);
  const t0 = cpuMs();
  const got = structuredClone(run);
  const t1 = cpuMs();
  const a = analysePart(got);
  const t2 = cpuMs();
  structuredClone(a, { transfer: [a.t.buffer, a.c.buffer, a.mh.buffer, a.v.buffer] });
  const t3 = cpuMs();
  cur.reports += run.length;
  cur.cloneIn += t1 - t0;
  cur.analyse += t2 - t1;
  cur.cloneOut += t3 - t2;
  if (i + PART >= cur.from + every || i + PART >= records.length) {
    stretches.push(cur);
    cur = { from: i + PART, reports: 0, cloneIn: 0, analyse: 0, cloneOut: 0 };
  }
}
const allMs = cpuMs() - all0;
const per = (ms: number, n: number) => Math.round((ms / n) * 1000) / 1000;
const out = {
  docs: records.length,
  worker: w,
  load: { before: loadBefore, after: load() },
  msPerReport: per(allMs, stretches.reduce((s, x) => s + x.reports, 0)),
  stretches: stretches.map((s) => ({ from: s.from, reports: s.reports, cloneIn: per(s.cloneIn, s.reports), analyse: per(s.analyse, s.reports), cloneOut: per(s.cloneOut, s.reports) })),
};
if (args.json) console.log(JSON.stringify(out));
else {
  console.log(`${out.docs} docs, worker ${w}: ${out.msPerReport} ms CPU a report; load ${out.load.before.join(' ')} → ${out.load.after.join(' ')}`);
  for (const s of out.stretches) console.log(`  from ${s.from}: clone in ${s.cloneIn}, analyse ${s.analyse}, clone out ${s.cloneOut} ms a report`);
}
