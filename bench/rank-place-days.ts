// `npx tsx bench/rank-place-days.ts --docs 100000 --queries 50 --out FILE`: what an index term per
// (wide place, day) would cost and find, before building it. A city or a governorate is too common
// to keep postings for at 100,000 reports (over the 5 % limit: Latakia, Aleppo), so a partner that
// shares little else than the city with a lede of background is never a candidate. Were each report
// indexed under `place~day` for every city or governorate it names and its day, a query could reserve
// the holders of its event's place on its event's day (± w). This counts, for the benchmark's
// queries (bench/run.ts pickQueries), how many reports such terms would hold (the doc rows a query
// would read) and which partners they would reach, by the publication day or the event's day (lib/events),
// for the event's place only or every wide place the article names. No index is built.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse, dayOf } from '../lib/engine/features';
import { queryFeatures } from '../lib/engine/search';
import { eventSignature } from '../lib/events';
import { pickQueries } from './run';
import { synthCorpus } from './synth';

const WIDE = /city|governorate|province/i;
const WINDOWS = [0, 1, 2];

type Terms = Map<string, number[]>;

function add(m: Terms, key: string, i: number): void {
  const list = m.get(key);
  if (list) list.push(i);
  else m.set(key, [i]);
}

function main(): void {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, queries: { type: 'string' }, out: { type: 'string' } } });
  const docs = Number(values.docs ?? 100000);
  const corpus = synthCorpus(docs);
  const groups = pickQueries(corpus, Number(values.queries ?? 50));
  const byDay: Record<'pub' | 'ev', Terms> = { pub: new Map(), ev: new Map() };
  corpus.records.forEach((r, i) => {
    const f = analyse(r.title, r.text, r.publishedAt);
    const places = new Set(f.entities.filter((e) => WIDE.test(e.type)).map((e) => e.id));
    const days = { pub: dayOf(r.publishedAt), ev: eventSignature(r.title, r.text, r.publishedAt).when.day };
    for (const p of places) for (const k of ['pub', 'ev'] as const) if (days[k] !== null) add(byDay[k], `${p}~${days[k]}`, i);
  });
  const queries = groups.map((g) => {
    const r = corpus.records[g[0]!]!;
    const sig = eventSignature(r.title, r.text, r.publishedAt);
    const named = [...new Set(queryFeatures({ url: r.url, title: r.title, text: r.text, publishedAt: r.publishedAt }).entities.filter((e) => WIDE.test(e.type)).map((e) => e.id))];
    const lists = { place: sig.place && WIDE.test(sig.place.kind) ? [sig.place.id] : [], named };
    const days = { pub: dayOf(r.publishedAt), ev: sig.when.day };
    const row: Record<string, unknown> = { query: r.url, place: sig.place?.id ?? null, named, pubDay: days.pub, eventDay: days.ev };
    for (const k of ['pub', 'ev'] as const) {
      for (const w of WINDOWS) {
        for (const which of ['place', 'named'] as const) {
          const held = new Set<number>();
          const day = days[k];
          if (day !== null) for (const p of lists[which]) for (let d = day - w; d <= day + w; d++) for (const i of byDay[k].get(`${p}~${d}`) ?? []) if (i !== g[0]) held.add(i);
          row[`${k}±${w}/${which}`] = { holders: held.size, partners: g.slice(1).filter((i) => held.has(i)).map((i) => corpus.records[i]!.url) };
        }
      }
    }
    return row;
  });
  const summary: Record<string, { meanHolders: number; maxHolders: number; partners: number }> = {};
  for (const key of Object.keys(queries[0]!).filter((x) => x.includes('±'))) {
    const cells = queries.map((q) => q[key] as { holders: number; partners: string[] });
    summary[key] = { meanHolders: +(cells.reduce((s, c) => s + c.holders, 0) / cells.length).toFixed(1), maxHolders: Math.max(...cells.map((c) => c.holders)), partners: cells.reduce((s, c) => s + c.partners.length, 0) };
  }
  const out = JSON.stringify({ docs, queries: queries.length, partners: groups.reduce((s, g) => s + g.length - 1, 0), summary, perQuery: queries }, null, 1);
  if (values.out) writeFileSync(values.out, out);
  else process.stdout.write(`${out}\n`);
}

main();
