// Dates and weekdays in a lede that date the page, not the event (when.ts passes them over):
// the page's own words of publishing ("منشور الخميس 5 ديسمبر 2024", "تاريخ النشر: الخميس، 24
// نوفمبر 2022", "آخر تحديث: …", "Published on …"), a date with a clock time at once after it
// ("21 نوفمبر, 2022 06:30 مساءً", "الجمعة 09 أكتوبر 2020 - 04:41"), a photo caption's date closing
// its own line ("جنود بالجيش السوري، 2 ديسمبر 2024"), and a weekday that names the date after it
// across a comma ("الأربعاء، 30 أبريل 2025": that date's weekday, not a day gone by to count back).
// Read on the real Arabic leads of many outlets (bench/EVENTS.md, arabday-s22): pages put these
// lines between the headline and the lede, and read as the event's day they set partners of one
// event a day or three apart ("told after the other's publication", "two days told"). A page's
// line that is only a date is page-dates.ts's (arabread-s21), not this file's.
import { normalize } from '../arabic';

// Normalised (normalize(): ا for أ/إ, ه for ة, ي for ى; diacritics dropped, "،" as ",").
const WEEKDAY = '(?:يوم\\s+)?(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)';
// A word of the page's publishing or updating, then at most a preposition, a colon, a weekday.
// One run of spaces and marks between the parts, never two runs side by side (two would try every
// split of a long run of spaces: tests/unit/hostile/regex-budget.test.ts).
const PUBLISHED_AR = new RegExp(`(?:^|[^\\u0621-\\u064A])(?:منشور|نشر|النشر|تحديث|التحديث|محدث)(?:\\s+(?:في|بتاريخ|يوم))?[\\s:|,\\-]*(?:${WEEKDAY}[\\s,\\-]*)?$`);
const PUBLISHED_EN = /\b(?:published|updated|posted)(?:\s+(?:on|at))?[\s:]*(?:(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)[\s,]*)?$/i;
/** How far before a date or weekday the page's words are read. */
const BEFORE_CHARS = 36;

// A clock time at once after the date: "، 2022 06:30", " - 04:41", " | 14:40" — not "الساعة 10:30"
// of a sentence, which a word stands between.
const CLOCK_AFTER = /^[\s,،\-–|]*(?:\d{4}[\s\-–|,،]*)?\d{1,2}:\d{2}(?!\d)/;
/** The same, read by the date parser with the date ("09 أكتوبر 2020 - 04:41"): the year's digit, then the clock. */
const CLOCK_END = /\d{4}[\s\-–|,،]*\d{1,2}:\d{2}$/;

// Month names as normalize() writes them, for a weekday's date across a comma.
const MONTH = '(?:كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين|يناير|فبراير|مارس|ابريل|مايو|ماي|يونيو|يونيه|يوليو|يوليه|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر)(?![\\u0621-\\u064A])';
const DATE_AFTER_COMMA = new RegExp(`^\\s*,\\s*\\d{1,2}\\s*(?:(?:من\\s+)?${MONTH}|[/.\\-]\\s*\\d{1,2}\\s*[/.\\-]\\s*\\d{4})`);

/** The page's words of publishing just before `at`, on its own line. */
function publishedBefore(s: string, at: number): boolean {
  const before = s.slice(Math.max(0, at - BEFORE_CHARS), at);
  const own = before.slice(before.lastIndexOf('\n') + 1);
  return PUBLISHED_AR.test(normalize(own)) || PUBLISHED_EN.test(own);
}

// A caption's line: short, no full stop or question ending a sentence in it, ending on the date
// (and a credit in parentheses). The title is never one.
const CAPTION_LINE = 120;
/** A line this short holding a date at its end is a byline's or a site's, whatever stands before the date. */
const BYLINE_LINE = 40;
const CAPTION_TAIL = /^\s*(?:\([^()\n]{1,60}\)\s*)?$/;

function captionDate(raw: string, at: number, end: number, ledeAt: number): boolean {
  if (at < ledeAt) return false;
  const start = raw.lastIndexOf('\n', at - 1) + 1;
  const nl = raw.indexOf('\n', end);
  const stop = nl < 0 ? raw.length : nl;
  if (stop - start > CAPTION_LINE || !CAPTION_TAIL.test(raw.slice(end, stop))) return false;
  const head = raw.slice(start, at);
  // After a comma or a dash ("جنود بالجيش السوري، 2 ديسمبر 2024"), or a name alone before it on a
  // short line (a site's or a byline's: "المنار 30-04-2025").
  const after = /[،,\-–]$/.test(head.trimEnd()) || stop - start <= BYLINE_LINE;
  return /[\u0621-\u064A]{2}/.test(head) && after && !/[.!?؟]\s/.test(head);
}

/**
 * Whether the date `dateRaw` at `at` of `raw` (as written; `raw` the title, a line break and the lede,
 * its digits ASCII) dates the page, not the event: after the page's words of publishing, with a
 * clock time at once after it, or a caption's date closing its line (`ledeAt`: where the lede
 * starts; the title is never a caption).
 */
export function pageDate(raw: string, at: number, dateRaw: string, ledeAt: number): boolean {
  const end = at + dateRaw.length;
  return publishedBefore(raw, at) || CLOCK_END.test(dateRaw) || CLOCK_AFTER.test(raw.slice(end, end + 24)) || captionDate(raw, at, end, ledeAt);
}

/**
 * Whether the weekday at `text.slice(at, end)` (normalised text) dates the page or names a date:
 * after the page's words of publishing, or followed across a comma by a date ("الأربعاء، 30
 * أبريل") — the weekday of that date, which when.ts reads on its own, not a day to count back.
 */
export function pageWeekday(text: string, at: number, end: number): boolean {
  return publishedBefore(text, at) || DATE_AFTER_COMMA.test(text.slice(end, end + 24));
}
