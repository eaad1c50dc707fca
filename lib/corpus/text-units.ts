// A page's texts as one run of UTF-16 code units (page-rows.ts TextRow), not as strings. In
// Chromium a value an IndexedDB request read stays referenced by the request until a full
// collection, so every string of it outlives the scavenges and is promoted to the old generation:
// a page of 64 texts read for one report's phrases put ≈ 190 KB there (a heap sampling of 300
// reads, bench/RESULTS.md session 18), ten a query with phrases, until a full collection (a pause
// of tens of ms in whichever query meets it). Units in a typed array are one object in the V8 heap, their bytes
// outside it; a text is made a string only when asked for (a young one).

/** Code units given to String.fromCharCode at once (its arguments go on the stack). */
const UNITS_AT_ONCE = 4096;

/** Texts packed: their code units end to end (a byte a unit when every unit is under 256, as
 *  a structured clone keeps a Latin-1 string: no more bytes than the strings took), each one's end. */
export interface PackedTexts {
  u: TextUnits;
  e: Uint32Array;
}

/** A text's code units (a byte a unit where all are under 256, as a texts row keeps them). */
export type TextUnits = Uint8Array | Uint16Array;

/** Whether any of `u` is over 0xff (an Arabic text: found at its first letter). */
function wideUnits(u: TextUnits): boolean {
  if (u instanceof Uint8Array) return false;
  for (let k = 0; k < u.length; k++) if (u[k]! > 0xff) return true;
  return false;
}

/** Texts packed, each given as a string or as its code units (an import part's: lib/corpus/part-texts.ts). */
export function packTexts(texts: ReadonlyArray<string | TextUnits>): PackedTexts {
  const e = new Uint32Array(texts.length);
  let size = 0;
  texts.forEach((t, i) => (e[i] = size += t.length));
  const u = new Uint16Array(size);
  let at = 0;
  let wide = false;
  for (const t of texts) {
    if (typeof t !== 'string') {
      u.set(t, at);
      at += t.length;
      wide ||= wideUnits(t);
      continue;
    }
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c > 0xff) wide = true;
      u[at++] = c;
    }
  }
  return { u: wide ? u : Uint8Array.from(u), e };
}

/** Where an object whose text came as units keeps them: a symbol, not enumerable (neither a
 *  spread nor a structured clone copies it), rather than a WeakMap (an ephemeron a report for every
 *  full collection to trace). */
const UNITS = Symbol('text units');

type WithUnits = { [UNITS]: TextUnits };

/** One getter and setter for every such object: V8 keeps objects whose accessors are the same
 *  functions in shared hidden classes (a closure an object made each a dictionary, ≈ 2.5 times the
 *  bytes). A text read is made a string each time (few are: a report without a URL, a blank title). */
const TEXT: PropertyDescriptor = {
  get(this: WithUnits): string {
    return unitsText(this[UNITS]);
  },
  // Assigned a string, it is one from then on.
  set(this: object, text: string) {
    Object.defineProperty(this, 'text', { value: text, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};

/**
 * `o` with a `text` made from `units` only when it is read (enumerable, so that a spread copies it
 * as a string), and whose units textUnits gives: a report whose text nothing reads on its way to a
 * texts row is never made a string (lib/corpus/part-texts.ts, why). `o` has no `text` of its own.
 */
export function withTextUnits<T extends object>(o: T, units: TextUnits): T & { text: string } {
  Object.defineProperty(o, 'text', TEXT);
  Object.defineProperty(o, UNITS, { value: units });
  return o as T & { text: string };
}

/** The code units of `o`'s text where it came as units (withTextUnits). */
export const textUnits = (o: object): TextUnits | undefined => (o as Partial<WithUnits>)[UNITS];

/** Whether a row's packed texts read (`count` of them): its ends ascending, the last at its units' end. */
export function packedTextsRead(row: Partial<PackedTexts>, count: number): row is PackedTexts {
  const { u, e } = row;
  if (!(u instanceof Uint8Array || u instanceof Uint16Array) || !(e instanceof Uint32Array) || e.length !== count) return false;
  for (let i = 1; i < e.length; i++) if (e[i]! < e[i - 1]!) return false;
  return (e.length ? e[e.length - 1]! : 0) === u.length;
}

/** Text `i` of packed texts (checked by packedTextsRead) as its code units: a view, no copy. */
export function unitsAt(row: PackedTexts, i: number): TextUnits {
  return row.u.subarray(i ? row.e[i - 1]! : 0, row.e[i]!);
}

/** Text `i` of packed texts (checked by packedTextsRead). */
export function textAt(row: PackedTexts, i: number): string {
  return unitsText(unitsAt(row, i));
}

/** UTF-16 code units as a string, a bounded run at a time (String.fromCharCode's arguments go on
 *  the stack); also the engine's packed values' texts (lib/engine/value-pack.ts). */
export function unitsText(u: TextUnits): string {
  // apply takes any array-like at run time; TypeScript's signature asks for number[], hence the casts.
  if (u.length <= UNITS_AT_ONCE) return String.fromCharCode.apply(null, u as unknown as number[]);
  let out = '';
  for (let k = 0; k < u.length; k += UNITS_AT_ONCE) out += String.fromCharCode.apply(null, u.subarray(k, Math.min(u.length, k + UNITS_AT_ONCE)) as unknown as number[]);
  return out;
}
