// A night told across two days is dated by the morning it ends in. Strikes and raids come after
// midnight, and an outlet names the night by both its days ("ليل الثلاثاء الأربعاء", "بعد منتصف
// ليل السبت الأحد", "ليلة الجمعة - السبت", "ليلة الخميس على الجمعة"): the event's day is the later
// one, the day the other outlets give ("فجر الأربعاء"), not the evening's. "الليلة الماضية" in
// the same way is the night that ended the morning of the report, as "اليوم" is its day, whereas
// "ليل أمس" and "مساء أمس" name yesterday's evening (misses-s24: every lede of the training sets
// told so was labelled with the later day).
import { wordPattern } from './vocabulary';

/** The weekdays, Sunday first, as normalize() spells them (ا for أ/إ, ه for ة, ي for ى); when.ts reads them too. */
export const WEEKDAYS_AR = ['الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت'];
const WEEKDAYS = WEEKDAYS_AR.map((w) => w.slice(2));

// After the night's first weekday: the second, bare or after a dash, a slash, "على", "الى" or "و".
const SECOND = new RegExp(`^\\s*(?:[-/]\\s*|(?:علي|الي)\\s+|و)?(?:ال)?(${WEEKDAYS.join('|')})(?![\\u0621-\\u064A])`);

/**
 * The weekday (0 = Sunday) a matched "ليل/ليلة <weekday>" dates: the next day when the night is
 * told by both its days, else `k` (the weekday matched, or a single-day night: "ليل السبت").
 */
export function nightWeekday(text: string, match: string, end: number, k: number): number {
  if (k < 0 || !/^ليل/.test(match)) return k;
  const m = SECOND.exec(text.slice(end, end + 16));
  return m && WEEKDAYS.indexOf(m[1]!) === (k + 1) % 7 ? (k + 1) % 7 : k;
}

/** "الليلة الماضية": the night that ended on the publication day, read as that day (when.ts RELATIVE). */
const LAST_NIGHT_RE = /(?<![\u0621-\u064A])(?:ب|و)?الليله\s+الماضيه(?![\u0621-\u064A])/g;
export const LAST_NIGHT = { re: LAST_NIGHT_RE, back: 0, words: ['الليله'], w: wordPattern(LAST_NIGHT_RE, '(?:ب|و)?الليله') };
