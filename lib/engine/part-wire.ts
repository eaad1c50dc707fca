// An import part's analyses as the options page's Web Workers send them to the background (each
// worker analyses a run of the part's records). Every string a run's analyses repeat (terms,
// words, entity ids and kinds, source ids) is sent once, in `words`, and every number — the
// reports' terms by index and their counts, entities, sources, lengths, days, hashes, word
// counts — in a few typed arrays a run, each report's span in them given by offsets. The part
// travels by structured clone (lib/part-messages.ts), where a typed array is one block of bytes:
// sent as arrays of numbers, a part was ≈ 2,000 arrays and 110,000 numbers the service worker's
// heap had to build and collect (its garbage collector was 42 % of its import CPU, a quarter of
// what it allocated these messages: bench/RESULTS.md, session 8). The background checks the whole
// part (bounded sizes, types, every index) before it writes any of it, and keeps each report's
// numbers where they arrived (views, no copy, no map a report: the import only iterates them).
import { analyseScanned, type EntityRef } from './features';
import type { IndexedFeatures, SentTermLists } from './batch-rows';
import { MINHASH_SLOTS } from './simhash';
import type { ReportRecord } from '../types';
import { textKey } from '../corpus/ids';
import { eventSignature, type EventSignature } from '../events';
import { checkedSignature } from './wire';
import { checkedStream, type TermLists } from './term-pack';
import { streamFor } from './term-stream';
import { MAX_TABLE_WORDS, nextList, WORDS_NOT_HELD, type HeldWords, type WordTable } from './word-table';

/** A run of reports' analyses (Features, text key, event signature, word counts). Offsets: n + 1
 *  each, report i's entries are [off[i], off[i + 1]). */
export interface PartWire {
  /** Every string the numbers below name by index, once; with `table`, only those its worker had
   *  not sent before (word-table.ts), the others named by their number in the table. */
  words: string[];
  /** The worker's table of strings, and the number of `words[0]` in it. */
  table?: string;
  base?: number;
  /** Terms (indexes in `words`) and their weighted counts, in parallel. */
  tOff: Uint32Array;
  t: Uint32Array;
  c: Float64Array;
  /** Entities as (id, kind) index pairs. */
  eOff: Uint32Array;
  e: Uint32Array;
  /** The sources claims are attributed to, by index. */
  sOff: Uint32Array;
  s: Uint32Array;
  len: Float64Array;
  /** Days since 1970; NaN for none. */
  day: Float64Array;
  /** Fingerprints, two words a report; MinHash slots, MINHASH_SLOTS a report. */
  h: Uint32Array;
  mh: Uint32Array;
  tk: string[];
  sig: EventSignature[];
  /** Word counts, a stream a report (term-stream.ts streamFor; empty: none). */
  vOff: Uint32Array;
  v: Uint32Array;
}

/** What the background prepares a report's rows from (batch-rows.ts Prepared, less the report). */
export interface Analysis {
  f: IndexedFeatures;
  tk: string;
  sig: EventSignature;
  tv?: TermLists;
}

/** Numbers pushed into plain arrays, then one typed array each (the worker's side). */
class Lists {
  readonly off = [0];
  readonly xs: number[] = [];
  end(): void {
    this.off.push(this.xs.length);
  }
}

/** The analysis of a run of records, as a worker sends it: its strings all in `words`, or with a
 *  `table` (one per worker and import) only those the table did not hold. */
export function analysePart(records: readonly ReportRecord[], table?: WordTable): PartWire {
  if (!table) return analyseRun(records, new Map(), nextList());
  const base = table.index.size;
  try {
    return { ...analyseRun(records, table.index, table.list), table: table.key, base };
  } catch (e) {
    // Strings numbered by a run never sent are forgotten, and so are the numbers kept on terms.
    for (const [w, i] of table.index) if (i >= base) table.index.delete(w);
    table.list = nextList();
    throw e;
  }
}

function analyseRun(records: readonly ReportRecord[], index: Map<string, number>, list: number): PartWire {
  const words: string[] = [];
  const id = (w: string) => {
    let i = index.get(w);
    if (i === undefined) {
      index.set(w, (i = index.size));
      words.push(w);
    }
    return i;
  };
  const [t, e, s, v] = [new Lists(), new Lists(), new Lists(), new Lists()];
  const c: number[] = [];
  const len: number[] = [];
  const day: number[] = [];
  const h: number[] = [];
  const mh: number[] = [];
  const tk: string[] = [];
  const sig: EventSignature[] = [];
  // Each report's terms' indexes in `words` pushed to t.xs by the analysis, their counts to c, in
  // the order of their first use (the terms map's, which the analysis does not build for a part).
  const termIds = { list, id, out: t.xs, counts: c };
  for (const r of records) {
    // The signature and the word counts read the title and lede again from analyse()'s scan.
    const { features: f, scanned } = analyseScanned(r.title, r.text, r.publishedAt, undefined, { termIds });
    t.end();
    for (const x of f.entities) e.xs.push(id(x.id), id(x.type));
    e.end();
    for (const x of f.sources) s.xs.push(id(x));
    s.end();
    streamFor(r.title, r.text, scanned, termIds, v.xs);
    v.end();
    len.push(f.len);
    day.push(f.day ?? Number.NaN);
    h.push(f.fingerprint[0], f.fingerprint[1]);
    for (const x of f.phrases) mh.push(x);
    tk.push(textKey(r.text));
    sig.push(eventSignature(r.title, r.text, r.publishedAt, { scanned }));
  }
  const u32 = (xs: number[]) => Uint32Array.from(xs);
  return {
    words,
    tOff: u32(t.off), t: u32(t.xs), c: Float64Array.from(c),
    eOff: u32(e.off), e: u32(e.xs),
    sOff: u32(s.off), s: u32(s.xs),
    len: Float64Array.from(len), day: Float64Array.from(day),
    h: u32(h), mh: u32(mh), tk, sig,
    vOff: u32(v.off), v: u32(v.xs),
  };
}

