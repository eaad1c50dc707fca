// When the event happened, read from the lede against the publication day: "أمس" is the day
// before, "فجر اليوم" the day itself, "مساء الجمعة" the last Friday on or before publication, a
// date in the text ("3 حزيران") that day. The first of these in the title and lede wins: news
// dates the event in its first sentence. Without any, the publication day stands in. A dateline
// ("13 Oct 2016 …", "AFP Wednesday 15 Jul 2015") dates the report, not the event, and is passed
// over. The other days the lede names are kept too (`days`): a report that opens on a photo
// caption or on yesterday's background still names its own day somewhere.
import { normalize, toAsciiDigits } from '../arabic';
import { parseArabicDate } from '../arabic/dates';
import { dayNumber } from './day';
import { matchesAt, wordPattern, type Candidates, type WordPattern } from './vocabulary';
import { alsoSentences, earlierIncidentSentences } from './also-sentences';
import { englishDates } from './english-dates';
import { pageDate, pageWeekday } from './page-stamps';
import { LAST_NIGHT, nightWeekday, WEEKDAYS_AR } from './nights';
import { relativeClauses, type RelativeClause } from './relative-clauses';
import type { EventWhen } from './types';

const DAY_MS = 86_400_000;
/** A date in the text further than this before publication is history, not the event. */
const MAX_BACK_DAYS = 7;

const NOT_AR = '(?<![\\u0621-\\u064A])';
const END = '(?![\\u0621-\\u064A])';
const WEEKDAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface Cue {
  at: number;
  raw: string;
  /** Days before publication. */
  back: number | null;
  /** Or an absolute day. */
  day?: number;
  from: EventWhen['from'];
  /** The day something was said ("said on Sunday"): the event's only when the text names no other. */
  said?: boolean;
}

// Each with words one of which any match holds: a text without them is not searched (the
// patterns' lookbehinds make a search cost a try at every character). The Arabic ones are read at
// the words that may start them where the signature knows them (vocabulary.ts wordPattern).
interface Relative {
  re: RegExp;
  back: number;
  words: string[];
  w?: WordPattern;
}
const arabicRelative = (re: RegExp, back: number, words: string[], first: string): Relative => ({ re, back, words, w: wordPattern(re, first) });
const RELATIVE: Relative[] = [
  // "أمس الأول" is the day before yesterday too, as "أول أمس" is: not yesterday and a word after it.
  arabicRelative(new RegExp(`${NOT_AR}(?:اول\\s+(?:من\\s+)?امس|(?:ب|و)?امس\\s+الاول|قبل\\s+يومين)${END}`, 'g'), 2, ['امس', 'يومين'], 'اول|(?:ب|و)?امس|قبل'),
  arabicRelative(new RegExp(`${NOT_AR}(?:ب|و)?(?:امس|البارحه|مساء\\s+امس|ليل\\s+امس)${END}(?!\\s+الاول${END})`, 'g'), 1, ['امس', 'البارحه'], '(?:ب|و)?(?:امس|البارحه|مساء|ليل)'),
  LAST_NIGHT,
  // The spaces belong to the time of day before them: "\\s*اليوم" alone would start a try at every
  // space of a long run and scan the run each time (quadratic on a page of spaces).
  arabicRelative(new RegExp(`${NOT_AR}(?:(?:فجر|صباح|ظهر|عصر|مساء|ليل|ظهيره|خلال|منذ\\s+صباح)\\s*)?اليوم${END}(?!\\s+(?:امس|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت))`, 'g'), 0, ['اليوم'], 'فجر|صباح|ظهر|عصر|مساء|ليل|ظهيره|خلال|منذ|اليوم'),
  { re: /\b(?:the day before yesterday)\b/g, back: 2, words: ['yesterday'] },
  { re: /\b(?:yesterday|last night)\b/g, back: 1, words: ['yesterday', 'last night'] },
  { re: /\b(?:today|this morning|tonight|earlier today)\b/g, back: 0, words: ['today', 'this morning', 'tonight'] },
];
/** What every match of WEEKDAY_AR holds (a weekday's name without its article), of WEEKDAY_EN. */
const WEEKDAY_AR_WORDS = WEEKDAYS_AR.map((w) => w.slice(2));
const WEEKDAY_EN_WORD = 'day';
const holds = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

