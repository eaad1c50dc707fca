// The matcher's index of gazetteer names, by the first word of each name (normalised). Reading
// every alias to build it took ~90 ms in a worker that had just started, in the first query after a
// service-worker restart. So the index is computed ahead (scripts/gazetteer-names.ts writes
// names.generated.json) as a compact table — first word → the names that start with it, as
// (entity, which of its names) references — and each first word's names are decoded only when a
// text holds that word. tests/unit/entities/names-generated.test.ts fails when the table is stale.
import { normalize } from '../arabic/normalize';
import { isStopWord } from '../arabic/stopwords';
import { tokenize } from '../arabic/tokenize';
import generatedTable from './names.generated.json';
import type { AliasSpec, Entity } from './types';

/** The table computed ahead (scripts/gazetteer-names.ts). */
export const GENERATED = generatedTable as unknown as NamesTable;

/** The text of an alias as written, whatever its form in the file. */
export function aliasText(a: AliasSpec): string {
  return typeof a === 'string' ? a : a.text;
}

export interface Candidate {
  entity: Entity;
  alias: string;
  weak: boolean;
  from?: string;
  until?: string;
  /** A generic name ("المطار العسكري") that names this entity only in a text about that place. */
  context?: string;
  /** A weak name that names this place only after a word of place ("في الباب"; not "فتح الباب أمام"). */
  after?: 'place';
}

export interface AliasEntry {
  tokens: string[];
  /** Short Latin names (IS, SDF) match only in their exact case: "is" and "us" are English words. */
  exact?: string[];
  candidates: Candidate[];
}

/**
 * The names that start with one word, longest first: those of two words or more by their second
 * word ("ريف" starts hundreds of names, and only those with the text's next word can match),
 * then the one-word names.
 */
export interface Names {
  /** The names of two words or more whose second word is `next`. */
  longer(next: string): AliasEntry[] | undefined;
  single: AliasEntry[];
}

/** What the table was computed from, cheap to compare at start-up: counts and lengths. */
export interface NamesSource {
  entities: number;
  names: number;
  chars: number;
  /** A checksum of the ids in their order: the table refers to entities by their place in the list. */
  ids: number;
}

export interface NamesTable {
  /** The gazetteer the table was computed from, before the surnames were added. */
  source: NamesSource;
  /** Persons' surnames as names of their own (surnamesOf). */
  surnames: Record<string, string>;
  /**
   * First word → its names: the one-word names, then "|" and, for each second word, that word, a
   * space and the names (longest first). ";" between names (entries), "," between the entities
   * an entry names, each "e.n" (entity index, name index: 0 Arabic name, 1 English name, 2+ the
   * aliases) with "-" after it when the entry is the name without its Latin article.
   */
  first: Record<string, string>;
  /** At most how many tokens a name has (mostNameWords): the event signature's prefix reads it. */
  mostWords: number;
}

const LATIN_ARTICLE = /^(al|el|ad|ar|as|ash|at|az|an)$/;

/** An entity's names by index: the Arabic name, the English name, then the aliases. */
function nameSpec(e: Entity, n: number): { text: string; spec: Exclude<AliasSpec, string> | null } {
  if (n === 0) return { text: e.name.ar, spec: null };
  if (n === 1) return { text: e.name.en, spec: null };
  const a = e.aliases[n - 2]!;
  return { text: aliasText(a), spec: typeof a === 'string' ? null : a };
}

export function sameSource(a: NamesSource, b: NamesSource): boolean {
  return a.entities === b.entities && a.names === b.names && a.chars === b.chars && a.ids === b.ids;
}

