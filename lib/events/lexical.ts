// How much two reports say in the same words, in a way that does not depend on how many reports
// the reader's corpus holds. Each word weighs its inverse document frequency, read from a
// reference table the project ships (data/events/df.json, built by scripts/build-event-df.ts
// from the real corpora; the same-event judgement reads it alone, pair.ts) or blended with the
// reader's corpus where the query knows its counts (the shared words shown); a
// word neither knows weighs the most, so that words only one report uses count against a match
// (a cosine over every word of both, not over the words the corpus happens to hold).
import { normalize, terms, termsOf, tokensBefore, type Scan, type Token } from '../arabic';
import { spacedKey } from '../corpus/ids';
import dfFile from '../../data/events/df.json';
import { cosine, type Weigh } from './cosine';

interface ReferenceDf {
  docs: number;
  /** The table's reports holding Arabic words, and English ones: each language's words are rated against its own. */
  docsBy?: { ar: number; en: number };
  /** The document frequency of each language's 20th most common word (rarity). */
  common?: { ar: number; en: number };
  df: Record<string, number>;
}

const REF = dfFile as ReferenceDf;
// Looked up in the parsed object itself: a Map of its ~9,600 words was built on every start of
// the service worker, before it could answer anything (≈ as long as parsing the table).
const refDf = (t: string): number => (Object.hasOwn(REF.df, t) ? REF.df[t]! : 0);

/** Counts of the reader's corpus, where known: its size and the document frequency of some terms. */
export interface CorpusDf {
  docs: number;
  df: ReadonlyMap<string, number>;
}

/** The words read from a report: its title (counted twice) and the start of its lede. */
const LEXICAL_WORDS = 150;

export interface TermVector {
  /** Term → weighted count. */
  all: Map<string, number>;
  title: Map<string, number>;
  /** The lede's lines (a hash of each, normalised, as keys) and the terms each gave: what an outlet repeats. */
  lines: Map<string, string[]>;
}

const EN_STOP = new Set('the a an and or of in on at to for from by with as is was were be been are that this it its said says after over into than but not has have had who which while about against during their his her they he she also would will more most near other been'.split(' '));

const ARABIC = /[\u0621-\u064A]/;

/** Words of a text without Arabic as the lexical match reads them: English words. */
function englishTerms(text: string): string[] {
  return normalize(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !EN_STOP.has(w) && !/^\d+$/.test(w));
}

function count(list: readonly string[], into: Map<string, number>, w: number): void {
  for (const t of list) into.set(t, (into.get(t) ?? 0) + w);
}

/**
 * A paragraph that turns to another story ("وفي سياق متصل", "In other news"): outlets append the
 * day's related news to a report (Shaam's Turkish flight permit, then Erdoğan's speech of the day),
 * and its words are that other story's. The report's words end there.
 */
const ELSEWHERE = /^\s*(?:و?في\s+سياق\s+(?:متصل|منفصل|اخر|آخر)|و?على\s+صعيد\s+(?:اخر|آخر|متصل)|و?في\s+شان\s+(?:اخر|آخر)|و?في\s+شأن\s+(?:اخر|آخر)|in\s+other\s+(?:news|developments))/i;

/** A scan of `${title}\n` and the start of the text (lib/engine/features analyseScanned), to read the words from again. */
interface Scanned extends Scan {
  text: string;
}

/** The tokens of `${title}\n${chunk}` from `scanned` when it begins so and normalising gives its tokens, else null. */
function reusable(title: string, chunk: string, scanned: Scanned | undefined): Token[] | null {
  const body = title.length + 1;
  if (!scanned?.plain || scanned.text.length < body + chunk.length || !scanned.text.startsWith(title) || scanned.text.charCodeAt(title.length) !== 10 || !scanned.text.startsWith(chunk, body)) return null;
  return tokensBefore(scanned.text, scanned.tokens, body + chunk.length);
}

export function termVector(title: string, text: string, opts: { scanned?: Scanned } = {}): TermVector {
  const chunk = text.slice(0, LEXICAL_WORDS * 12);
  const toks = reusable(title, chunk, opts.scanned);
  // Tokens of the title and of each line, read from `toks` in order (lines never split a token).
  let next = 0;
  const upTo = (end: number): Token[] => {
    const from = next;
    while (next < toks!.length && toks![next]!.end <= end) next++;
    return toks!.slice(from, next);
  };
  const termsIn = (s: string, end: number): string[] => {
    const own = toks ? upTo(end) : null;
    if (!ARABIC.test(s)) return englishTerms(s);
    return own ? termsOf(own) : terms(s);
  };
  const t = termsIn(title, title.length).slice(0, 40);
  const all = new Map<string, number>();
  count(t, all, 2);
  const lines = new Map<string, string[]>();
  let left = LEXICAL_WORDS;
  // Where the line starts in chunk.
  let at = 0;
  for (const line of chunk.split(/\n+/)) {
    const end = title.length + 1 + at + line.length;
    at += line.length;
    while (chunk.charCodeAt(at) === 10) at++;
    if (left <= 0 || ELSEWHERE.test(line)) break;
    const words = termsIn(line, end).slice(0, left);
    if (!words.length) continue;
    left -= words.length;
    count(words, all, 1);
    const key = spacedKey(line);
    lines.set(key, [...(lines.get(key) ?? []), ...words]);
  }
  const titleOnly = new Map<string, number>();
  count(t, titleOnly, 1);
  return { all, title: titleOnly, lines };
}

