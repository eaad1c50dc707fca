// An import part's report texts as the options page sends them to the background: their UTF-16
// code units end to end in one typed array, each text's end in another, and the records without
// their texts. Sent as strings, a part's ≈ 1,000 texts (≈ 2 MB) were deserialised into as many
// strings in the service worker, outlived its scavenges while the part was written (a quarter of
// what it kept of an import, bench/RESULTS.md session 22) and were then packed into code units
// again for the texts rows (text-units.ts), which is all the background does with most of them: so
// they stay code units there, and a text is made a string only where something reads it
// (text-units.ts withTextUnits).
import type { ReportRecord } from '../types';
import { packedTextsRead, unitsAt, unitsText, type PackedTexts, type TextUnits } from './text-units';

/** The most code units a part's texts are packed in (32 MB): a part of a few huge texts (each may
 *  have up to 2,000,000 characters, lib/corpus/formats.ts) is sent as strings instead, and the
 *  background refuses a packed part over it, so that what it is sent bounds what it allocates. */
export const MAX_PART_UNITS = 16 * 1024 * 1024;

/** A record as a packed part sends it: every field but its text. */
export type RecordFields = Omit<ReportRecord, 'text'>;

/** The page's side: the records without their texts, and the texts packed (UTF-16, the code units
 *  as the strings hold them); null when their units would be over MAX_PART_UNITS. */
export function packPart(records: readonly ReportRecord[]): { records: RecordFields[]; texts: PackedTexts & { u: Uint16Array } } | null {
  const e = new Uint32Array(records.length);
  let size = 0;
  for (let i = 0; i < records.length; i++) {
    e[i] = size += records[i]!.text.length;
    if (size > MAX_PART_UNITS) return null;
  }
  const u = new Uint16Array(size);
  let at = 0;
  const fields: RecordFields[] = [];
  for (const { text, ...rest } of records) {
    for (let k = 0; k < text.length; k++) u[at++] = text.charCodeAt(k);
    fields.push(rest);
  }
  return { records: fields, texts: { u, e } };
}

const malformed = (why: string) => new Error(`malformed texts in an import part: ${why}`);

/** The background's side: a part's packed texts, checked whole (one clear error, before anything
 *  is written), as each of its `count` records' code units (views, no copy). */
export function partTexts(texts: unknown, count: number): TextUnits[] {
  if (!texts || typeof texts !== 'object') throw malformed('not packed texts');
  const { u, e } = texts as Partial<PackedTexts>;
  if (!(u instanceof Uint16Array)) throw malformed('their code units are not a Uint16Array');
  if (u.length > MAX_PART_UNITS) throw malformed(`more than ${MAX_PART_UNITS} code units`);
  const row = { u, e };
  if (!packedTextsRead(row, count)) throw malformed(`their ends do not match their ${u.length} code units or the part's ${count} records`);
  const out: TextUnits[] = [];
  for (let i = 0; i < count; i++) out.push(unitsAt(row, i));
  return out;
}

/** A record of a packed part with its text as a string, for the full check (validateRecord: what
 *  is not an object is left as it is, for its one clear reason). */
export function withText(r: unknown, units: TextUnits): unknown {
  return r && typeof r === 'object' && !Array.isArray(r) ? { ...r, text: unitsText(units) } : r;
}
