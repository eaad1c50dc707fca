// `npx tsx bench/rank-replay.ts FILE [--candidates N] [--json]`: ranking (lib/engine/rank.ts's
// steps: rescore, fold-duplicates, judge-candidates) replayed on the queries bench/rank-trace.ts
// wrote down: recall@10 and precision@5 as the benchmark counts them, and, for each partner missed,
// where it was lost — not a lexical candidate, left out of the judged pool (score floor, folded
// as a copy, past the pool's size), judged unrelated, or judged but ranked below 10th.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { judge, type CorpusDf } from '../lib/events';
import { eventDoc } from '../lib/events';
import { storedEventDoc } from '../lib/engine/event-sigs';
import { rankCandidates, type RankSource } from '../lib/engine/rank';
import { isSpecificPlace, queryFeatures, type QueryTerm } from '../lib/engine/search';
import type { TracedCandidate, TracedQuery } from './rank-trace';

interface Miss {
  query: string;
  partner: string;
  lost: 'lexical' | 'pool' | 'none' | 'below';
  lexRank: number | null;
  relation: string;
  probability: number;
  /** The reports ranked above it that are not partners: same-event and related. */
  aheadSame: number;
  aheadRelated: number;
}

function corpusOf(t: TracedQuery): CorpusDf {
  return { docs: t.docs, df: new Map(t.qterms.filter((x) => !x.entity).map((x) => [x.t, x.df])) };
}

/** Which of the article's entities reserve candidates: none, its specific places, or every entity. */
export type Reserve = { entities: 'none' | 'specific' | 'all'; size: number };

/** The candidates ranking is given: the `k` best by BM25, and the best holders of the reserved entities. */
export function candidatesOf(t: TracedQuery, k: number, reserve: Reserve): TracedCandidate[] {
  const lexical = t.candidates.slice(0, k);
  if (reserve.entities === 'none') return lexical;
  const terms = t.qterms.filter((x) => x.entity && (reserve.entities === 'all' || isSpecificPlace((x.entity as { type: string }).type))).map((x) => x.t);
  const taken = new Set(lexical.map((c) => c.d.n));
  const holders = new Map<number, TracedCandidate>();
  for (const term of terms) {
    const id = term.slice(1);
    for (const c of [...t.candidates.slice(k).filter((x) => x.d.e.includes(id)), ...(t.holders?.[term] ?? [])]) if (!taken.has(c.d.n)) holders.set(c.d.n, c);
  }
  return [...lexical, ...[...holders.values()].sort((a, b) => b.acc - a.acc).slice(0, reserve.size)];
}

/** The engine's ranking of one traced query, from its `candidates` best lexical candidates. */
export async function replay(t: TracedQuery, candidates: number, reserve: Reserve = { entities: 'none', size: 0 }): Promise<string[]> {
  if (!t.candidates.length) return [];
  const texts = new Map([...t.candidates, ...t.extra, ...Object.values(t.holders ?? {}).flat()].map((c) => [c.d.id, c.text]));
  const source: RankSource = {
    holds: () => false,
    texts: async (ids) => ids.map((id) => ({ text: texts.get(id) ?? '' })),
    corpus: corpusOf(t),
  };
  const rq = { q: t.q, f: queryFeatures(t.q), qterms: t.qterms as QueryTerm[], self: t.self };
  const out = await rankCandidates(rq, candidatesOf(t, candidates, reserve), source, { top: 10, explain: false });
  return out.map((r) => r.url);
}

function judged(t: TracedQuery, c: TracedCandidate) {
  const qdoc = eventDoc(t.q.title, t.q.text, t.q.publishedAt, t.q.outlet);
  const doc = storedEventDoc(c.d, c.text ?? '') ?? eventDoc(c.d.title, c.text ?? '', c.d.publishedAt, c.d.outlet);
  return judge(qdoc, doc, corpusOf(t));
}

function misses(t: TracedQuery, top: string[], pool: TracedCandidate[]): Miss[] {
  const partners = new Set(t.partners);
  const out: Miss[] = [];
  for (const p of t.partners) {
    if (top.includes(p)) continue;
    const c = [...t.candidates, ...t.extra].find((x) => x.d.url === p)!;
    const j = judged(t, c);
    const inLex = pool.some((x) => x.d.url === p);
    const cut = top.length < 10 ? top : top.slice(0, 10);
    const ahead = cut.filter((u) => !partners.has(u)).map((u) => judged(t, t.candidates.find((x) => x.d.url === u)!).relation);
    const lost = !inLex ? 'lexical' : j.relation === 'none' ? 'none' : top.length < 10 ? 'pool' : 'below';
    out.push({ query: t.q.url, partner: p, lost, lexRank: t.partnerLex[p] ?? null, relation: j.relation, probability: j.probability, aheadSame: ahead.filter((r) => r === 'same-event').length, aheadRelated: ahead.filter((r) => r === 'related').length });
  }
  return out;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { candidates: { type: 'string' }, reserve: { type: 'string' }, json: { type: 'boolean' } } });
  const { docs, queries } = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as { docs: number; queries: TracedQuery[] };
  const k = Number(values.candidates ?? 120);
  // --reserve specific:40 — the 40 best reports holding one of the article's specific places, besides.
  const [entities, size] = (values.reserve ?? 'none:0').split(':');
  const reserve = { entities: entities as Reserve['entities'], size: Number(size) };
  let recall = 0;
  let precision = 0;
  let agree = 0;
  let rows = 0;
  const lost: Miss[] = [];
  for (const t of queries) {
    const top = await replay(t, k, reserve);
    if (k === 120 && reserve.entities === 'none' && top.join() === t.engineTop.join()) agree++;
    const rel = new Set(t.partners);
    recall += top.slice(0, 10).filter((u) => rel.has(u)).length / rel.size;
    precision += top.slice(0, 5).filter((u) => rel.has(u)).length / Math.min(5, rel.size);
    const pool = candidatesOf(t, k, reserve);
    rows += pool.length;
    lost.push(...misses(t, top, pool));
  }
  const n = queries.length;
  const summary = { docs, queries: n, candidates: k, reserve: values.reserve ?? 'none', docRowsPerQuery: +(rows / n).toFixed(1), recallAt10: +(recall / n).toFixed(3), precisionAt5: +(precision / n).toFixed(3), sameAsEngine: k === 120 ? agree : null, missed: lost.length };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ summary, misses: lost })}\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  for (const m of lost) process.stdout.write(`${m.lost.padEnd(7)} lex#${m.lexRank} ${m.relation} p=${m.probability} ahead same/related ${m.aheadSame}/${m.aheadRelated}  ${m.query} -> ${m.partner}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
