// `npx tsx bench/judge-replay.ts --pools FILE [--rounds N] [--stored] [--json]`: a warm query's judging alone
// (lib/events/judge-among.ts over the pool ranking gives it), replayed on pools captured from real
// list queries (FILE: [{ article, docs, corpus }], each document as eventDocToWire gives it): CPU ms
// a pool, KB allocated a pool (V8's sampling heap profiler, collected objects included), and the
// judgements' hash — a change to judging's speed must leave it as it was. Every round judges
// documents made anew (as a warm query at 100,000 reports does: none of its pool was judged before).
// --stored: the pool's documents' word counts as a query reads them from its doc rows — packed once
// into a lexicon (lib/engine/term-pack.ts) and unpacked anew each round, the unpacking timed with
// the judging (FILE from bench/query-alloc.ts --pools).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { eventDocFromWire, judgeAmong, type EventDoc } from '../lib/events';
import type { CorpusDf } from '../lib/events/lexical';
import { Lexicon } from '../lib/engine/lexicon';
import { listsOf, packTerms, storedTerms, withLexicon } from '../lib/engine/term-pack';

interface Pool {
  article: unknown;
  docs: unknown[];
  corpus?: { docs: number; df: Array<[string, number]> };
}

const { values } = parseArgs({ options: { pools: { type: 'string' }, rounds: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' }, stored: { type: 'boolean' } } });
if (!values.pools) throw new Error('--pools FILE');
const pools = JSON.parse(readFileSync(values.pools, 'utf8')) as Pool[];
const rounds = Number(values.rounds ?? 5);
const lex = new Lexicon();
// --stored: each document's counts packed once (as an import stores them), with its signature.
const packed = values.stored ? pools.map((p) => p.docs.map((w) => packTerms(listsOf(eventDocFromWire(w).terms), lex)!)) : [];
const made = () => pools.map((p, i) => ({ article: eventDocFromWire(p.article), docs: p.docs.map((w, j) => (values.stored ? { d: eventDocFromWire(w), tv: packed[i]![j]! } : eventDocFromWire(w))), corpus: p.corpus && ({ docs: p.corpus.docs, df: new Map(p.corpus.df) } satisfies CorpusDf) }));
/** A pool's documents: as made, or (--stored) their counts unpacked as a query's rows give them. */
const docsOf = (docs: ReturnType<typeof made>[number]['docs']): EventDoc[] => docs.map((x) => ('tv' in x ? { ...x.d, terms: storedTerms(withLexicon({ tv: x.tv }, lex))! } : x));
const judgeAll = (set: ReturnType<typeof made>, into?: ReturnType<typeof createHash>) => {
  for (const p of set) {
    const { judgements } = judgeAmong(p.article as EventDoc, docsOf(p.docs), p.corpus);
    into?.update(JSON.stringify(judgements));
  }
};
// A first round warms the code up (and gives the hash).
const hash = createHash('sha1');
judgeAll(made(), hash);
const session = new Session();
session.connect();
let cpuMs = 0;
interface Frame {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Frame[];
}
/** Bytes by the function that allocated them. */
const byFn = new Map<string, number>();
let bytes = 0;
for (let k = 0; k < rounds; k++) {
  const set = made();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const c0 = process.cpuUsage();
  judgeAll(set);
  const c = process.cpuUsage(c0);
  cpuMs += (c.user + c.system) / 1000;
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Frame } };
  const walk = (n: Frame): number => {
    const f = n.callFrame;
    const at = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\/lib\//, 'lib/')}:${f.lineNumber + 1}`;
    if (n.selfSize) byFn.set(at, (byFn.get(at) ?? 0) + n.selfSize);
    return n.selfSize + n.children.reduce((s, c) => s + walk(c), 0);
  };
  bytes += walk(profile.head);
}
session.disconnect();
const n = rounds * pools.length;
const kb = (x: number) => Math.round(x / n / 102.4) / 10;
const top = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top ?? 0));
const out = { pools: pools.length, rounds, cpuMsPerPool: Math.round((cpuMs / n) * 1000) / 1000, kbPerPool: kb(bytes), judgements: hash.digest('hex').slice(0, 16), ...(top.length ? { byFunction: Object.fromEntries(top.map(([k, v]) => [k, kb(v)])) } : {}) };
process.stdout.write(`${JSON.stringify(out, null, values.json ? 0 : 1)}\n`);
