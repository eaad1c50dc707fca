// Are two reports about the same event? A calibrated probability from what their event
// signatures say (place, day, what happened, numbers, actors) and from their words, fitted by
// scripts/fit-events.ts on labelled pairs (data/events/model.json); the relation the reader is
// shown, with what agreed and what differed.
import { entityById } from '../entities';
import modelFile from '../../data/events/model.json';
import { lexicalSimilarity, termVector, withoutSharedLines, type CorpusDf, type TermVector } from './lexical';
import { eventSignature } from './signature';
import { isoDay } from './day';
import { daysOf } from './when';
import { isGeneric } from './where';
import { EVENT_TYPES, type EventSignature } from './types';
import type { EventAspect } from '../types';

const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

/** A report as the pair model reads it. */
export interface EventDoc {
  sig: EventSignature;
  terms: TermVector;
  outlet?: string;
}

/** An EventDoc as JSON: what a team server is sent of the article (its analysis, not its text). */
export interface EventDocWire {
  sig: EventSignature;
  all: Array<[string, number]>;
  title: Array<[string, number]>;
  lines: Array<[string, string[]]>;
  outlet?: string;
}

export function eventDocToWire(d: EventDoc): EventDocWire {
  return { sig: d.sig, all: [...d.terms.all], title: [...d.terms.title], lines: [...d.terms.lines], ...(d.outlet ? { outlet: d.outlet } : {}) };
}

const MAX_WIRE_TERMS = 2000;

/** An EventDoc from JSON a client sent: checked (types and sizes), else an Error naming the field. */
export function eventDocFromWire(w: unknown): EventDoc {
  const o = w as Partial<EventDocWire> | null;
  const pairs = (x: unknown, name: string, value: (v: unknown) => boolean) => {
    if (!Array.isArray(x) || x.length > MAX_WIRE_TERMS || !x.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && p[0].length <= 200 && value(p[1]))) throw new Error(`event.${name}: expected at most ${MAX_WIRE_TERMS} [string, value] pairs`);
    return x as Array<[string, never]>;
  };
  if (!o || typeof o !== 'object') throw new Error('event: expected an object');
  const s = o.sig as Partial<EventSignature> | undefined;
  const ids = (x: unknown) => Array.isArray(x) && x.length <= 200 && x.every((v) => typeof v === 'string' && v.length <= 200);
  const day = (x: unknown) => x === null || (typeof x === 'number' && Number.isInteger(x));
  if (!s || typeof s !== 'object' || !EVENT_TYPE_SET.has(s.type as string) || !ids(s.types) || !ids(s.places) || !ids(s.actors) || typeof s.recurring !== 'boolean' || !day(s.published ?? null) || !s.when || !day(s.when.day) || !(s.when.days === undefined || (Array.isArray(s.when.days) && s.when.days.length <= 8 && s.when.days.every((d) => Number.isInteger(d)))) || typeof s.numbers !== 'object' || s.numbers === null) throw new Error('event.sig: not an event signature');
  if (s.place !== null && (typeof s.place !== 'object' || typeof s.place?.id !== 'string' || !ids(s.place.chain) || typeof s.place.generic !== 'boolean')) throw new Error('event.sig.place: not a place');
  for (const k of ['killed', 'injured', 'displaced'] as const) if (s.numbers[k] !== undefined && typeof s.numbers[k] !== 'number') throw new Error(`event.sig.numbers.${k}: not a number`);
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const all = new Map(pairs(o.all, 'all', num));
  const title = new Map(pairs(o.title, 'title', num));
  const lines = new Map(pairs(o.lines, 'lines', (v) => Array.isArray(v) && v.length <= 400 && v.every((x) => typeof x === 'string')));
  return { sig: s as EventSignature, terms: { all, title, lines }, ...(typeof o.outlet === 'string' ? { outlet: o.outlet } : {}) };
}

export function eventDoc(title: string, text: string, publishedAt: string | null, outlet?: string): EventDoc {
  return { sig: eventSignature(title, text, publishedAt), terms: termVector(title, text), ...(outlet ? { outlet } : {}) };
}

