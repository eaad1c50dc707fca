// The event signature of each report (lib/events: what happened, where, when, who, the numbers),
// worked out once when the report is indexed — in the options page's analysis workers for a file
// import, else when its doc row is written — and kept in its doc row. The query's event model
// reads the signatures of the reports it judges instead of working each out from its text again:
// that was three quarters of a warm query's time (bench/RESULTS.md, issue 20). The word counts
// (termVector) are kept too (lib/engine/term-pack.ts); rows indexed before are read from their texts.
import { hash53 } from '../corpus/ids';
import { EVENT_TYPES, eventSignature, LEDE_CHARS, MODEL, termVector, type EventDoc, type EventSignature } from '../events';
import { placeOf } from '../events/where';
import type { DocRow } from './index-types';
import { packSignature, unpackSignature, type PackedSignature } from './sig-pack';
import { rowSignature } from './doc-rows';
import { hasPackedTerms, storedTerms } from './term-pack';

export type { PackedSignature };

/** A signature as a doc row keeps it: the event's place by its gazetteer id (its name, kind and
 *  hierarchy are the gazetteer's: half a signature's bytes). */
export type StoredSignature = Omit<EventSignature, 'place'> & { place: string | null };

/** A probe of how the word counts are read (termVector): lines, a second story, English, digits
 *  and diacritics, past the words read. A change to termVector that changes what it gives here
 *  changes the version below, so that counts kept under the old reading are not used. */
const TERMS_PROBE: ReadonlyArray<readonly [string, string]> = [
  ['قصف مدفعي على بلدة كفرنبل في ريف إدلب', `قصفت قوات النظام بلدة كفرنبل صباح اليوم ما أسفر عن مقتل ٣ مدنيين وإصابة 5 آخرين.\nوقال الدفاع المدني إن فرقه انتشلت الجثث.\nوفي سياق متصل، أعلنت وزارة الخارجية التركية عن اجتماع جديد.\n${'وأضاف المصدر أن القصف تواصل لساعات. '.repeat(30)}`],
  ['Shelling kills three in Kafranbel', 'Regime forces shelled Kafranbel this morning, killing 3 civilians.\n\nIn other news, the ministry announced a meeting.'],
  ['عَاجِل: انفجار في دمشق', 'هزّ انفجارٌ العاصمةَ دمشق.'],
];

let version: string | null = null;

/**
 * The event model a stored signature and word counts were worked out under. A signature changes
 * with the model (a change to how signatures are read comes with a refit), the counts with how
 * termVector reads a text: a doc row of another version is judged from its text, as before,
 * until the index is rebuilt. Worked out on first use (the probe's words take a stemmer).
 */
export function signatureVersion(): string {
  version ??= hash53(JSON.stringify([MODEL, EVENT_TYPES, LEDE_CHARS, TERMS_PROBE.map(([t, x]) => {
    const v = termVector(t, x);
    return [[...v.all], [...v.title], [...v.lines]];
  })]));
  return version;
}

/** A report's signature and the version to store beside it in its doc row. */
export function signatureFields(title: string, text: string, publishedAt: string | null, sig?: EventSignature): Pick<DocRow, 'sig' | 'sv'> {
  const s = sig ?? eventSignature(title, text, publishedAt);
  return { sig: packSignature({ ...s, place: s.place?.id ?? null }), sv: signatureVersion() };
}

/** The signature a doc row keeps, whole; null when it has none of this version (or its place is
 *  no longer in the gazetteer). */
export function storedSignature(d: Pick<DocRow, 'sig' | 'sv'> & Partial<Pick<DocRow, 'n' | 'e' | 'sb'>>): EventSignature | null {
  if (!(d.sig || d.sb) || d.sv !== signatureVersion()) return null;
  const sig = d.sig ?? rowSignature({ n: d.n ?? -1, e: d.e ?? [], sb: d.sb });
  if (!sig) return null;
  const kept = Array.isArray(sig) ? unpackSignature(sig) : sig;
  if (!kept) return null;
  const place = kept.place === null ? null : placeOf(kept.place);
  if (kept.place !== null && !place) return null;
  return { ...kept, place };
}

/** Whether a row read by a query keeps word counts of this version: storedEventDoc then reads
 *  none of its text (a caller may skip reading it). */
export const hasStoredTerms = (d: DocRow): boolean => hasPackedTerms(d) && !!(d.sig || d.sb) && d.sv === signatureVersion();

/**
 * The event document of a judged report from its stored signature and word counts: what
 * lib/events eventDoc(title, text, publishedAt, outlet) gives, without working out either. When
 * the row does not keep word counts of this version they are read from `text`; with no `text`
 * (a list answered from doc rows alone) the report is then left for its text to be read. Null
 * when the row has no signature to use.
 */
export function storedEventDoc(d: DocRow, text?: string): EventDoc | null {
  const sig = storedSignature(d);
  // Counts kept beside a signature of this version are of this version (written together).
  const terms = sig && (storedTerms(d) ?? (text === undefined ? null : termVector(d.title, text)));
  return sig && terms ? { sig, terms, ...(d.outlet ? { outlet: d.outlet } : {}) } : null;
}
