// The features of a pair of event signatures, by aspect: where (the same place, places near or
// far apart, only a wide place shared), when (the events' days and the publications'), and what
// kind of event. pair.ts weighs them with the rest (words, tolls, actors, what was hit).
import { isGeneric, liesWithin } from './where';
import type { EventSignature } from './types';

type Sig = EventSignature;

/** The specific places (not a governorate, not the country) two chains share. */
function sharedArea(a: readonly string[], b: readonly string[]): boolean {
  return a.some((id) => b.includes(id) && !isGeneric(id));
}

function sameGovernorate(a: readonly string[], b: readonly string[]): boolean {
  return a.some((id) => id.endsWith('-gov') && b.includes(id));
}

/** Whether place `x` holds place `y` (its chain names it, or it lies within it). */
function contains(x: NonNullable<Sig['place']>, y: NonNullable<Sig['place']>): boolean {
  return x.chain.includes(y.id) || liesWithin(x.id, y.id);
}

const NONE: readonly string[] = [];

/** Whether `s` names place `p` among its specific places (the gazetteer's, or those it does not know). */
const namesPlace = (s: Sig, p: string) => s.places.includes(p) || (s.local?.includes(p) ?? false);

/** Whether `s` names a specific place. */
const named = (s: Sig) => s.places.length + (s.local?.length ?? 0) > 0;

