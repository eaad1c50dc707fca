// A stored event signature, packed: its fields by position instead of by name, and its event
// types as one letter each. Structured clone writes every property name of every object it
// stores, and a signature's names (type, types, places, when, day, from, published, actors,
// numbers, what, title, all, update, recurring) and type words were half of its ≈ 300 bytes in
// every doc row. A field the list below does not name (the event model may gain one) is kept by
// name in the last slot, so a packed signature always unpacks to the one packed.
import { EVENT_TYPES, type EventSignature } from '../events';

type Stored = Omit<EventSignature, 'place'> & { place: string | null };

/** [types as letters, the type's letter, place, when, what, other fields in FIELDS order, the rest by name]. */
export type PackedSignature = [string, string, string | null, unknown[], unknown[], unknown[], Record<string, unknown> | 0];

const FIELDS = ['places', 'published', 'actors', 'numbers', 'recurring'] as const;
const WHEN = ['day', 'from', 'raw', 'days'] as const;
const WHAT = ['title', 'all', 'update'] as const;
const KNOWN = new Set<string>(['type', 'types', 'place', 'when', 'what', ...FIELDS]);

const letter = (t: string) => {
  const i = EVENT_TYPES.indexOf(t as EventSignature['type']);
  return i < 0 ? null : String.fromCharCode(97 + i);
};
const typeOf = (c: string) => EVENT_TYPES[c.charCodeAt(0) - 97];

/** The values of `keys` in order (an absent one as undefined, which structured clone keeps apart
 *  from null), and any other key by name last. */
function byPosition(o: object, keys: readonly string[]): unknown[] {
  const rec = o as Record<string, unknown>;
  const rest = Object.keys(rec).filter((k) => !keys.includes(k));
  const out: unknown[] = keys.map((k) => rec[k]);
  return rest.length ? [...out, Object.fromEntries(rest.map((k) => [k, rec[k]]))] : out;
}

function byName(a: readonly unknown[], keys: readonly string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    if (a[i] !== undefined) o[k] = a[i];
  });
  const rest = a[keys.length];
  return rest && typeof rest === 'object' ? { ...o, ...(rest as Record<string, unknown>) } : o;
}

/** A signature packed for a doc row; the object as it is when a type has no letter (a model newer than this code). */
export function packSignature(s: Stored): PackedSignature | Stored {
  const types = s.types.map(letter);
  const type = letter(s.type);
  if (type === null || types.includes(null)) return s;
  const rest = Object.keys(s).filter((k) => !KNOWN.has(k));
  const rec = s as unknown as Record<string, unknown>;
  return [types.join(''), type, s.place, byPosition(s.when, WHEN), byPosition(s.what, WHAT), FIELDS.map((k) => rec[k]), rest.length ? Object.fromEntries(rest.map((k) => [k, rec[k]])) : 0];
}

/** The signature a packed one was; null when it does not read as one (a damaged row is judged from its text). */
export function unpackSignature(p: readonly unknown[]): Stored | null {
  const [types, type, place, when, what, fields, rest] = p;
  if (typeof types !== 'string' || typeof type !== 'string' || !Array.isArray(when) || !Array.isArray(what) || !Array.isArray(fields)) return null;
  const ts = [...types].map(typeOf);
  const t = typeOf(type);
  if (!t || ts.some((x) => !x)) return null;
  const named = byName(fields, FIELDS);
  return {
    type: t,
    types: ts as EventSignature['types'],
    place: typeof place === 'string' ? place : null,
    ...(named as Pick<Stored, (typeof FIELDS)[number]>),
    when: byName(when, WHEN) as unknown as Stored['when'],
    what: byName(what, WHAT) as unknown as Stored['what'],
    ...(rest && typeof rest === 'object' ? rest : {}),
  };
}