/**
 * The words of `v` without the lines it shares word for word with `other`: two reports of one
 * outlet share its boilerplate (an "about us" paragraph, a subscription call), which says
 * nothing about their events. Lines of fewer than eight words (a dateline) are kept.
 */
export function withoutSharedLines(v: TermVector, other: TermVector): TermVector {
  let all: Map<string, number> | null = null;
  for (const [key, words] of v.lines) {
    if (words.length < 8 || !other.lines.has(key)) continue;
    all ??= new Map(v.all);
    for (const w of words) {
      const c = (all.get(w) ?? 0) - 1;
      if (c > 0) all.set(w, c);
      else all.delete(w);
    }
  }
  return all ? { ...v, all } : v;
}

/** The most the reader's corpus weighs against the reference table (see idfOf). */
const CORPUS_WEIGHT = 0.02;

/** /^[a-z0-9]/ by its first code unit (asked for every shared word of every pair judged). */
const isEnglish = (t: string) => {
  const c = t.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
};
/**
 * The reference reports of a word's language. English words were rated against every report of
 * the table, most of them Arabic, so that "killed" (in 86 % of the English reports) weighed a
 * third of "sarin" instead of a sixth: the words every English report uses counted as evidence.
 */
const docsOf = (t: string) => (isEnglish(t) ? REF.docsBy?.en : REF.docsBy?.ar) ?? REF.docs;

/** The weight of a word no table knows: as if one report in twice its language's reference held it. */
const idfMax = (t: string) => Math.log(1 + 2 * docsOf(t));

/**
 * A word's weight: its reference frequency blended with the corpus's, where the corpus's is
 * known. The corpus weighs at most a fiftieth of the reference (a larger corpus counts as one of
 * that size, at its own rates): it lowers the weight of words the reader's reports are full of
 * without a corpus of 100,000 of one kind overturning what a word says in the language at large.
 * So a word's weight moves up by at most log(1/0.98) ≈ 0.02 whatever the corpus, and a pair's
 * similarity (and relation) in a corpus of 5 reports and of 100,000 stays close.
 */
function idfOf(t: string, corpus?: CorpusDf): number {
  const ref = refDf(t);
  const docs = docsOf(t);
  const known = corpus?.df.get(t);
  let rate: number;
  if (corpus && known !== undefined && corpus.docs > 0) {
    const scale = Math.min(1, (CORPUS_WEIGHT * docs) / corpus.docs);
    rate = (ref + known * scale) / (docs + corpus.docs * scale);
  } else rate = ref / docs;
  const max = idfMax(t);
  if (rate <= 0) return max;
  return Math.min(max, Math.log(1 + 1 / rate));
}


/**
 * Weights kept per corpus object: a query builds its corpus counts once and never changes them,
 * and the ~24 reports it judges weigh mostly the same words (they were worked out again for
 * every pair). Without corpus counts a word's weight is the reference table's alone, the same
 * for every pair: those are kept for all (judge weighs each pair without counts first).
 */
const WEIGHTS = new WeakMap<CorpusDf, Map<string, number>>();
const TABLE_WEIGHTS = new Map<string, number>();

/** Words whose weight or rarity without corpus counts is kept at most (then forgotten, all at once). */
const KEPT_WORDS = 50_000;

/** `f(t)` worked out once per word while `memo` holds fewer than KEPT_WORDS. */
function remembered(memo: Map<string, number>, t: string, f: (t: string) => number): number {
  let v = memo.get(t);
  if (v === undefined) {
    if (memo.size >= KEPT_WORDS) memo.clear();
    memo.set(t, (v = f(t)));
  }
  return v;
}

function weigher(corpus?: CorpusDf): Weigh {
  if (!corpus) return (t) => remembered(TABLE_WEIGHTS, t, idfOf);
  let known = WEIGHTS.get(corpus);
  if (!known) WEIGHTS.set(corpus, (known = new Map<string, number>()));
  const memo = known;
  return (t) => remembered(memo, t, (w) => idfOf(w, corpus));
}

