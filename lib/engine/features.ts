// What the engine knows of a report: its weighted terms, the entities and attributed sources it
// names, its day and a fingerprint of its text. Reports in the corpus and the article being read
// are analysed the same way, so that they meet on the same keys.
import { boundTerms, normalize, scan, termOf, termOfWord, tokensBefore, tokensUpTo, type Scan, type TermRef } from '../arabic';
import { attributions } from '../claims';
import { entityById } from '../entities';
import { entitiesOf, findEntities, type NameFinds } from '../entities/match';
import { minhash, simhash, type Fingerprint } from './simhash';

export interface EntityRef {
  /** Stable gazetteer id: the same for every alias and spelling of the entity. */
  id: string;
  name: string;
  /** Gazetteer type (country, governorate, city, village, airport, actor, ...). */
  type: string;
}

export interface Features {
  /** Stem → weighted count (title words count twice: the title names the event). */
  terms: Map<string, number>;
  /** Σ of the weighted counts: the document length for BM25. */
  len: number;
  /** Stem → the first word of the text it came from, to explain a match in the reader's words. */
  surface: Map<string, string>;
  entities: EntityRef[];
  /** Ids of the sources claims are attributed to. */
  sources: string[];
  /** Days since 1970-01-01, or null when the date is unknown. */
  day: number | null;
  fingerprint: Fingerprint;
  /** MinHash of the title's and lede's word pairs (see simhash.ts). */
  phrases: number[];
}

/** Only the start of a long report is indexed: news puts the event in the title and the lede. */
const INDEX_WORDS = 400;
/** The article being read is looked up by its title and lede. */
export const QUERY_WORDS = 150;
const ENTITY_CHARS = 2000;
const SOURCE_CHARS = 700;
/** Phrases are compared on the title and this many words of the lede. */
const LEDE_PHRASE_WORDS = 80;

export function dayOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}

/**
 * The terms' numbers in a list of strings a caller builds (an import part's `words`,
 * lib/engine/part-wire.ts), in the order of the terms map: `id` is asked once per term a list, the
 * number kept on the term, instead of a lookup by string for every report that has it (the part's
 * map of strings was 5 % of an import worker's time at 100,000 reports, bench/RESULTS.md session 15).
 */
export interface TermIds {
  /** Names the list: a new number for each new list (numbers kept on the terms from another list are not used). */
  list: number;
  id: (term: string) => number;
  /** The report's terms' numbers are pushed here. */
  out: number[];
  /** With it, the terms' weighted counts are pushed here, in the order of `out`, and no terms map is
   *  built (Features.terms is left empty): an import part sends the counts alone, and the map's
   *  sets were ≈ 1.4 % of an analysis worker's samples, besides the map a report they fill
   *  (bench/RESULTS.md, session 24). */
  counts?: number[];
}

// Words repeat (Zipf): a word's term (or null for a stop word, a number, a letter) is found once
// per distinct word (lib/arabic termOf, a WordCache), one object a term (TermRef), whose count is
// the scratch space of the report being analysed.
/** Counts the report's terms in order of first use (the order of the terms map). */
class TermCounter {
  readonly seq: string[] = [];
  len = 0;
  private readonly touched: TermRef[] = [];
  private readonly spellings: string[] = [];

  add(t: TermRef | null, weight: number, spelling: (() => string) | null): void {
    if (t === null) return;
    if (t.count === 0) {
      this.touched.push(t);
      if (spelling) this.spellings.push(spelling());
    }
    t.count += weight;
    this.seq.push(t.text);
    this.len += weight;
  }

  /** The terms map (and the first spelling of each term, and their numbers), leaving every count at 0 again. */
  finish(surface: Map<string, string> | null, ids: TermIds | undefined): Map<string, number> {
    const terms = new Map<string, number>();
    const counts = ids?.counts;
    this.touched.forEach((t, k) => {
      if (ids) ids.out.push(numberOf(t, ids));
      if (counts) counts.push(t.count);
      else terms.set(t.text, t.count);
      if (surface) surface.set(t.text, this.spellings[k]!);
      t.count = 0;
    });
    return terms;
  }
}