/** The most terms a report may send (analyse() reads at most 400 words, and the title's twice). */
const MAX_TERMS = 2_000;
/** The most entities and sources a report may send (it names at most what 2,000 characters hold). */
const MAX_REFS = 1_000;
/** The most distinct strings a report may add to its part's `words`. */
const MAX_WORDS_A_REPORT = 4_000;
/** The longest string (a word of prose is at most 2,000 characters: lib/corpus/formats.ts). */
const MAX_WORD = 2_000;
/** The longest word-count stream a report may send (termVector: at most 400 words and lines). */
const MAX_STREAM = 2_000;

const malformed = (why: string) => new Error(`malformed text analysis in an import part: ${why}`);

function checkedWords(w: unknown, most: number): string[] {
  if (!Array.isArray(w) || w.length > most) throw malformed('words');
  for (let i = 0; i < w.length; i++) {
    const s: unknown = w[i];
    if (typeof s !== 'string' || s.length > MAX_WORD) throw malformed('words');
  }
  return w as string[];
}

/** Offsets of `n` reports into `xs`: from 0, never back, to its end; `most` entries a report. */
function spans(off: unknown, xs: unknown, n: number, most: number): off is Uint32Array {
  if (!(off instanceof Uint32Array) || off.length !== n + 1 || off[0] !== 0 || !ArrayBuffer.isView(xs) || off[n] !== (xs as Uint32Array).length) return false;
  for (let i = 0; i < n; i++) if (off[i + 1]! < off[i]! || off[i + 1]! - off[i]! > most) return false;
  return true;
}

/** Every value of `xs` an index into `size` words. */
function inRange(xs: Uint32Array, size: number): boolean {
  for (let i = 0; i < xs.length; i++) if (xs[i]! >= size) return false;
  return true;
}

/** A report's terms and counts as sent: iterated where they are (no map a report). */
class SentTerms {
  constructor(
    private readonly t: Uint32Array,
    private readonly c: Float64Array,
    private readonly words: readonly string[],
  ) {}

  forEach(each: (count: number, term: string) => void): void {
    for (let i = 0; i < this.t.length; i++) each(this.c[i]!, this.words[this.t[i]!]!);
  }

  /** As sent: the postings find a term's slot by its index (batch-rows.ts). */
  get sent(): SentTermLists {
    return { t: this.t, c: this.c, words: this.words };
  }
}

/** A run's arrays, checked whole: types, lengths, spans, every index in range, each report's terms
 *  once (a term twice would be two postings of one document). */
function checkedRun(p: Partial<PartWire>, n: number, size: number): PartWire {
  const { tOff, t, c, eOff, e, sOff, s, len, day, h, mh, tk, sig, vOff, v } = p;
  if (!(t instanceof Uint32Array) || !(c instanceof Float64Array) || c.length !== t.length || !spans(tOff, t, n, MAX_TERMS) || !inRange(t, size)) throw malformed('terms');
  const mark = new Uint32Array(size);
  for (let i = 0; i < n; i++) for (let k = tOff[i]!; k < tOff[i + 1]!; k++) {
    if (mark[t[k]!] === i + 1 || !Number.isFinite(c[k]!)) throw malformed('terms');
    mark[t[k]!] = i + 1;
  }
  if (!(e instanceof Uint32Array) || !(s instanceof Uint32Array) || !spans(eOff, e, n, 2 * MAX_REFS) || !spans(sOff, s, n, MAX_REFS) || !inRange(e, size) || !inRange(s, size)) throw malformed('entities or sources');
  for (let i = 0; i < n; i++) if ((eOff[i + 1]! - eOff[i]!) % 2) throw malformed('entities or sources');
  // A length or a day that is not a number would reach every score (the corpus' average length)
  // and the day columns.
  if (!(len instanceof Float64Array) || !(day instanceof Float64Array) || len.length !== n || day.length !== n) throw malformed('length or day');
  for (let i = 0; i < n; i++) if (!(Number.isFinite(len[i]!) && len[i]! >= 0) || !(Number.isNaN(day[i]!) || Number.isSafeInteger(day[i]!))) throw malformed('length or day');
  if (!(h instanceof Uint32Array) || h.length !== 2 * n) throw malformed('fingerprint');
  if (!(mh instanceof Uint32Array) || mh.length !== MINHASH_SLOTS * n || !Array.isArray(tk) || tk.length !== n || !tk.every((x) => typeof x === 'string')) throw malformed('phrases or text key');
  if (!Array.isArray(sig) || sig.length !== n) throw malformed('event signatures');
  if (!(v instanceof Uint32Array) || !spans(vOff, v, n, MAX_STREAM)) throw malformed('word counts');
  for (let i = 0; i < n; i++) if (!checkedStream(v.subarray(vOff[i], vOff[i + 1]), size)) throw malformed('word counts');
  return p as PartWire;
}

