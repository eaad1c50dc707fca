// `npx tsx bench/analyse.ts [--json] [--docs N] [--passes N] [--baseline DIR] [--cold-runs N]`: what
// the text analysis of an import costs per report on the synthetic corpus and on the real 2025
// corpus — the whole of what an import's workers do for a report (lib/engine/part-wire.ts
// analysePart: analyse(), the text key, the event signature and the word counts), analyse()
// alone, and each part on its own — and how long a freshly started worker takes to get the
// gazetteer matcher ready (module evaluation + first match, from a bundle as the extension ships
// it; --cold-runs 0 skips it). --baseline DIR measures another checkout's import analysis and
// analyse() (DIR/lib/engine/part-wire.ts or wire.ts, features.ts) in the same run, pass for pass, so that both see
// the same machine load. Times are CPU time of the process (process.cpuUsage).
// Results are recorded in bench/ANALYSE.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { synthCorpus } from './synth';

type Analyse = (title: string, text: string, publishedAt: string | null) => unknown;
type PerReport = (r: Rec) => unknown;
type AnalyseRecords = (records: readonly Rec[], opts: { events?: boolean }) => unknown;
interface Rec {
  title: string;
  text: string;
  publishedAt: string | null;
}

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    docs: { type: 'string', default: '3000' },
    passes: { type: 'string', default: '5' },
    baseline: { type: 'string' },
    'cold-runs': { type: 'string', default: '7' },
  },
});

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

// CPU time of this process, not wall time: the machine is shared, and another process's turn on
// the core is not our cost (its effect on the caches still is).
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function pass(fn: PerReport, recs: Rec[], reps: number): number {
  const t = cpuMs();
  for (let k = 0; k < reps; k++) for (const r of recs) fn(r);
  return (cpuMs() - t) / (recs.length * reps);
}

/** ms per report: a warm-up pass, then the median of `passes` passes (each in turn). */
function measure(fns: Record<string, PerReport>, recs: Rec[], reps: number, passes: number): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(fns)) {
    pass(fn, recs, reps);
    times[name] = [];
  }
  for (let p = 0; p < passes; p++) for (const [name, fn] of Object.entries(fns)) times[name]!.push(pass(fn, recs, reps));
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, round(median(v))]));
}

interface Cold {
  evalMs: number;
  firstMatchMs: number;
  readyMs: number;
  readyWallMs: number;
  bundleKB: number;
}

/**
 * A new worker's first match: the matcher's modules (of `root`) bundled like the extension's
 * background (esbuild, ESM), evaluated in a fresh Node process, then one sentence matched. CPU
 * time of that process (the median of the runs), and its wall time for the record.
 */