export function namesSource(entities: ReadonlyArray<Omit<Entity, 'type'>>): NamesSource {
  let names = 0;
  let chars = 0;
  let ids = 0;
  entities.forEach((e, i) => {
    const id = e.id;
    ids = (ids + Math.imul(i + 1, Math.imul(id.length, 0x10001) ^ (id.charCodeAt(0) << 8) ^ id.charCodeAt(id.length >> 1) ^ (id.charCodeAt(id.length - 1) << 16))) | 0;
    names += 2 + e.aliases.length;
    chars += e.id.length + e.name.ar.length + e.name.en.length;
    for (const a of e.aliases) chars += typeof a === 'string' ? a.length : a.text.length + (a.from?.length ?? 0) + (a.until?.length ?? 0) + (a.context?.length ?? 0) + (a.weak ? 1 : 0) + (a.after?.length ?? 0);
  });
  return { entities: entities.length, names, chars, ids: ids >>> 0 };
}

/** The variants a name is indexed under: its words, and a Latin name's words without "al-". */
function variants(text: string): Array<{ tokens: string[]; exact?: string[]; dropped: boolean }> {
  const toks = tokenize(text).map((t) => t.text);
  if (toks.length === 0) return [];
  const latin = !/[\u0600-\u06FF]/.test(text);
  const out = [{ tokens: toks, dropped: false }];
  if (latin && toks.length > 1 && LATIN_ARTICLE.test(toks[0]!)) out.push({ tokens: toks.slice(1), dropped: true });
  return out.map((v) => ({ ...v, exact: latin && v.tokens.join('').length <= 3 ? tokenize(text).slice(toks.length - v.tokens.length).map((t) => text.slice(t.start, t.end)) : undefined }));
}

/**
 * A person named in full is then named by the surname alone ("مظلوم عبدي" … "وأضاف عبدي"): the
 * surname names them in a text that names them in full, unless it is already another name.
 * Every name is normalised to know which are taken: computed ahead, with the table.
 */
export function surnamesOf(entities: ReadonlyArray<Omit<Entity, 'type'>>): Record<string, string> {
  const taken = new Set(entities.flatMap((e) => [e.name.ar, ...e.aliases.map(aliasText)].map(normalize)));
  const out: Record<string, string> = {};
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const words = e.name.ar.split(/\s+/);
    const surname = words[words.length - 1]!;
    const key = normalize(surname);
    if (words.length < 2 || key.replace(/^ال/, '').length < 3 || taken.has(key) || isStopWord(key)) continue;
    out[e.id] = surname;
  }
  return out;
}

/** The table, read from the gazetteer (every name tokenised): for the generator. */
export function computeNamesTable(source: NamesSource, surnames: Record<string, string>, entities: readonly Entity[]): NamesTable {
  return { source, surnames, first: namesByFirstWord(entities), mostWords: mostNameWords(entities) };
}

