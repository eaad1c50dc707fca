// A small value (what structured clone would store: strings, numbers, booleans, null, undefined,
// arrays, plain objects) written as bytes into a doc row (doc-rows.ts), for the event signature.
// Structured clone spends 9 bytes on every number, 4 on every array and writes every string whole;
// a signature's strings are mostly ids the row already holds (its entities) or the event model's
// few words ("relative", "govs", a governorate's id). So a string is written as a reference when it
// is in the row's table (`table`: the frozen words below, then the caller's, then every string
// this value wrote before), else whole. undefined stays apart from null, as structured clone keeps
// it (a signature's absent fields).
import { ByteWriter, type ByteReader } from './segments/bytes';
import { unitsText } from '../corpus/text-units';

// Text in one byte a character for ASCII and the Arabic block's first 127 code points (U+0600–
// U+067E: the letters, the short vowels, the Arabic-Indic digits), where UTF-8 takes two for Arabic;
// any other code point is 0xFF and its number. A doc row's title is ≈ 45 characters of Arabic.
const ARABIC = 0x600;
const ESCAPE = 0xff;

/** `s` in the one-byte code above, its byte length first. */
export function writeText(w: ByteWriter, s: string): void {
  // At most 4 bytes a UTF-16 unit (the escape and a code point's varint of 3).
  w.prefixed(4 * s.length, (buf, at) => {
    let o = at;
    for (let i = 0; i < s.length; i++) {
      let cp = s.charCodeAt(i);
      if (cp < 0x80) buf[o++] = cp;
      else if (cp >= ARABIC && cp < ARABIC + 0x7f) buf[o++] = 0x80 + cp - ARABIC;
      else {
        // A surrogate pair is one code point (a lone surrogate is written as itself).
        const next = s.charCodeAt(i + 1);
        if (cp >= 0xd800 && cp < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
          cp = (cp - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
          i++;
        }
        buf[o++] = ESCAPE;
        while (cp >= 0x80) {
          buf[o++] = (cp & 0x7f) | 0x80;
          cp >>>= 7;
        }
        buf[o++] = cp;
      }
    }
    return o - at;
  });
}

/** The UTF-16 units of a text being read (readText): kept, grown as needed. */
let units = new Uint16Array(256);

/** A text written by writeText. Its units are gathered in a kept buffer and made one string: a
 *  string grown a character at a time left a copy or a link per character (a doc row's URL and
 *  title are read by every query that reads the row: a heap sampling of warm queries, session 17). */
export function readText(r: ByteReader): string {
  const size = r.count(1);
  const end = size + r.pos;
  // A byte is one unit at most, a code point's escape (two bytes or more) two.
  if (units.length < size) units = new Uint16Array(Math.max(size, 2 * units.length));
  const u = units;
  let n = 0;
  while (r.pos < end) {
    const b = r.byte();
    if (b < 0x80) u[n++] = b;
    else if (b !== ESCAPE) u[n++] = ARABIC + b - 0x80;
    else {
      const cp = r.varint();
      if (cp > 0x10ffff) r.fail('not a code point');
      // As String.fromCodePoint gives it: a surrogate pair past the BMP.
      if (cp < 0x10000) u[n++] = cp;
      else {
        u[n++] = 0xd800 + ((cp - 0x10000) >> 10);
        u[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      }
    }
  }
  if (r.pos !== end) r.fail('text runs past its length');
  return unitsText(u.subarray(0, n));
}

/** Words every table starts with. Frozen: a stored value refers to them by position (add none; a
 *  new list is a new row format). */
export const FROZEN_WORDS: readonly string[] = [
  'govs', 'relative', 'publication', 'killed', 'injured', 'local', 'صباح اليوم', 'اليوم', 'امس', 'مساء اليوم', 'فجر اليوم', '',
  'aleppo-gov', 'damascus-gov', 'rif-dimashq-gov', 'homs-gov', 'hama-gov', 'latakia-gov', 'tartus-gov', 'idlib-gov', 'daraa-gov',
  'quneitra-gov', 'suwayda-gov', 'deir-ez-zor-gov', 'raqqa-gov', 'hasakah-gov',
  'prison', 'protest', 'hospital', 'fire', 'return', 'crossing', 'meeting', 'convoy', 'closure', 'mine', 'flights', 'oil',
  'denial', 'university', 'funds', 'camp', 'displaced', 'arrested', 'missing', 'dead', 'wounded',
];

const Tag = { Undefined: 0, Null: 1, False: 2, True: 3, Uint: 4, NegInt: 5, Float: 6, Text: 7, Ref: 8, Array: 9, Object: 10 } as const;

/** The table a value is written with: the frozen words, then `own` (the row's entity ids…). */
export function valueTable(own: readonly string[]): { list: string[]; index: Map<string, number> } {
  const list = [...FROZEN_WORDS, ...own];
  const index = new Map<string, number>();
  list.forEach((s, i) => {
    if (!index.has(s)) index.set(s, i);
  });
  return { list, index };
}

/** valueTable(own)'s list alone: what a reader (readValue) starts with. */
export const readTable = (own: readonly string[]): string[] => [...FROZEN_WORDS, ...own];

/** The frozen words' positions (the first of each), worked out once. */
const FROZEN_INDEX: ReadonlyMap<string, number> = valueTable([]).index;

/** What a value is written with: the position of a string in its table, and a string added. */
export interface WriteTable {
  ref(s: string): number | undefined;
  add(s: string): void;
}

/**
 * valueTable(own) as a writer uses it, without copying the frozen words and their map for every
 * row (a heap profile of an import: ≈ 3 % of its garbage, bench/RESULTS.md session 8): the same
 * positions, so the same bytes.
 */
export function writeTable(own: readonly string[]): WriteTable {
  const mine = new Map<string, number>();
  let size = FROZEN_WORDS.length;
  for (const s of own) {
    if (!FROZEN_INDEX.has(s) && !mine.has(s)) mine.set(s, size);
    size++;
  }
  return {
    ref: (s) => FROZEN_INDEX.get(s) ?? mine.get(s),
    add: (s) => void mine.set(s, size++),
  };
}

export function writeValue(w: ByteWriter, v: unknown, table: WriteTable): void {
  if (v === undefined) w.byte(Tag.Undefined);
  else if (v === null) w.byte(Tag.Null);
  else if (typeof v === 'boolean') w.byte(v ? Tag.True : Tag.False);
  else if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) <= 0xffffffff && !Object.is(v, -0)) {
      w.byte(v >= 0 ? Tag.Uint : Tag.NegInt);
      w.varint(Math.abs(v));
    } else {
      w.byte(Tag.Float);
      w.f64(v);
    }
  } else if (typeof v === 'string') {
    const i = table.ref(v);
    if (i !== undefined) {
      w.byte(Tag.Ref);
      w.varint(i);
    } else {
      w.byte(Tag.Text);
      w.string(v);
      table.add(v);
    }
  } else if (Array.isArray(v)) {
    w.byte(Tag.Array);
    w.varint(v.length);
    for (let i = 0; i < v.length; i++) writeValue(w, v[i], table);
  } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const entries = Object.entries(v);
    w.byte(Tag.Object);
    w.varint(entries.length);
    for (const [k, x] of entries) {
      writeValue(w, k, table);
      writeValue(w, x, table);
    }
  } else throw new TypeError(`not a storable value: ${typeof v}`);
}