const WEEKDAY_AR = wordPattern(
  new RegExp(`${NOT_AR}(?:يوم|فجر|صباح|ظهر|مساء|ليل|ليله)\\s+(?:ال)?(${WEEKDAY_AR_WORDS.join('|')})${END}|${NOT_AR}(${WEEKDAYS_AR.join('|')})${END}`, 'g'),
  ['يوم', 'فجر', 'صباح', 'ظهر', 'مساء', 'ليل', 'ليله', ...WEEKDAYS_AR].join('|'),
);
/** An Arabic pattern's matches in `text`: at its candidate starts when there are candidates (text is theirs). */
const matchesOf = (w: WordPattern, text: string, c: Candidates | null, words: readonly string[]) => (c ? matchesAt(w, c, text, 0) : holds(text, words) ? text.matchAll(w.re) : []);
// "on Monday", "killed Thursday"; not a weekday followed by a date ("Wednesday 15 Jul 2015": a dateline).
// "Saturday's blast" (FA-KES wrote "Saturdays blast"): the possessive names the event's day.
const WEEKDAY_EN = new RegExp(`\\b(${WEEKDAYS_EN.join('|')})(?:['’]?s)?\\b(?!,?\\s+\\d)`, 'g');

/**
 * A weekday that names a date ("يوم الجمعة 6 حزيران": the date is read on its own) or a day to
 * come ("اعتباراً من يوم الجمعة", "حتى الإثنين", "ستبدأ الجمعة", "next Friday", "will … on
 * Friday") is not a day gone by: read backwards from publication it would date an announcement of
 * the holiday's closures to the Friday before.
 */
// Verbs after the future's س (not سيارة, سيطرة: a listed verb, not any word in سي/ست).
const FUTURE_VERBS = ['يتم', 'تتم', 'يبدا', 'تبدا', 'يكون', 'تكون', 'يستمر', 'تستمر', 'يعقد', 'تعقد', 'يعمل', 'تعمل', 'يغلق', 'تغلق', 'يفتح', 'تفتح', 'ينطلق', 'تنطلق', 'يعود', 'تعود', 'يقام', 'تقام', 'يتوقف', 'تتوقف', 'يصل', 'تصل', 'يزور', 'تزور', 'يجري', 'تجري', 'يصدر', 'تصدر'].join('|');
const FUTURE_BEFORE_AR = new RegExp(`${NOT_AR}(?:اعتبارا|ابتداء|بدءا|حتي|لغايه|س(?:${FUTURE_VERBS}))${END}[^.،\\n]{0,20}$`);
const FUTURE_AFTER_AR = /^\s*(?:ال)?(?:مقبل|قادم|مقبله|قادمه|\d)/;
const FUTURE_BEFORE_EN = /\b(?:next|until|from|starting|will(?:\s+\w+){0,4}?\s+on|coming)\s+$/;
// "said on Sunday", and where it was said between: "said in a statement on Thursday", "told
// reporters on Monday", "said in a statement released on Friday" (UNICEF's count of the children
// two days after the attack; the report's "On Tuesday …" is the attack's day).
const SAID_EN = /\b(?:said|says|told\s+[a-z]+|reported|announced|added|stated|confirmed|reports|met)(?:\s+(?:in|to)\s+(?:(?:a|an|the|its|their)\s+)?[a-z]+(?:\s+(?:released|issued|published|posted))?)?\s+(?:late\s+|early\s+)?(?:on\s+)?$/;
const FUTURE_AFTER_EN = /^\s*(?:next|,?\s*\d)/;
// "وقال المرصد السوري، يوم الأربعاء، إن …", "أفادت وزارة الصحة الخميس": the day it was said, by a
// verb of saying a few words before the weekday, with no "إن/أن" (what was said) between them.
const SAID_AR = /(?:^|[^\u0621-\u064A])و?(?:قال|قالت|افاد|افادت|اعلن|اعلنت|ذكر|ذكرت|اكد|اكدت|اوضح|اوضحت|صرح|صرحت|اضاف|اضافت|نقل|نقلت|ابلغ|ابلغت)(?![\u0621-\u064A])(?:(?![^\u0621-\u064A](?:ان|انه|بان)(?![\u0621-\u064A]))[^.\n؟!:؛]){0,45}$/;

