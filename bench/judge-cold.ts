// `node --expose-gc --import tsx bench/judge-cold.ts --pools FILE [--first N]`: a stopped worker's
// first judging — the first N pools of FILE (bench/query-alloc.ts --pools) judged once, on code never
// run, as a cold lookup judges: each document's word counts unpacked from its packing (made in the
// setup without running the judgement's code: packed from the wire form's lists), the article's from
// its wire form, then judgeAmong. Prints the judging's CPU ms alone (the setup's garbage collected
// first): run it in fresh processes, builds alternating.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eventDocFromWire, judgeAmong, type EventDoc } from '../lib/events';
import type { EventDocWire } from '../lib/events/wire';
import { Lexicon } from '../lib/engine/lexicon';
import { packTerms, storedTerms, withLexicon } from '../lib/engine/term-pack';

interface Pool {
  article: unknown;
  docs: EventDocWire[];
  corpus?: { docs: number; df: Array<[string, number]> };
}

const { values } = parseArgs({ options: { pools: { type: 'string' }, first: { type: 'string' } } });
if (!values.pools) throw new Error('--pools FILE');
const pools = (JSON.parse(readFileSync(values.pools, 'utf8')) as Pool[]).slice(0, Number(values.first ?? 1));
const lex = new Lexicon();
const set = pools.map((p) => ({
  article: p.article,
  docs: p.docs.map((w) => ({ sig: w.sig, ...(w.outlet ? { outlet: w.outlet } : {}), tv: packTerms({ w: { t: w.title.flat(), l: w.lines }, terms: [] }, lex)! })),
  corpus: p.corpus && { docs: p.corpus.docs, df: new Map(p.corpus.df) },
}));
(globalThis as { gc?: () => void }).gc?.();
const ms = (c: NodeJS.CpuUsage) => Math.round((c.user + c.system) / 100) / 10;
const c0 = process.cpuUsage();
let judged = 0;
let unpacking = 0;
for (const p of set) {
  const u0 = process.cpuUsage();
  const article = eventDocFromWire(p.article);
  const docs: EventDoc[] = p.docs.map(({ tv, ...d }) => ({ ...d, terms: storedTerms(withLexicon({ tv }, lex))! }));
  unpacking += ms(process.cpuUsage(u0));
  judged += judgeAmong(article, docs, p.corpus).judgements.length;
}
const c = ms(process.cpuUsage(c0));
process.stdout.write(`${JSON.stringify({ pools: set.length, judged, cpuMs: c, unpackMs: Math.round(unpacking * 10) / 10, judgeMs: Math.round((c - unpacking) * 10) / 10 })}\n`);
