// Are two reports about the same event? A calibrated probability from what their event
// signatures say (place, day, what happened, numbers, actors) and from their words, fitted by
// scripts/fit-events.ts on labelled pairs (data/events/model.json); the relation the reader is
// shown, with what agreed and what differed.
import { entityById } from '../entities';
import modelFile from '../../data/events/model.json';
import { lexicalScores, sharedWords, type CorpusDf } from './lexical';
import { termVector, withoutSharedLines, type TermVector } from './term-vector';
import { eventSignature } from './signature';
import { isoDay } from './day';
import { amongFirstTwo, dayFeatures, placeFeatures, typeFeatures } from './pair-features';
import { whatFeatures } from './what';
import { countsAgree, numberFeatures } from './numbers';
import { sidesApart } from './sides';
import { calibrate, withNeighbours, type NeighbourModel, type Thirds } from './neighbours';
import { capOf, ceilingOf, secondMayLower } from './ceilings';
import type { EventSignature } from './types';
import type { EventAspect } from '../types';

/** A report as the pair model reads it. */
export interface EventDoc {
  sig: EventSignature;
  terms: TermVector;
  outlet?: string;
}

export function eventDoc(title: string, text: string, publishedAt: string | null, outlet?: string): EventDoc {
  return { sig: eventSignature(title, text, publishedAt), terms: termVector(title, text), ...(outlet ? { outlet } : {}) };
}

export const FEATURES = [
  'lex', 'title', 'cover', 'rare', 'rareAr', 'placeSame', 'placeNear', 'placeConflict', 'placeApart', 'govApart', 'placeGenericOnly', 'sharedSpecific', 'placeOther', 'day0', 'day1', 'dayOther',
  'daySaid', 'dayFar', 'dayNamed', 'dayUnknown', 'dayAfterPub', 'pubFar', 'pubFarDated', 'typeSame', 'typeStatement', 'typeConflict', 'numBoth', 'numAgree', 'numConflict', 'numApart',
  'numApartHere', 'numRise', 'actorShared', 'actorNoPlace', 'sameOutlet', 'recurring', 'lexDayFar', 'whatSame', 'whatConflict', 'update', 'sameOutletUpdate', 'weaponConflict', 'sidesApart',
] as const;
export type FeatureName = (typeof FEATURES)[number];

export interface Model {
  features: string[];
  bias: number;
  coef: number[];
  /** Raw probability → calibrated probability, by linear interpolation between points. */
  calibration: Array<[number, number]>;
  thresholds: { sameEvent: number; related: number };
  /** The second stage (neighbours.ts): what third reports judged with both say. */
  neighbours?: NeighbourModel;
}

export const MODEL = modelFile as unknown as Model;

/**
 * Actors that name one side of many events (a state, a government, a regime): not evidence of one
 * event. A ministry or an authority is specific: its statement of the day is one event.
 */
const WIDE_ACTORS = new Set(['state', 'regime', 'state-forces', 'coalition']);
const WIDE_ACTOR_IDS = new Set(['syrian-government', 'assad-regime', 'interim-government']);

function specificActorsOf(ids: readonly string[]): readonly string[] {
  return ids.filter((id) => !WIDE_ACTOR_IDS.has(id) && !WIDE_ACTORS.has(String(entityById(id)?.kind ?? '')));
}

/** Each signature's specific actors, by its list of actors (a signature is never changed once
 *  made): worked out once a report, not twice a pair of every pool it is judged in. */
const SPECIFIC = new WeakMap<readonly string[], readonly string[]>();

function specificActors(ids: readonly string[]): readonly string[] {
  let out = SPECIFIC.get(ids);
  if (!out) SPECIFIC.set(ids, (out = specificActorsOf(ids)));
  return out;
}

/** The first of `a`'s specific actors that is one of `b`'s, if any. */
function sharedActor(a: EventSignature, b: EventSignature): string | undefined {
  const inB = specificActors(b.actors);
  for (const x of specificActors(a.actors)) if (inB.includes(x)) return x;
  return undefined;
}

export interface PairFacts {
  features: Record<FeatureName, number>;
  /** Days between the two events' days (null when one is unknown). */
  gap: number | null;
  /** The nearest of the days either report names: 0 or 1 when one names the other's event day. */
  near: number | null;
  sharedWords: string[];
}

/** A pair's facts but the shared words shown: all a probability reads. */
export type PairScores = Omit<PairFacts, 'sharedWords'>;

const sameOutletOf = (a: EventDoc, b: EventDoc) => !!a.outlet && a.outlet === b.outlet;

