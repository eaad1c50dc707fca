import { toAsciiDigits } from './digits';

// Egyptian (يناير…) and Levantine (كانون الثاني…) month names, plus the common variant spellings.
const MONTHS: Array<[RegExp, number]> = [
  [/كانون\s*الثاني|يناير|جانفي/, 1],
  [/شباط|فبراير|فيفري/, 2],
  [/آذار|اذار|مارس/, 3],
  [/نيسان|أبريل|ابريل|إبريل/, 4],
  [/أيار|ايار|مايو|ماي/, 5],
  [/حزيران|يونيو|يونيه|جوان/, 6],
  [/تموز|يوليو|يوليه|جويلية/, 7],
  [/آب|اب|أغسطس|اغسطس|أوت/, 8],
  [/أيلول|ايلول|سبتمبر/, 9],
  [/تشرين\s*الأول|تشرين\s*الاول|أكتوبر|اكتوبر/, 10],
  [/تشرين\s*الثاني|نوفمبر/, 11],
  [/كانون\s*الأول|كانون\s*الاول|ديسمبر/, 12],
];
const MONTH_ALT = MONTHS.map(([r]) => r.source).join('|');
const NAMED = new RegExp(`(\\d{1,2})\\s+(${MONTH_ALT})(?:\\s*/\\s*(?:${MONTH_ALT}))?\\s*(?:،|,)?\\s*(\\d{4})`);
const NUMERIC = /(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})/;
const ISO = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

function monthOf(name: string): number | null {
  for (const [r, n] of MONTHS) if (new RegExp(`^(?:${r.source})$`).test(name)) return n;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

export interface ParsedDate {
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:mm when a time was given. */
  value: string;
  precision: 'minute' | 'day';
  raw: string;
}

/** The first date written in the text, in any of the forms the outlets use. */
export function parseArabicDate(text: string): ParsedDate | null {
  const t = toAsciiDigits(text);
  const iso = ISO.exec(t);
  if (iso) {
    const [, y, m, d, hh, mm] = iso;
    if (valid(+y!, +m!, +d!)) {
      const day = `${y}-${m}-${d}`;
      return hh ? { value: `${day}T${hh}:${mm}`, precision: 'minute', raw: iso[0] } : { value: day, precision: 'day', raw: iso[0] };
    }
  }
  const named = NAMED.exec(t);
  if (named) {
    const d = +named[1]!;
    const m = monthOf(named[2]!);
    const y = +named[3]!;
    if (m && valid(y, m, d)) return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', raw: named[0] };
  }
  const num = NUMERIC.exec(t);
  if (num) {
    const d = +num[1]!;
    const m = +num[2]!;
    const y = +num[3]!;
    if (valid(y, m, d)) return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', raw: num[0] };
  }
  return null;
}