function ahead(text: string, at: number, end: number, arabic: boolean): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(end, end + 12);
  return arabic ? FUTURE_BEFORE_AR.test(before) || FUTURE_AFTER_AR.test(after) : FUTURE_BEFORE_EN.test(before) || FUTURE_AFTER_EN.test(after);
}

// A photo caption inside the lede, closed by its credit: "A boy who was injured … on Saturday sits
// inside a tent … (File photo) (TRT World and Agencies)", "… (صورة تعبيرية)", "(أرشيف)",
// "(تصوير: …)". The days it names are the photo's (often the background event's), not the report's.
const CREDIT = /\((?:[^()\n]{0,40}?\b)?(?:photos?|picture|image|file|archive|agencies)\b[^()\n]{0,40}\)|\([^()\n]{0,30}?(?:صور[ةه]|تصوير|[اأ]رشيف|[اإ]نترنت|تعبيري[ةه])[^()\n]{0,30}\)/gi;
/** How far back a caption may start before its credit, at most. */
const CAPTION_CHARS = 320;

/** The caption spans of `s` (from the sentence's start to its credit's end), in `s`'s offsets. */
function captions(s: string): Array<[number, number]> {
  if (!s.includes('(')) return [];
  const out: Array<[number, number]> = [];
  for (const m of s.matchAll(CREDIT)) {
    const from = Math.max(0, m.index! - CAPTION_CHARS);
    // A caption that ends on its own full stop before the credit ("… Syria April 27 2017. (TRT
    // World and Agencies)") is that sentence: the stop that closes it does not start it.
    const before = s.slice(from, m.index!).replace(/[.؟?]\s*$/, '');
    // The sentence the credit closes starts after the last full stop, question mark or line
    // break before it (the credit of a caption that is a sentence of its own).
    const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('؟'));
    out.push([stop < 0 ? from : from + stop + 1, m.index! + m[0].length]);
  }
  return out;
}
const inSpans = (at: number, spans: ReadonlyArray<[number, number]>) => spans.some(([a, b]) => at >= a && at < b);

function weekdayBack(pubDay: number, weekday: number): number {
  const pubWeekday = new Date(pubDay * DAY_MS).getUTCDay();
  return (pubWeekday - weekday + 7) % 7;
}

// "اليوم الإثنين", "صباح اليوم الأربعاء", "اليوم، الخميس": today named with its weekday. It is today,
// as bare "اليوم" is: the report's own day, never only the day something was said ("أعلنت الهيئة
// اليوم الاثنين", "وقال المبعوث في منشور اليوم الإثنين" tell the announcement the report is about,
// not a toll said on a later day), and the words kept say "today" (pair-features.ts excuses today
// from dating an event after the other's publication). Read as a bare weekday after a verb of
// saying, a background "وأمس الأحد" in a later paragraph took its place (events21).
const TODAY_BEFORE = /(?:^|[^\u0621-\u064A])(اليوم)[،,]?\s*$/;