/** A unit that is surely a letter of a word: an Arabic letter or an ASCII letter or digit. */
const surelyLetter = (c: number) => (c >= 0x0621 && c <= 0x064a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * At most how many tokens a name of `entities` has: one more than its units that may part two
 * words (every unit but those surely letters: an upper bound, without classing each unit exactly).
 * Computed ahead with the table: over every name it took ≈ 10 ms of a just-started worker's first
 * query (a CPU profile of a query waking a stopped worker, bench/RESULTS.md session 10).
 */
export function mostNameWords(entities: readonly Entity[]): number {
  let most = 1;
  for (const e of entities) {
    for (const name of [e.name.ar, e.name.en, ...e.aliases.map(aliasText)]) {
      let n = 1;
      for (let k = 0; k < name.length; k++) if (!surelyLetter(name.charCodeAt(k))) n++;
      if (n > most) most = n;
    }
  }
  return most;
}

/** The names by first word, read from the gazetteer: the table's, or the matcher's when the table is stale. */
export function namesByFirstWord(entities: readonly Entity[]): Record<string, string> {
  const byKey = new Map<string, { tokens: string[]; refs: string[]; seen: Array<{ id: string; from?: string; until?: string }> }>();
  entities.forEach((e, ei) => {
    for (let n = 0; n < 2 + e.aliases.length; n++) {
      const { text, spec } = nameSpec(e, n);
      for (const v of variants(text)) {
        const key = `${v.tokens.join(' ')}${v.exact ? `|${v.exact.join(' ')}` : ''}`;
        let entry = byKey.get(key);
        if (!entry) byKey.set(key, (entry = { tokens: v.tokens, refs: [], seen: [] }));
        if (entry.seen.some((c) => c.id === e.id && c.from === spec?.from && c.until === spec?.until)) continue;
        entry.seen.push({ id: e.id, from: spec?.from, until: spec?.until });
        entry.refs.push(`${ei}.${n}${v.dropped ? '-' : ''}`);
      }
    }
  });
  const groups = new Map<string, Array<{ tokens: string[]; refs: string[] }>>();
  for (const entry of byKey.values()) {
    const list = groups.get(entry.tokens[0]!) ?? [];
    list.push(entry);
    groups.set(entry.tokens[0]!, list);
  }
  const first: Record<string, string> = {};
  for (const [word, list] of groups) {
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    const single: string[] = [];
    const byNext = new Map<string, string[]>();
    for (const e of list) {
      if (e.tokens.length === 1) single.push(e.refs.join(','));
      else {
        const same = byNext.get(e.tokens[1]!);
        if (same) same.push(e.refs.join(','));
        else byNext.set(e.tokens[1]!, [e.refs.join(',')]);
      }
    }
    first[word] = [single.join(';'), ...[...byNext].map(([next, refs]) => `${next} ${refs.join(';')}`)].join('|');
  }
  return first;
}

/**
 * One first word's names, decoded from the table as a text asks for them: the names of two words
 * or more only for the second words the text has, each name tokenised again only then.
 */
export function decodeNames(group: string, entities: readonly Entity[]): Names {
  const parts = group.split('|');
  const raw = new Map<string, string>();
  for (const p of parts.slice(1)) {
    const sp = p.indexOf(' ');
    raw.set(p.slice(0, sp), p.slice(sp + 1));
  }
  const decoded = new Map<string, AliasEntry[]>();
  return {
    single: parts[0] ? parts[0].split(';').map((refs) => decodeEntry(refs, entities)) : [],
    longer(next) {
      let list = decoded.get(next);
      if (list === undefined) {
        const refs = raw.get(next);
        if (refs === undefined) return undefined;
        decoded.set(next, (list = refs.split(';').map((r) => decodeEntry(r, entities))));
      }
      return list;
    },
  };
}

function decodeEntry(refs: string, entities: readonly Entity[]): AliasEntry {
  let entry: AliasEntry | null = null;
  for (const ref of refs.split(',')) {
    const dropped = ref.endsWith('-');
    const [ei, n] = (dropped ? ref.slice(0, -1) : ref).split('.').map(Number) as [number, number];
    const entity = entities[ei]!;
    const { text, spec } = nameSpec(entity, n);
    if (!entry) {
      const v = variants(text)[dropped ? 1 : 0]!;
      entry = { tokens: v.tokens, exact: v.exact, candidates: [] };
    }
    entry.candidates.push({ entity, alias: text, weak: !!spec?.weak, from: spec?.from, until: spec?.until, context: spec?.context, ...(spec?.after ? { after: spec.after } : {}) });
  }
  return entry!;
}

/** The table as written in names.generated.json: one first word a line, so that a change reads as one. */
export function renderNamesTable(t: NamesTable): string {
  const words = Object.keys(t.first).sort();
  const lines = words.map((w) => `    ${JSON.stringify(w)}: ${JSON.stringify(t.first[w])}`);
  return `{\n  "source": ${JSON.stringify(t.source)},\n  "surnames": ${JSON.stringify(t.surnames)},\n  "mostWords": ${t.mostWords},\n  "first": {\n${lines.join(',\n')}\n  }\n}\n`;
}
