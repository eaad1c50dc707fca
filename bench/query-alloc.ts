// `npx tsx bench/query-alloc.ts [--docs N] [--queries N] [--rounds N] [--top N] [--profile FILE] [--kept] [--marks] [--pools FILE] [--json]`: what a warm
// list query allocates, and where, in Node (a synthetic corpus on fake-indexeddb, its doc columns
// decoded, as a running worker has them). As bench/browser.ts asks: the first 10 queries as a
// warm-up, then the list queries under V8's sampling heap profiler (objects the garbage collector
// took included) — their first round reads most of their doc rows anew, as in the browser; further
// rounds (--rounds) find them in the doc cache. Bytes by the function of ours (lib/) that
// allocated, or that called what did, and by module (under tsx: run as one bundle, every frame is
// the bundle's and only the totals mean anything). fake-indexeddb's structured clones are counted apart (`idb`): Chromium's
// IndexedDB clones in its own code. The answers' hash, to check a change answers the same.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { eventDocToWire } from '../lib/events';
import { columnsLoaded } from '../lib/engine/doc-columns';
import { judgedPools } from '../lib/engine/judge-candidates';
import { searchRelated } from '../lib/engine/search';
import { indexedSynth } from './run';

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

const { values } = parseArgs({ options: { docs: { type: 'string' }, queries: { type: 'string' }, rounds: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' }, profile: { type: 'string' }, marks: { type: 'boolean' }, kept: { type: 'boolean' }, pools: { type: 'string' } } });
const docs = Number(values.docs ?? 10_000);
const rounds = Number(values.rounds ?? 1);
const { corpus, queries, db } = await indexedSynth(docs, Number(values.queries ?? 50));
const asked = queries.map((g) => corpus.records[g[0]!]!);
const ask = (r: (typeof asked)[number]) => searchRelated(db, { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { top: 10, explain: false });

// Warm-up as bench/browser.ts's: the columns read and decoded after a first query (of a report not
// asked below), then the first 10 queries.
await ask(corpus.records[corpus.records.length - 1]!);
await columnsLoaded(db);
for (const r of asked.slice(0, 10)) await ask(r);

// What the queries leave live (the caches' growth: what the major collections go through): the
// heap after a full collection, before and after them.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveNow = () => {
  gc();
  return getHeapStatistics().used_heap_size;
};
const live0 = liveNow();
// With node --trace-gc or --trace-gc-nvp, the collections of the measured queries are the lines
// between these two (V8 writes them to stdout too).
if (values.marks) process.stdout.write('--- queries begin\n');
const session = new Session();
session.connect();
// --kept: only what is still live after the queries (and a full collection), by where it was made.
const collected = !values.kept;
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: collected, includeObjectsCollectedByMinorGC: collected });
// --pools FILE: the pools the measured queries' first round judged, as judgeAmong was given them
// (bench/judge-replay.ts replays them).
const pools: unknown[] = [];
if (values.pools) judgedPools.seen = (article, docs, corpus) => void (pools.length < asked.length && pools.push({ article: eventDocToWire(article), docs: docs.map(eventDocToWire), ...(corpus ? { corpus: { docs: corpus.docs, df: [...corpus.df] } } : {}) }));
const hash = createHash('sha1');
const cpu0 = process.cpuUsage();
for (let k = 0; k < rounds; k++) for (const r of asked) hash.update(JSON.stringify(await ask(r)));
const cpu = process.cpuUsage(cpu0);
if (values.marks) process.stdout.write('--- queries end\n');
if (!collected) liveNow();
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
session.disconnect();
const live1 = liveNow();
if (values.pools) writeFileSync(values.pools, JSON.stringify(pools));
// --profile FILE: the sampling itself (a .heapprofile for a browser's tools).
if (values.profile) writeFileSync(values.profile, JSON.stringify(profile));

const n = rounds * asked.length;
const byFn = new Map<string, number>();
const byModule = new Map<string, number>();
let total = 0;
const isIdb = (url: string) => /fake-indexeddb|realistic-structured-clone|structured/.test(url);
// Each sample's bytes go to its own function, and to the first frame of ours (lib/) on its stack.
const walk = (node: Node, ours: string | null) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const here = url.includes('/lib/') ? `${functionName || '(anonymous)'} ${url.replace(/.*\/lib\//, 'lib/')}:${lineNumber + 1}` : null;
  const mod = isIdb(url) ? 'idb' : url.includes('/lib/') ? url.replace(/.*\/lib\//, 'lib/') : null;
  const owner = here ?? ours;
  if (node.selfSize) {
    total += node.selfSize;
    const key = isIdb(url) ? '(fake-indexeddb)' : (owner ?? `${functionName} ${url}`);
    byFn.set(key, (byFn.get(key) ?? 0) + node.selfSize);
    const m = mod ?? (owner ? owner.split(' ')[1]!.split(':')[0]! : '(other)');
    byModule.set(m, (byModule.get(m) ?? 0) + node.selfSize);
  }
  for (const c of node.children) walk(c, isIdb(url) ? ours : owner);
};
walk(profile.head, null);
const top = Number(values.top ?? 30);
const kb = (x: number) => Math.round(x / n / 102.4) / 10;
const result = {
  docs,
  queries: asked.length,
  rounds,
  kbPerQuery: kb(total),
  kbPerQueryWithoutIdb: kb(total - (byModule.get('idb') ?? 0)),
  keptKbPerQuery: kb(live1 - live0),
  cpuMsPerQuery: Math.round(((cpu.user + cpu.system) / 1000 / n) * 100) / 100,
  answers: hash.digest('hex').slice(0, 16),
  byModule: Object.fromEntries([...byModule].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, kb(v)])),
  byFunction: Object.fromEntries([...byFn].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, kb(v)])),
};
process.stdout.write(`${JSON.stringify(result, null, values.json ? 0 : 2)}\n`);
db.close();
