// `npx tsx bench/judge-among.ts [--json]`: what judging an article's candidates together
// (lib/events/judge-among.ts, the second stage's third reports) costs a query, against judging
// each alone. Queries: every real 2025 report and the synthetic corpus's, each with a pool of its
// 24 most similar other reports of its set (as ranking's pool: JUDGED in lib/engine/rank.ts), read
// with their event documents; the time is the whole judging of the pool, in this process.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseJsonLines } from '../lib/corpus/formats';
import { eventDoc, judge, judgeAmong, lexicalSimilarity, type EventDoc } from '../lib/events';
import { synthCorpus } from './synth';
import { Bag } from '../lib/events/bag';

const POOL = 24;
const { values } = parseArgs({ options: { json: { type: 'boolean' } } });

function sets(): Array<{ name: string; docs: EventDoc[] }> {
  const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
  const synth = synthCorpus(600, 11, { eventDays: true }).records;
  const doc = (r: { title: string; text: string; publishedAt?: string | null; outlet?: string }) => eventDoc(r.title, r.text, r.publishedAt ?? null, r.outlet);
  return [
    { name: 'real-2025', docs: real.map(doc) },
    { name: 'synthetic', docs: synth.map(doc) },
  ];
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const out: Record<string, unknown> = {};
for (const { name, docs } of sets()) {
  const alone: number[] = [];
  const together: number[] = [];
  const pairs: number[] = [];
  let changed = 0;
  docs.forEach((q, i) => {
    const pool = docs
      .map((d, j) => ({ d, j, s: j === i ? -1 : lexicalSimilarity(q.terms, d.terms).lex }))
      .sort((a, b) => b.s - a.s)
      .slice(0, POOL)
      .map((x) => x.d);
    // Each way on copies of the reports' word counts: neither finds the other's weighed words kept.
    const fresh = () => pool.map((d) => ({ ...d, terms: { ...d.terms, all: Bag.of(d.terms.all), title: Bag.of(d.terms.title) } }));
    const [a, b] = [fresh(), fresh()];
    let t = performance.now();
    const one = a.map((d) => judge(q, d));
    alone.push(performance.now() - t);
    t = performance.now();
    const all = judgeAmong(q, b);
    together.push(performance.now() - t);
    pairs.push(all.pairs);
    changed += all.judgements.filter((j, k) => j.relation !== one[k]!.relation).length;
  });
  out[name] = {
    queries: docs.length,
    pool: POOL,
    aloneMs: { p50: quantile(alone, 0.5), p95: quantile(alone, 0.95) },
    togetherMs: { p50: quantile(together, 0.5), p95: quantile(together, 0.95), max: Math.max(...together) },
    candidatePairs: { p50: quantile(pairs, 0.5), p95: quantile(pairs, 0.95), max: Math.max(...pairs) },
    relationsChanged: changed,
  };
}
process.stdout.write(values.json ? `${JSON.stringify(out, null, 1)}\n` : `${Object.entries(out).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n`);
