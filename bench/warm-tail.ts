// `npx tsx bench/warm-tail.ts [--slowest 5] FILE...`: which phases make the warm queries' tail, from
// bench/browser.ts --json results (their `warm.perQuery`): in each file the slowest queries against
// that run's medians — for each, the phase most over its median — and, over all files, how often
// each phase was that and its mean excess (ms); "outside" is the round trip less the phases (the
// message, pauses between them). Also the queries slow in more than one run.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const PHASES = ['analyse', 'postings', 'score', 'docs', 'explain'] as const;
type Row = Record<(typeof PHASES)[number] | 'ms' | 'query', number> & { outside: number };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { slowest: { type: 'string' } } });
const k = Number(values.slowest ?? 5);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const keys = [...PHASES, 'outside'] as const;
const most = new Map<string, number>(keys.map((p) => [p, 0]));
const excess = new Map<string, number>(keys.map((p) => [p, 0]));
const slowIn = new Map<number, number>();
let n = 0;
for (const file of positionals) {
  const rows = (JSON.parse(readFileSync(file, 'utf8')) as { warm: { perQuery: Row[] } }).warm.perQuery;
  for (const q of rows) q.outside = q.ms - PHASES.reduce((s, p) => s + (q[p] ?? 0), 0);
  const med = Object.fromEntries(['ms', ...keys].map((p) => [p, median(rows.map((q) => q[p as keyof Row]))]));
  process.stdout.write(`${file}: medians ${['ms', ...keys].map((p) => `${p} ${med[p]!.toFixed(1)}`).join(', ')}\n`);
  for (const q of [...rows].sort((a, b) => b.ms - a.ms).slice(0, k)) {
    n++;
    slowIn.set(q.query, (slowIn.get(q.query) ?? 0) + 1);
    let top: string = keys[0];
    for (const p of keys) {
      excess.set(p, excess.get(p)! + q[p] - med[p]!);
      if (q[p] - med[p]! > q[top as keyof Row] - med[top]!) top = p;
    }
    most.set(top, most.get(top)! + 1);
    process.stdout.write(`  q${q.query} ${q.ms.toFixed(1)} ms: ${keys.map((p) => `${p} ${q[p].toFixed(1)}`).join(', ')}\n`);
  }
}
process.stdout.write(`the ${n} slowest: the phase most over its median ${keys.map((p) => `${p} ${most.get(p)}`).join(', ')}\n`);
process.stdout.write(`mean excess over the run's median (ms): ${keys.map((p) => `${p} ${(excess.get(p)! / n).toFixed(1)}`).join(', ')}\n`);
process.stdout.write(`slow in more than one run: ${[...slowIn].filter(([, c]) => c > 1).map(([q, c]) => `q${q} ×${c}`).join(', ')}\n`);