async function coldMatcher(root: string, runs: number): Promise<Cold> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-cold-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `import { matchEntities } from ${JSON.stringify(join(root, 'lib/entities/match.ts'))};\nexport { matchEntities };\n`);
    const out = join(dir, 'matcher.mjs');
    await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', minify: true, outfile: out, logLevel: 'error' });
    const runner = join(dir, 'run.mjs');
    writeFileSync(
      runner,
      `const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c0 = cpu(), t0 = performance.now();
const m = await import(${JSON.stringify(out)});
const c1 = cpu();
m.matchEntities('وأفادت مصادر ميدانية بانسحاب قوات النظام من مطار كويرس بريف حلب الشرقي');
const c2 = cpu(), t2 = performance.now();
console.log(JSON.stringify({ evalMs: c1 - c0, firstMatchMs: c2 - c1, wallMs: t2 - t0 }));\n`,
    );
    const rows = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [runner], { encoding: 'utf8' })) as { evalMs: number; firstMatchMs: number; wallMs: number });
    return {
      evalMs: round(median(rows.map((r) => r.evalMs)), 1),
      firstMatchMs: round(median(rows.map((r) => r.firstMatchMs)), 1),
      readyMs: round(median(rows.map((r) => r.evalMs + r.firstMatchMs)), 1),
      readyWallMs: round(median(rows.map((r) => r.wallMs)), 1),
      bundleKB: Math.round(readFileSync(out).length / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadBefore = load();
// A checkout from before lib/engine existed has the analysis at lib/xref/features.ts.
const baselineFeatures = (dir: string) => [resolve(dir, 'lib/engine/features.ts'), resolve(dir, 'lib/xref/features.ts')].find((f) => existsSync(f)) ?? resolve(dir, 'lib/engine/features.ts');
/** What the checkout's import workers run on records: lib/engine/part-wire.ts analysePart since
 *  session 7, lib/engine/wire.ts analyseRecords before (null before either). */
async function importAnalysis(dir: string): Promise<((rs: Rec[]) => unknown) | null> {
  if (existsSync(resolve(dir, 'lib/engine/part-wire.ts'))) return ((await import(resolve(dir, 'lib/engine/part-wire.ts'))) as { analysePart: (rs: Rec[]) => unknown }).analysePart;
  if (!existsSync(resolve(dir, 'lib/engine/wire.ts'))) return null;
  const { analyseRecords } = (await import(resolve(dir, 'lib/engine/wire.ts'))) as { analyseRecords: AnalyseRecords };
  return (rs) => analyseRecords(rs, { events: true });
}
const checkout = async (dir: string) => ({
  analyse: ((await import(baselineFeatures(dir))) as { analyse: Analyse }).analyse,
  records: await importAnalysis(dir),
});
const checkouts: Record<string, Awaited<ReturnType<typeof checkout>>> = { current: await checkout(ROOT) };
if (args.baseline) checkouts.baseline = await checkout(resolve(args.baseline));
const { eventSignature, termVector } = await import('../lib/events');
const { textKey } = await import('../lib/corpus/ids');
const imports = Object.fromEntries(Object.entries(checkouts).flatMap(([name, c]) => (c.records ? [[name, (r: Rec) => c.records!([r])]] : [])));
const analyses = Object.fromEntries(Object.entries(checkouts).map(([name, c]) => [name, (r: Rec) => c.analyse(r.title, r.text, r.publishedAt)]));
// The current checkout's parts, each on its own (in an import they share one reading of the text).
const parts: Record<string, PerReport> = {
  analyse: analyses.current!,
  eventSignature: (r) => eventSignature(r.title, r.text, r.publishedAt),
  termVector: (r) => termVector(r.title, r.text),
  textKey: (r) => textKey(r.text),
};
const passes = Number(args.passes);
const synth = synthCorpus(Number(args.docs), 1).records;
const real = readFileSync(join(ROOT, 'tests/fixtures/real-2025.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
const avgChars = (recs: Rec[]) => Math.round(recs.reduce((s, r) => s + r.title.length + r.text.length, 0) / recs.length);
const corpusFigures = (recs: Rec[], reps: number) => ({
  reports: recs.length,
  avgChars: avgChars(recs),
  importMsPerReport: measure(imports, recs, reps, passes),
  msPerReport: measure(analyses, recs, reps, passes),
  partsMsPerReport: measure(parts, recs, reps, passes),
});
const synthetic = corpusFigures(synth, 1);
const realFigures = corpusFigures(real, Math.max(1, Math.round(3000 / real.length)));
const coldRuns = Number(args['cold-runs']);
const cold: Record<string, Cold> = {};
if (coldRuns > 0) {
  cold.current = await coldMatcher(ROOT, coldRuns);
  if (args.baseline) cold.baseline = await coldMatcher(resolve(args.baseline), coldRuns);
}
const result = {
  cpus: cpus().length,
  node: process.version,
  load: { before: loadBefore, after: load() },
  synthetic,
  real: realFigures,
  coldMatcher: cold,
};
if (args.json) console.log(JSON.stringify(result));
else {
  console.log(`load ${result.load.before.join(' ')} → ${result.load.after.join(' ')} (${result.cpus} cores, Node ${result.node})`);
  const list = (o: Record<string, number>) => Object.entries(o).map(([n, v]) => `${n} ${v}`).join(', ');
  for (const k of ['synthetic', 'real'] as const) {
    const r = result[k];
    console.log(`${k}: ${r.reports} reports, ${r.avgChars} chars avg — ms/report: import (analysePart) ${list(r.importMsPerReport)}; analyse() ${list(r.msPerReport)}; parts alone (current) ${list(r.partsMsPerReport)}`);
  }
  for (const [name, c] of Object.entries(cold)) {
    console.log(`matcher in a new worker (${name}): bundle ${c.bundleKB} KB, evaluation ${c.evalMs} ms + first match ${c.firstMatchMs} ms = ${c.readyMs} ms CPU (${c.readyWallMs} ms wall)`);
  }
}
