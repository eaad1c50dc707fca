// `npx tsx bench/bound-rows.ts [--docs 10000] [--queries 50] [--json]`: how many doc rows a lookup
// reads by what its segments' doc columns give each candidate's score bound (rank.ts rankLazily,
// rescore.ts scoreBound) — issue 20, a restarted worker's first lookup: would a columns row smaller
// than the whole (≈ 4.3 MB at 100,000 reports) spare it its ≈ 120-200 candidates' rows? The
// benchmark's corpus and queries (bench/run.ts) indexed on fake-indexeddb; each query answered with
// the columns given as: none (a restarted worker's path: every candidate's row read); whole; without
// the MinHash sketch (the phrases' part of the bound then 1, as for a report without one); with the
// sketch's bytes cut to their low 4, 5 or 6 bits (equal hashes still have equal low bits: still a
// bound). Each variant's answers are checked against the whole columns' (the same top 10, in
// order). Also the row's bytes a document, whole, without entities and sources, without the sketch.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { columnsLoaded, columnView, type ColumnView } from '../lib/engine/doc-columns';
import { recentPhases } from '../lib/engine/query-phases';
import { storeReader } from '../lib/engine/reader';
import { searchWith, type Query } from '../lib/engine/search';
import { asBytes } from '../lib/engine/segments/bytes';
import { decodeColumns, encodeColumns, type DocColumns } from '../lib/engine/segments/columns';
import { COLUMNS_ROW, readManifest } from '../lib/engine/segments/store';
import { indexedSynth } from './run';

const { values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, queries: { type: 'string' }, json: { type: 'boolean' } } });
const docs = Number(values.docs ?? 10_000);
const { corpus, queries: groups, db } = await indexedSynth(docs, Number(values.queries ?? 50));
const { segs } = await readManifest(db);

/** The live segments' columns, decoded anew (each variant changes its own copy). */
async function columns(): Promise<DocColumns[]> {
  const out: DocColumns[] = [];
  for (const { s } of segs) out.push(decodeColumns(asBytes((await db.segs.get([s, COLUMNS_ROW]))!.b, `${s} doc columns`)));
  return out;
}

/** The columns with each sketch byte cut to its low `bits` bits, the article's MinHash likewise. */
async function cutSketch(bits: number): Promise<ColumnView> {
  const mask = (1 << bits) - 1;
  const list = await columns();
  for (const c of list) for (let i = 0; i < c.sketch.length; i++) c.sketch[i]! &= mask;
  const view = columnView(list);
  return { signals: (n, mh) => view.signals(n, Array.from(mh, (x) => (x === 0xffffffff ? x : x & mask))) };
}

const whole = columnView(await columns());
const variants: Array<[string, ColumnView | null]> = [
  ['none', null],
  ['whole', whole],
  ['no sketch', { signals: (n, mh) => { const s = whole.signals(n, mh); return s && { ...s, phr: undefined }; } }],
  ['sketch 6 bits', await cutSketch(6)],
  ['sketch 5 bits', await cutSketch(5)],
  ['sketch 4 bits', await cutSketch(4)],
];

const queryOf = (i: number): Query => {
  const r = corpus.records[i]!;
  return { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt };
};
// A first lookup, so that the term indexes and blocks are cached alike for every variant.
await searchWith(storeReader(db), queryOf(groups[0]![0]!), { top: 10, explain: false });
await columnsLoaded(db);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const out: Record<string, unknown> = {};
let expected: string[] | null = null;
for (const [name, cols] of [variants[1]!, ...variants.filter((_, i) => i !== 1)]) {
  const rows: number[] = [];
  const reads: number[] = [];
  const answers: string[] = [];
  for (const g of groups) {
    const base = storeReader(db);
    const reader = { ...base, postings: async (t: readonly string[]) => ({ ...(await base.postings(t)), cols }), idle: undefined, began: undefined };
    const got = await searchWith(reader, queryOf(g[0]!), { top: 10, explain: false });
    const p = recentPhases.at(-1)!;
    rows.push(p.rows);
    reads.push(p.reads);
    answers.push(JSON.stringify(got.map((x) => x.id)));
  }
  expected ??= answers;
  out[name] = { rows: { p50: pct(rows, 0.5), p95: pct(rows, 0.95), mean: Math.round((rows.reduce((a, b) => a + b, 0) / rows.length) * 10) / 10 }, readsMax: Math.max(...reads), sameAnswers: answers.every((a, i) => a === expected![i]) };
}

// The row's bytes a document, whole and without some of its columns.
const cols = await columns();
const values3 = cols.flatMap((c) =>
  Array.from(c.n, (n, i) => ({
    n,
    day: c.day[i] === -0x80000000 ? null : c.day[i]!,
    outlet: c.strings[c.outlet[i]!]!,
    dup: c.dup[i]! < 0 ? null : c.dup[i]!,
    entities: Array.from(c.ent.subarray(c.entOff[i]!, c.entOff[i + 1]!), (x) => c.strings[x]!),
    sources: Array.from(c.src.subarray(c.srcOff[i]!, c.srcOff[i + 1]!), (x) => c.strings[x]!),
    sketch: c.skHas[i] ? c.sketch.slice(c.skOff[i]!, c.skOff[i + 1]!) : null,
  })),
);
const perDoc = (v: typeof values3) => Math.round((encodeColumns(v).length / v.length) * 10) / 10;
const bytes = { whole: perDoc(values3), withoutEntitiesSources: perDoc(values3.map((v) => ({ ...v, entities: [], sources: [] }))), withoutSketch: perDoc(values3.map((v) => ({ ...v, sketch: null }))) };
db.close();
const result = { docs, queries: groups.length, load: loadavg().map((x) => Math.round(x * 10) / 10), bytesPerDoc: bytes, variants: out };
console.log(values.json ? JSON.stringify(result, null, 1) : result);
