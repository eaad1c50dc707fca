// A report that tells its act as one of several of its kind: an ordinal after the act's noun in
// the title or the lede's first sentence — "انفجار ثالث اليوم يضرب المدينة", "ضربة ثانية على
// المطار", "الهجوم الرابع". It says other acts of the kind came before, at its place: a report
// that does not say so (or says another ordinal) may be of one of those (bench/EVENTS.md
// linkedread-s24; ceilings.ts holds such a pair under "same event").
// Counted first on the recollected ledes of dev, A, B and D (flattered: read to find it): the title
// or the first 160 characters of the text hold it in one report (Afrin's IED, "a third blast
// today"), whose pairs where the other report does not tell it are 2 linked report pairs (both
// called same-event by main's model, 0.98) and no same-event pair. Not taken, each touching as many
// or more same-event pairs: the ordinal before the noun ("سابع تفجير": an outlet counting a
// month's blasts, one event's reports telling it alike; 0 linked / 6 same-event), "للمرة الثانية"
// (1 / 6), "لليوم الثالث على التوالي" (4 / 1: Jisr al-Shughur's market strike, one outlet saying
// so), "انفجار جديد/آخر" (none in the sets), and the same ordinal deeper in the lede (a recap of the
// day's other blasts: 3 / 4).
const AR_LETTER = '\\u0621-\\u064A';
const ORDINALS: Record<string, number> = { ثان: 2, ثاني: 2, ثالث: 3, رابع: 4, خامس: 5, سادس: 6, سابع: 7, ثامن: 8, تاسع: 9, عاشر: 10 };
/**
 * The act's noun (a prefix و/ف/ب/ل and the article allowed), then its ordinal adjective (with the
 * article, or feminine: ثانيه, ثالثه): in normalize()'s letters (ه for ة, ا for أ/إ, diacritics
 * gone: ثانٍ is ثان). No repetition inside another.
 */
const NTH_ACT = new RegExp(
  `(?<![${AR_LETTER}])[وفبل]?(?:ال)?(?:انفجار|تفجير|هجوم|غاره|ضربه|قصف|استهداف|اشتباك)\\s+(?:ال)?(${Object.keys(ORDINALS).join('|')})(?:يه|ه)?(?![${AR_LETTER}])`,
);

/** The ordinal a normalised title and first sentence tell the report's act by (2 for "انفجار ثان"), or null. */
export function nthActOf(flatHead: string): number | null {
  const m = NTH_ACT.exec(flatHead);
  return m ? ORDINALS[m[1]!]! : null;
}