/** The term's number in the caller's list, asked of the list once and kept on the term. */
function numberOf(t: TermRef, ids: TermIds): number {
  if (t.list !== ids.list) {
    t.list = ids.list;
    t.at = ids.id(t.text);
  }
  return t.at;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The first `max` words of normalize(text): how words are read where scan() says tokens would differ. */
function normalizedWords(text: string, max: number): string[] {
  const out: string[] = [];
  for (const m of normalize(text).matchAll(WORD)) {
    if (out.length >= max) break;
    out.push(m[0]);
  }
  return out;
}

function uniqueEntities(list: EntityRef[]): EntityRef[] {
  const seen = new Map<string, EntityRef>();
  for (const e of list) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

export function analyse(title: string, text: string, publishedAt: string | null, maxWords = INDEX_WORDS, opts: { surface?: boolean } = {}): Features {
  return analyseScanned(title, text, publishedAt, maxWords, opts).features;
}

/** What analyse() read: `${title}\n` and the start of the text, and its scan (for the event signature and word counts to read again). */
export interface Scanned extends Scan {
  text: string;
  /** The gazetteer names found in its start (lib/entities prefixMatches reads a prefix's from them). */
  finds: NameFinds;
}

/** analyse(), and the scan it read the text from; with `termIds`, its terms' numbers too. */
export function analyseScanned(title: string, text: string, publishedAt: string | null, maxWords = INDEX_WORDS, opts: { surface?: boolean; termIds?: TermIds } = {}): { features: Features; scanned: Scanned } {
  // The title and the start of the text are scanned once; the terms (the first maxWords words of
  // the first maxWords*12 characters), the entities (title and ENTITY_CHARS) and the attributed
  // sources (the first SOURCE_CHARS of those) are each read from the same tokens.
  const termChars = maxWords * 12;
  const span = Math.max(termChars, ENTITY_CHARS);
  const all = `${title}\n${text.length > span ? text.slice(0, span) : text}`;
  const scanned = scan(all);
  const { tokens, plain } = scanned;
  const body = title.length + 1;
  const titleToks = tokensBefore(all, tokens, title.length);
  const textEnd = body + Math.min(text.length, termChars);
  const textToks = tokensUpTo(all, tokens, textEnd).slice(titleToks.length, titleToks.length + maxWords);

  boundTerms();
  const surface = new Map<string, string>();
  const count = new TermCounter();
  let titleWords: number;
  let terms: Map<string, number>;
  try {
    if (opts.surface) {
      // The article being read: its words are kept as written, to explain matches.
      for (const t of titleToks.slice(0, 200)) count.add(termOf(t), 2, () => all.slice(t.start, t.end));
      titleWords = count.seq.length;
      for (const t of textToks) count.add(termOf(t), 1, () => all.slice(t.start, t.end));
    } else if (plain) {
      // A corpus report: the words of the normalised text, which are the tokens' (scan's `plain`).
      for (const t of titleToks.slice(0, 200)) count.add(termOf(t), 2, null);
      titleWords = count.seq.length;
      for (const t of textToks) count.add(termOf(t), 1, null);
    } else {
      for (const w of normalizedWords(title, 200)) count.add(termOfWord(w), 2, null);
      titleWords = count.seq.length;
      for (const w of normalizedWords(text.length > termChars ? text.slice(0, termChars) : text, maxWords)) count.add(termOfWord(w), 1, null);
    }
  } finally {
    terms = count.finish(opts.surface ? surface : null, opts.termIds);
  }
  const { seq, len } = count;
  // Entities are read where the event is told (title and lede), attributed sources in the first
  // sentences: both analyses cost more than the terms, and the rest of a report adds little.
  const scopeEnd = body + Math.min(text.length, ENTITY_CHARS);
  const scope = scopeEnd === all.length ? all : all.slice(0, scopeEnd);
  const scopeToks = tokensUpTo(all, tokens, scopeEnd);
  const finds = findEntities(scope, { date: publishedAt, tokens: scopeToks });
  const matches = entitiesOf(finds);
  const lede = scope.slice(0, SOURCE_CHARS);
  const sources = attributions(lede, { matches: matches.filter((m) => m.end <= lede.length), date: publishedAt, tokens: tokensUpTo(scope, scopeToks, lede.length) }).flatMap((c) => (c.sourceId ? [c.sourceId] : []));
  const features: Features = {
    terms,
    len,
    surface,
    entities: uniqueEntities(
      // News sources are who said it, not what happened: they count as sources, not entities.
      matches.filter((m) => m.type !== 'source').map((m) => ({ id: m.id, name: m.name, type: entityById(m.id)?.kind ?? m.type })),
    ),
    sources: [...new Set(sources)],
    day: dayOf(publishedAt),
    fingerprint: simhash(seq),
    phrases: minhash(seq.slice(0, titleWords + LEDE_PHRASE_WORDS)),
  };
  return { features, scanned: { text: all, ...scanned, finds } };
}
