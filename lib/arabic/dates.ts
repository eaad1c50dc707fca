import { stripInvisible } from './invisible';
import { toAsciiDigits } from './digits';

// Egyptian (يناير…) and Levantine (كانون الثاني…) month names, plus common variant spellings.
// Longer names come first inside each alternative so that "آب" never eats the start of "آذار".
const MONTHS: Array<[string, number]> = [
  ['كانون\\s*الثاني|يناير|جانفي', 1],
  ['شباط|فبراير|فيفري', 2],
  ['آذار|أذار|اذار|مارس', 3],
  ['نيسان|أبريل|ابريل|إبريل', 4],
  ['أيار|ايار|مايو|ماي', 5],
  ['حزيران|يونيو|يونيه|جوان', 6],
  ['تموز|يوليو|يوليه|جويلية', 7],
  ['أغسطس|اغسطس|آب|أوت', 8],
  ['أيلول|ايلول|سبتمبر', 9],
  ['تشرين\\s*الأول|تشرين\\s*الاول|أكتوبر|اكتوبر', 10],
  ['تشرين\\s*الثاني|نوفمبر', 11],
  ['كانون\\s*الأول|كانون\\s*الاول|ديسمبر', 12],
];
const MONTH_RES = MONTHS.map(([src, n]) => [new RegExp(`^(?:${src})$`), n] as const);
// Arabic letters do not count as \b boundaries in JS, so word edges are spelled out: letters
// and the marks on them, not the Arabic comma or semicolon ("في 23 تموز، قصفت" is a date).
const LETTER = '[\\u0621-\\u064A\\u066E-\\u06D3A-Za-z]|[\\u064B-\\u065F\\u0670]';
const NOT_LETTER = `(?<!${LETTER})`;
const END = `(?!${LETTER})`;
const MONTH = `(?:${MONTHS.map(([s]) => s).join('|')})${END}`;
// "29 أيار/مايو", "مارس/آذار", "أيار (مايو)": a second name for the same month.
const ALSO = `(?:\\s*(?:/|\\(|-)\\s*${MONTH}\\s*\\)?)?`;
const TIME = '(?:\\s*(?:\\||،|,|-|–|الساعة|في)?\\s*(\\d{1,2}):(\\d{2})(?!\\d))?';

// "25 تشرين الأول عام 2014": the year may follow "عام" or "سنة".
const YEAR = '\\s*(?:،|,)?\\s*(?:(?:عام|سنة)\\s+)?(\\d{4})(?!\\d)';
const NAMED = new RegExp(`${NOT_LETTER}(?<!\\d)(\\d{1,2})\\s*(${MONTH})${ALSO}${YEAR}${TIME}`);
const MONTH_YEAR = new RegExp(`${NOT_LETTER}(${MONTH})${ALSO}${YEAR}`);
const DAY_MONTH = new RegExp(`${NOT_LETTER}(?<!\\d)(\\d{1,2})\\s*(${MONTH})${ALSO}`);
const NUMERIC = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/;
const NUMERIC_TIME = new RegExp(`^${TIME}`);
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/;
const WAYBACK_TS = /^\d{14}$/;

function monthOf(name: string): number | null {
  const flat = name.replace(/\s+/g, ' ');
  for (const [r, n] of MONTH_RES) if (r.test(flat)) return n;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
}

export interface ParsedDate {
  /** YYYY-MM-DDTHH:mm, YYYY-MM-DD or YYYY-MM, per precision. */
  value: string;
  precision: 'minute' | 'day' | 'month';
  /** The text the date was read from. */
  raw: string;
}

export interface DateOptions {
  /** Year to assume for a day and month written without one ("29 أيار/مايو"). */
  year?: number;
}

function withTime(day: string, raw: string, hh?: string, mm?: string): ParsedDate {
  if (hh !== undefined && mm !== undefined && +hh < 24 && +mm < 60) {
    return { value: `${day}T${pad(+hh)}:${mm}`, precision: 'minute', raw };
  }
  return { value: day, precision: 'day', raw };
}

