// The event behind a report: what happened, where, when it happened (not when it was published),
// who acted and who was hit, and the numbers. Two reports are compared on these (pair.ts).

/** What happened, in a small vocabulary (vocabulary.ts says which words name each). */
export type EventType =
  | 'airstrike' | 'shelling' | 'bombing' | 'clashes' | 'takeover' | 'surrender' | 'agreement'
  | 'statement' | 'arrest' | 'killing' | 'displacement' | 'disaster' | 'economic' | 'decision' | 'other';

export const EVENT_TYPES: readonly EventType[] = [
  'airstrike', 'shelling', 'bombing', 'clashes', 'takeover', 'surrender', 'agreement',
  'statement', 'arrest', 'killing', 'displacement', 'disaster', 'economic', 'decision', 'other',
];

/**
 * A report judged related (not same-event) whose same-event probability is at least this may yet
 * be the same incident (one outlet's toll or wording far from another's): it is ranked before the
 * reports related only by place or actors, and the reader is told its probability.
 */
export const MAYBE_SAME_EVENT = 0.5;

export interface EventPlace {
  /** Gazetteer id of the most specific place named for the event. */
  id: string;
  name: string;
  kind: string;
  /** The place and the places it lies in, nearest first (village → … → governorate → Syria). */
  chain: string[];
  /** A country, a governorate, a governorate's capital: too wide to tell one event from another. */
  generic: boolean;
}

export interface EventWhen {
  /** Days since 1970-01-01 of the event, or null when neither the text nor the publication says. */
  day: number | null;
  /**
   * Where the day was read: a date or a relative word in the text, the day something was said
   * about it ("a monitor said on Wednesday": a new toll's or a statement's day, maybe not the
   * event's), or the publication date.
   */
  from: 'text' | 'relative' | 'said' | 'publication' | 'unknown';
  /** The words read ("أمس", "مساء الجمعة", "3 حزيران"), when from the text. */
  raw?: string;
  /** Other days the title and lede name (a caption's, the background's), when any. */
  days?: number[];
}

export interface EventNumbers {
  killed?: number;
  injured?: number;
  displaced?: number;
  /** The report says no one was hurt ("دون ورود أنباء عن إصابات", "no casualties were reported") and tells no dead or hurt of its own (no-casualties.ts). */
  none?: true;
}

export interface EventSignature {
  type: EventType;
  /** Every type the lede names, strongest first (the first is `type` unless none). */
  types: EventType[];
  place: EventPlace | null;
  /** Other places named (ids), specific ones only. */
  places: string[];
  /** The governorates of every place named, wide ones too (where.ts areaOf; absent in signatures stored before them). */
  govs?: string[];
  when: EventWhen;
  /** Publication day (days since 1970-01-01), or null. */
  published: number | null;
  /** Actors named in the lede (gazetteer ids). */
  actors: string[];
  numbers: EventNumbers;
  /** What the event was about, finer than its type (what.ts): the things the title names, and with the first sentence's. */
  what: { title: string[]; all: string[]; update: boolean; weapons?: string[] };
  /** The report is one of an outlet's recurring reports (exchange rates, weather, round-ups). */
  recurring: boolean;
  /** The ordinal the title or the lede's first sentence tells the act by ("انفجار ثالث": 3; nth-act.ts), absent when none. */
  nth?: number;
  /** Places the text introduces that the gazetteer does not know ("the village of Tokhar", "قرية الهبيط"), as keys (local-places.ts); absent when none. */
  local?: string[];
}
