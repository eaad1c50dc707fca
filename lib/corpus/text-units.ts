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
  u: Uint8Array | Uint16Array;
  e: Uint32Array;
}

export function packTexts(texts: readonly string[]): PackedTexts {
  const e = new Uint32Array(texts.length);
  let size = 0;
  texts.forEach((t, i) => (e[i] = size += t.length));
  const u = new Uint16Array(size);
  let at = 0;
  let wide = false;
  for (const t of texts) {
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c > 0xff) wide = true;
      u[at++] = c;
    }
  }
  return { u: wide ? u : Uint8Array.from(u), e };
}

/** Whether a row's packed texts read (`count` of them): its ends ascending, the last at its units' end. */
export function packedTextsRead(row: Partial<PackedTexts>, count: number): row is PackedTexts {
  const { u, e } = row;
  if (!(u instanceof Uint8Array || u instanceof Uint16Array) || !(e instanceof Uint32Array) || e.length !== count) return false;
  for (let i = 1; i < e.length; i++) if (e[i]! < e[i - 1]!) return false;
  return (e.length ? e[e.length - 1]! : 0) === u.length;
}

/** Text `i` of packed texts (checked by packedTextsRead). */
export function textAt(row: PackedTexts, i: number): string {
  return unitsText(row.u.subarray(i ? row.e[i - 1]! : 0, row.e[i]!));
}

/** UTF-16 code units as a string, a bounded run at a time (String.fromCharCode's arguments go on
 *  the stack); also the engine's packed values' texts (lib/engine/value-pack.ts). */
export function unitsText(u: Uint8Array | Uint16Array): string {
  // apply takes any array-like at run time; TypeScript's signature asks for number[], hence the casts.
  if (u.length <= UNITS_AT_ONCE) return String.fromCharCode.apply(null, u as unknown as number[]);
  let out = '';
  for (let k = 0; k < u.length; k += UNITS_AT_ONCE) out += String.fromCharCode.apply(null, u.subarray(k, Math.min(u.length, k + UNITS_AT_ONCE)) as unknown as number[]);
  return out;
}
