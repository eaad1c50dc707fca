// `npx tsx bench/signature.ts [--json] [--passes N] [--reps N] [--baseline DIR]`: what the event signature costs per
// report as the import computes it (lib/engine/part-wire.ts: eventSignature with analyse()'s scan),
// on the real 2025 corpus and the synthetic one. CPU time of the process (process.cpuUsage): a
// warm-up pass, then the median of the passes. --baseline DIR measures another checkout's
// signature (DIR/lib/events) in the same run, pass for pass in turn, so that both see the same
// machine load. Results are recorded in bench/ANALYSE.md.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseScanned } from '../lib/engine/features';
import { eventSignature } from '../lib/events';
import type { ReportRecord } from '../lib/types';
import { synthCorpus } from './synth';

type Rec = Pick<ReportRecord, 'title' | 'text' | 'publishedAt'>;

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, passes: { type: 'string', default: '7' }, reps: { type: 'string', default: '2' }, baseline: { type: 'string' } },
});
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Signature = typeof eventSignature;
type Scanner = typeof analyseScanned;
type Scanned = ReturnType<Scanner>['scanned'];
// Each build scans with its own analyse(): a scan's tokens are numbered in its own word table.
const builds: Record<string, { sig: Signature; scan: Scanner }> = { now: { sig: eventSignature, scan: analyseScanned } };
if (args.baseline) {
  const sig = ((await import(resolve(args.baseline, 'lib/events/index.ts'))) as { eventSignature: Signature }).eventSignature;
  const scan = ((await import(resolve(args.baseline, 'lib/engine/features.ts'))) as { analyseScanned: Scanner }).analyseScanned;
  builds.baseline = { sig, scan };
}

/** ms per report of each build: a warm-up pass each, then the median of `passes` passes (the builds in turn). */
function perReport(recs: Rec[], reps: number, passes: number): Record<string, number> {
  const pass = ({ sig }: { sig: Signature }, scans: Scanned[]) => {
    const t = cpuMs();
    for (let k = 0; k < reps; k++) for (let i = 0; i < recs.length; i++) sig(recs[i]!.title, recs[i]!.text, recs[i]!.publishedAt, { scanned: scans[i] });
    return (cpuMs() - t) / (recs.length * reps);
  };
  const times: Record<string, number[]> = {};
  const scans: Record<string, Scanned[]> = {};
  for (const [name, b] of Object.entries(builds)) {
    scans[name] = recs.map((r) => b.scan(r.title, r.text, r.publishedAt).scanned);
    pass(b, scans[name]);
    times[name] = [];
  }
  for (let p = 0; p < passes; p++) for (const [name, b] of Object.entries(builds)) times[name]!.push(pass(b, scans[name]!));
  return Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, Math.round(median(xs) * 1e4) / 1e4]));
}

const real = readFileSync(join(ROOT, 'tests/fixtures/real-2025.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
const synth = synthCorpus(3000, 1).records;
const passes = Number(args.passes);
const reps = Number(args.reps);
const loadBefore = loadavg();
const out = {
  load: loadBefore.map((x) => Math.round(x * 100) / 100),
  real: { reports: real.length, msPerReport: perReport(real, reps * Math.max(1, Math.round(3000 / real.length)), passes) },
  synthetic: { reports: synth.length, msPerReport: perReport(synth, reps, passes) },
  loadAfter: loadavg().map((x) => Math.round(x * 100) / 100),
};
console.log(args.json ? JSON.stringify(out) : out);