export const FEATURES = [
  'lex', 'title', 'cover', 'placeSame', 'placeNear', 'placeConflict', 'placeGenericOnly', 'sharedSpecific', 'day0', 'day1', 'dayOther', 'dayFar',
  'dayNamed', 'dayUnknown', 'pubFar', 'typeSame', 'typeStatement', 'typeConflict', 'numBoth', 'numAgree', 'numConflict', 'actorShared',
  'actorNoPlace', 'sameOutlet', 'recurring', 'lexDayFar',
] as const;
export type FeatureName = (typeof FEATURES)[number];

export interface Model {
  features: string[];
  bias: number;
  coef: number[];
  /** Raw probability → calibrated probability, by linear interpolation between points. */
  calibration: Array<[number, number]>;
  thresholds: { sameEvent: number; related: number };
}

export const MODEL = modelFile as unknown as Model;

/**
 * Actors that name one side of many events (a state, a government, a regime): not evidence of one
 * event. A ministry or an authority is specific: its statement of the day is one event.
 */
const WIDE_ACTORS = new Set(['state', 'regime', 'state-forces', 'coalition']);
const WIDE_ACTOR_IDS = new Set(['syrian-government', 'assad-regime', 'interim-government']);

function specificActors(ids: readonly string[]): string[] {
  return ids.filter((id) => !WIDE_ACTOR_IDS.has(id) && !WIDE_ACTORS.has(String(entityById(id)?.kind ?? '')));
}

/** The specific places (not a governorate, not the country) two chains share. */
function sharedArea(a: readonly string[], b: readonly string[]): boolean {
  return a.some((id) => b.includes(id) && !isGeneric(id));
}

function sameGovernorate(a: readonly string[], b: readonly string[]): boolean {
  return a.some((id) => id.endsWith('-gov') && b.includes(id));
}

export interface PairFacts {
  features: Record<FeatureName, number>;
  /** Days between the two events' days (null when one is unknown). */
  gap: number | null;
  /** The nearest of the days either report names: 0 or 1 when one names the other's event day. */
  near: number | null;
  sharedWords: string[];
}

/**
 * Two counts of one event agree when they are the same (within 1, or 5 %): in a war, tolls of 11
 * and 13, or of 22 and 25, are as often two strikes as one.
 */
export function countsAgree(x: number, y: number): boolean {
  return Math.abs(x - y) <= Math.max(1, 0.05 * Math.max(x, y));
}

/**
 * Two counts that one event cannot give: a toll grows as the dead are counted, it does not shrink,
 * so a later report with a third fewer dead, or one of the same day with three times as many, tells
 * another incident. `later` is the count published later (or the same day: `sameDay`).
 */
export function countsConflict(earlier: number, later: number, sameDay: boolean): boolean {
  const lo = Math.min(earlier, later);
  const hi = Math.max(earlier, later);
  return later < earlier * 0.67 - 1 || (sameDay && hi > 3 * lo + 2);
}

