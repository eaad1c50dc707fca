// The words of the stored word counts (lib/engine/term-pack.ts), numbered once for the whole
// database: a report's word counts hold small integers instead of its ≈ 107 words' strings
// (≈ 1 KB a report as strings, ≈ 250 bytes as numbers; bench/RESULTS.md). Append-only: a word keeps
// its number for good, so a number read from any doc row, of any age, names the same word; nothing
// is ever rewritten but the last page, as words are added.
//
// Rows: { p, t } — page p holds the words numbered p·PAGE … p·PAGE + t.length − 1. Written in the
// import's own transaction (lib/engine/index-store.ts writeBatch), so a word and the doc rows that
// use its number land together or not at all.
import type { IsnadDB } from '../db';
import { readOnly, result } from './raw-reads';

export const PAGE = 2048;
/** Words appended by one call at most (a call's arguments are bounded; a stored page is PAGE). */
const PUSH_CHUNK = 4096;

export interface LexPage {
  p: number;
  t: string[];
}

/**
 * The words of a database as far as a context has read them: number → word, and word → number
 * once a write asks for one. A query only turns numbers into words: a stopped worker's first query
 * read the pages into both (a CPU profile: ≈ 7 ms at 10,000 reports, most of it the map).
 */
export class Lexicon {
  readonly words: string[] = [];
  private byWord: Map<string, number> | null = null;
  /** Pages with words added since the last `dirty()`. */
  private changed = new Set<number>();
  /** The numbers of a part's words by their index in it (numberer()). */
  private byIndex = new WeakMap<readonly string[], Int32Array>();

  get size(): number {
    return this.words.length;
  }

  private get ids(): Map<string, number> {
    if (!this.byWord) this.byWord = new Map(this.words.map((w, n) => [w, n]));
    return this.byWord;
  }

  /** Takes in a page as stored (words past what this lexicon knows). A page's new words are
   *  appended by one builtin copy, not a word at a time: a stopped worker's first lookup loads every
   *  page on code never run, where the loop a word was ≈ 4-7 ms of its CPU at 10,000 reports
   *  (bench/RESULTS.md, session 24 (docs-s24)). */
  load(page: LexPage): void {
    if (!Array.isArray(page.t)) throw new Error(`lexicon page ${page.p} is damaged: its words do not read`);
    const base = page.p * PAGE;
    const from = Math.max(0, this.words.length - base);
    if (from >= page.t.length) return;
    if (base + from !== this.words.length) throw new Error(`lexicon page ${page.p} read out of order`);
    const fresh = from ? page.t.slice(from) : page.t;
    for (let i = 0; i < fresh.length; i += PUSH_CHUNK) this.words.push(...fresh.slice(i, i + PUSH_CHUNK));
    if (this.byWord) for (let i = 0; i < fresh.length; i++) this.byWord.set(fresh[i]!, base + from + i);
  }

  /** The number of a word, numbering it when new. */
  id(word: string): number {
    let n = this.ids.get(word);
    if (n === undefined) {
      n = this.words.length;
      this.words.push(word);
      this.ids.set(word, n);
      this.changed.add(Math.floor(n / PAGE));
    }
    return n;
  }

  /**
   * The number of `words[x]`, numbering it when new, kept by index: an import part's word counts
   * name its words by their index in the part's `words`, ≈ 110 a report, ≈ 10,000 distinct a part;
   * the map's lookup of each one's string was ≈ 3 % of the worker's import CPU (a profile at
   * 100,000, bench/RESULTS.md session 8). `x` is an index into `words` (checked by the caller).
   */
  numberer(words: readonly string[]): (x: number) => number {
    const m = grownMemo(this.byIndex, words);
    return (x) => {
      let n = m[x]!;
      if (n < 0) m[x] = n = this.id(words[x]!);
      return n;
    };
  }

  /** The pages to write (each whole) since the last call. */
  dirty(): LexPage[] {
    const out = [...this.changed].map((p) => ({ p, t: this.words.slice(p * PAGE, (p + 1) * PAGE) }));
    this.changed.clear();
    return out;
  }

  /** Forgets words numbered from `size` on (a transaction that numbered them did not store them). */
  truncate(size: number): void {
    for (const w of this.words.splice(size)) this.byWord?.delete(w);
    this.changed.clear();
    // Numbers kept by index may be among those forgotten.
    this.byIndex = new WeakMap();
  }
}

/**
 * The numbers kept for `words` by index (-1: none yet), as long as `words`: an import's table of
 * strings (word-table.ts) is one array that grows part after part, its numbers kept meanwhile.
 */
export function grownMemo(memos: { get(k: readonly string[]): Int32Array | undefined; set(k: readonly string[], v: Int32Array): unknown }, words: readonly string[]): Int32Array {
  let memo = memos.get(words);
  if (!memo || memo.length < words.length) {
    const more = new Int32Array(Math.max(words.length, 2 * (memo?.length ?? 0))).fill(-1);
    if (memo) more.set(memo);
    memos.set(words, (memo = more));
  }
  return memo;
}

const lexicons = new WeakMap<object, Lexicon>();

function lexiconOf(db: object): Lexicon {
  let l = lexicons.get(db);
  if (!l) lexicons.set(db, (l = new Lexicon()));
  return l;
}

/**
 * The lexicon, up to date, inside a write transaction that includes `lex`: words another context
 * added since are read, and words this one numbered in a transaction that did not commit (a batch
 * inside an import's transaction that failed after it) are forgotten. One row read: the last page.
 */
export async function lexiconForWrite(db: IsnadDB): Promise<Lexicon> {
  const lex = lexiconOf(db);
  const last = await db.lex.orderBy('p').last();
  const stored = last ? last.p * PAGE + last.t.length : 0;
  if (lex.size > stored) lex.truncate(stored);
  if (lex.size < stored) {
    const pages = await db.lex.where('p').aboveOrEqual(Math.floor(lex.size / PAGE)).toArray();
    for (const page of pages.sort((a, b) => a.p - b.p)) lex.load(page);
  }
  return lex;
}

/** Databases whose every page a context has read (or is reading) at least once. */
const readWhole = new WeakSet<object>();

/** Whether a context has read any of the lexicon yet, or all of it (an empty lexicon). */
export function lexiconRead(db: object): boolean {
  return lexiconOf(db).size > 0 || readWhole.has(db);
}

/**
 * The lexicon holding every number up to `maxId` (read-only use: a query; `Infinity`: every page
 * stored). Pages not read yet are read in one request over their key range (pages are numbered
 * without gaps); a page read before is read again only if it has since grown.
 */
export async function lexiconWith(db: IsnadDB, maxId: number): Promise<Lexicon> {
  const lex = lexiconOf(db);
  if (maxId < lex.size) return lex;
  const first = Math.floor(lex.size / PAGE);
  if (maxId === Infinity) readWhole.add(db);
  const range = maxId === Infinity ? IDBKeyRange.lowerBound(first) : IDBKeyRange.bound(first, Math.floor(maxId / PAGE));
  const pages = await result((await readOnly(db, ['lex'])).objectStore('lex').getAll(range) as IDBRequest<LexPage[]>);
  for (const page of pages) lex.load(page);
  return lex;
}
