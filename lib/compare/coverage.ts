// Coverage and blind spot of one event (issue 15): which outlets of the reader's corpus told it,
// and which that usually report on its area did not. "Usually" is read from the reader's own
// corpus: an outlet whose reports name places of the area often enough, and that was publishing
// (in this corpus) around the event's day. An outlet that had stopped, or that the corpus holds
// only for other years, is not counted as silent.
import { ancestors, entityById } from '../entities';
import { governorateOf } from '../entities/gazetteer';
import { outletById } from '../outlets/profiles';

/** An outlet usually covers an area when at least this many of its reports name a place in it… */
export const MIN_AREA_REPORTS = 3;
/** …and they are at least this share of its reports. */
export const MIN_AREA_SHARE = 0.05;
/** It was publishing around the event when the corpus holds a report of it within this many days. */
export const ACTIVE_DAYS = 31;

/** The area an event's place lies in, as coverage is counted: its governorate (or, outside
 *  Syria's governorates, the widest place below the country). */
export function areaOf(placeId: string): string | null {
  const chain = ancestors(placeId);
  if (!chain.length) return null;
  const gov = chain.find((e) => e.kind === 'governorate') ?? governorateOf(placeId);
  if (gov) return gov.id;
  const below = chain.filter((e) => e.kind !== 'country');
  return below.length ? below[below.length - 1]!.id : null;
}

/** Per outlet: reports, reports naming each area, and the 32-day buckets it published in. */
export interface AreaStats {
  outlets: Map<string, { reports: number; areas: Map<string, number>; active: Set<number> }>;
}

export interface StatsDoc {
  outlet: string;
  /** Days since 1970-01-01, or null. */
  day: number | null;
  /** Gazetteer ids of the places the report names. */
  places: readonly string[];
}

const bucket = (day: number) => Math.floor(day / 32);

export function areaStats(docs: Iterable<StatsDoc>): AreaStats {
  const outlets: AreaStats['outlets'] = new Map();
  const areaCache = new Map<string, string | null>();
  for (const d of docs) {
    const o = outlets.get(d.outlet) ?? { reports: 0, areas: new Map<string, number>(), active: new Set<number>() };
    o.reports++;
    if (d.day !== null) o.active.add(bucket(d.day));
    const areas = new Set<string>();
    for (const p of d.places) {
      let a = areaCache.get(p);
      if (a === undefined) areaCache.set(p, (a = areaOf(p)));
      if (a) areas.add(a);
    }
    for (const a of areas) o.areas.set(a, (o.areas.get(a) ?? 0) + 1);
    outlets.set(d.outlet, o);
  }
  return { outlets };
}

export interface CoverageOutlet {
  outlet: string;
  /** It told the event (in the comparison's group). */
  covered: boolean;
  /** Its reports in the corpus naming the area, and all its reports. */
  areaReports: number;
  reports: number;
}

export interface Coverage {
  /** The area whose usual outlets are looked at, or null when the event names no place. */
  area: { id: string; name: { ar: string; en: string } } | null;
  /** The event's first day (YYYY-MM-DD), for each outlet's alignment at that date. */
  date: string | null;
  /** The outlets that told it (in the group's order), then those that usually cover the area and did not (most reports first). */
  outlets: CoverageOutlet[];
}

function activeAround(o: { active: Set<number> }, day: number): boolean {
  for (let b = bucket(day - ACTIVE_DAYS); b <= bucket(day + ACTIVE_DAYS); b++) if (o.active.has(b)) return true;
  return false;
}

/** Whether the registry says the outlet had stopped publishing before `date`. */
function stoppedBefore(outlet: string, date: string): boolean {
  const stopped = outletById(outlet)?.stopped?.value;
  return !!stopped && stopped.slice(0, 10) < date.slice(0, 10);
}

/**
 * The coverage of an event told by `covered` (outlet ids, in order), whose place is `placeId`, on
 * `date` (YYYY-MM-DD, its first day) — from the corpus's `stats`.
 */
export function coverageOf(covered: readonly string[], placeId: string | null, date: string | null, stats: AreaStats): Coverage {
  const told = [...new Set(covered)];
  const areaId = placeId ? areaOf(placeId) : null;
  const area = areaId ? entityById(areaId) : undefined;
  const row = (outlet: string, isCovered: boolean): CoverageOutlet => {
    const s = stats.outlets.get(outlet);
    return { outlet, covered: isCovered, areaReports: (areaId && s?.areas.get(areaId)) || 0, reports: s?.reports ?? 0 };
  };
  const outlets = told.map((o) => row(o, true));
  if (areaId) {
    const day = date ? Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000) : null;
    const silent = [...stats.outlets]
      .filter(([o, s]) => {
        if (told.includes(o)) return false;
        const n = s.areas.get(areaId) ?? 0;
        if (n < MIN_AREA_REPORTS || n / s.reports < MIN_AREA_SHARE) return false;
        if (date && stoppedBefore(o, date)) return false;
        return day === null || Number.isNaN(day) || activeAround(s, day);
      })
      .map(([o]) => row(o, false))
      .sort((a, b) => b.areaReports - a.areaReports || a.outlet.localeCompare(b.outlet));
    for (const o of silent) outlets.push(o);
  }
  return { area: area ? { id: area.id, name: { ...area.name } } : null, date, outlets };
}
