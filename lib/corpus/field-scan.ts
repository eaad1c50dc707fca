// What a corpus record's check reads of a field in one pass over its characters (lib/corpus/
// formats.ts validateRecord, in the options page for every report of an import, whose records the
// background reads with cheap checks alone, formats.ts checkedRecord; decode.ts for a whole file):
// its longest run without white space, its share of U+FFFD, whether it holds an invisible character.
import { isInvisible } from '../arabic/invisible';

/** Above this share of U+FFFD (of the non-space characters), text was decoded wrongly or is binary. */
const MAX_REPLACEMENT_SHARE = 0.02;

// What scanField asks of a character, as bits: 1 not white space (a run goes on), 2 above the space
// (counted for the share of U+FFFD), 4 U+FFFD, 8 invisible (lib/arabic/invisible.ts). A table of
// the characters below U+3001 (white space and the invisible characters are all there, but U+FEFF):
// looked up instead of tested, so that the scan has no branch a character but the run's best.
const TABLE_END = 0x3001;
let kinds: Uint8Array | null = null;

function kindOf(c: number): number {
  const space = c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
  return (space ? 0 : 1) | (c > 0x20 ? 2 : 0) | (c === 0xfffd ? 4 : 0) | (isInvisible(c) ? 8 : 0);
}

/** Built when first asked for (not while a stopped worker starts). */
function kindTable(): Uint8Array {
  if (!kinds) {
    kinds = new Uint8Array(TABLE_END);
    for (let c = 0; c < TABLE_END; c++) kinds[c] = kindOf(c);
  }
  return kinds;
}

const FEFF = kindOf(0xfeff);
const FFFD = kindOf(0xfffd);
// Every character past the table but these two is of one kind (not space, not U+FFFD, visible).
const OTHER = kindOf(TABLE_END);

/** A field's longest run of characters without white space, its share of U+FFFD among its
 *  characters above the space, and whether it holds an invisible character (which validateRecord
 *  strips): one linear scan (an import checks every report's text). */
export function scanField(s: string): { run: number; bad: number; seen: number; hidden: boolean } {
  const table = kindTable();
  let best = 0;
  let run = 0;
  let bad = 0;
  let seen = 0;
  let any = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c < TABLE_END ? table[c]! : c === 0xfeff ? FEFF : c === 0xfffd ? FFFD : OTHER;
    run = (run + 1) * (k & 1);
    if (run > best) best = run;
    seen += (k >> 1) & 1;
    bad += (k >> 2) & 1;
    any |= k;
  }
  return { run: best, bad, seen, hidden: (any & 8) !== 0 };
}

export function undecodable(bad: number, seen: number): string | null {
  if (seen && bad / seen > MAX_REPLACEMENT_SHARE) return `${Math.round((100 * bad) / seen)}% of its characters are undecodable (binary data or a wrong encoding)`;
  return null;
}

/** Why text is not readable text (replacement characters of a wrong decoding), or null. */
export function unreadable(text: string): string | null {
  // None at all: no share to count (a whole file's text is checked before it is parsed).
  if (!text.includes('\uFFFD')) return null;
  const { bad, seen } = scanField(text);
  return undecodable(bad, seen);
}
