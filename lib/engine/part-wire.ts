// An import part's analyses as the options page's Web Workers send them to the background (each
// worker analyses a run of the part's records). Runtime messages carry JSON, and a part's analyses
// were most of a part's message (2.7 MB of JSON for 1,000 reports against 1.2 MB of records): each
// report sent its ≈ 110 terms, its word counts' words and its entities as strings of their own, so
// the background parsed, checked and later collected ≈ 250,000 strings a part, of ≈ 10,000
// distinct. Here every string a part's analyses repeat (terms, words, entity ids and kinds, source
// ids) is sent once, in `words`, and each report names them by index: numbers, which JSON parses
// into flat arrays. The background checks the whole part (bounded sizes, types, every index)
// before it writes any of it, and keeps each report's terms as sent (no map a report: the import
// only iterates them).
import { analyseScanned, type EntityRef } from './features';
import type { IndexedFeatures, SentTermLists } from './batch-rows';
import { MINHASH_SLOTS, type Fingerprint } from './simhash';
import type { ReportRecord } from '../types';
import { textKey } from '../corpus/ids';
import { eventSignature, termVector, type EventSignature } from '../events';
import { checkedFingerprint, checkedSignature, termsFromWire } from './wire';
import type { TermLists, TermsWire } from './term-pack';

export interface PartWire {
  /** Every string the reports below name by index, once. */
  words: string[];
  reports: ReportWire[];
}

/** One report's analysis (Features, its text key, event signature and word counts), by index in `words`. */
interface ReportWire {
  /** Terms and their weighted counts, in parallel. */
  t: number[];
  c: number[];
  len: number;
  /** Entities as (id, kind) pairs. */
  e: number[];
  /** Ids of the sources claims are attributed to. */
  s: number[];
  day: number | null;
  h: Fingerprint;
  mh: number[];
  tk: string;
  sig: EventSignature;
  /** Word counts (term-pack.ts), every word by index. */
  tv: TermsWire;
}

/** What the background prepares a report's rows from (batch-rows.ts Prepared, less the report). */
export interface Analysis {
  f: IndexedFeatures;
  tk: string;
  sig: EventSignature;
  tv: TermLists;
}

/** The analysis of a run of records, as a worker sends it. */
export function analysePart(records: readonly ReportRecord[]): PartWire {
  const words: string[] = [];
  const index = new Map<string, number>();
  const id = (w: string) => {
    let i = index.get(w);
    if (i === undefined) index.set(w, (i = words.push(w) - 1));
    return i;
  };
  const reports = records.map((r): ReportWire => {
    // The signature and the word counts read the title and lede again from analyse()'s scan.
    const { features: f, scanned } = analyseScanned(r.title, r.text, r.publishedAt);
    const v = termVector(r.title, r.text, { scanned });
    const t: number[] = [];
    const c: number[] = [];
    for (const [term, count] of f.terms) {
      t.push(id(term));
      c.push(count);
    }
    const e: number[] = [];
    for (const x of f.entities) e.push(id(x.id), id(x.type));
    const tt: number[] = [];
    for (const [w, n] of v.title) tt.push(id(w), n);
    const l: Array<[string, number[]]> = [];
    for (const [key, ws] of v.lines) {
      const ids: number[] = [];
      for (const w of ws) ids.push(id(w));
      l.push([key, ids]);
    }
    return {
      t,
      c,
      len: f.len,
      e,
      s: f.sources.map(id),
      day: f.day,
      h: f.fingerprint,
      mh: f.phrases,
      tk: textKey(r.text),
      sig: eventSignature(r.title, r.text, r.publishedAt, { scanned }),
      tv: { t: tt, l },
    };
  });
  return { words, reports };
}

/** The most terms a report may send (analyse() reads at most 400 words, and the title's twice). */
const MAX_TERMS = 2_000;
/** The most entities and sources a report may send (it names at most what 2,000 characters hold). */
const MAX_REFS = 1_000;
/** The most distinct strings a report may add to its part's `words`. */
const MAX_WORDS_A_REPORT = 4_000;
/** The longest string (a word of prose is at most 2,000 characters: lib/corpus/formats.ts). */
const MAX_WORD = 2_000;

const isUint32 = (x: unknown) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0xffffffff;