/** Nesting a value may have: a row whose bytes claim more is refused, not followed. */
const MAX_DEPTH = 16;

/** A value written by writeValue with the same starting table; throws (SegmentFormatError) on bytes that are not one. */
export function readValue(r: ByteReader, table: string[], depth = 0): unknown {
  if (depth > MAX_DEPTH) r.fail('value nested too deep');
  const tag = r.byte();
  switch (tag) {
    case Tag.Undefined:
      return undefined;
    case Tag.Null:
      return null;
    case Tag.False:
      return false;
    case Tag.True:
      return true;
    case Tag.Uint:
      return r.varint();
    case Tag.NegInt:
      return -r.varint();
    case Tag.Float:
      return r.f64();
    case Tag.Text: {
      const s = r.string();
      table.push(s);
      return s;
    }
    case Tag.Ref: {
      const s = table[r.varint()];
      return s === undefined ? r.fail('unknown string reference') : s;
    }
    case Tag.Array: {
      const n = r.count(1);
      const a: unknown[] = [];
      for (let i = 0; i < n; i++) a.push(readValue(r, table, depth + 1));
      return a;
    }
    case Tag.Object: {
      const o: Record<string, unknown> = {};
      const n = r.count(2);
      for (let i = 0; i < n; i++) {
        const k = readValue(r, table, depth + 1);
        if (typeof k !== 'string') r.fail('object key not a string');
        const v = readValue(r, table, depth + 1);
        // A key like "__proto__" is data here, never the object's prototype (the only setter a
        // plain object inherits: any other key is its own data property either way).
        if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        else o[k] = v;
      }
      return o;
    }
    default:
      return r.fail(`unknown value tag ${tag}`);
  }
}
