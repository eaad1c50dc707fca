// The word table the scan reads words through (tokenize.ts): every distinct spelling seen, its
// normalised form, and that form's number (Token.id, by which the analyses keep what they computed
// for a word: word-cache.ts). News text repeats its words: each distinct spelling is normalised
// once; a known one is found by the hash of its characters the scan computed (open addressing,
// checked unit by unit), so that it costs no string of its own. The table is bounded: when full it
// starts over, and the numbers move on past the old ones, so that a token kept from before is never
// taken for another word.
import { normalize } from './normalize';

// A slot is SLOT units of one Uint16Array (32 bytes), read in one place of memory: the spelling's
// hash (its low 30 bits, with USED set: 0 is an empty slot) and its form's number as two 32-bit
// words, then its length and its first INLINE units. A longer spelling keeps the rest of its units
// in LONG. With the spelling a string of its own elsewhere in the heap (session 15's slots of four
// values side by side), checking a known word read two places of memory, and that second read was
// ≈ 6 % of an import's analysis worker in Node (bench/RESULTS.md, session 22 scan-s22).
const SLOT = 16;
const HALF = SLOT / 2;
const LEN = 4;
const UNITS = 5;
const INLINE = SLOT - UNITS;
const HASH_BITS = 0x3fffffff;
const USED = 0x40000000;

let SIZE = 1 << 16;
let MAX_WORDS = 40_000;
let cells = new Uint16Array(SLOT * SIZE);
let words = new Int32Array(cells.buffer);
/** The units past INLINE of the spellings longer than it, by slot. */
let LONG = new Map<number, string>();
let spellings = 0;
let forms: string[] = [];
let formNumber = new Map<string, number>();
/** Token.id of this generation's form 0. */
let base = 0;

/** A new generation: every slot empty, numbers from `base` on. */
function empty(): void {
  cells = new Uint16Array(SLOT * SIZE);
  words = new Int32Array(cells.buffer);
  LONG = new Map();
  spellings = 0;
  forms = [];
  formNumber = new Map();
}

/**
 * Four times the words (160,000 spellings, ≈ 8 MB of slots), for a worker that reads nothing but
 * many reports: an import's analysis worker. Synthetic news of 100,000 reports has ≈ 2,500 new
 * spellings every 1,000 reports, so the default table starts over every few thousand reports, and
 * every analysis' WordCache is computed again from nothing each time. The service worker keeps the
 * default: its heap is bounded. Starts a new generation (tokens kept from before stay valid).
 */
export function useLargeWordTable(): void {
  base += MAX_WORDS;
  SIZE = 1 << 18;
  MAX_WORDS = 160_000;
  empty();
}

/** The spelling of slot `slot` is text.slice(start, start + len) (its length and hash already agree). */
function same(slot: number, text: string, start: number, len: number): boolean {
  const at = SLOT * slot + UNITS;
  const inline = len < INLINE ? len : INLINE;
  for (let k = 0; k < inline; k++) if (cells[at + k] !== text.charCodeAt(start + k)) return false;
  if (len <= INLINE) return true;
  const rest = LONG.get(slot)!;
  for (let k = INLINE; k < len; k++) if (rest.charCodeAt(k - INLINE) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The slot of the spelling text.slice(start, end), whose hash is h: found, or added. */
export function placeOf(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  const key = (h & HASH_BITS) | USED;
  let slot = h & (SIZE - 1);
  for (;;) {
    const k = words[HALF * slot];
    if (k === 0) break;
    if (k === key && cells[SLOT * slot + LEN] === len && same(slot, text, start, len)) return slot;
    slot = (slot + 1) & (SIZE - 1);
  }
  if (spellings >= MAX_WORDS) {
    base += MAX_WORDS;
    empty();
    slot = h & (SIZE - 1);
  }
  // A copy of its own, not a slice: the table must not keep the reports it read alive.
  const n = normalize(flatCopy(text, start, end));
  let f = formNumber.get(n);
  if (f === undefined) {
    f = forms.length;
    forms.push(flatCopy(n, 0, n.length));
    formNumber.set(n, f);
  }
  words[HALF * slot] = key;
  words[HALF * slot + 1] = f;
  cells[SLOT * slot + LEN] = len;
  const at = SLOT * slot + UNITS;
  for (let k = 0; k < len && k < INLINE; k++) cells[at + k] = text.charCodeAt(start + k);
  if (len > INLINE) LONG.set(slot, flatCopy(text, start + INLINE, end));
  spellings++;
  return slot;
}

/** The normalised form of the spelling in `slot` ('' for a spelling that normalises to nothing). */
export const formOf = (slot: number): string => forms[words[HALF * slot + 1]!]!;

/** Token.id of the spelling in `slot`: its form's number, past the older generations'. */
export const idOf = (slot: number): number => base + words[HALF * slot + 1]!;

/** Token.id of this generation's first form: a token's number less it is its form's index in
 *  this generation, and a token numbered below it is of an older one (word-cache.ts). */
export const generationBase = (): number => base;

/**
 * text.slice(start, end) as a new flat string (a slice may point into text, a concatenation into
 * its parts). Built a bounded chunk at a time: a spread of an unbounded array overflows the stack.
 */
function flatCopy(text: string, start: number, end: number): string {
  let out = '';
  const codes: number[] = [];
  for (let i = start; i < end; i += 1024) {
    codes.length = 0;
    for (let k = i; k < Math.min(end, i + 1024); k++) codes.push(text.charCodeAt(k));
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}
