// `npx tsx bench/warmup-profile.ts [--docs N] [--early A-B] [--late A-B] [--out FILE]`: what one
// import analysis worker's first reports pay that its later ones do not. Runs the worker's path of
// bench/worker-path.ts (its half of each part of 1,000 of synthCorpus(N), with a WordTable and the
// large word table, as lib/engine/analyse-worker.ts) and profiles two windows of the worker's own
// reports (by default its first 5,000 and its 30,000th–35,000th) with the inspector's sampling
// profiler; prints each function's self time a report in both windows, the largest differences
// first, and each window's CPU by thread (main thread, the V8 helper threads: compilers and the
// collector's) from /proc, so that work off the main thread is counted too.
// `--passes`: instead, the worker's first 5,000 reports analysed eight times in one process —
// cold, then again with everything warm, then with the word table started over (the code warm, the
// words' caches cold), alternating: which share of the first reports' cost the caches are.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { useLargeWordTable } from '../lib/arabic';
import { analysePart } from '../lib/engine/part-wire';
import { WordTable } from '../lib/engine/word-table';
import { synthCorpus } from './synth';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    early: { type: 'string', default: '0-5000' },
    late: { type: 'string', default: '30000-35000' },
    out: { type: 'string' },
    interval: { type: 'string', default: '250' },
    'no-profile': { type: 'boolean', default: false },
    // Analyses this many reports from the corpus' end first, then starts the word table over (a
    // new generation: every word cache computed again): the code warm, the words' caches cold.
    prewarm: { type: 'string', default: '0' },
    passes: { type: 'boolean', default: false },
  },
});
const PART = 1_000;
const RUN = PART / 2;
const range = (s: string) => s.split('-').map(Number) as [number, number];
const windows = [
  { name: 'early', at: range(args.early) },
  { name: 'late', at: range(args.late) },
];

/** CPU ms of each thread of this process, by thread name (summed over threads of one name). */
function threadCpu(): Record<string, number> {
  const tick = 10; // USER_HZ
  const out: Record<string, number> = {};
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out[name] = (out[name] ?? 0) + (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      // A thread ended between the listing and the read.
    }
  }
  return out;
}
const diff = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k]! - (a[k] ?? 0)]));

interface Node {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}
const keyOf = (n: Node) => {
  const file = n.callFrame.url.replace(/^.*\/(lib|bench)\//, '$1/');
  return `${n.callFrame.functionName || '(anon)'} ${file}${file ? ':' + (n.callFrame.lineNumber + 1) : ''}`;
};
/** Time (ms) by function name and file, from a profile's samples and their time deltas: self, and
 *  inclusive (a sample counted once for each function on its stack, prefixed "all "). */
function selfMs(p: Profile): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  const add = (k: string, dt: number) => out.set(k, (out.get(k) ?? 0) + dt);
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    add(keyOf(byId.get(p.samples[i]!)!), dt);
    const onStack = new Set<string>();
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) onStack.add(keyOf(byId.get(id)!));
    for (const k of onStack) add('all ' + k, dt);
  }
  return out;
}

const records = synthCorpus(Number(args.docs)).records;
useLargeWordTable();
if (args.passes) {
  const mine: (typeof records)[] = [];
  for (let i = 0; i < 10_000; i += PART) mine.push(records.slice(i, i + RUN));
  for (const pass of ['cold', 'warm', 'words anew', 'warm', 'words anew', 'warm', 'words anew', 'warm']) {
    if (pass === 'words anew') useLargeWordTable();
    const table = new WordTable(pass);
    const t0 = process.cpuUsage();
    for (const run of mine) analysePart(structuredClone(run), table);
    const u = process.cpuUsage(t0);
    console.log(`${pass}: ${((u.user + u.system) / 1000 / 5000).toFixed(3)} ms a report (process CPU)`);
  }
  console.log(`# load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  process.exit(0);
}
const prewarm = Number(args.prewarm);
if (prewarm > 0) {
  const warm = new WordTable('prewarm');
  for (let i = records.length - prewarm; i < records.length; i += RUN) analysePart(structuredClone(records.slice(i, i + RUN)), warm);
  useLargeWordTable();
}
const table = new WordTable('bench');
const session = new Session();
session.connect();
const profiling = !args['no-profile'];
if (profiling) {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Number(args.interval) });
}
const got: Record<string, { reports: number; cpu: Record<string, number>; self?: Map<string, number> }> = {};
let seen = 0;
let open: { name: string; cpu0: Record<string, number>; from: number } | undefined;
const stretches: number[] = [];
let stretch0 = process.cpuUsage();
for (let i = 0; i < records.length; i += PART) {
  const w = windows.find((x) => x.at[0] === seen);
  if (w && !open) {
    if (profiling) await session.post('Profiler.start');
    open = { name: w.name, cpu0: threadCpu(), from: seen };
  }
  const run = structuredClone(records.slice(i, i + RUN));
  analysePart(run, table);
  seen += run.length;
  if (seen % 5000 === 0) {
    const u = process.cpuUsage(stretch0);
    stretches.push(Math.round((u.user + u.system) / 5000) / 1000);
    // A mark between stretches, for a run with the collector's trace (node --trace-gc).
    if (process.env.STRETCH_MARKS) console.log(`# stretch to ${seen}`);
    stretch0 = process.cpuUsage();
  }
  const end = open && windows.find((x) => x.name === open!.name)!.at[1];
  if (open && seen >= end!) {
    const cpu = diff(open.cpu0, threadCpu());
    const self = profiling ? selfMs(((await session.post('Profiler.stop')) as { profile: Profile }).profile) : undefined;
    got[open.name] = { reports: seen - open.from, cpu, self };
    open = undefined;
    if (Object.keys(got).length === windows.length) break;
  }
}
const lines: string[] = [];
lines.push(`# load ${loadavg().map((x) => x.toFixed(2)).join(' ')}; process CPU ms a report by stretch of 5,000 of the worker's reports: ${stretches.join(' ')}`);
for (const w of windows) {
  const g = got[w.name]!;
  const tot = Object.values(g.cpu).reduce((s, x) => s + x, 0);
  lines.push(`# ${w.name} ${w.at.join('-')}: ${(tot / g.reports).toFixed(3)} ms a report, by thread ${Object.entries(g.cpu).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${(v / g.reports).toFixed(3)}`).join(', ')}`);
}
if (profiling) {
  const [e, l] = [got.early!, got.late!];
  const keys = new Set([...e.self!.keys(), ...l.self!.keys()]);
  const rows = [...keys].map((k) => {
    const a = (e.self!.get(k) ?? 0) / e.reports;
    const b = (l.self!.get(k) ?? 0) / l.reports;
    return { k, a, b, d: a - b };
  });
  rows.sort((x, y) => y.d - x.d);
  const sum = (f: (r: (typeof rows)[0]) => number) => rows.reduce((s, r) => s + f(r), 0);
  lines.push(`# main thread sampled, µs a report: early ${(sum((r) => r.a) * 1000).toFixed(0)}, late ${(sum((r) => r.b) * 1000).toFixed(0)}; self µs a report early, late, difference — largest differences first`);
  for (const r of rows.slice(0, 60)) lines.push(`${(r.a * 1000).toFixed(1).padStart(8)} ${(r.b * 1000).toFixed(1).padStart(8)} ${(r.d * 1000).toFixed(1).padStart(8)}  ${r.k}`);
}
const text = lines.join('\n');
console.log(text);
if (args.out) writeFileSync(args.out, text + '\n');