/** How much of `title`'s weight the words of `text` hold: does the other report tell this headline? */
function coverage(title: ReadonlyMap<string, number>, text: ReadonlyMap<string, number>, weight: Weigh): number {
  let all = 0;
  let found = 0;
  for (const t of title.keys()) {
    const w = weight(t);
    all += w;
    if (text.has(t)) found += w;
  }
  return all ? found / all : 0;
}

// How rare a shared word is in its own language: 0 for a word as common as the language's 20th
// most common in the reference table ("killed", "سوري"), 1 for one a hundred times rarer or
// unknown ("sarin" ≈ 0.75, "convoy" ≈ 0.5, "chemical" ≈ 0.3). Two reports of one event share a few
// such words whatever their length, where a cosine over all their words is diluted by the rest.
// Measured against each language's own common words: the table holds many short Arabic headlines
// and fewer long English articles, so one document frequency means a different thing in each.
const SPAN = Math.log(100);

const RARITY = new Map<string, number>();

/** How rare a word is in its language's reports, 0..1 (the reference table alone: the same in any corpus, kept). */
export function rarity(t: string): number {
  return remembered(RARITY, t, rarityOf);
}

function rarityOf(t: string): number {
  const df = refDf(t);
  if (df <= 0) return 1;
  const common = isEnglish(t) ? REF.common?.en : REF.common?.ar;
  return Math.max(0, Math.min(1, Math.log((common ?? REF.docs) / df) / SPAN));
}

/**
 * How much two reports' rare words are the same (0..1: the shared words' rarity against the
 * geometric mean of each report's), in English words and in Arabic words apart: each word weighed
 * by its rarity in its own language, so the words every report of the language uses count for
 * nothing however long the reports are. Apart, because the table measures the two languages
 * unequally (851 English articles; Arabic mostly short headlines, where most words look rare).
 */
function rareShared(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): { rare: number; rareAr: number } {
  const shared = [0, 0];
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small.keys()) if (large.has(t)) shared[isEnglish(t) ? 0 : 1]! += rarity(t);
  const inA = raritySums(a);
  const inB = raritySums(b);
  const of = (i: number) => (inA[i]! > 0 && inB[i]! > 0 ? shared[i]! / Math.sqrt(inA[i]! * inB[i]!) : 0);
  return { rare: of(0), rareAr: of(1) };
}

/** A bag's words' rarity summed, English and Arabic apart: kept per bag, as its weights are. */
const RARITY_SUMS = new WeakMap<ReadonlyMap<string, number>, [number, number]>();
function raritySums(m: ReadonlyMap<string, number>): [number, number] {
  let sums = RARITY_SUMS.get(m);
  if (!sums) {
    sums = [0, 0];
    for (const t of m.keys()) sums[isEnglish(t) ? 0 : 1] += rarity(t);
    RARITY_SUMS.set(m, sums);
  }
  return sums;
}

export interface LexicalScores {
  /** Cosine of the title-and-lede words, 0..1. */
  lex: number;
  /** Cosine of the titles' words. */
  title: number;
  /**
   * How much of each headline the other report's title and lede say, the lesser of the two: two
   * reports of one event tell each other's headline in other words around the same key words.
   */
  cover: number;
  /** How much the two reports' rare words are the same (rareShared), 0..1: English words, Arabic words. */
  rare: number;
  rareAr: number;
}

export interface Lexical extends LexicalScores {
  /** The shared words of most weight. */
  shared: string[];
}

/** The similarity's scores alone: what the pair model reads (its shared words are only shown). */
export function lexicalScores(a: TermVector, b: TermVector, corpus?: CorpusDf): LexicalScores {
  const weight = weigher(corpus);
  const cover = Math.min(coverage(a.title, b.all, weight), coverage(b.title, a.all, weight));
  const keep = !corpus;
  return { lex: cosine(a.all, b.all, weight, keep), title: cosine(a.title, b.title, weight, keep), cover, ...rareShared(a.all, b.all) };
}

/** The words both reports use, of most weight first (ties in `a`'s order), eight at most: each
 *  word weighed once, not at each comparison of the sort. */
export function sharedWords(a: TermVector, b: TermVector, corpus?: CorpusDf): string[] {
  const weight = weigher(corpus);
  const both: Array<{ t: string; w: number }> = [];
  for (const t of a.all.keys()) if (b.all.has(t)) both.push({ t, w: weight(t) });
  return both
    .sort((x, y) => y.w - x.w)
    .slice(0, 8)
    .map((x) => x.t);
}

export function lexicalSimilarity(a: TermVector, b: TermVector, corpus?: CorpusDf): Lexical {
  return { ...lexicalScores(a, b, corpus), shared: sharedWords(a, b, corpus) };
}