/** The pair's words as compared. One outlet's reports share its boilerplate; other outlets' shared lines are syndicated copy. */
function comparedTerms(a: EventDoc, b: EventDoc): [TermVector, TermVector] {
  return sameOutletOf(a, b) ? [withoutSharedLines(a.terms, b.terms), withoutSharedLines(b.terms, a.terms)] : [a.terms, b.terms];
}

/** The features of a pair (each 0..1), with the facts the explanation needs. */
export function pairFeatures(a: EventDoc, b: EventDoc, corpus?: CorpusDf): PairFacts {
  const compared = comparedTerms(a, b);
  return { ...pairScores(a, b, corpus, compared), sharedWords: sharedWords(compared[0], compared[1], corpus) };
}

/** The pair's shared words, weighed with `corpus` where given. */
function sharedWordsOf(a: EventDoc, b: EventDoc, corpus?: CorpusDf): string[] {
  const [ta, tb] = comparedTerms(a, b);
  return sharedWords(ta, tb, corpus);
}

/** pairFeatures without the shared words (a first stage's probability, a pair judged with the reader's corpus, which weighs its words anew). */
export function pairScores(a: EventDoc, b: EventDoc, corpus?: CorpusDf, compared = comparedTerms(a, b)): PairScores {
  const sameOutlet = sameOutletOf(a, b);
  const lx = lexicalScores(compared[0], compared[1], corpus);
  const days = dayFeatures(a.sig, b.sig);
  const d = days.features;
  const actorShared = sharedActor(a.sig, b.sig) !== undefined ? 1 : 0;
  // A statement, a decree, a visit has an actor, not a place: there the actor says where.
  const noPlace = (!a.sig.place || a.sig.place.generic) && (!b.sig.place || b.sig.place.generic);
  const types = typeFeatures(a.sig, b.sig);
  const places = placeFeatures(a.sig, b.sig);
  // A new toll is of its own event's count: of the same specific place and kind of event (numbers.ts).
  const ownCount = (places.placeSame > 0 || places.sharedSpecific > 0) && oneKind(a.sig, b.sig);
  const nums = numberFeatures(a.sig, b.sig, days.pubGap, days.near === 0, ownCount);
  // A new toll is of the event of its own day: not of one of another day told (Tuesday's rockets
  // on a district, its toll raised that night, and Wednesday's). Nor of one of other places:
  // each naming specific places, none the other's (SANA's toll of the shells on one Aleppo
  // district, and its report of another district's two days before).
  const what = whatFeatures(a.sig, b.sig, types.typeSame, sameOutlet, places.placeNear > 0 || places.placeConflict > 0 || places.placeOther > 0 || d.dayOther > 0 || d.dayAfterPub > 0);
  // One literal with every feature, in the order the parts' spreads gave them: built by spreading
  // each part, the record grew its property store at each (≈ 2.6 KB a pair, the largest part of a
  // warm query's judging garbage, session 21).
  const features: Record<FeatureName, number> = {
    lex: lx.lex,
    title: lx.title,
    cover: lx.cover,
    rare: lx.rare,
    rareAr: lx.rareAr,
    placeSame: places.placeSame,
    placeNear: places.placeNear,
    placeConflict: places.placeConflict,
    placeApart: places.placeApart,
    govApart: places.govApart,
    placeGenericOnly: places.placeGenericOnly,
    sharedSpecific: places.sharedSpecific,
    placeOther: places.placeOther,
    day0: d.day0,
    day1: d.day1,
    dayOther: d.dayOther,
    daySaid: d.daySaid,
    dayFar: d.dayFar,
    dayNamed: d.dayNamed,
    dayUnknown: d.dayUnknown,
    dayAfterPub: d.dayAfterPub,
    pubFar: d.pubFar,
    pubFarDated: d.pubFarDated,
    typeSame: types.typeSame,
    typeStatement: types.typeStatement,
    typeConflict: types.typeConflict,
    numBoth: nums.numBoth,
    numAgree: nums.numAgree,
    numConflict: nums.numConflict,
    numApart: nums.numApart,
    numRise: nums.numRise,
    // Tolls far apart at one place (one dead in a raid on a town, eighteen in strikes on it): two
    // incidents more surely than tolls apart of places the reports name differently.
    numApartHere: places.placeSame > 0 || places.sharedSpecific ? nums.numApart : 0,
    actorShared,
    actorNoPlace: actorShared && noPlace ? 1 : 0,
    sameOutlet: sameOutlet ? 1 : 0,
    recurring: a.sig.recurring || b.sig.recurring ? 1 : 0,
    lexDayFar: lx.lex * d.dayFar,
    whatSame: what.whatSame,
    whatConflict: what.whatConflict,
    update: what.update,
    sameOutletUpdate: what.sameOutletUpdate,
    weaponConflict: what.weaponConflict,
    // Who fought: the army's battle with IS and the Kurdish forces' (sides.ts).
    sidesApart: sidesApart(a.sig.actors, b.sig.actors),
  };
  return { features, gap: days.gap, near: days.near };
}

