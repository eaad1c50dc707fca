// How much two reports say in the same words, in a way that does not depend on how many reports
// the reader's corpus holds. Each word weighs its inverse document frequency, read from a
// reference table the project ships (data/events/df.json, built by scripts/build-event-df.ts
// from the real corpora; the same-event judgement reads it alone, pair.ts) or blended with the
// reader's corpus where the query knows its counts (the shared words shown); a
// word neither knows weighs the most, so that words only one report uses count against a match
// (a cosine over every word of both, not over the words the corpus happens to hold).
import dfFile from '../../data/events/df.json';
import { slotsOf, wordGeneration, type Bag } from './bag';
import { cosine, type Weigh } from './cosine';
import type { TermVector } from './term-vector';

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

/** A word's weight by the reference table alone. */
const tableWeight: Weigh = (t) => remembered(TABLE_WEIGHTS, t, idfOf);

/**
 * The reference weight and rarity of each word by its number (bag.ts wordId), under one numbering,
 * put in for every word of a bag the first time the bag is weighed (weighed below): a pool's ≈ 25
 * reports are weighed against the article and one another, ≈ 66 pairs a warm query, and each shared
 * word's weight was looked up by its string in every pair (a fifth of a pool's judging CPU, session
 * 21). The same numbers as by string; read by index, not through a call returning a new heap number.
 */
const byNumber = { gen: -1, weights: new Float64Array(1024), rarities: new Float64Array(1024) };

/** The tables by number, holding every word of `m`, with its rarities summed (English, Arabic) kept by the bag. */
function weighed(m: Bag): typeof byNumber {
  const gen = wordGeneration();
  const ids = m.ids;
  if (m.weighed === gen && byNumber.gen === gen) return byNumber;
  if (byNumber.gen !== gen) {
    byNumber.gen = gen;
    byNumber.weights.fill(NaN);
    byNumber.rarities.fill(NaN);
  }
  let max = 0;
  for (let k = 0; k < ids.length; k++) max = Math.max(max, ids[k]!);
  if (max >= byNumber.weights.length) {
    const n = 2 * max;
    const w = new Float64Array(n).fill(NaN);
    w.set(byNumber.weights);
    const r = new Float64Array(n).fill(NaN);
    r.set(byNumber.rarities);
    byNumber.weights = w;
    byNumber.rarities = r;
  }
  const { weights, rarities } = byNumber;
  const words = m.words;
  let en = 0;
  let ar = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const t = words[k]!;
    if (Number.isNaN(weights[id]!)) weights[id] = tableWeight(t);
    if (Number.isNaN(rarities[id]!)) rarities[id] = rarity(t);
    // In the bag's order, as the rarities were summed by bag before.
    if (isEnglish(t)) en += rarities[id]!;
    else ar += rarities[id]!;
  }
  m.rareEn = en;
  m.rareAr = ar;
  m.weighed = gen;
  return byNumber;
}

function weigher(corpus?: CorpusDf): Weigh {
  if (!corpus) return tableWeight;
  let known = WEIGHTS.get(corpus);
  if (!known) WEIGHTS.set(corpus, (known = new Map<string, number>()));
  const memo = known;
  return (t) => remembered(memo, t, (w) => idfOf(w, corpus));
}

/** How much of `title`'s weight the words of `text` hold: does the other report tell this headline? */
function coverage(title: Bag, text: Bag, weight: Weigh, kept?: Float64Array): number {
  let all = 0;
  let found = 0;
  const ids = title.ids;
  const words = title.words;
  const at = slotsOf(text);
  for (let k = 0; k < ids.length; k++) {
    const w = kept ? kept[ids[k]!]! : weight(words[k]!);
    all += w;
    if (at.at(ids[k]!) >= 0) found += w;
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
function rareShared(a: Bag, b: Bag, out: LexicalScores): void {
  // The sums in locals, no list or closure made (a pair of every pool a warm query judges).
  let en = 0;
  let ar = 0;
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  weighed(a);
  const r = weighed(b).rarities;
  // Each word's rarity kept by its number, in the bag's order: the same numbers.
  const ids = small.ids;
  const words = small.words;
  const at = slotsOf(large);
  for (let k = 0; k < ids.length; k++) {
    if (at.at(ids[k]!) < 0) continue;
    const x = r[ids[k]!]!;
    if (isEnglish(words[k]!)) en += x;
    else ar += x;
  }
  out.rare = a.rareEn > 0 && b.rareEn > 0 ? en / Math.sqrt(a.rareEn * b.rareEn) : 0;
  out.rareAr = a.rareAr > 0 && b.rareAr > 0 ? ar / Math.sqrt(a.rareAr * b.rareAr) : 0;
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
  // By the reference table alone (judging: pair.ts), each word's weight is kept by its number (weighed).
  // By number where weighed by the table alone (the tables hold all four bags' words once weighed).
  weighed(a.all);
  weighed(a.title);
  weighed(b.all);
  weighed(b.title);
  const kept = corpus ? undefined : byNumber.weights;
  const cover = Math.min(coverage(a.title, b.all, weight, kept), coverage(b.title, a.all, weight, kept));
  const out: LexicalScores = { lex: cosine(a.all, b.all, weight, kept), title: cosine(a.title, b.title, weight, kept), cover, rare: 0, rareAr: 0 };
  rareShared(a.all, b.all, out);
  return out;
}

/** The most shared words sharedWords gives. */
const SHOWN_WORDS = 8;
/** sharedWords' best so far (kept: it is synchronous), heaviest first. */
const bestWords: string[] = [];
const bestWeights = new Float64Array(SHOWN_WORDS);

/** The words both reports use, of most weight first (ties in `a`'s order), eight at most: each
 *  word weighed once, and only the best eight kept as they come (what a stable sort of them all
 *  gives first: a word goes after those of its weight already kept) — the list of every shared
 *  word and its sort were ≈ 4 % of a warm query's garbage (session 17). */
export function sharedWords(a: TermVector, b: TermVector, corpus?: CorpusDf): string[] {
  const weight = weigher(corpus);
  let k = 0;
  const ids = a.all.ids;
  const words = a.all.words;
  const at = slotsOf(b.all);
  for (let i = 0; i < ids.length; i++) {
    if (at.at(ids[i]!) < 0) continue;
    const t = words[i]!;
    const w = weight(t);
    let j = k;
    while (j > 0 && bestWeights[j - 1]! < w) j--;
    if (j >= SHOWN_WORDS) continue;
    for (let m = Math.min(k, SHOWN_WORDS - 1); m > j; m--) {
      bestWords[m] = bestWords[m - 1]!;
      bestWeights[m] = bestWeights[m - 1]!;
    }
    bestWords[j] = t;
    bestWeights[j] = w;
    if (k < SHOWN_WORDS) k++;
  }
  const out = bestWords.slice(0, k);
  bestWords.fill('');
  return out;
}

export function lexicalSimilarity(a: TermVector, b: TermVector, corpus?: CorpusDf): Lexical {
  return { ...lexicalScores(a, b, corpus), shared: sharedWords(a, b, corpus) };
}
