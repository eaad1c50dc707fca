// An index term per (wide place, day). A city or a governorate is too common to keep postings for
// in a large corpus (over the 5 % limit: Latakia, Aleppo), so a report that shares little with an
// article but its city and its day was never a candidate. Each report is also indexed under
// `@place~day` for every city or governorate it names, on its publication day; a query reserves
// the reports under its event's place (when that is a city or a governorate) within
// PLACE_DAY_WINDOW days of its event's day (search.ts candidatesOf). bench/rank-place-days.ts
// measured it before it was built: 1.4 reports a query at 100,000 (at most 27).
import { entityTerm } from './bm25';
import type { EventSignature } from '../events';

// The team server's migration server/migrations/1765065600000_place-day-postings.sql tests the same.
const WIDE = /city|governorate|province/i;

/** Days either side of the article's event day whose reports are reserved (outlets publish 0–2 days apart). */
const PLACE_DAY_WINDOW = 2;

const placeDayTerm = (id: string, day: number) => `${entityTerm(id)}~${day}`;

/** The place-day terms a report is indexed under: every city or governorate it names, on its day. */
export function placeDayTerms(entities: ReadonlyArray<{ id: string; type: string }>, day: number | null): string[] {
  if (day === null) return [];
  return [...new Set(entities.filter((e) => WIDE.test(e.type)).map((e) => e.id))].map((id) => placeDayTerm(id, day));
}

/** The article's event place and day, when the place is a city or a governorate and the day known. */
function eventPlace(sig: EventSignature | undefined): { id: string; day: number } | null {
  const place = sig?.place;
  const day = sig?.when.day ?? null;
  return place && day !== null && WIDE.test(place.kind) ? { id: place.id, day } : null;
}

/** The place-day terms an article's event reserves candidates by: its place when a city or a
 *  governorate, on each day of its event's day ± PLACE_DAY_WINDOW; none when either is unknown. */
export function eventPlaceDays(sig: EventSignature | undefined): string[] {
  const at = eventPlace(sig);
  const out: string[] = [];
  if (at) for (let d = at.day - PLACE_DAY_WINDOW; d <= at.day + PLACE_DAY_WINDOW; d++) out.push(placeDayTerm(at.id, d));
  return out;
}

/** Whether a report names the article's event place (a city or a governorate) within the window
 *  of its day: what the place-day reserve found it by, from its doc row. Such a report is judged
 *  even when its score is below the pool's (rank.ts): it shares little else by construction. */
export function atEventPlace(sig: EventSignature | undefined): ((d: { e: readonly string[]; day: number | null }) => boolean) | undefined {
  const at = eventPlace(sig);
  return at ? (d) => d.day !== null && Math.abs(d.day - at.day) <= PLACE_DAY_WINDOW && d.e.includes(at.id) : undefined;
}
