// Text analysis sent between contexts: the options page analyses an import's reports in Web
// Workers (a Manifest V3 service worker cannot start any) and sends the results with the records
// to the background, which writes them. Runtime messages carry JSON, so a report's terms travel as
// two parallel arrays (fewer, smaller values to encode, parse and check than one pair per term).
import { analyse, type EntityRef, type Features } from './features';
import type { Fingerprint } from './simhash';
import type { ReportRecord } from '../types';
import { textKey } from '../corpus/ids';
import { eventDocFromWire, eventSignature, type EventSignature } from '../events';

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
}

export function toWire(f: Features, tk?: string, sig?: EventSignature): FeaturesWire {
  return { terms: [...f.terms.keys()], counts: [...f.terms.values()], len: f.len, entities: f.entities, sources: f.sources, day: f.day, fingerprint: f.fingerprint, phrases: f.phrases, ...(tk === undefined ? {} : { tk }), ...(sig ? { sig } : {}) };
}

const isString = (x: unknown) => typeof x === 'string';

function allOf(xs: unknown, ok: (x: unknown) => boolean): boolean {
  if (!Array.isArray(xs)) return false;
  for (let i = 0; i < xs.length; i++) if (!ok(xs[i])) return false;
  return true;
}

/** Features (and the text key, if sent) from another context, checked: a malformed message must not corrupt the index. */
export function fromWire(w: FeaturesWire): { f: Features; tk?: string; sig?: EventSignature } {
  const ok =
    !!w && allOf(w.terms, isString) && allOf(w.counts, Number.isFinite) && w.terms.length === w.counts.length &&
    typeof w.len === 'number' && allOf(w.entities, (e) => !!e && isString((e as EntityRef).id) && isString((e as EntityRef).name) && isString((e as EntityRef).type)) &&
    allOf(w.sources, isString) &&
    (w.day === null || typeof w.day === 'number') &&
    Array.isArray(w.fingerprint) && w.fingerprint.length === 2 && w.fingerprint.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff) &&
    allOf(w.phrases, (x) => typeof x === 'number') &&
    (w.tk === undefined || isString(w.tk));
  if (!ok) throw new Error('malformed text analysis in an import part');
  const terms = new Map<string, number>();
  for (let i = 0; i < w.terms.length; i++) terms.set(w.terms[i]!, w.counts[i]!);
  const f: Features = { terms, len: w.len, surface: new Map(), entities: w.entities, sources: w.sources, day: w.day, fingerprint: w.fingerprint, phrases: w.phrases };
  return { f, ...(w.tk === undefined ? {} : { tk: w.tk }), ...(w.sig === undefined ? {} : { sig: checkedSignature(w.sig) }) };
}

/** A signature sent with an analysis, checked as a team server checks one (lib/events/wire.ts). */
function checkedSignature(sig: unknown): EventSignature {
  try {
    return eventDocFromWire({ sig, all: [], title: [], lines: [] }).sig;
  } catch (e) {
    throw new Error(`malformed text analysis in an import part: ${(e as Error).message}`, { cause: e });
  }
}

/** What a worker does with a part of an import: the engine's analysis of each record, its text
 *  key and, with `events`, its event signature (kept in its doc row; a team server keeps whole event documents instead). */
export function analyseRecords(records: readonly ReportRecord[], opts: { events?: boolean } = {}): FeaturesWire[] {
  return records.map((r) => toWire(analyse(r.title, r.text, r.publishedAt), textKey(r.text), opts.events ? eventSignature(r.title, r.text, r.publishedAt) : undefined));
}
