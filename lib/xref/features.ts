// What the engine knows of a report: its weighted terms, the entities and attributed sources it
// names, its day and a fingerprint of its text. Reports in the corpus and the article being read
// are analysed the same way, so that they meet on the same keys.
import { isStopWord, stem, tokenize } from '../arabic';
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

/** Pluggable analysers for what lib/arabic alone cannot see (gazetteer entities, attributions). */
export interface Analysers {
  entities?: (text: string) => EntityRef[];
  sources?: (text: string) => string[];
}

let analysers: Analysers = {};

/** Installs the entity and source analysers (lib/xref/analysers.ts does it for the app and CLI). */
export function setAnalysers(a: Analysers): void {
  analysers = a;
}

/** Only the start of a long report is indexed: news puts the event in the title and the lede. */
export const INDEX_WORDS = 400;
/** The article being read is looked up by its title and lede. */
export const QUERY_WORDS = 150;
/** Phrases are compared on the title and this many words of the lede. */
const LEDE_PHRASE_WORDS = 80;

export function dayOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}

function addTerms(text: string, weight: number, maxWords: number, into: Map<string, number>, surface: Map<string, string>, seq: string[]): number {
  let len = 0;
  let n = 0;
  for (const tok of tokenize(text)) {
    if (n++ >= maxWords) break;
    const w = tok.text;
    if (w.length < 2 || isStopWord(w) || /^\d+$/.test(w)) continue;
    const s = stem(w);
    if (isStopWord(s)) continue;
    into.set(s, (into.get(s) ?? 0) + weight);
    if (!surface.has(s)) surface.set(s, text.slice(tok.start, tok.end));
    seq.push(s);
    len += weight;
  }
  return len;
}

function uniqueEntities(list: EntityRef[]): EntityRef[] {
  const seen = new Map<string, EntityRef>();
  for (const e of list) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

export function analyse(title: string, text: string, publishedAt: string | null, maxWords = INDEX_WORDS): Features {
  const terms = new Map<string, number>();
  const surface = new Map<string, string>();
  const seq: string[] = [];
  let len = addTerms(title, 2, 200, terms, surface, seq);
  const titleWords = seq.length;
  len += addTerms(text, 1, maxWords, terms, surface, seq);
  const scope = `${title}\n${text.length > 20_000 ? text.slice(0, 20_000) : text}`;
  return {
    terms,
    len,
    surface,
    entities: uniqueEntities(analysers.entities?.(scope) ?? []),
    sources: [...new Set(analysers.sources?.(scope) ?? [])],
    day: dayOf(publishedAt),
    fingerprint: simhash(seq),
    phrases: minhash(seq.slice(0, titleWords + LEDE_PHRASE_WORDS)),
  };
}