/** A kind of event told: not what nearly every report is ("other", "statement"). */
const toldKind = (t: string) => t !== 'other' && t !== 'statement';

/**
 * One kind of event: each report's kind is among the other's two strongest ("killed in shelling"
 * is a killing and a shelling); not what nearly every report is ("other", "statement").
 */
function oneKind(a: EventSignature, b: EventSignature): boolean {
  return toldKind(a.type) && toldKind(b.type) && (a.type === b.type || amongFirstTwo(a.types, b.type) || amongFirstTwo(b.types, a.type));
}

export function rawProbability(f: Record<FeatureName, number>, model: Model = MODEL): number {
  // A loop, not forEach: a sum a closure adds to is a new heap number at each feature (≈ 3 % of
  // a warm query's garbage, session 17); the same sum in the same order.
  let z = model.bias;
  const { features, coef } = model;
  for (let i = 0; i < features.length; i++) z += (coef[i] ?? 0) * (f[features[i] as FeatureName] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** The pair model's calibrated probability of a pair (the first stage), under the rules' cap. */
export function probabilityOf(features: Record<FeatureName, number>, gap: number | null, model: Model = MODEL): number {
  const p = calibrate(rawProbability(features, model), model.calibration);
  return Math.round(Math.min(p, capOf(features, gap)) * 1000) / 1000;
}

/** The first stage's probability of two reports: what a third report is weighed by (neighbours.ts). */
export function firstStage(a: EventDoc, b: EventDoc, model: Model = MODEL): number {
  const facts = pairScores(a, b);
  return probabilityOf(facts.features, facts.gap, model);
}

type EventRelation = 'same-event' | 'related' | 'none';

export interface Judgement {
  probability: number;
  relation: EventRelation;
  /** What agreed and what differed (place, day, what happened, numbers, who, words): the panel words them. */
  agreed: EventAspect[];
  differed: EventAspect[];
}

/**
 * The judgement of a pair. Its words weigh by the reference table alone, as the model was fitted
 * (scripts/fit-events.ts): the same pair gets the same probability, and so the same relation, in
 * a corpus of 5 reports and of 100,000 (a blend with the corpus moved pairs near the threshold
 * across it). The reader's corpus ranks the candidates and orders the shared words shown.
 */
export function judge(a: EventDoc, b: EventDoc, corpus?: CorpusDf, model: Model = MODEL, thirds: Thirds = []): Judgement {
  return judgeFacts(a, b, pairScores(a, b), { corpus, model, thirds });
}

/**
 * judge, with the pair's features already read (by the reference table alone, as judge reads
 * them); its shared words too where `scores` has them and no corpus is given.
 */
export function judgeFacts(a: EventDoc, b: EventDoc, scores: PairScores & { sharedWords?: string[] }, { corpus, model = MODEL, thirds = [] }: { corpus?: CorpusDf | undefined; model?: Model; thirds?: Thirds } = {}): Judgement {
  // The words shown are weighed with the reader's corpus too; the probability by the reference table alone.
  const facts: PairFacts = { ...scores, sharedWords: scores.sharedWords && !corpus ? scores.sharedWords : sharedWordsOf(a, b, corpus) };
  const first = probabilityOf(facts.features, facts.gap, model);
  const probability = withNeighbours(first, thirds, ceilingOf(a.sig, b.sig, facts.features, facts.gap, first), model.neighbours, secondMayLower(facts.features));
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
    else if (f.placeConflict || f.placeNear || f.placeApart || f.govApart) differed.push({ kind: 'place', ...place });
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
  const actor = sharedActor(a.sig, b.sig);
  if (actor) agreed.push({ kind: 'actor', a: actor, b: actor });
  if (a.sig.recurring || b.sig.recurring) differed.push({ kind: 'recurring' });
  if (facts.sharedWords.length) agreed.push({ kind: 'words', a: facts.sharedWords.slice(0, 5).join('، ') });
  return { agreed, differed };
}
