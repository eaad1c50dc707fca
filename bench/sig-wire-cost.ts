// `npx tsx bench/sig-wire-cost.ts [--docs N] [--rounds K]`: what an import part's analyses cost on
// the wire in each context, with the event signatures as objects and as one JSON text
// (lib/engine/sig-wire.ts): the worker's writing of a run (the text made, then serialized), the
// page's clone of it (deserialized and serialized again), the service worker's reading
// (deserialized, checked by fromPartWire). Synthetic corpus, runs of 500 as the workers send them;
// CPU of the process, seconds per 100,000 reports (each run passed three times a round).
import { deserialize, serialize } from 'node:v8';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { useLargeWordTable } from '../lib/arabic';
import type { EventSignature } from '../lib/events';
import { analysePart, fromPartWire, type PartWire } from '../lib/engine/part-wire';
import { sigsToWire } from '../lib/engine/sig-wire';
import { synthCorpus } from './synth';

const { values: args } = parseArgs({ options: { docs: { type: 'string', default: '6000' }, rounds: { type: 'string', default: '4' } } });
useLargeWordTable();
const RUN = 500;
const PASSES = 3;
const records = synthCorpus(Number(args.docs), 7).records;
const runs: Array<{ run: PartWire; sigs: EventSignature[] }> = [];
for (let i = 0; i < records.length; i += RUN) {
  const run = analysePart(records.slice(i, i + RUN));
  runs.push({ run, sigs: JSON.parse(run.sig as string) as EventSignature[] });
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const per100k = (ms: number) => Math.round((ms / (records.length * PASSES)) * 100 * 100) / 100;
const out: Array<Record<string, Record<string, number>>> = [];
for (let round = 0; round < Number(args.rounds); round++) {
  const res: Record<string, Record<string, number>> = {};
  for (const form of ['objects', 'text'] as const) {
    let t = cpuMs();
    const sent: Buffer[] = [];
    for (let k = 0; k < PASSES; k++) for (const { run, sigs } of runs) sent.push(serialize({ ...run, sig: form === 'text' ? sigsToWire(sigs) : sigs }));
    const worker = cpuMs() - t;
    t = cpuMs();
    const paged = sent.map((b) => serialize(deserialize(b)));
    const page = cpuMs() - t;
    t = cpuMs();
    for (const b of paged) fromPartWire([deserialize(b)], RUN);
    const background = cpuMs() - t;
    res[form] = { worker: per100k(worker), page: per100k(page), background: per100k(background) };
  }
  out.push(res);
}
console.log(JSON.stringify({ docs: records.length, load: loadavg().map((x) => Math.round(x * 100) / 100), secondsPer100k: out }));
