// The event signature of a report, from its title and lede (where news tells the event).
import { normalize, scan, toAsciiDigits, tokensBefore, type Scan } from '../arabic';
import { findNumbers, type ScannedTokens } from '../compare/numbers';
import { matchEntities, type EntityMatch } from '../entities';
import type { NameFinds } from '../entities/match';
import { prefixMatches } from '../entities/prefix-matches';
import { candidatesIn, countIn, isRecurring, TYPE_WORDS, type Candidates } from './vocabulary';
import { englishPlaces, areaOf, isGeneric, pickPlace, placesOf } from './where';
import { eventWhen } from './when';
import { whatOf } from './what';
import { localPlaces } from './local-places';
import { saysNoCasualties } from './no-casualties';
import { dayNumber } from './day';
import { earlierIncidentSentences } from './earlier-incidents';
import { nthActOf } from './nth-act';
import { beyondDatelines, blanked, pageFurniture } from './page-furniture';
import type { EventNumbers, EventSignature, EventType } from './types';

/** The lede read for the event: the first paragraph or two. */
export const LEDE_CHARS = 700;

const ARABIC = /[\u0621-\u064A]/;

/** The event's kinds from the normalised title and lede (the candidates' text's parts, when there are: vocabulary.ts candidatesIn). */
function typesOf(flatTitle: string, flatLede: string, arabic: boolean, c: Candidates | null, ledeAt: number): EventType[] {
  const words = arabic ? TYPE_WORDS.ar : TYPE_WORDS.en;
  const score = new Map<EventType, number>();
  const add = (text: string, times: number, offset: number) => {
    for (const p of words) {
      const n = countIn(p, text, c, offset);
      if (n) score.set(p.type, (score.get(p.type) ?? 0) + times * p.weight * Math.min(n, 3));
    }
  };
  add(flatTitle, 3, 0);
  add(flatLede, 1, ledeAt);
  return [...score.entries()].filter(([, s]) => s >= 1).sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

// English counts: digits or number words; a year (1990–2030) is a date, not a toll.
const EN_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const EN_NUM = `(\\d+|${Object.keys(EN_WORDS).join('|')})`;
const EN_MORE = '(?:at\\s+least\\s+|more\\s+than\\s+|over\\s+|nearly\\s+|about\\s+|some\\s+)?';
const EN_NUMBERS: Array<[Exclude<keyof EventNumbers, 'none'>, RegExp]> = [
  ['killed', new RegExp(`\\b${EN_MORE}${EN_NUM}\\s+(?:(?!and\\b|kill|wound|injur)[a-z]+\\s+){0,3}?(?:were\\s+|was\\s+|have\\s+been\\s+)?(?:killed|dead|died|deaths|killing|martyred)\\b|\\bkill(?:s|ing|ed)?\\s+${EN_MORE}${EN_NUM}\\b|\\b(?:death\\s+toll|toll)\\b[^.]{0,40}?\\b(?:to|at|hits|reaches|reached|of)\\s+${EN_MORE}${EN_NUM}\\b`, 'i')],
  ['injured', new RegExp(`\\b${EN_MORE}${EN_NUM}\\s+(?:(?!and\\b|kill|wound|injur)[a-z]+\\s+){0,3}?(?:were\\s+)?(?:injured|wounded)\\b|\\b(?:injur|wound)(?:s|ing|ed)?\\s+${EN_MORE}${EN_NUM}\\b`, 'i')],
  ['displaced', new RegExp(`\\b${EN_MORE}${EN_NUM}\\s+(?:(?!and\\b)[a-z]+\\s+){0,2}(?:displaced|fled)\\b`, 'i')],
];

const PARTS = 'children|child|kids|women|students|schoolchildren|pupils|teachers|medics|rescuers|doctors|nurses|journalists|babies|infants|girls|boys';
const SUBGROUP = new RegExp(`\\b(?:${PARTS})\\b`, 'i');
const SUBGROUP_AFTER = new RegExp(`^\\s+(?:${PARTS})\\b`, 'i');

function englishNumber(m: RegExpMatchArray): number {
  const w = m.slice(1).find((x) => x !== undefined)?.toLowerCase() ?? '';
  return /^\d+$/.test(w) ? Number(w) : EN_WORDS[w] ?? NaN;
}

/** `skip`: spans of `text` whose counts are another incident's (earlier-incidents.ts), Arabic only. */
function numbersIn(text: string, arabic: boolean, scanned?: ScannedTokens, skip: ReadonlyArray<[number, number]> = []): EventNumbers {
  const out: EventNumbers = {};
  if (arabic) {
    for (const m of findNumbers(text, scanned)) {
      if (typeof m.value !== 'number' || skip.some(([a, b]) => m.start >= a && m.start < b)) continue;
      const k = m.unit === 'killed' ? 'killed' : m.unit === 'wounded' ? 'injured' : m.unit === 'displaced' ? 'displaced' : null;
      if (k && out[k] === undefined) out[k] = m.value;
    }
    return out;
  }
  const flat = toAsciiDigits(text).replace(/(\d),(\d{3})/g, '$1$2');
  for (const [k, re] of EN_NUMBERS) {
    for (const m of flat.matchAll(new RegExp(re.source, 'gi'))) {
      // "27 children killed", "kills 22 children": a part of the dead, not the toll.
      if (SUBGROUP.test(m[0]) || SUBGROUP_AFTER.test(flat.slice(m.index! + m[0].length, m.index! + m[0].length + 20))) continue;
      const v = englishNumber(m);
      if (Number.isFinite(v) && v > 0 && v < 100_000 && !(v >= 1990 && v <= 2030)) out[k] = v;
      break;
    }
  }
  return out;
}

/**
 * The title's counts over the lede's: the title gives the event's toll, the lede also the
 * background's. `flat`: the normalised title and lede, read for "no one was hurt" where no dead or
 * hurt are counted.
 */
function numbersOf(title: string, lede: string, arabic: boolean, words: Scan | null, flat: string): EventNumbers {
  const scanned = (offset: number) => (words?.plain ? { tokens: words.tokens, offset, joined: words.joined } : undefined);
  // The lede's counts in a sentence telling an earlier or answered incident are that incident's.
  const ledeAt = title.length + 1;
  const earlier = arabic ? earlierIncidentSentences(`${title}\n${lede}`, ledeAt).map(([a, b]): [number, number] => [a - ledeAt, b - ledeAt]) : [];
  const counted: EventNumbers = { ...numbersIn(lede, arabic, scanned(ledeAt), earlier), ...numbersIn(title, arabic, scanned(0)) };
  return counted.killed === undefined && counted.injured === undefined && saysNoCasualties(flat, arabic) ? { ...counted, none: true } : counted;
}

/**
 * A dateline ("BEIRUT —", "دمشق-سانا", "Beirut (Reuters) -") says where the report was filed, not
 * where the event was: a place named there is the event's place only where the report names no
 * other specific place (page-furniture.ts beyondDatelines). Returns where the dateline ends in the
 * lede (0 when there is none).
 */
function datelineEnd(lede: string): number {
  const m = /^\s*(?:[\d]{1,2}\s+[A-Za-z]{3,9}\s+\d{4}\s+)?[^\n.،,]{2,30}?\s*(?:\([^)\n]{1,30}\)\s*)?[-–—:]\s*/.exec(lede);
  return m ? m[0].length : 0;
}

