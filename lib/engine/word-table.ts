// The strings an import's analyses name (terms, words, entity ids and kinds, source ids), numbered
// once per import by each analysis worker: a run sends only the strings its worker had not sent
// before, and names every other by its number. A 100,000-report import's runs sent ≈ 7,170 strings
// each, 98 % of them sent by the same worker before (bench/RESULTS.md, session 18): each was
// decoded by the page, cloned again for the background, decoded, checked and looked up there.
//
// Three holders of one table: the worker (its numbers, WordTable), the page (every string the
// worker sent, PageWords: to send them whole again) and the background (HeldWords, per job). The
// background loses its copy when its service worker stops; a run naming strings it does not hold is
// refused with WORDS_NOT_HELD, and the page sends that part again with each run's strings whole.

/** Lists of terms numbered (features.ts TermIds.list) by runs without a table, and by tables. */
let lists = 0;
export const nextList = (): number => ++lists;

/** An analysis worker's numbers for the strings of one import (lib/engine/analyse-worker.ts). */
export class WordTable {
  /** Every string numbered so far, to its number. */
  readonly index = new Map<string, number>();
  /** The terms' numbers kept on them (features.ts TermIds) hold for this list; a new one when a run fails. */
  list = nextList();
  /** `key` names the table to the background: unique to this worker (a random id). */
  constructor(readonly key: string) {}
}

/** The words of the runs a part names (part-wire.ts PartWire's table fields). */
export interface TableRun {
  words: string[];
  /** The table, and the number of `words[0]` in it (the strings the worker had sent before). */
  table?: string;
  base?: number;
}

/** In a refusal's message: the part named strings the background no longer holds (sent again whole). */
export const WORDS_NOT_HELD = 'names strings the background does not hold';

/** The page's copy of each worker's table: every string its runs brought, in order. */
export class PageWords {
  private readonly tables = new Map<string, string[]>();

  /** Takes in a run as its worker sent it (a worker's runs arrive in the order it made them). */
  add(run: TableRun): void {
    if (run.table === undefined) return;
    let held = this.tables.get(run.table);
    if (!held) this.tables.set(run.table, (held = []));
    if (run.base !== held.length) throw new Error(`analysis run out of order: table ${run.table} at ${run.base}, ${held.length} strings held`);
    for (const w of run.words) held.push(w);
  }

  /** The run with every string its numbers may name, from the table's first: what a background
   *  that holds none of them reads. */
  whole<R extends TableRun>(run: R): R {
    if (run.table === undefined || !run.base) return run;
    const held = this.tables.get(run.table);
    if (!held || held.length < run.base + run.words.length) throw new Error(`analysis run ${run.table} not held by the page`);
    return { ...run, base: 0, words: held.slice(0, run.base + run.words.length) };
  }
}

/** The most tables the background holds for a job (two workers a page; a page opened again starts
 *  two more): the oldest let go first (a part naming it is then sent whole). */
const TABLES_A_JOB = 6;
/** The most strings one table holds (≈ 17,000 a worker at 100,000 reports). */
export const MAX_TABLE_WORDS = 500_000;

/** The background's copy of a job's tables: append-only arrays, so that a part's analyses keep
 *  naming their strings by index in them (and the numbers the lexicon keeps by index hold). */
export class HeldWords {
  private readonly tables = new Map<string, string[]>();

  get(key: string): readonly string[] | undefined {
    return this.tables.get(key);
  }

  /** The table `key`, made when new. */
  table(key: string): string[] {
    let t = this.tables.get(key);
    if (!t) {
      if (this.tables.size >= TABLES_A_JOB) this.tables.delete(this.tables.keys().next().value!);
      this.tables.set(key, (t = []));
    }
    return t;
  }
}
