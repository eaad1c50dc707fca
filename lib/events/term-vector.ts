// The words of a report as the same-event judgement compares them (lib/events/lexical.ts): its
// title counted twice and the start of its lede, line by line, so that an outlet's boilerplate lines
// can be left out of a pair of its own reports.
import { normalize, termRefsOf, terms, tokensUpTo, type Scan, type TermRef, type Token } from '../arabic';
import { spacedKey } from '../corpus/ids';
import { Bag, builder, knownId, renumberIfFull, slotsOf, type BagBuilder } from './bag';

/** The words read from a report: its title (counted twice) and the start of its lede. */
const LEXICAL_WORDS = 150;

export interface TermVector {
  /** Term → weighted count, in the order first counted (bag.ts: a bag, not a Map). */
  all: Bag;
  title: Bag;
  /** The lede's lines (a hash of each, normalised, as keys) and the terms each gave: what an outlet repeats. */
  lines: ReadonlyMap<string, string[]>;
}

const EN_STOP = new Set('the a an and or of in on at to for from by with as is was were be been are that this it its said says after over into than but not has have had who which while about against during their his her they he she also would will more most near other been'.split(' '));

const ARABIC = /[\u0621-\u064A]/;

/** Words of a text without Arabic as the lexical match reads them: English words. */
function englishTerms(text: string): string[] {
  return normalize(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !EN_STOP.has(w) && !/^\d+$/.test(w));
}

function count(list: readonly string[], into: BagBuilder, w: number): void {
  for (const t of list) into.add(t, w);
}

/**
 * A paragraph that turns to another story ("وفي سياق متصل", "In other news"): outlets append the
 * day's related news to a report (Shaam's Turkish flight permit, then Erdoğan's speech of the day),
 * and its words are that other story's. The report's words end there.
 */
const ELSEWHERE = /^\s*(?:و?في\s+سياق\s+(?:متصل|منفصل|اخر|آخر)|و?على\s+صعيد\s+(?:اخر|آخر|متصل)|و?في\s+شان\s+(?:اخر|آخر)|و?في\s+شأن\s+(?:اخر|آخر)|in\s+other\s+(?:news|developments))/i;

/** A scan of `${title}\n` and the start of the text (lib/engine/features analyseScanned), to read the words from again. */
export interface Scanned extends Scan {
  text: string;
}

/** The tokens of `${title}\n${chunk}` from `scanned` when it begins so and normalising gives its tokens, else null. */
function reusable(title: string, chunk: string, scanned: Scanned | undefined): readonly Token[] | null {
  const body = title.length + 1;
  if (!scanned?.plain || scanned.text.length < body + chunk.length || !scanned.text.startsWith(title) || scanned.text.charCodeAt(title.length) !== 10 || !scanned.text.startsWith(chunk, body)) return null;
  return tokensUpTo(scanned.text, scanned.tokens, body + chunk.length);
}

/** A word read: its term with the number a list gave it where the scan's tokens were read again
 *  (TermRef), the term alone otherwise. */
export type Word = TermRef | string;

const textOf = (w: Word): string => (typeof w === 'string' ? w : w.text);

/** What termVector reads, in order: the title's words (its first 40) and the lines of the lede
 *  that have words, each with its words (LEXICAL_WORDS in all). */
export interface WordsRead {
  title: Word[];
  lines: Array<{ line: string; words: Word[] }>;
}

/** The words termVector counts, as read (lib/engine/term-pack.ts streamFor numbers them without the
 *  maps an import part does not send). */
export function readWords(title: string, text: string, opts: { scanned?: Scanned } = {}): WordsRead {
  const chunk = text.slice(0, LEXICAL_WORDS * 12);
  const toks = reusable(title, chunk, opts.scanned);
  // Tokens of the title and of each line, read from `toks` in order (lines never split a token).
  let next = 0;
  const upTo = (end: number): Token[] => {
    const from = next;
    while (next < toks!.length && toks![next]!.end <= end) next++;
    return toks!.slice(from, next);
  };
  const termsIn = (s: string, end: number): Word[] => {
    const own = toks ? upTo(end) : null;
    if (!ARABIC.test(s)) return englishTerms(s);
    return own ? termRefsOf(own) : terms(s);
  };
  const t = termsIn(title, title.length).slice(0, 40);
  const lines: WordsRead['lines'] = [];
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
    lines.push({ line, words });
  }
  return { title: t, lines };
}

export function termVector(title: string, text: string, opts: { scanned?: Scanned } = {}): TermVector {
  const read = readWords(title, text, opts);
  const t = read.title.map(textOf);
  renumberIfFull();
  const all = builder().begin();
  count(t, all, 2);
  const lines = new Map<string, string[]>();
  for (const { line, words: w } of read.lines) {
    const words = w.map(textOf);
    count(words, all, 1);
    const key = spacedKey(line);
    lines.set(key, [...(lines.get(key) ?? []), ...words]);
  }
  const bag = all.finish();
  const titleOnly = builder().begin();
  count(t, titleOnly, 1);
  return { all: bag, title: titleOnly.finish(), lines };
}

/**
 * The words of `v` without the lines it shares word for word with `other`: two reports of one
 * outlet share its boilerplate (an "about us" paragraph, a subscription call), which says
 * nothing about their events. Lines of fewer than eight words (a dateline) are kept.
 */
export function withoutSharedLines(v: TermVector, other: TermVector): TermVector {
  // Counts taken down by position, and the words left at zero or below dropped at the end: a
  // Map's delete at zero, and nothing counted up again, leave the same words in the same order.
  let counts: number[] | null = null;
  const ids = v.all.ids;
  const at = slotsOf(v.all);
  for (const [key, words] of v.lines) {
    if (words.length < 8 || !other.lines.has(key)) continue;
    counts ??= v.all.counts.slice();
    for (const w of words) {
      const id = knownId(w);
      const k = id < 0 ? -1 : at.at(id);
      if (k >= 0) counts[k]! -= 1;
    }
  }
  if (!counts) return v;
  const left: number[] = [];
  for (let k = 0; k < counts.length; k++) if (counts[k]! > 0) left.push(k);
  const all = new Bag(left.map((k) => v.all.words[k]!), left.map((k) => ids[k]!), left.map((k) => counts[k]!));
  return { all, title: v.title, lines: v.lines };
}
