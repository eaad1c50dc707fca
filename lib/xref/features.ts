// What the engine knows of a report: its weighted terms, the entities and attributed sources it
// names, its day and a fingerprint of its text. Reports in the corpus and the article being read
// are analysed the same way, so that they meet on the same keys.
import { isStopWord, normalize, stem, tokenize } from '../arabic';
import { attributions } from '../claims';
import { entityById, matchEntities } from '../entities';
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
export const INDEX_WORDS = 400;
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

// Words repeat (Zipf): a word's term (or null for a stop word, a number, a letter) is looked up
// once. Bounded, so a long-lived worker does not grow without end.
const TERM_CACHE = new Map<string, string | null>();
const TERM_CACHE_MAX = 200_000;

function termOf(w: string): string | null {
  let t = TERM_CACHE.get(w);
  if (t !== undefined) return t;
  t = null;
  if (w.length >= 2 && !isStopWord(w) && !/^\d+$/.test(w)) {
    const s = stem(w);
    if (!isStopWord(s)) t = s;
  }
  if (TERM_CACHE.size >= TERM_CACHE_MAX) TERM_CACHE.clear();
  TERM_CACHE.set(w, t);
  return t;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function addTerms(text: string, weight: number, maxWords: number, into: Map<string, number>, surface: Map<string, string> | null, seq: string[]): number {
  let len = 0;
  let n = 0;
  const add = (w: string, original: () => string) => {
    const s = termOf(w);
    if (s === null) return;
    into.set(s, (into.get(s) ?? 0) + weight);
    if (surface && !surface.has(s)) surface.set(s, original());
    seq.push(s);
    len += weight;
  };
  if (surface) {
    // The article being read: its words are kept as written, to explain matches.
    for (const tok of tokenize(text)) {
      if (n++ >= maxWords) break;
      add(tok.text, () => text.slice(tok.start, tok.end));
    }
  } else {
    // A corpus report: normalised once as a whole, which is the per-word normalisation.
    for (const m of normalize(text).matchAll(WORD)) {
      if (n++ >= maxWords) break;
      add(m[0], () => m[0]);
    }
  }
  return len;
}

function uniqueEntities(list: EntityRef[]): EntityRef[] {
  const seen = new Map<string, EntityRef>();
  for (const e of list) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

export function analyse(title: string, text: string, publishedAt: string | null, maxWords = INDEX_WORDS, opts: { surface?: boolean } = {}): Features {
  const terms = new Map<string, number>();
  const surface = new Map<string, string>();
  const seq: string[] = [];
  const keep = opts.surface ? surface : null;
  let len = addTerms(title, 2, 200, terms, keep, seq);
  const titleWords = seq.length;
  // Only the indexed words are normalised: a long report is cut before, not after.
  len += addTerms(text.length > maxWords * 12 ? text.slice(0, maxWords * 12) : text, 1, maxWords, terms, keep, seq);
  // Entities are read where the event is told (title and lede), attributed sources in the first
  // sentences: both analyses cost more than the terms, and the rest of a report adds little.
  const scope = `${title}\n${text.length > ENTITY_CHARS ? text.slice(0, ENTITY_CHARS) : text}`;
  const matches = matchEntities(scope, { date: publishedAt });
  const lede = scope.slice(0, SOURCE_CHARS);
  const sources = attributions(lede, { matches: matches.filter((m) => m.end <= lede.length), date: publishedAt }).flatMap((c) => (c.sourceId ? [c.sourceId] : []));
  return {
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
}
