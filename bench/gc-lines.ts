// `npx tsx bench/gc-lines.ts LOG RESULT.json [--json] [--list] [--offset MS]`: the service worker's garbage collections
// over the warm queries of a bench/browser.ts run made with `--js-flags=--trace-gc` and
// `DEBUG=pw:browser` (LOG: that run's stderr, where Playwright writes Chromium's output; RESULT:
// its JSON). V8 prints each collection of each isolate with the isolate's own clock; the worker's
// isolate is the one the benchmark forced collections in (to read its live heap), and its clock is
// set against the worker's by the collection forced just after the import (the JSON's
// warm.workerClock.afterImportGc, read right after it). Per phase (the 10 warm-up queries, the 50
// lists, the 50 with phrases): how many scavenges and full collections, their pauses (a full
// collection's incremental steps, which run between the worker's tasks, apart).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Gc {
  ms: number;
  kind: 'scavenge' | 'full' | 'other';
  forced: boolean;
  pause: number;
  steps: number;
  /** The heap after it, MB. */
  after: number;
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, list: { type: 'boolean' }, offset: { type: 'string' } } });
const [logFile, resultFile] = positionals;
if (!logFile || !resultFile) throw new Error('usage: gc-lines.ts LOG RESULT.json [--json]');
const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { warm: { workerClock?: Record<string, number | null> }; afterRestart: { n: number }; workerHeapMB?: { afterImport: number | null; afterQueries: number | null } };
const clock = result.warm.workerClock;
if (!clock || [clock.afterImportGc, clock.listFrom, clock.listTo, clock.phrasesTo].some((x) => typeof x !== 'number')) throw new Error(`${resultFile}: no warm.workerClock (a run of bench/browser.ts before it recorded one)`);

// `[pid:isolate]   1234 ms: Scavenge 4.5 (5.3) -> 4.2 (6.3) MB, pooled: 0.0 MB, 2.22 / 0.00 ms (… ) allocation failure;`
const LINE = /\[(\d+:0x[0-9a-f]+)\]\s+(\d+) ms: ([A-Za-z -]+?)(?: \([a-z ]+\))? [\d.]+ \([\d.]+\) -> ([\d.]+) .*? MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms(?: \(\+ ([\d.]+) ms in \d+ steps)?(.*)$/;
const runs = new Map<string, Gc[][]>();
for (const line of readFileSync(logFile, 'utf8').split('\n')) {
  const m = LINE.exec(line);
  if (!m) continue;
  const [, isolate, ms, name, after, pause, steps, rest] = m;
  const gc: Gc = {
    ms: Number(ms),
    kind: /Scavenge|Minor/.test(name!) ? 'scavenge' : /Mark-Compact|Mark-Sweep/.test(name!) ? 'full' : 'other',
    forced: /low memory notification/.test(rest!),
    pause: Number(pause),
    steps: steps ? Number(steps) : 0,
    after: Number(after),
  };
  let list = runs.get(isolate!);
  if (!list) runs.set(isolate!, (list = [[]]));
  // An address used again by a later isolate (a restarted worker): its clock starts again.
  const cur = list[list.length - 1]!;
  if (cur.length && gc.ms < cur[cur.length - 1]!.ms) list.push([gc]);
  else cur.push(gc);
}
// The worker that imported and answered the warm queries: of the isolates with forced
// collections, the one with the most collections (the import's).
const candidates = [...runs.values()].flat().filter((r) => r.some((g) => g.forced));
const worker = candidates.sort((a, b) => b.length - a.length)[0];
if (!worker) throw new Error(`${logFile}: no forced collection found (run with --js-flags=--trace-gc and DEBUG=pw:browser)`);
// Forced collections come in pairs or more (a low memory notification, ≈ 10-20 ms apart): one
// event each. Two events with no collection between them (the heap read after the queries, then
// again with no restarts) are told apart by the time between them.
const events: Gc[][] = [];
worker.forEach((g, i) => {
  if (!g.forced) return;
  const prev = worker[i - 1];
  if (prev?.forced && g.ms - prev.ms < 60) events[events.length - 1]!.push(g);
  else events.push([g]);
});
// The last events: after the import, after the queries, and with no restarts, after them (the same
// worker). Under load a notification's second collection can come 150 ms after its first, so where
// the run wrote the live heap it read after the import and after the queries, the events are the
// last that ended at those sizes, the first with collections of the queries after it.
const endsAt = (e: Gc[], mb: number | null | undefined) => typeof mb === 'number' && Math.abs(e[e.length - 1]!.after - mb) < 0.15;
const between = (a: Gc[], b: Gc[]) => worker.some((g) => !g.forced && g.ms > a[a.length - 1]!.ms && g.ms < b[0]!.ms);
const heaps = result.workerHeapMB;
const sized = events.flatMap((e, i) => (endsAt(e, heaps?.afterImport) ? events.slice(i + 1).filter((q) => endsAt(q, heaps?.afterQueries) && between(e, q)).map((q) => [e, q] as const) : [])).pop();
const afterQueries = sized?.[1] ?? events[events.length - (result.afterRestart.n === 0 ? 2 : 1)];
const afterImport = sized?.[0] ?? events[events.indexOf(afterQueries!) - 1];
if (!afterImport || !afterQueries) throw new Error(`${logFile}: the worker's forced collections after the import and after the queries not found`);
// The worker's clock is read after the forced collection, a round trip later: the offset is off by
// that trip (≈ 5-15 ms quiet, ≈ 300 at load 9). --offset MS sets it instead (quiet runs: -5 to -15).
const offset = values.offset !== undefined ? Number(values.offset) : afterImport[afterImport.length - 1]!.ms - clock.afterImportGc!;
const from = afterImport[afterImport.length - 1]!.ms;
const to = afterQueries[0]!.ms;
const warm = worker.filter((g) => g.ms > from && g.ms < to && !g.forced);
const phase = (lo: number, hi: number) => {
  const gcs = warm.filter((g) => g.ms >= lo && g.ms < hi);
  const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 10) / 10;
  const of = (kind: Gc['kind']) => gcs.filter((g) => g.kind === kind);
  return {
    scavenges: of('scavenge').length,
    scavengeMs: sum(of('scavenge').map((g) => g.pause)),
    full: of('full').length,
    fullPausesMs: of('full').map((g) => g.pause),
    fullStepsMs: sum(of('full').map((g) => g.steps)),
    other: of('other').length,
  };
};
// --list: each of them too, at the worker's clock (what warm.perQuery's `began` is read on), to
// set a slow query beside the collection that fell in it.
const each = values.list ? warm.map((g) => ({ at: Math.round((g.ms - offset) * 10) / 10, kind: g.kind, pause: g.pause, steps: g.steps, afterMB: g.after })) : undefined;
const out = {
  isolateClockOffsetMs: Math.round(offset),
  warmUp: phase(from, clock.listFrom! + offset),
  lists: phase(clock.listFrom! + offset, clock.listTo! + offset),
  withPhrases: phase(clock.listTo! + offset, to),
  ...(each ? { each } : {}),
};
process.stdout.write(`${JSON.stringify(out, null, values.json ? 0 : 2)}\n`);
