// An event document as JSON: what a team server is sent of the article (its analysis, not its
// text), and the check of what a client sent.
import { Bag } from './bag';
import type { EventDoc } from './pair';
import { EVENT_TYPES, type EventSignature } from './types';

const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

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
  if (s.govs !== undefined && !ids(s.govs)) throw new Error('event.sig.govs: not a list of ids');
  if (s.local !== undefined && !ids(s.local)) throw new Error('event.sig.local: not a list of names');
  if (s.place !== null && (typeof s.place !== 'object' || typeof s.place?.id !== 'string' || !ids(s.place.chain) || typeof s.place.generic !== 'boolean')) throw new Error('event.sig.place: not a place');
  // Signatures stored before `what` existed (a team server's older rows) read as naming nothing.
  const what = s.what as EventSignature['what'] | undefined;
  if (what !== undefined && (typeof what !== 'object' || what === null || !ids(what.title) || !ids(what.all) || typeof what.update !== 'boolean')) throw new Error('event.sig.what: not a list of things');
  for (const k of ['killed', 'injured', 'displaced'] as const) if (s.numbers[k] !== undefined && typeof s.numbers[k] !== 'number') throw new Error(`event.sig.numbers.${k}: not a number`);
  if (s.numbers.none !== undefined && s.numbers.none !== true) throw new Error('event.sig.numbers.none: not true');
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const all = Bag.of(pairs(o.all, 'all', num));
  const title = Bag.of(pairs(o.title, 'title', num));
  const lines = new Map(pairs(o.lines, 'lines', (v) => Array.isArray(v) && v.length <= 400 && v.every((x) => typeof x === 'string')));
  return { sig: { ...(s as EventSignature), what: what ?? { title: [], all: [], update: false } }, terms: { all, title, lines }, ...(typeof o.outlet === 'string' ? { outlet: o.outlet } : {}) };
}

