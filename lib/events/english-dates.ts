// English dates in a report's title and lede ("on April 15", "15 April 2017", "July 19th"), as
// when.ts reads them beside its weekdays and relative days: a dateline's date and a photo
// caption's are passed over.
import { dayNumber } from './day';

/** A date read in the text: where, as written, and its day. */
export interface DateCue {
  at: number;
  raw: string;
  back: null;
  day: number;
  from: 'text';
}

// English dates in the text ("on April 15", "15 April 2017", "July 19th"); the year, when not
// written, is the publication's (the year before when that would put the day after publication).
const EN_MON = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const EN_DATES: Array<[RegExp, number, number, number]> = [
  [new RegExp(`\\b${EN_MON}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`, 'gi'), 1, 2, 3],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MON}\\b(?:,?\\s+(\\d{4}))?`, 'gi'), 2, 1, 3],
];
const EN_DATELINE = /(?:day|published|posted|posted on|publication|updated|updated at|last updated at)\s*,?\s*$/i;
// A photo's caption dates the photo (maybe an archive one): "In this photo taken on June 8
// provided by …", "… in Idlib province Syria August 6 2016. (Reuters)", "(AFP Photo)".
const EN_CAPTION_BEFORE = /\b(?:photo|photograph|picture|image)\b[^.]{0,40}$/i;
const EN_CAPTION_AFTER = /^[^.(]{0,12}\.?\s*\((?:reuters|afp|ap|aa|anadolu|getty|epa|sana)\b[^)]{0,20}\)/i;
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function englishDates(raw: string, pubDay: number | null, year: number | undefined): DateCue[] {
  const out: DateCue[] = [];
  if (!/[A-Za-z]/.test(raw)) return out;
  for (const [re, mi, di, yi] of EN_DATES) {
    for (const m of raw.matchAll(re)) {
      // "may" is a verb more often than a month: the month only when capitalised.
      if (m[mi]!.toLowerCase() === 'may' && m[mi] !== 'May') continue;
      // A dateline dates the report ("AFP Wednesday 15 Jul 2015", "Published July 19 2016").
      if (EN_DATELINE.test(raw.slice(Math.max(0, m.index! - 24), m.index!))) continue;
      const end = m.index! + m[0].length;
      if (EN_CAPTION_BEFORE.test(raw.slice(Math.max(0, m.index! - 50), m.index!)) || EN_CAPTION_AFTER.test(raw.slice(end, end + 40))) continue;
      const month = EN_MONTHS.indexOf(m[mi]!.slice(0, 3).toLowerCase());
      const d = Number(m[di]);
      let y = m[yi] ? Number(m[yi]) : year;
      if (y === undefined || d < 1 || d > 31) continue;
      let day = dayNumber(`${y}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      if (day !== null && !m[yi] && pubDay !== null && day > pubDay + 1) {
        y -= 1;
        day = dayNumber(`${y}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }
      if (day !== null) out.push({ at: m.index!, raw: m[0].trim(), back: null, day, from: 'text' });
    }
  }
  return out;
}
