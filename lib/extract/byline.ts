// A byline/date block — a writer span and a date span, "كتب: فلان | 28 أيار 2025", "By X ·
// 2025-05-28 14:30" — is the article's metadata, never its body. Read from a block's text, so that
// HTML bodies and saved page texts are treated alike.
import { parseArabicDate, parseRelativeAge, type ParsedDate } from '../arabic/dates';
import { toAsciiDigits } from '../arabic/digits';

/** Words that label a byline's parts: who wrote it, when it was published or updated. */
const WRITER = '(?:كتب(?:ه|ها|ت)?|بقلم|الكاتب(?:ة)?|كاتب(?:ة)?|المحرر|تحرير|إعداد|اعداد|إعداد\\s+وتحرير|مراسل(?:ة)?|By|Author|Written\\s+by|Reporter)';
const WHEN = '(?:نشر(?:ت)?(?:\\s+في|\\s+بتاريخ)?|نُشر(?:\\s+في)?|تاريخ\\s+النشر|آخر\\s+تحديث|اخر\\s+تحديث|تم\\s+التحديث|التاريخ|تحديث|Published(?:\\s+on)?|Updated|Posted(?:\\s+on)?|Date)';
const WRITER_LINE = new RegExp(`^${WRITER}\\s*[:：]?\\s*(.{2,60})$`, 'i');
const LABELS = new RegExp(`(?:^|\\s)(?:${WRITER}|${WHEN})\\s*[:：]?`, 'gi');
const WEEKDAYS = /(?:ال)?(?:سبت|أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)|(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day/gi;
/** "بتوقيت دمشق", "GMT+3", "ص"/"م", separators and the clock sign pages put between the parts. */
const NOISE = /بتوقيت\s+\S+|GMT[+-]?\d*|UTC[+-]?\d*|(?<=\s|^)[صم](?=\s|$)|[|•·،,:\-–—/()[\]🕒⏰]/gu;

/** At most this many words besides the labels and the date: a name, a place. */
const MAX_OTHER_WORDS = 4;
const MAX_LINE = 120;

export interface Byline {
  author: string | null;
  date: ParsedDate | null;
}

function otherWords(line: string, date: ParsedDate | null): string[] {
  let rest = toAsciiDigits(line);
  if (date) rest = rest.replace(date.raw, ' ');
  rest = rest.replace(/(?:منذ|قبل)\s+(?:\d+\s+)?\S+(?:\s+و?\S+)?/, ' ').replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ' ');
  return rest.replace(LABELS, ' ').replace(WEEKDAYS, ' ').replace(NOISE, ' ').split(/\s+/).filter(Boolean);
}

/**
 * The block as a byline, or null when it is body text. `labelled` bylines ("كتب:", "نشر في")
 * are read anywhere; an unlabelled name-and-date block only before the body has begun
 * (`beforeBody`), where a short line with a date is not a sentence of the story.
 */
export function readByline(line: string, beforeBody: boolean): Byline | null {
  if (line.length > MAX_LINE) return null;
  const writer = WRITER_LINE.exec(line.trim());
  const date = parseArabicDate(line);
  const labelled = LABELS.test(line);
  LABELS.lastIndex = 0;
  if (!date) {
    // "كتب: فلان" alone, or a name with a relative age ("فلان · منذ 3 ساعات").
    if (writer && !/[.!؟?]$/.test(line) && writer[1]!.split(/\s+/).length <= MAX_OTHER_WORDS + 2) return { author: cleanName(writer[1]!), date: null };
    // A time with a label ("آخر تحديث: 16:21 (بيروت)") or a relative age before the body: metadata without a date.
    const timeOnly = /\d{1,2}:\d{2}/.test(toAsciiDigits(line)) && new RegExp(`(?:^|\\s)${WHEN}`, 'i').test(line);
    if ((timeOnly || (beforeBody && parseRelativeAge(line))) && otherWords(line, null).length <= MAX_OTHER_WORDS) return { author: null, date: null };
    return null;
  }
  const rest = otherWords(line, date);
  if (rest.length > MAX_OTHER_WORDS) return null;
  if (!labelled && !beforeBody) return null;
  const author = writer ? cleanName(writer[1]!) : null;
  return { author, date };
}

/** The writer's name without the date, labels and separators that followed it on the line. */
function cleanName(s: string): string | null {
  const d = parseArabicDate(s);
  let name = toAsciiDigits(s);
  if (d) name = name.slice(0, name.indexOf(d.raw) >= 0 ? name.indexOf(d.raw) : name.length);
  name = trimSeparators(name.split(new RegExp(`\\s(?:${WHEN})\\b|[|•·]`, 'i'))[0]!.replace(WEEKDAYS, ' '));
  return name.length >= 2 ? name : null;
}

/** Separators and spaces off the end, without a regex anchored at the end (linear on any input). */
function trimSeparators(s: string): string {
  let end = s.length;
  while (end > 0 && /[\s،,:\-–—]/.test(s[end - 1]!)) end--;
  return s.slice(0, end).trim();
}