/**
 * ISO dates as written in meta tags. The wall-clock time is kept as the outlet wrote it, zone
 * dropped: a report's day is the day in the outlet's own time zone, which UTC could shift.
 */
function parseIso(t: string): ParsedDate | null {
  const iso = ISO.exec(t);
  if (!iso) return null;
  const [raw, y, m, d, hh, mm] = iso;
  if (!valid(+y!, +m!, +d!)) return null;
  return withTime(`${y}-${m}-${d}`, raw, hh, mm);
}

/**
 * The first date written in the text, in any of the forms the outlets use: ISO, "٢٢ أكتوبر ٢٠١٧",
 * "18 حزيران 2025", "29 أيار/مايو 2017", "الإثنين 19 / 2 / 2018 | 05:45", "25-4-2017" (day first),
 * "أيار 2025" (month precision), and, given opts.year, "29 أيار/مايو".
 */
export function parseArabicDate(text: string, opts: DateOptions = {}): ParsedDate | null {
  // Tatweel, diacritics ("تشرين الأولّ") and invisible characters (a bidi mark between day and
  // month) say nothing of the date.
  const t = stripInvisible(toAsciiDigits(text)).replace(/\u0640|[\u064B-\u065F]|\u0670/g, '');
  if (WAYBACK_TS.test(t.trim())) return null; // 14 bare digits are an archive timestamp, see timestampToIso
  const iso = parseIso(t);
  if (iso) return iso;
  const named = NAMED.exec(t);
  if (named) {
    const m = monthOf(named[2]!);
    const [d, y] = [+named[1]!, +named[3]!];
    if (m && valid(y, m, d)) return withTime(`${y}-${pad(m)}-${pad(d)}`, named[0].trim(), named[4], named[5]);
  }
  const num = NUMERIC.exec(t);
  if (num) {
    const [d, m, y] = [+num[1]!, +num[3]!, +num[4]!];
    if (valid(y, m, d)) {
      const time = NUMERIC_TIME.exec(t.slice(num.index + num[0].length));
      return withTime(`${y}-${pad(m)}-${pad(d)}`, (num[0] + (time?.[0] ?? '')).trim(), time?.[1], time?.[2]);
    }
  }
  const my = MONTH_YEAR.exec(t);
  if (my) {
    const m = monthOf(my[1]!);
    const y = +my[2]!;
    if (m && valid(y, m, 1)) return { value: `${y}-${pad(m)}`, precision: 'month', raw: my[0].trim() };
  }
  if (opts.year !== undefined) {
    const dm = DAY_MONTH.exec(t);
    const m = dm ? monthOf(dm[2]!) : null;
    if (dm && m && valid(opts.year, m, +dm[1]!)) return { value: `${opts.year}-${pad(m)}-${pad(+dm[1]!)}`, precision: 'day', raw: dm[0].trim() };
  }
  return null;
}

/** A Wayback timestamp (4 to 14 digits, yyyyMMddhhmmss) as an ISO UTC time. */
export function timestampToIso(ts: string): string {
  const p = ts.padEnd(14, '0');
  const month = p.slice(4, 6) === '00' ? '01' : p.slice(4, 6);
  const day = p.slice(6, 8) === '00' ? '01' : p.slice(6, 8);
  return `${p.slice(0, 4)}-${month}-${day}T${p.slice(8, 10)}:${p.slice(10, 12)}:${p.slice(12, 14)}Z`;
}