/** `at`: the publication day and year, and where the lede starts in `raw` (after the title and its line break). */
function cues(text: string, raw: string, c: Candidates | null, { pubDay, year, ledeAt }: { pubDay: number | null; year: number | undefined; ledeAt: number }): Cue[] {
  const out: Cue[] = [];
  for (const { re, back, words, w } of RELATIVE) {
    for (const m of w ? matchesOf(w, text, c, words) : holds(text, words) ? text.matchAll(re) : []) out.push({ at: m.index!, raw: m[0].trim(), back, from: 'relative' });
  }
  if (pubDay !== null) {
    for (const m of matchesOf(WEEKDAY_AR, text, c, WEEKDAY_AR_WORDS)) {
      const name = m[1] ? `ال${m[1]}` : m[2]!;
      const k = nightWeekday(text, m[0], m.index! + m[0].length, WEEKDAYS_AR.indexOf(name));
      if (ahead(text, m.index!, m.index! + m[0].length, true)) continue;
      // The page's stamp ("تاريخ النشر: الخميس"), or the weekday of a date after it across a comma.
      if (pageWeekday(text, m.index!, m.index! + m[0].length)) continue;
      if (k < 0) continue;
      const back = weekdayBack(pubDay, k);
      const today = TODAY_BEFORE.exec(text.slice(Math.max(0, m.index! - 8), m.index!));
      if (today) {
        // The weekday says which day the outlet's today was (a report of "اليوم الاثنين" filed on
        // Tuesday); one further back is a slip, and today stands.
        out.push({ at: m.index!, raw: `اليوم ${m[0].trim()}`, back: back <= 1 ? back : 0, from: 'relative' });
        continue;
      }
      // "قال المرصد يوم الأربعاء": the day the toll was told, the event's only when no other day is.
      const said = SAID_AR.test(text.slice(Math.max(0, m.index! - 50), m.index!));
      out.push({ at: m.index!, raw: m[0].trim(), back, from: 'relative', ...(said ? { said } : {}) });
    }
  }
  if (pubDay !== null && text.includes(WEEKDAY_EN_WORD)) {
    for (const m of text.matchAll(WEEKDAY_EN)) {
      const k = WEEKDAYS_EN.indexOf(m[1]!);
      if (ahead(text, m.index!, m.index! + m[0].length, false)) continue;
      // "a monitor said on Sunday": the day the toll was told, the event's only when no other day is.
      const said = SAID_EN.test(text.slice(Math.max(0, m.index! - 30), m.index!));
      out.push({ at: m.index!, raw: m[0].trim(), back: weekdayBack(pubDay, k), from: 'relative', ...(said ? { said } : {}) });
    }
  }
  // Dates written in the text (as written: normalising would fold "آب" into another word), each
  // sentence piece on its own (parseArabicDate finds the first). Offsets are close enough to order.
  for (const { at, p } of digitPieces(raw)) {
    const d = parseArabicDate(p, year ? { year } : {});
    if (d && d.precision !== 'month') {
      const day = dayNumber(d.value);
      const dateAt = at + Math.max(0, p.indexOf(d.raw));
      // The page's publishing or updating stamp, or a caption's date (page-stamps.ts): not the event's.
      if (day !== null && !pageDate(raw, dateAt, d.raw, ledeAt)) out.push({ at: dateAt, raw: d.raw, back: null, day, from: 'text' });
    }
  }
  for (const c of englishDates(raw, pubDay, year)) out.push(c);
  // A caption's days are dropped: the weekdays and "yesterday" are read in `text`, the dates in `raw`.
  const inText = captions(text);
  const inRaw = captions(raw);
  return out.filter((c) => !inSpans(c.at, c.day === undefined ? inText : inRaw)).sort((a, b) => a.at - b.at);
}

/** A date this close to the lede's start, on the publication day, is the report's dateline. */
const DATELINE_CHARS = 60;
/** At most this many days are kept besides the event's. */
const MAX_DAYS = 6;

/** The event's day from the title and lede, against the publication day. */
/** `c`: the candidates (vocabulary.ts candidatesIn) of `${title}\n${lede}`, when there are. */
export function eventWhen(title: string, lede: string, publishedAt: string | null, cands: Candidates | null = null): EventWhen {
  const pub = publishedAt ? dayNumber(publishedAt) : null;
  const year = publishedAt ? Number(publishedAt.slice(0, 4)) || undefined : undefined;
  const raw = toAsciiDigits(`${title}\n${lede}`);
  const ledeAt = title.length + 1;
  let first: EventWhen | null = null;
  let saidDay: EventWhen | null = null;
  const days = new Set<number>();
  // normalize(raw) is the candidates' text: normalising folds the digits toAsciiDigits folds.
  const text = cands ? cands.flat : normalize(raw);
  const textLedeAt = cands ? cands.at[ledeAt] ?? ledeAt : ledeAt;
  const background = alsoSentences(text, textLedeAt);
  const earlier = { text: earlierIncidentSentences(text, textLedeAt), raw: earlierIncidentSentences(raw, ledeAt) }; // an earlier or answered incident's sentences (earlier-incidents.ts): no day of the event once it is dated
  const all = cues(text, raw, cands, { pubDay: pub, year, ledeAt });
  const behind = backgroundClauses(all, relativeClauses(text, textLedeAt), relativeClauses(raw, ledeAt), pub);
  for (const c of all) {
    if (first && inSpans(c.at, c.day === undefined ? earlier.text : earlier.raw)) continue;
    let found: EventWhen;
    if (c.day !== undefined) {
      // A date after publication, or long before it, is not the day of the event told.
      if (pub !== null && (c.day > pub + 1 || c.day < pub - MAX_BACK_DAYS)) continue;
      if (pub !== null && c.at >= ledeAt && c.at < ledeAt + DATELINE_CHARS && (c.day === pub || c.day === pub - 1) && !first) continue;
      found = { day: c.day, from: 'text', raw: c.raw };
    } else {
      if (pub === null || c.back === null) continue;
      found = { day: pub - c.back, from: 'relative', raw: c.raw };
    }
    if (c.said) {
      saidDay ??= found;
      continue;
    }
    if (inSpans(c.at, background) || inSpans(c.at, c.day === undefined ? behind.text : behind.raw)) {
      if (days.size < MAX_DAYS) days.add(found.day!);
      continue;
    }
    if (!first) first = found;
    else if (found.day !== first.day && days.size < MAX_DAYS) days.add(found.day!);
  }
  // Only the day something was said: the event's day as far as the report tells, not told as the event's.
  first ??= saidDay && { ...saidDay, from: 'said' };
  if (!first) {
    if (pub === null) return { day: null, from: 'unknown' };
    first = { day: pub, from: 'publication' };
  }
  // A background sentence's day read before a later sentence's own: not the event's day twice.
  days.delete(first.day!);
  return days.size ? { ...first, days: [...days] } : first;
}