const malformed = (why: string) => new Error(`malformed text analysis in an import part: ${why}`);

/** Indexes in `words`: integers in range; the array's length at most `max`. */
function indexes(xs: unknown, size: number, max: number): xs is number[] {
  if (!Array.isArray(xs) || xs.length > max) return false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!Number.isInteger(x) || x < 0 || x >= size) return false;
  }
  return true;
}

function checkedWords(w: unknown, reports: number): string[] {
  if (!Array.isArray(w) || w.length > reports * MAX_WORDS_A_REPORT) throw malformed('words');
  for (let i = 0; i < w.length; i++) {
    const s: unknown = w[i];
    if (typeof s !== 'string' || s.length > MAX_WORD) throw malformed('words');
  }
  return w as string[];
}

/** A report's terms and counts as sent: iterated where they are (no map a report). */
class SentTerms {
  constructor(
    private readonly t: readonly number[],
    private readonly c: readonly number[],
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

/** Terms as indexes and counts, each term once in the report: `mark` holds, by index, the last
 *  report (`stamp`) that named it. */
function checkedTerms(t: unknown, c: unknown, size: number, mark: Uint32Array, stamp: number): t is number[] {
  if (!indexes(t, size, MAX_TERMS) || !Array.isArray(c) || c.length !== t.length || !c.every(Number.isFinite)) return false;
  for (let i = 0; i < t.length; i++) {
    if (mark[t[i]!] === stamp) return false;
    mark[t[i]!] = stamp;
  }
  return true;
}

/** One report's analysis, checked, with its strings from `words`; `mark` and `stamp`: checkedTerms'. */
function reportFromWire(r: Partial<ReportWire> | null, words: readonly string[], mark: Uint32Array, stamp: number): Analysis {
  if (!r || typeof r !== 'object') throw malformed('not an object');
  const size = words.length;
  const { t, c, e, s } = r;
  if (!checkedTerms(t, c, size, mark, stamp)) throw malformed('terms');
  // A length or a day that is not a number would reach every score (the corpus' average length)
  // and the day columns: structured clone (Firefox) carries NaN and Infinity, JSON does not.
  if (!(Number.isFinite(r.len) && (r.len as number) >= 0) || !(r.day === null || Number.isSafeInteger(r.day))) throw malformed('length or day');
  if (!indexes(e, size, 2 * MAX_REFS) || e.length % 2 || !indexes(s, size, MAX_REFS)) throw malformed('entities or sources');
  if (!Array.isArray(r.mh) || r.mh.length !== MINHASH_SLOTS || !r.mh.every(isUint32) || typeof r.tk !== 'string') throw malformed('phrases or text key');
  const h = checkedFingerprint(r.h);
  if (!h) throw malformed('fingerprint');
  const entities: EntityRef[] = [];
  // The entity's name stays in the gazetteer: the background stores entities by id.
  for (let i = 0; i < e.length; i += 2) entities.push({ id: words[e[i]!]!, name: words[e[i]!]!, type: words[e[i + 1]!]! });
  const f: IndexedFeatures = { terms: new SentTerms(t, c as number[], words), len: r.len as number, entities, sources: s.map((i) => words[i]!), day: r.day as number | null, fingerprint: h, phrases: r.mh };
  const tv = termsFromWire(r.tv, words);
  if (!tv) throw malformed('word counts');
  return { f, tk: r.tk, sig: checkedSignature(r.sig), tv };
}

/** A part's analyses from the page, checked whole (the first fault throws: nothing is written),
 *  in the order of its `records` records. */
export function fromPartWire(parts: unknown, records: number): Analysis[] {
  if (!Array.isArray(parts) || parts.length > records + 1) throw malformed('not a list of runs');
  const out: Analysis[] = [];
  for (const p of parts as Array<Partial<PartWire> | null>) {
    if (!p || typeof p !== 'object' || !Array.isArray(p.reports) || out.length + p.reports.length > records) throw malformed(`more analyses than the part's ${records} records`);
    const words = checkedWords(p.words, p.reports.length);
    const mark = new Uint32Array(words.length);
    p.reports.forEach((r: Partial<ReportWire> | null, i) => out.push(reportFromWire(r, words, mark, i + 1)));
  }
  if (out.length !== records) throw malformed(`${records} records but ${out.length} analyses`);
  return out;
}
