// Text analysis sent between contexts: the options page analyses an import's reports in Web
// Workers (a Manifest V3 service worker cannot start any) and sends the results with the records
// to the background, which writes them. Runtime messages carry JSON, so Maps travel as pairs.
import { analyse, type EntityRef, type Features } from '../xref/features';
import type { Fingerprint } from '../xref/simhash';
import type { ReportRecord } from '../types';

export interface FeaturesWire {
  terms: Array<[string, number]>;
  len: number;
  entities: EntityRef[];
  sources: string[];
  day: number | null;
  fingerprint: Fingerprint;
  phrases: number[];
}

export function toWire(f: Features): FeaturesWire {
  return { terms: [...f.terms], len: f.len, entities: f.entities, sources: f.sources, day: f.day, fingerprint: f.fingerprint, phrases: f.phrases };
}

/** Features from another context, checked: a malformed message must not corrupt the index. */
export function fromWire(w: FeaturesWire): Features {
  const ok =
    w && Array.isArray(w.terms) && w.terms.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number' && Number.isFinite(p[1])) &&
    typeof w.len === 'number' && Array.isArray(w.entities) && w.entities.every((e) => e && typeof e.id === 'string' && typeof e.name === 'string' && typeof e.type === 'string') &&
    Array.isArray(w.sources) && w.sources.every((s) => typeof s === 'string') &&
    (w.day === null || typeof w.day === 'number') &&
    Array.isArray(w.fingerprint) && w.fingerprint.length === 2 && w.fingerprint.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff) &&
    Array.isArray(w.phrases) && w.phrases.every((x) => typeof x === 'number');
  if (!ok) throw new Error('malformed text analysis in an import part');
  return { terms: new Map(w.terms), len: w.len, surface: new Map(), entities: w.entities, sources: w.sources, day: w.day, fingerprint: w.fingerprint, phrases: w.phrases };
}

/** What a worker does with a part of an import: the engine's analysis of each record. */
export function analyseRecords(records: readonly ReportRecord[]): FeaturesWire[] {
  return records.map((r) => toWire(analyse(r.title, r.text, r.publishedAt)));
}