/** A cue's day, or null where eventWhen passes it over (a date after publication or long before it). */
function cueDay(c: Cue, pub: number | null): number | null {
  if (c.day !== undefined) return pub !== null && (c.day > pub + 1 || c.day < pub - MAX_BACK_DAYS) ? null : c.day;
  return pub === null || c.back === null ? null : pub - c.back;
}

// The relative clauses (relative-clauses.ts; in the normalised text and the raw one, as the cues
// are) whose day is the background's: their sentence names a later day after them, not in another
// clause and not only the day something was said.
function backgroundClauses(cs: Cue[], inText: RelativeClause[], inRaw: RelativeClause[], pub: number | null) {
  const passed = (clauses: RelativeClause[], own: (c: Cue) => boolean): Array<[number, number]> =>
    clauses
      .filter(({ span: [a, b], sentenceEnd }) => {
        const first = cs.find((c) => own(c) && c.at >= a && c.at < b && cueDay(c, pub) !== null);
        const later = cs.find((c) => c.at >= b && c.at < sentenceEnd && !c.said && !clauses.some(({ span }) => inSpans(c.at, [span])) && cueDay(c, pub) !== null);
        return !!first && !!later && cueDay(later, pub)! > cueDay(first, pub)!;
      })
      .map(({ span }) => span);
  return { text: passed(inText, (c) => c.day === undefined), raw: passed(inRaw, (c) => c.day !== undefined) };
}

/** Every day a report names for its event: the event's day first, then the others its lede names. */
export function daysOf(when: EventWhen): number[] {
  return when.day === null ? [] : [when.day, ...(when.days ?? [])];
}

const DIGIT = /[0-9]/g;
// The characters a piece ends after: . ، , ؛ ; and the line break.
const isPieceEnd = (c: number) => c === 0x2e || c === 0x60c || c === 0x2c || c === 0x61b || c === 0x3b || c === 0x0a;

/**
 * The pieces of raw.split(/(?<=[.،,؛;\n])/) — raw cut after each full stop, comma, semicolon or
 * line break, but not after its last character — that hold a digit (only those can hold a date),
 * each with where it starts: found from the digits, without a lookbehind tried at every character
 * nor the pieces without a digit made.
 */
function digitPieces(raw: string): Array<{ at: number; p: string }> {
  const out: Array<{ at: number; p: string }> = [];
  const n = raw.length;
  DIGIT.lastIndex = 0;
  for (let m = DIGIT.exec(raw); m; m = DIGIT.exec(raw)) {
    let start = m.index;
    while (start > 0 && !isPieceEnd(raw.charCodeAt(start - 1))) start--;
    let last = m.index;
    while (last < n - 1 && !isPieceEnd(raw.charCodeAt(last))) last++;
    const end = last < n - 1 ? last + 1 : n;
    out.push({ at: start, p: raw.slice(start, end) });
    DIGIT.lastIndex = end;
  }
  return out;
}