// Relative ages as the outlets print them: "منذ 8 سنوات 5 أشهر", "منذ سنة", "منذ سنتين", "قبل 3 أيام".
const UNITS: Array<[RegExp, 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute', number]> = [
  [/^(?:سنة|سنوات|سنين|عام|أعوام|اعوام|عاما)$/, 'year', 1],
  [/^(?:سنتين|سنتان|عامين|عامان)$/, 'year', 2],
  [/^(?:شهر|أشهر|اشهر|شهور|شهرا)$/, 'month', 1],
  [/^(?:شهرين|شهران)$/, 'month', 2],
  [/^(?:أسبوع|اسبوع|أسابيع|اسابيع)$/, 'week', 1],
  [/^(?:أسبوعين|اسبوعين|أسبوعان)$/, 'week', 2],
  [/^(?:يوم|أيام|ايام|يوما)$/, 'day', 1],
  [/^(?:يومين|يومان)$/, 'day', 2],
  [/^(?:ساعة|ساعات)$/, 'hour', 1],
  [/^(?:ساعتين|ساعتان)$/, 'hour', 2],
  [/^(?:دقيقة|دقائق)$/, 'minute', 1],
  [/^(?:دقيقتين|دقيقتان)$/, 'minute', 2],
];
const RELATIVE = /(?:منذ|قبل)\s+((?:(?:\d+\s+)?(?:[\u0621-\u064A]|[\u064B-\u0652])+(?:\s+و?\s*|\s*،\s*)?){1,3})/;

export interface RelativeAge {
  years: number;
  months: number;
  days: number;
  minutes: number;
}

/** "منذ 8 سنوات 5 أشهر" → {years: 8, months: 5, …}; null when the text carries no age. */
export function parseRelativeAge(text: string): RelativeAge | null {
  const m = RELATIVE.exec(toAsciiDigits(text));
  if (!m) return null;
  const age: RelativeAge = { years: 0, months: 0, days: 0, minutes: 0 };
  const parts = m[1]!.replace(/[،,]/g, ' ').split(/\s+/).filter((w) => w && w !== 'و');
  let count: number | null = null;
  let found = false;
  for (const raw of parts) {
    // Diacritics off ("عامًا" → "عاما"); a leading "و" joins units ("وشهرين").
    const w = raw.replace(/[\u064B-\u0652]/g, '').replace(/^و(?=\d|[\u0621-\u064A]{3,})/, '');
    if (/^\d+$/.test(w)) {
      count = +w;
      continue;
    }
    const unit = UNITS.find(([r]) => r.test(w));
    if (!unit) break;
    const n = (count ?? 1) * unit[2];
    if (unit[1] === 'year') age.years += n;
    else if (unit[1] === 'month') age.months += n;
    else if (unit[1] === 'week') age.days += 7 * n;
    else if (unit[1] === 'day') age.days += n;
    else if (unit[1] === 'hour') age.minutes += 60 * n;
    else age.minutes += n;
    count = null;
    found = true;
  }
  return found ? age : null;
}

/**
 * A relative age resolved against the day the page was captured (YYYY-MM-DD…). Ages in years
 * and months are rounded by the site, so the result is only as precise as its smallest unit.
 */
export function resolveRelativeAge(text: string, captured: string): ParsedDate | null {
  const age = parseRelativeAge(text);
  const base = /^(\d{4})-(\d{2})-(\d{2})/.exec(captured);
  if (!age || !base) return null;
  const d = new Date(Date.UTC(+base[1]!, +base[2]! - 1, +base[3]!));
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCFullYear(d.getUTCFullYear() - age.years);
  d.setUTCMonth(d.getUTCMonth() - age.months);
  d.setUTCDate(d.getUTCDate() - age.days);
  d.setUTCMinutes(d.getUTCMinutes() - age.minutes);
  const raw = RELATIVE.exec(toAsciiDigits(text))![0].trim();
  const ymd = d.toISOString().slice(0, 10);
  const onlyCoarse = age.days === 0 && age.minutes === 0 && (age.years > 0 || age.months > 0);
  return onlyCoarse ? { value: ymd.slice(0, 7), precision: 'month', raw } : { value: ymd, precision: 'day', raw };
}
