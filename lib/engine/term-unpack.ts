// A report's packed word counts (term-pack.ts) read back as the event model compares them: its
// bags of words (lib/events/bag.ts) made straight from the word numbers, the lede's lines only when a
// pair of one outlet's reports asks for them (lib/events/term-vector.ts withoutSharedLines).
import { Bag, numberedWords, renumberIfFull, wordGeneration, wordId } from '../events/bag';
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

/** Positions by word number while a row's two bags are counted (a stamp a row), and the bags' words,
 *  numbers and counts so far: kept for the next row, each bag copied out at its size. */
let seenTitle = new Int32Array(1024);
let seenAll = new Int32Array(1024);
let posTitle = new Int32Array(1024);
let posAll = new Int32Array(1024);
let stamp = 0;
const tWords: string[] = [];
const tIds: number[] = [];
const tCounts: number[] = [];
const aWords: string[] = [];
const aIds: number[] = [];
const aCounts: number[] = [];

/** The tables by number holding every number up to `n` (a row numbers at most its word count more
 *  than the numbering held before it), their stamps valid. */
function reserve(n: number): void {
  if (n > seenAll.length) {
    let size = seenAll.length * 2;
    while (size < n) size *= 2;
    seenTitle = new Int32Array(size);
    seenAll = new Int32Array(size);
    posTitle = new Int32Array(size);
    posAll = new Int32Array(size);
    stamp = 0;
  }
  if (stamp > 0x7ffffff0) {
    seenTitle.fill(0);
    seenAll.fill(0);
    stamp = 0;
  }
}

/**
 * The word counts packed by packTerms; throws (SegmentFormatError, or Error for a number `lex`
 * lacks) on bytes that are not a packing. The bags are what termVector gives — `all` the title's
 * words twice, then each line's words, in the order first met; `title` the title's — made by number
 * (no map a row: the maps were a third of a warm query's judging, bench/RESULTS.md session 22);
 * the lines are read again from the bytes when first asked for.
 */
export function unpackTerms(bytes: Uint8Array, lex: Lexicon): TermVector {
  renumberIfFull();
  const ids = numbersOf(lex).ids;
  const words = lex.words;
  const known = numberedWords();
  const r = new ByteReader(bytes, 'word counts');
  const version = header(r);
  // One pass, each word read, numbered and counted into both bags in place (the same order as
  // BagBuilder's set and add): a stopped worker's first lookup unpacks ≈ 25 rows on code never run,
  // where a call or a pass a word costs — a builder's calls a word were ≈ 10 ms a pool more than the
  // Maps' built-in calls (bench/judge-cold.ts, session 23).
  reserve(known.length + bytes.length + 1);
  const s = ++stamp;
  let nt = 0;
  let na = 0;
  const title = r.count(2);
  for (let i = 0; i < title; i++) {
    const x = num(r, bytes);
    const t = words[x];
    if (t === undefined) throw new Error(`word ${x} is not in the lexicon`);
    // Each lexicon number's word number, kept by lexicon and checked against its word (a lexicon
    // forgets the numbers a failed write gave, lexicon.ts truncate, and may give them to other words).
    let id = ids[x]!;
    if (id < 0 || known[id] !== t) ids[x] = id = wordId(t);
    const c = num(r, bytes);
    if (seenTitle[id] === s) tCounts[posTitle[id]!] = c;
    else {
      seenTitle[id] = s;
      posTitle[id] = nt;
      tWords[nt] = t;
      tIds[nt] = id;
      tCounts[nt++] = c;
    }
    if (seenAll[id] === s) aCounts[posAll[id]!] = 2 * c;
    else {
      seenAll[id] = s;
      posAll[id] = na;
      aWords[na] = t;
      aIds[na] = id;
      aCounts[na++] = 2 * c;
    }
  }
  const nl = r.count(3);
  for (let i = 0; i < nl; i++) {
    lineKey(r, version);
    const n = r.count(1);
    for (let j = 0; j < n; j++) {
      // The title loop's lookup written out again, not called: a call a word is the cold cost above.
      const x = num(r, bytes);
      const t = words[x];
      if (t === undefined) throw new Error(`word ${x} is not in the lexicon`);
      let id = ids[x]!;
      if (id < 0 || known[id] !== t) ids[x] = id = wordId(t);
      if (seenAll[id] === s) aCounts[posAll[id]!]! += 1;
      else {
        seenAll[id] = s;
        posAll[id] = na;
        aWords[na] = t;
        aIds[na] = id;
        aCounts[na++] = 1;
      }
    }
  }
  r.end();
  const all = new Bag(aWords.slice(0, na), aIds.slice(0, na), aCounts.slice(0, na));
  const titleBag = new Bag(tWords.slice(0, nt), tIds.slice(0, nt), tCounts.slice(0, nt));
  let lines: Map<string, string[]> | undefined;
  return {
    all,
    title: titleBag,
    get lines() {
      return (lines ??= linesOf(bytes, lex));
    },
  };
}