/** Whether a value of `a` is in `b`. */
function anyIn(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Whether the two name a specific place in common: `[...a.places, ...a.local]` against b's, without the lists. */
function sharesSpecific(a: Sig, b: Sig): boolean {
  for (const p of a.places) if (namesPlace(b, p)) return true;
  for (const p of a.local ?? NONE) if (namesPlace(b, p)) return true;
  return false;
}

/**
 * Where: the same specific place, places near each other, far apart, or only a wide place shared.
 * Asked for every pair of a query's pool (≈ 66 pairs a warm query, judge-among.ts): one object
 * made, no closure or list (its working objects and spread lists were ≈ 1.5 KB a pair of a warm
 * query's garbage, session 21).
 */
export function placeFeatures(a: Sig, b: Sig) {
  const pa = a.place;
  const pb = b.place;
  const f = { placeSame: 0, placeNear: 0, placeConflict: 0, placeApart: 0, govApart: 0, placeGenericOnly: 0, sharedSpecific: 0, placeOther: 0 };
  if (pa && pb && !pa.generic && !pb.generic) {
    if (pa.id === pb.id) f.placeSame = 1;
    else if (contains(pa, pb) || contains(pb, pa)) f.placeSame = 0.5;
    else if (a.places.includes(pb.id) || b.places.includes(pa.id)) f.placeNear = 1;
    // Two towns of one district or governorate: other incidents as often as one told apart.
    else if (sharedArea(pa.chain, pb.chain) || sameGovernorate(pa.chain, pb.chain)) f.placeNear = 0.5;
    else f.placeConflict = 1;
  } else if (pa && pb && (pa.id === pb.id || contains(pa, pb) || contains(pb, pa))) {
    // A town and the countryside it lies in ("القورية", "ريف دير الزور الشرقي"): the town says more.
    if (pa.generic !== pb.generic && !isGeneric((pa.generic ? pb : pa).id) && (liesWithin(pa.id, pb.id) || liesWithin(pb.id, pa.id))) f.placeSame = 0.5;
    else f.placeGenericOnly = 1;
  }
  // Places in governorates neither report names of the other's (Homs's Talkalakh, Aleppo): two
  // incidents, however alike their words, when nothing more specific already says so.
  // `placeApart` when one of the places is a town or a village; `govApart` for two capitals or
  // governorates, which a report also names for the government ("Damascus said") or the province
  // for the whole war there: a feature of its own, weighed by the fit ("a strike kills 15 in Idlib"
  // and "a strike kills 15 near Raqqa" of one day are two strikes).
  const ga = a.govs ?? NONE;
  const gb = b.govs ?? NONE;
  if (!f.placeConflict && ga.length && gb.length && !anyIn(ga, gb)) {
    if ((pa && !pa.generic) || (pb && !pb.generic)) f.placeApart = 1;
    else f.govApart = 1;
  }
  // Every specific place either names, the gazetteer's and those it does not know (local-places.ts).
  f.sharedSpecific = sharesSpecific(a, b) ? 1 : 0;
  // Each names a specific place, none the other's, and the event's places do not contain each other.
  f.placeOther = named(a) && named(b) && !f.sharedSpecific && !f.placeSame && !f.placeNear ? 1 : 0;
  return f;
}

/** A day read from the report's text (a date, "yesterday", "on Monday", the day it was said). */
const told = (w: Sig['when']) => w.from === 'text' || w.from === 'relative' || w.from === 'said';

/** The nearest of the days either names (when.ts daysOf: its event day, then the others it names),
 *  null when either has none: every day of one against every day of the other, no list made. */
function nearestDays(wa: Sig['when'], wb: Sig['when']): number | null {
  if (wa.day === null || wb.day === null) return null;
  const xa = wa.days ?? NO_DAYS;
  const xb = wb.days ?? NO_DAYS;
  let near = Infinity;
  for (let i = -1; i < xa.length; i++) {
    const x = i < 0 ? wa.day : xa[i]!;
    for (let j = -1; j < xb.length; j++) near = Math.min(near, Math.abs(x - (j < 0 ? wb.day : xb[j]!)));
  }
  return near;
}

const NO_DAYS: readonly number[] = [];

/** When: the events' days apart, the nearest of the days either names, and the publications' days apart. */
export function dayFeatures(a: Sig, b: Sig) {
  const da = a.when.day;
  const db = b.when.day;
  const gap = da !== null && db !== null ? Math.abs(da - db) : null;
  const near = nearestDays(a.when, b.when);
  const dayFar = gap !== null && gap >= 3 ? Math.min(1, (gap - 2) / 3) : 0;
  // Both days read from the text (a date, "yesterday", "on Monday") and a day apart: two days told.
  const twoDays = gap !== null && gap >= 1 && told(a.when) && told(b.when) && (near === null || near >= 1);
  // A later report whose only day is the day something was said, its own publication day ("86
  // dead, a monitor said on Wednesday"), tells the count of an event of that day or of the day or
  // two before: the other's day, before it, is not a second day told. A said day before the
  // other's told day is (SANA's rockets "told SANA on Tuesday", and Wednesday's rockets).
  const daySaid = saidAfter(a, b) || saidAfter(b, a) ? 1 : 0;
  const dayOther = twoDays && !daySaid ? 1 : 0;
  const pubGap = a.published !== null && b.published !== null ? Math.abs(a.published - b.published) : null;
  // A report cannot tell what happened after it was published: one whose event day, told in its
  // text, is after the other's publication day is of another event, whatever background day it
  // names besides (Wednesday's rockets on a district, naming Tuesday's, and Tuesday's report).
  const dayAfterPub = toldAfter(a, b) || toldAfter(b, a) ? 1 : 0;
  // A later report that dates the event itself ("killed in the April 15 attack"), on the other's day.
  const later = a.published !== null && b.published !== null && a.published > b.published ? a : b;
  const dated = gap !== null && gap <= 1 && later.when.from === 'text';
  return {
    gap,
    near,
    pubGap,
    features: {
      day0: gap === 0 ? 1 : 0,
      day1: gap === 1 ? 1 : 0,
      dayOther,
      daySaid,
      dayFar,
      dayNamed: gap !== null && gap >= 2 && near !== null && near <= 1 ? 1 : 0,
      dayUnknown: gap === null ? 1 : 0,
      dayAfterPub,
      pubFar: pubGap !== null && pubGap >= 3 && !dated ? Math.min(1, (pubGap - 2) / 3) : 0,
      pubFarDated: pubGap !== null && pubGap >= 3 && dated ? 1 : 0,
    },
  };
}

// "Today" is the report's own day as its outlet counts it: a report filed after midnight, or
// updated the next morning, still says it of the night's event; "the past night" (nights.ts) too.
const TODAY = /اليوم|الليله الماضيه|today|tonight|this morning/i;

/** `s` tells (a date, a weekday, "yesterday"; not "today") an event of a day after `o` was published. */
function toldAfter(s: Sig, o: Sig): boolean {
  const d = s.when.day;
  // The expression last: it is the dearest test, and every pair of a query's pool asks it.
  return (s.when.from === 'text' || s.when.from === 'relative') && d !== null && o.published !== null && d > o.published && !TODAY.test(s.when.raw ?? '');
}

/** `s`'s only day is the day it was said, its publication day, one or two days after `o`'s event day. */
function saidAfter(s: Sig, o: Sig): boolean {
  const d = s.when.day;
  const od = o.when.day;
  return s.when.from === 'said' && d !== null && d === s.published && od !== null && d - od >= 1 && d - od <= 2;
}

/** Whether `t` is one of the first two of `types` (types.slice(0, 2).includes(t), no list made). */
export const amongFirstTwo = (types: readonly string[], t: string): boolean => (types.length > 0 && types[0] === t) || (types.length > 1 && types[1] === t);

/** What happened: the same kind of event ("said" is what nearly every report does: weak), or two kinds. */
export function typeFeatures(a: Sig, b: Sig) {
  const ta = a.type;
  const tb = b.type;
  return {
    typeSame: ta !== 'other' && ta !== 'statement' && ta === tb ? 1 : 0,
    typeStatement: ta === 'statement' && tb === 'statement' ? 1 : 0,
    typeConflict: ta !== 'other' && tb !== 'other' && !amongFirstTwo(a.types, tb) && !amongFirstTwo(b.types, ta) ? 1 : 0,
  };
}