export interface SignatureOptions {
  /** Entities already matched in `${title}\n${lede}` (to save matching them again). */
  matches?: readonly EntityMatch[];
  /**
   * A scan (lib/arabic scan) of a text that may begin with `${title}\n${lede}` (the engine's
   * analysis scans the title and the start of the text): its tokens are reused when it does.
   */
  scanned?: { text: string; finds?: NameFinds } & Scan;
}

/** The tokens of `head` (from `scanned` when head begins it), or null when the words of normalize(head) are not its tokens. */
function headScan(head: string, scanned: SignatureOptions['scanned']): Scan {
  if (scanned?.plain && scanned.text.startsWith(head)) return { tokens: tokensBefore(scanned.text, scanned.tokens, head.length), plain: true, joined: scanned.joined };
  return scan(head);
}

// Lines a page puts above the lede that are not the report: a photo caption (ending on its date
// and the photographer's or agency's credit: "بناء مدمر في حي جوبر بدمشق - 5 شباط 2025 (عنب
// بلدي/ …)"), a reading time, a last-updated stamp, a bare date, a byline. A caption names
// another place and day than the event's (the archive photo's), so the lede starts after them.
const CAPTION_END = /(?:\d{1,2}\s+(?:من\s+)?[\u0621-\u064A]{2,9}\s*(?:\/\s*[\u0621-\u064A]{2,9}\s*)?\d{4}|\d{4}-\d{2}-\d{2})\s*(?:\([^()\n]{1,80}\))?\s*$/;
const STAMP = /^\s*(?:وقت القراءة|آخر تحديث|اخر تحديث|تاريخ النشر|تاريخ التحديث|نشر في|Last updated|Published)(?![\u0621-\u064A\w])/;
const FURNITURE_LINES = 3;

