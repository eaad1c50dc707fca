// The candidates whose doc rows a restarted worker's first lookup reads (issue 20): each query's
// doc numbers as the engine's first phase gives them to a reader with no doc columns at hand (so
// every candidate's row is asked for: search.ts), on a corpus indexed in Node. Used by
// bench/column-blocks.ts (their spread over the columns' blocks) and bench/doc-page-spread.ts (over
// the doc pages).
import type { memoryDb } from '../cli/engine';
import { storeReader } from '../lib/engine/reader';
import { searchWith } from '../lib/engine/search';
import type { SynthCorpus } from './synth';

/** Each query's candidates (doc numbers, in the order asked); the first member of each group asks. */
export async function coldCandidates(db: ReturnType<typeof memoryDb>, corpus: SynthCorpus, groups: readonly number[][]): Promise<number[][]> {
  const asked: number[][] = [];
  for (const g of groups) {
    const r = corpus.records[g[0]!]!;
    const base = storeReader(db);
    let ns: number[] = [];
    // The reader as a restarted worker's: no columns at hand, so every candidate's row is asked for.
    const reader = { ...base, postings: async (t: readonly string[]) => ({ ...(await base.postings(t)), cols: null }), docs: (x: readonly number[]) => ((ns = [...x]), base.docs(x)), idle: undefined, began: undefined };
    await searchWith(reader, { url: r.url, outlet: r.outlet, title: r.title, text: r.text, publishedAt: r.publishedAt }, { top: 10, explain: false });
    asked.push(ns);
  }
  return asked;
}
