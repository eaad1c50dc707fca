// A report's packed word counts (term-pack.ts) read back as the event model compares them: its
// bags of words (lib/events/bag.ts) made straight from the word numbers, the lede's lines only when a
// pair of one outlet's reports asks for them (lib/events/term-vector.ts withoutSharedLines).
import { builder, renumberIfFull, wordGeneration, wordId, wordOfId } from '../events/bag';
import type { TermVector } from '../events/term-vector';
import { ByteReader } from './segments/bytes';
import type { Lexicon } from './lexicon';

export const MAGIC = 0x56; // 'V'
export const VERSION = 2;
const TWO32 = 2 ** 32;

/** A packing's magic byte and format version (1 or 2), read. */
function header(r: ByteReader): number {
  if (r.byte() !== MAGIC) r.fail('not word counts');
  const version = r.byte();
  if (version !== 1 && version !== VERSION) r.fail(`format version ${version}, expected 1 or ${VERSION}`);
  return version;
}

/** A word number or count (a varint of `bytes`, what `r` reads), one or two bytes read inline: a
 *  judged row's counts are read twice where its event document is not kept (maxWordId, unpackTerms),
 *  ≈ 9 % of a warm query's CPU in Node at 10k through the reader's calls and a callback a word (session 20).
 *  Longer ones, and every error, are the reader's. */
function num(r: ByteReader, bytes: Uint8Array): number {
  const at = r.pos;
  const b0 = bytes[at];
  if (b0 !== undefined && b0 < 0x80) {
    r.pos = at + 1;
    return b0;
  }
  const b1 = bytes[at + 1];
  if (b0 !== undefined && b1 !== undefined && b1 < 0x80) {
    r.pos = at + 2;
    return (b0 & 0x7f) + b1 * 128;
  }
  return r.varint();
}

/** A line's key as a number (format 1: two varints; 2: 3 bytes then 4, little-endian). */
function lineKey(r: ByteReader, version: number): number {
  if (version === 1) return r.varint() * TWO32 + r.varint();
  const hi = r.byte() + r.byte() * 256 + r.byte() * 65536;
  return hi * TWO32 + r.byte() + r.byte() * 256 + r.byte() * 65536 + r.byte() * 16777216;
}

/** The largest word number a packing uses (-1 for none): the lexicon pages to read before unpacking. */
export function maxWordId(bytes: Uint8Array): number {
  const r = new ByteReader(bytes, 'word counts');
  const version = header(r);
  let max = -1;
  const nt = r.count(2);
  for (let i = 0; i < nt; i++) {
    max = Math.max(max, num(r, bytes));
    num(r, bytes);
  }
  const nl = r.count(3);
  for (let i = 0; i < nl; i++) {
    lineKey(r, version);
    const n = r.count(1);
    for (let j = 0; j < n; j++) max = Math.max(max, num(r, bytes));
  }
  r.end();
  return max;
}

/** The word of lexicon number `n`; throws where `lex` lacks it. */
function wordOf(lex: Lexicon, n: number): string {
  const t = lex.words[n];
  if (t === undefined) throw new Error(`word ${n} is not in the lexicon`);
  return t;
}

/** Each lexicon's numbers → the judgement's word numbers (bag.ts wordId), -1 where not yet asked, under one numbering. */
const byLexicon = new WeakMap<Lexicon, { gen: number; ids: Int32Array }>();

function numbersOf(lex: Lexicon): { gen: number; ids: Int32Array } {
  let m = byLexicon.get(lex);
  const gen = wordGeneration();
  if (!m || m.ids.length < lex.words.length) {
    const ids = new Int32Array(Math.max(1024, 2 * lex.words.length)).fill(-1);
    if (m && m.gen === gen) ids.set(m.ids);
    byLexicon.set(lex, (m = { gen, ids }));
  } else if (m.gen !== gen) {
    m.ids.fill(-1);
    m.gen = gen;
  }
  return m;
}

/** The word number of lexicon number `n`, word `t`: checked against the word (a lexicon forgets
 *  numbers a failed write gave, lexicon.ts truncate, and may give them again to other words). */
function idOf(ids: Int32Array, n: number, t: string): number {
  let id = ids[n]!;
  if (id < 0 || wordOfId(id) !== t) ids[n] = id = wordId(t);
  return id;
}

/** The lede's lines of a packing (key → words), as termVector gives them. */
function linesOf(bytes: Uint8Array, lex: Lexicon): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  const r = new ByteReader(bytes, 'word counts');
  const version = header(r);
  const nt = r.count(2);
  for (let i = 0; i < 2 * nt; i++) num(r, bytes);
  const nl = r.count(3);
  for (let i = 0; i < nl; i++) {
    const key = lineKey(r, version).toString(36);
    const n = r.count(1);
    const line: string[] = [];
    lines.set(key, line);
    for (let j = 0; j < n; j++) line.push(wordOf(lex, num(r, bytes)));
  }
  return lines;
}

/**
 * The word counts packed by packTerms; throws (SegmentFormatError, or Error for a number `lex`
 * lacks) on bytes that are not a packing. The bags are what termVector gives — `all` the title's
 * words twice, then each line's words, in the order first met; `title` the title's — made by number
 * (no map a row: the maps were a third of a warm query's judging, bench/RESULTS.md session 22); the
 * lines are read again from the bytes when first asked for.
 */
export function unpackTerms(bytes: Uint8Array, lex: Lexicon): TermVector {
  renumberIfFull();
  const ids = numbersOf(lex).ids;
  const all = builder(0).begin();
  const title = builder(1).begin();
  const r = new ByteReader(bytes, 'word counts');
  const version = header(r);
  const nt = r.count(2);
  for (let i = 0; i < nt; i++) {
    const n = num(r, bytes);
    const t = wordOf(lex, n);
    const id = idOf(ids, n, t);
    const c = num(r, bytes);
    title.set(t, c, id);
    all.set(t, 2 * c, id);
  }
  const nl = r.count(3);
  for (let i = 0; i < nl; i++) {
    lineKey(r, version);
    const n = r.count(1);
    for (let j = 0; j < n; j++) {
      const x = num(r, bytes);
      const t = wordOf(lex, x);
      all.add(t, 1, idOf(ids, x, t));
    }
  }
  r.end();
  let lines: Map<string, string[]> | undefined;
  return {
    all: all.finish(),
    title: title.finish(),
    get lines() {
      return (lines ??= linesOf(bytes, lex));
    },
  };
}