/** The features of a pair (each 0..1), with the facts the explanation needs. */
export function pairFeatures(a: EventDoc, b: EventDoc, corpus?: CorpusDf): PairFacts {
  const sameOutlet = !!a.outlet && a.outlet === b.outlet;
  // One outlet's reports share its boilerplate; other outlets' shared lines are syndicated copy.
  const lx = sameOutlet ? lexicalSimilarity(withoutSharedLines(a.terms, b.terms), withoutSharedLines(b.terms, a.terms), corpus) : lexicalSimilarity(a.terms, b.terms, corpus);
  const pa = a.sig.place;
  const pb = b.sig.place;
  let placeSame = 0;
  let placeNear = 0;
  let placeConflict = 0;
  let placeGenericOnly = 0;
  if (pa && pb && !pa.generic && !pb.generic) {
    if (pa.id === pb.id) placeSame = 1;
    else if (pa.chain.includes(pb.id) || pb.chain.includes(pa.id)) placeSame = 0.5;
    else if (a.sig.places.includes(pb.id) || b.sig.places.includes(pa.id)) placeNear = 1;
    // Two towns of one district or governorate: other incidents as often as one told apart.
    else if (sharedArea(pa.chain, pb.chain) || sameGovernorate(pa.chain, pb.chain)) placeNear = 0.5;
    else placeConflict = 1;
  } else if (pa && pb && (pa.id === pb.id || pa.chain.includes(pb.id) || pb.chain.includes(pa.id))) {
    placeGenericOnly = 1;
  }
  const sharedSpecific = a.sig.places.some((p) => b.sig.places.includes(p)) ? 1 : 0;
  const da = a.sig.when.day;
  const db = b.sig.when.day;
  const gap = da !== null && db !== null ? Math.abs(da - db) : null;
  let near: number | null = null;
  for (const x of daysOf(a.sig.when)) for (const y of daysOf(b.sig.when)) near = Math.min(near ?? Infinity, Math.abs(x - y));
  const dayFar = gap !== null && gap >= 3 ? Math.min(1, (gap - 2) / 3) : 0;
  const ta = a.sig.type;
  const tb = b.sig.type;
  // "Said" is what nearly every report does: the same statement is weak evidence of one event.
  const typeSame = ta !== 'other' && ta !== 'statement' && ta === tb ? 1 : 0;
  const typeStatement = ta === 'statement' && tb === 'statement' ? 1 : 0;
  const typeConflict = ta !== 'other' && tb !== 'other' && !a.sig.types.slice(0, 2).includes(tb) && !b.sig.types.slice(0, 2).includes(ta) ? 1 : 0;
  let numBoth = 0;
  let numAgree = 0;
  let numConflict = 0;
  const pubA = a.sig.published;
  const pubB = b.sig.published;
  const pubGap = pubA !== null && pubB !== null ? Math.abs(pubA - pubB) : null;
  const aFirst = pubA === null || pubB === null || pubA <= pubB;
  for (const k of ['killed', 'injured'] as const) {
    const x = a.sig.numbers[k];
    const y = b.sig.numbers[k];
    if (x === undefined || y === undefined) continue;
    numBoth = 1;
    if (countsAgree(x, y)) numAgree = 1;
    else if (aFirst ? countsConflict(x, y, pubGap === 0) : countsConflict(y, x, pubGap === 0)) numConflict = 1;
  }
  // Both days read from the text (a date, "yesterday", "on Monday") and a day apart: two days told.
  const told = (w: EventSignature['when']) => w.from === 'text' || w.from === 'relative';
  const dayOther = gap !== null && gap >= 1 && told(a.sig.when) && told(b.sig.when) && (near === null || near >= 1) ? 1 : 0;
  const actorsB = new Set(specificActors(b.sig.actors));
  const actorShared = specificActors(a.sig.actors).some((x) => actorsB.has(x)) ? 1 : 0;
  // A statement, a decree, a visit has an actor, not a place: there the actor says where.
  const noPlace = (!pa || pa.generic) && (!pb || pb.generic);
  const features: Record<FeatureName, number> = {
    lex: lx.lex,
    title: lx.title,
    cover: lx.cover,
    placeSame,
    placeNear,
    placeConflict,
    placeGenericOnly,
    sharedSpecific,
    day0: gap === 0 ? 1 : 0,
    day1: gap === 1 ? 1 : 0,
    dayOther,
    dayFar,
    dayNamed: gap !== null && gap >= 2 && near !== null && near <= 1 ? 1 : 0,
    dayUnknown: gap === null ? 1 : 0,
    pubFar: pubGap !== null && pubGap >= 3 ? Math.min(1, (pubGap - 2) / 3) : 0,
    typeSame,
    typeStatement,
    typeConflict,
    numBoth,
    numAgree,
    numConflict,
    actorShared,
    actorNoPlace: actorShared && noPlace ? 1 : 0,
    sameOutlet: sameOutlet ? 1 : 0,
    recurring: a.sig.recurring || b.sig.recurring ? 1 : 0,
    lexDayFar: lx.lex * dayFar,
  };
  return { features, gap, near, sharedWords: lx.shared };
}

export function rawProbability(f: Record<FeatureName, number>, model: Model = MODEL): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.coef[i] ?? 0) * (f[name as FeatureName] ?? 0);
  });
  return 1 / (1 + Math.exp(-z));
}

