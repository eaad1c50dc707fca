// The event signature of a report, from its title and lede (where news tells the event).
import { normalize, toAsciiDigits } from '../arabic';
import { findNumbers } from '../compare/numbers';
import { matchEntities, type EntityMatch } from '../entities';
import { RECURRING, TYPE_WORDS } from './vocabulary';
import { englishPlaces, isGeneric, pickPlace, placesOf } from './where';
import { eventWhen } from './when';
import { dayNumber } from './day';
import type { EventNumbers, EventSignature, EventType } from './types';

/** The lede read for the event: the first paragraph or two. */
export const LEDE_CHARS = 700;

const ARABIC = /[\u0621-\u064A]/;

function typesOf(title: string, lede: string): EventType[] {
  const arabic = ARABIC.test(title) || ARABIC.test(lede);
  const words = arabic ? TYPE_WORDS.ar : TYPE_WORDS.en;
  const score = new Map<EventType, number>();
  const add = (text: string, times: number) => {
    for (const { type, weight, re } of words) {
      re.lastIndex = 0;
      const n = text.match(re)?.length ?? 0;
      if (n) score.set(type, (score.get(type) ?? 0) + times * weight * Math.min(n, 3));
    }
  };
  add(normalize(title), 3);
  add(normalize(lede), 1);
  return [...score.entries()].filter(([, s]) => s >= 1).sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

const EN_NUMBERS: Array<[keyof EventNumbers, RegExp]> = [
  ['killed', /\b(\d+)\s+(?:\w+\s+){0,2}(?:were\s+|was\s+)?(?:killed|dead|died|deaths)\b|\bkill(?:ing|ed)\s+(?:at\s+least\s+)?(\d+)\b/i],
  ['injured', /\b(\d+)\s+(?:\w+\s+){0,2}(?:were\s+)?(?:injured|wounded)\b|\b(?:injur|wound)(?:ing|ed)\s+(?:at\s+least\s+)?(\d+)\b/i],
  ['displaced', /\b(\d+)\s+(?:\w+\s+){0,2}(?:displaced|fled)\b/i],
];

function numbersOf(lede: string, arabic: boolean): EventNumbers {
  const out: EventNumbers = {};
  if (arabic) {
    for (const m of findNumbers(lede)) {
      if (typeof m.value !== 'number') continue;
      const k = m.unit === 'killed' ? 'killed' : m.unit === 'wounded' ? 'injured' : m.unit === 'displaced' ? 'displaced' : null;
      if (k && out[k] === undefined) out[k] = m.value;
    }
    return out;
  }
  const text = toAsciiDigits(lede).replace(/(\d),(\d{3})/g, '$1$2');
  for (const [k, re] of EN_NUMBERS) {
    const m = re.exec(text);
    const v = m ? Number(m[1] ?? m[2]) : NaN;
    if (Number.isFinite(v) && v > 0 && v < 100_000) out[k] = v;
  }
  return out;
}

export interface SignatureOptions {
  /** Entities already matched in `${title}\n${lede}` (to save matching them again). */
  matches?: readonly EntityMatch[];
}

export function eventSignature(title: string, text: string, publishedAt: string | null, opts: SignatureOptions = {}): EventSignature {
  const lede = text.length > LEDE_CHARS ? text.slice(0, LEDE_CHARS) : text;
  const head = `${title}\n${lede}`;
  const arabic = ARABIC.test(head);
  const matches = opts.matches ?? (arabic ? matchEntities(head, { date: publishedAt }) : []);
  const named = arabic ? placesOf(matches) : englishPlaces(head);
  const place = pickPlace(named, title.length);
  const types = typesOf(title, lede);
  const flatTitle = normalize(title);
  const firstSentence = normalize(lede.slice(0, 160));
  return {
    type: types[0] ?? 'other',
    types,
    place,
    places: [...new Set(named.map((n) => n.id).filter((id) => !isGeneric(id)))],
    when: eventWhen(title, lede, publishedAt),
    published: publishedAt ? dayNumber(publishedAt) : null,
    actors: [...new Set(matches.filter((m) => m.type === 'actor').map((m) => m.id))],
    numbers: numbersOf(lede, arabic),
    recurring: RECURRING.some((re) => re.test(flatTitle) || re.test(firstSentence)),
  };
}