function isFurniture(line: string): boolean {
  const t = line.trim();
  if (!t) return true;
  if (t.length > 260) return false;
  if (STAMP.test(t) || CAPTION_END.test(t)) return true;
  // A byline: a name or two, no sentence (no full stop, comma or digit), four words at most.
  return t.length <= 40 && !/[.،,:؛\d]/.test(t) && t.split(/\s+/).length <= 4;
}

/** The lede read for the event: the text's first LEDE_CHARS after the lines above the report. */
export function ledeOf(text: string): string {
  let start = 0;
  for (let i = 0; i < FURNITURE_LINES; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0 || !isFurniture(text.slice(start, nl))) break;
    start = nl + 1;
  }
  return text.slice(start, start + LEDE_CHARS);
}

export function eventSignature(title: string, text: string, publishedAt: string | null, options: SignatureOptions = {}): EventSignature {
  // The page's lines (its date line, widgets, menus) are not read; a dateline's places are kept apart
  // (page-furniture.ts). Where a line is blanked, the caller's scan and matches are of another text.
  const page = ledeOf(text);
  const furniture = pageFurniture(page);
  const lede = blanked(page, furniture.lines);
  const opts = lede === page ? options : {};
  const head = `${title}\n${lede}`;
  const arabic = ARABIC.test(head);
  // Arabic text is read from its tokens once: the entity matcher's, and the words that say which
  // of the vocabularies' patterns may match (English text has no such filter).
  const words = arabic ? headScan(head, opts.scanned) : null;
  const cands = words && candidatesIn(head, words);
  const finds = opts.scanned?.finds;
  const matches = opts.matches ?? (arabic ? (finds ? prefixMatches(finds, head, { date: publishedAt, tokens: words!.tokens }) : matchEntities(head, { date: publishedAt, tokens: words!.tokens })) : []);
  // Who acted and who was hit, in English too: the gazetteer's actors have English names ("Jaysh
  // al-Islam", "Islamic State", "White Helmets"); English places are read by englishPlaces.
  const actors = arabic || opts.matches ? matches : matchEntities(head, { date: publishedAt }).filter((m) => m.type === 'actor');
  const gazetteer = arabic ? placesOf(matches) : englishPlaces(head);
  const known = arabic ? matches.filter((m) => m.type === 'place').flatMap((m) => [m.name, m.alias]) : [];
  const local = localPlaces(head, arabic, known);
  const filed = [[title.length + 1, title.length + 1 + datelineEnd(lede)] as [number, number], ...furniture.datelines.map(([a, b]): [number, number] => [a + title.length + 1, b + title.length + 1])];
  const named = beyondDatelines([...gazetteer, ...local.ids].sort((x, y) => x.start - y.start), filed, isGeneric);
  const place = pickPlace(named, title.length);
  const ledeAt = cands ? cands.at[title.length + 1]! : 0;
  const flatTitle = cands ? cands.flat.slice(0, cands.at[title.length]) : normalize(title);
  const types = typesOf(flatTitle, cands ? cands.flat.slice(ledeAt) : normalize(lede), arabic, cands, ledeAt);
  const firstSentence = cands ? cands.flat.slice(ledeAt, cands.at[title.length + 1 + Math.min(lede.length, 160)]) : normalize(lede.slice(0, 160));
  const nth = arabic ? nthActOf(`${flatTitle}\n${firstSentence}`) : null;
  return {
    type: types[0] ?? 'other',
    types,
    place,
    places: [...new Set(named.map((n) => n.id).filter((id) => !isGeneric(id)))],
    govs: [...new Set(named.map((n) => areaOf(n.id)).filter((g): g is string => g !== null))],
    when: eventWhen(title, lede, publishedAt, cands),
    published: publishedAt ? dayNumber(publishedAt) : null,
    actors: [...new Set(actors.filter((m) => m.type === 'actor').map((m) => m.id))],
    numbers: numbersOf(title, lede, arabic, words, cands ? cands.flat : normalize(head)),
    what: whatOf(title, lede, arabic, cands),
    recurring: isRecurring(flatTitle) || isRecurring(firstSentence),
    ...(local.local.length ? { local: local.local } : {}),
    ...(nth ? { nth } : {}),
  };
}
