// Text analysis sent between contexts: the options page analyses an import's reports in Web
// Workers (a Manifest V3 service worker cannot start any) and sends the results with the records
// to the background, which writes them. Runtime messages carry JSON, so a report's terms travel as
// two parallel arrays (fewer, smaller values to encode, parse and check than one pair per term).
import { analyseScanned, type EntityRef, type Features } from './features';
import type { Fingerprint } from './simhash';
import type { ReportRecord } from '../types';
import { textKey } from '../corpus/ids';
import { eventDocFromWire, eventSignature, termVector, type EventSignature } from '../events';
import type { TermVector } from '../events/term-vector';
import { MAX_WIRE_WORDS, wireOf, type TermLists, type TermsWire } from './term-pack';

export interface FeaturesWire {
  /** Terms and their counts, in parallel. */
  terms: string[];
  counts: number[];
  len: number;
  entities: EntityRef[];
  sources: string[];
  day: number | null;
  fingerprint: Fingerprint;
  phrases: number[];
  /** The text's key (lib/corpus/ids.ts textKey), worked out where the text was analysed. */
  tk?: string;
  /** The report's event signature (lib/engine/event-sigs.ts), worked out there too. */
  sig?: EventSignature;
  /** Its word counts (lib/engine/term-pack.ts), worked out there too. */
  tv?: TermsWire;
}

export function toWire(f: Features, tk?: string, sig?: EventSignature, tv?: TermVector): FeaturesWire {
  const terms = [...f.terms.keys()];
  return { terms, counts: [...f.terms.values()], len: f.len, entities: f.entities, sources: f.sources, day: f.day, fingerprint: f.fingerprint, phrases: f.phrases, ...(tk === undefined ? {} : { tk }), ...(sig ? { sig } : {}), ...(tv ? { tv: wireOf(tv, terms) } : {}) };
}


/** Word counts from another context, checked (sizes, types, every index); null when malformed.
 *  Kept as sent (the message's arrays, no copy): a part's 2,000 reports wait with them until their
 *  doc rows are packed (term-pack.ts). */
function termsFromWire(w: unknown, terms: readonly string[]): TermLists | null {
  const o = w as Partial<TermsWire> | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.t) || !Array.isArray(o.l) || o.t.length % 2 || o.t.length > 2 * MAX_WIRE_WORDS || o.l.length > MAX_WIRE_WORDS) return null;
  const word = (x: unknown): string | null => (typeof x === 'string' && x.length > 0 && x.length <= 200 ? x : Number.isInteger(x) && (x as number) >= 0 && (x as number) < terms.length ? terms[x as number]! : null);
  const seen = new Set<string>();
  for (let i = 0; i < o.t.length; i += 2) {
    const t = word(o.t[i]);
    const c = o.t[i + 1];
    if (t === null || seen.has(t) || !(Number.isInteger(c) && (c as number) > 0 && (c as number) <= MAX_WIRE_WORDS)) return null;
    seen.add(t);
  }
  const keys = new Set<string>();
  let n = 0;
  for (const line of o.l) {
    if (!Array.isArray(line) || line.length !== 2 || typeof line[0] !== 'string' || line[0].length > 20 || keys.has(line[0]) || !Array.isArray(line[1])) return null;
    keys.add(line[0]);
    for (const x of line[1] as unknown[]) if (word(x) === null || ++n > MAX_WIRE_WORDS) return null;
  }
  return { w: o as TermsWire, terms };
}

const isString = (x: unknown) => typeof x === 'string';

function allOf(xs: unknown, ok: (x: unknown) => boolean): boolean {
  if (!Array.isArray(xs)) return false;
  for (let i = 0; i < xs.length; i++) if (!ok(xs[i])) return false;
  return true;
}

/** Features (and the text key, if sent) from another context, checked: a malformed message must not corrupt the index. */
export function fromWire(w: FeaturesWire): { f: Features; tk?: string; sig?: EventSignature; tv?: TermLists } {
  const ok =
    !!w && allOf(w.terms, isString) && allOf(w.counts, Number.isFinite) && w.terms.length === w.counts.length &&
    typeof w.len === 'number' && allOf(w.entities, (e) => !!e && isString((e as EntityRef).id) && isString((e as EntityRef).name) && isString((e as EntityRef).type)) &&
    allOf(w.sources, isString) &&
    (w.day === null || typeof w.day === 'number') &&
    checkedFingerprint(w.fingerprint) !== null &&
    allOf(w.phrases, (x) => typeof x === 'number') &&
    (w.tk === undefined || isString(w.tk));
  if (!ok) throw new Error('malformed text analysis in an import part');
  const terms = new Map<string, number>();
  for (let i = 0; i < w.terms.length; i++) terms.set(w.terms[i]!, w.counts[i]!);
  const f: Features = { terms, len: w.len, surface: new Map(), entities: w.entities, sources: w.sources, day: w.day, fingerprint: w.fingerprint, phrases: w.phrases };
  const tv = w.tv === undefined ? undefined : termsFromWire(w.tv, w.terms);
  if (tv === null) throw new Error('malformed text analysis in an import part: word counts');
  return { f, ...(w.tk === undefined ? {} : { tk: w.tk }), ...(w.sig === undefined ? {} : { sig: checkedSignature(w.sig) }), ...(tv ? { tv } : {}) };
}

/** A fingerprint sent with an analysis: two unsigned 32-bit integers, or null. */
function checkedFingerprint(h: unknown): Fingerprint | null {
  return Array.isArray(h) && h.length === 2 && h.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff) ? (h as Fingerprint) : null;
}

/** A signature sent with an analysis, checked as a team server checks one (lib/events/wire.ts). */
export function checkedSignature(sig: unknown): EventSignature {
  try {
    return eventDocFromWire({ sig, all: [], title: [], lines: [] }).sig;
  } catch (e) {
    throw new Error(`malformed text analysis in an import part: ${(e as Error).message}`, { cause: e });
  }
}

/** What a worker does with a part of an import: the engine's analysis of each record, its text
 *  key and, with `events`, its event signature and word counts (kept in its doc row; a team server
 *  keeps whole event documents instead). */
export function analyseRecords(records: readonly ReportRecord[], opts: { events?: boolean } = {}): FeaturesWire[] {
  return records.map((r) => {
    // The signature and the word counts read the title and lede again from analyse()'s scan.
    const { features, scanned } = analyseScanned(r.title, r.text, r.publishedAt);
    const tk = textKey(r.text);
    if (!opts.events) return toWire(features, tk);
    return toWire(features, tk, eventSignature(r.title, r.text, r.publishedAt, { scanned }), termVector(r.title, r.text, { scanned }));
  });
}