/** Report `i` of a checked run, with its strings from `words`. */
function reportOf(p: PartWire, words: readonly string[], i: number): Analysis {
  const entities: EntityRef[] = [];
  // The entity's name stays in the gazetteer: the background stores entities by id.
  for (let k = p.eOff[i]!; k < p.eOff[i + 1]!; k += 2) entities.push({ id: words[p.e[k]!]!, name: words[p.e[k]!]!, type: words[p.e[k + 1]!]! });
  const sources: string[] = [];
  for (let k = p.sOff[i]!; k < p.sOff[i + 1]!; k++) sources.push(words[p.s[k]!]!);
  const f: IndexedFeatures = {
    terms: new SentTerms(p.t.subarray(p.tOff[i], p.tOff[i + 1]), p.c.subarray(p.tOff[i], p.tOff[i + 1]), words),
    len: p.len[i]!,
    entities,
    sources,
    day: Number.isNaN(p.day[i]!) ? null : p.day[i]!,
    fingerprint: [p.h[2 * i]!, p.h[2 * i + 1]!],
    phrases: p.mh.subarray(MINHASH_SLOTS * i, MINHASH_SLOTS * (i + 1)),
  };
  const v = p.v.subarray(p.vOff[i], p.vOff[i + 1]);
  return { f, tk: p.tk[i]!, sig: checkedSignature(p.sig[i]), ...(v.length ? { tv: { s: v, terms: words } } : {}) };
}

/** The strings a run's numbers name: its own, or its table's as `held` holds them with the run's
 *  new ones (checked here, taken in by `take` once the whole part is checked). */
function wordsOf(p: Partial<PartWire>, n: number, held: HeldWords | undefined, named: Set<string>): { size: number; take: () => readonly string[] } {
  // A run sent whole names its table's strings from the first: bounded by the table's bound.
  const tabled = p.table !== undefined || p.base !== undefined;
  const fresh = checkedWords(p.words, tabled ? MAX_TABLE_WORDS : n * MAX_WORDS_A_REPORT);
  if (!tabled) return { size: fresh.length, take: () => fresh };
  const { table: key, base } = p;
  if (!held || typeof key !== 'string' || key.length > 100 || named.has(key) || !Number.isSafeInteger(base) || base! < 0) throw malformed('word table');
  // One run a table in a part (a worker's run of it): its strings are checked against the table as held.
  named.add(key);
  // Its array now (a table made later may let go of the oldest: this one is still filled and read).
  const table = held.table(key);
  if (base! > table.length) throw new Error(`import part ${WORDS_NOT_HELD}: table ${key} from ${base}, ${table.length} held`);
  const size = Math.max(table.length, base! + fresh.length);
  if (size > MAX_TABLE_WORDS) throw malformed('word table too large');
  // Sent again (a lost reply, a part sent whole): the strings held must be the same.
  for (let i = base!; i < table.length && i - base! < fresh.length; i++) if (table[i] !== fresh[i - base!]) throw malformed('words unlike those sent before');
  return {
    size,
    take: () => {
      for (let i = table.length - base!; i < fresh.length; i++) table.push(fresh[i]!);
      return table;
    },
  };
}

/** A part's analyses from the page, checked whole (the first fault throws: nothing is written, no
 *  string taken into `held`), in the order of its `records` records. `held`: the job's tables of
 *  strings (word-table.ts), for runs that name one. */
export function fromPartWire(parts: unknown, records: number, held?: HeldWords): Analysis[] {
  if (!Array.isArray(parts) || parts.length > records + 1) throw malformed('not a list of runs');
  const runs: Array<{ run: PartWire; n: number; take: () => readonly string[] }> = [];
  const named = new Set<string>();
  let total = 0;
  for (const p of parts as Array<Partial<PartWire> | null>) {
    if (!p || typeof p !== 'object' || !(p.len instanceof Float64Array)) throw malformed('not a run of analyses');
    const n = p.len.length;
    if ((total += n) > records) throw malformed(`more analyses than the part's ${records} records`);
    const { size, take } = wordsOf(p, n, held, named);
    runs.push({ run: checkedRun(p, n, size), n, take });
  }
  if (total !== records) throw malformed(`${records} records but ${total} analyses`);
  const out: Analysis[] = [];
  for (const { run, n, take } of runs) {
    const words = take();
    for (let i = 0; i < n; i++) out.push(reportOf(run, words, i));
  }
  return out;
}
