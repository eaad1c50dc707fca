// A run's event signatures on their way from an analysis worker to the background (part-wire.ts):
// as one JSON text, not as objects. A signature is ≈ 15 objects and arrays, each of which a
// structured clone walks, writes and builds again, twice (worker → page → service worker): in Node
// ≈ 13-17 ms a pass for 1,000 reports, twice what cloning those reports' whole texts costs, against
// ≈ 7 ms for the text's writing, clones and one parse (bench/RESULTS.md, session 20 (import21)).
// JSON is already how a team server is sent signatures (lib/events/wire.ts); a list JSON would
// not say exactly (undefined, NaN, ±Infinity, -0, an object not plain) is sent as objects.
import type { EventSignature } from '../events';

/** Whether JSON.parse(JSON.stringify(v)) gives back v (v one value of the list, or the list). */
function jsonExact(v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The signatures as JSON text when it says them exactly, else as they are. */
export function sigsToWire(sigs: EventSignature[]): EventSignature[] | string {
  let exact = true;
  // The value as held (`this[k]`), not as toJSON made it (a Date's is a string).
  const text = JSON.stringify(sigs, function (this: Record<string, unknown>, k: string, v: unknown) {
    if (exact && !jsonExact(this[k])) exact = false;
    return v;
  });
  return exact ? text : sigs;
}

/** The signatures a run sent (checked one by one afterwards, part-wire.ts): a list, or null when
 *  the text is not JSON of a list. */
export function sigsFromWire(sig: unknown): unknown[] | null {
  if (Array.isArray(sig)) return sig;
  if (typeof sig !== 'string') return null;
  try {
    const list: unknown = JSON.parse(sig);
    return Array.isArray(list) ? list : null;
  } catch {
    return null;
  }
}