export function calibrate(p: number, table: ReadonlyArray<[number, number]>): number {
  if (!table.length) return p;
  if (p <= table[0]![0]) return table[0]![1];
  for (let i = 1; i < table.length; i++) {
    const [x1, y1] = table[i]!;
    if (p <= x1) {
      const [x0, y0] = table[i - 1]!;
      return x1 === x0 ? y1 : y0 + ((p - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return table[table.length - 1]![1];
}

/**
 * An event is told within its days: reports whose events are further apart than this are not
 * one event (a new toll comes a day or two later), whatever their words. Compare groups by it too.
 */
export const EVENT_DAYS = 3;
/** The most a pair of events further apart than EVENT_DAYS may be given. */
const FAR_CAP = 0.5;

/**
 * The calibrated probability of a pair, under the rule of the event's days (waived when one report
 * names the other's day: a caption or a background sentence may have dated it first).
 */
export function probabilityOf(features: Record<FeatureName, number>, gap: number | null, model: Model = MODEL): number {
  const p = calibrate(rawProbability(features, model), model.calibration);
  const far = gap !== null && gap > EVENT_DAYS && !features.dayNamed;
  // An outlet's recurring report (the day's exchange rate, weather, round-up) is about its day,
  // never an event: related to the series at most, whatever its words share.
  return Math.round((far || features.recurring ? Math.min(p, FAR_CAP) : p) * 1000) / 1000;
}

export type EventRelation = 'same-event' | 'related' | 'none';

export interface Judgement {
  probability: number;
  relation: EventRelation;
  /** What agreed and what differed (place, day, what happened, numbers, who, words): the panel words them. */
  agreed: EventAspect[];
  differed: EventAspect[];
}

export function judge(a: EventDoc, b: EventDoc, corpus?: CorpusDf, model: Model = MODEL): Judgement {
  const facts = pairFeatures(a, b, corpus);
  const probability = probabilityOf(facts.features, facts.gap, model);
  const f = facts.features;
  // "Related" without the probability for it: the same specific place or actor in another
  // incident. A generic place (Damascus, a governorate) or a shared word is never enough.
  const related = probability >= model.thresholds.related || f.placeSame > 0 || f.sharedSpecific > 0 || f.actorShared > 0 || sameSeries(a, b, f);
  const relation: EventRelation = probability >= model.thresholds.sameEvent ? 'same-event' : related ? 'related' : 'none';
  return { probability, relation, ...explain(a, b, facts) };
}

/** Two of an outlet's recurring reports of one series (the exchange rate of two days): related. */
function sameSeries(a: EventDoc, b: EventDoc, f: Record<FeatureName, number>): boolean {
  return a.sig.recurring && b.sig.recurring && a.sig.type === b.sig.type && f.title >= 0.5;
}

function explain(a: EventDoc, b: EventDoc, facts: PairFacts): { agreed: EventAspect[]; differed: EventAspect[] } {
  const f = facts.features;
  const agreed: EventAspect[] = [];
  const differed: EventAspect[] = [];
  const pa = a.sig.place;
  const pb = b.sig.place;
  if (pa && pb) {
    const place = { a: pa.id, b: pb.id, names: [pa.name, pb.name] as [string, string] };
    if (f.placeSame > 0) agreed.push({ kind: 'place', ...place });
    else if (f.placeConflict || f.placeNear) differed.push({ kind: 'place', ...place });
    else if (f.placeGenericOnly) agreed.push({ kind: 'wide-place', ...place });
  }
  const da = a.sig.when.day;
  const db = b.sig.when.day;
  if (da !== null && db !== null) {
    const day = { kind: 'day' as const, a: isoDay(da), b: isoDay(db), days: Math.abs(da - db) };
    (day.days <= 1 || f.dayNamed ? agreed : differed).push(day);
  }
  if (f.typeSame || f.typeStatement) agreed.push({ kind: 'what', a: a.sig.type, b: b.sig.type });
  else if (f.typeConflict) differed.push({ kind: 'what', a: a.sig.type, b: b.sig.type });
  for (const k of ['killed', 'injured'] as const) {
    const x = a.sig.numbers[k];
    const y = b.sig.numbers[k];
    if (x === undefined || y === undefined) continue;
    (countsAgree(x, y) ? agreed : differed).push({ kind: k, a: String(x), b: String(y) });
  }
  const actorsB = new Set(specificActors(b.sig.actors));
  const actor = specificActors(a.sig.actors).find((x) => actorsB.has(x));
  if (actor) agreed.push({ kind: 'actor', a: actor, b: actor });
  if (a.sig.recurring || b.sig.recurring) differed.push({ kind: 'recurring' });
  if (facts.sharedWords.length) agreed.push({ kind: 'words', a: facts.sharedWords.slice(0, 5).join('، ') });
  return { agreed, differed };
}
