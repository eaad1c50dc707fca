// Names of frames, source types and kinds of numbers in the two UI languages, shared by the
// Compare tab and the exports (which run in the background, away from browser.i18n). Ids that
// are not listed show as they are.
import type { ClaimSourceType, Frame } from '../claims';
import { formatNumber } from '../i18n';

type Lang = 'ar' | 'en';
type Table = Record<string, { ar: string; en: string }>;

// Every frame and source type lib/claims gives has its label (the compiler checks it).
const CLAIM_FRAMES: Record<Frame, { ar: string; en: string }> = {
  withdrawal: { ar: 'انسحاب', en: 'withdrawal' },
  handover: { ar: 'تسليم أو صفقة', en: 'handover or deal' },
  collapse: { ar: 'هزيمة أو انهيار', en: 'defeat or collapse' },
  liberation: { ar: 'نصر أو تحرير', en: 'victory or liberation' },
  aggression: { ar: 'عدوان', en: 'aggression' },
  terrorism: { ar: 'إرهاب', en: 'terrorism' },
};
const FRAMES: Table = {
  ...CLAIM_FRAMES,
  // Found by lib/compare/frames.
  'siege-lifted': { ar: 'فك الحصار', en: 'siege lifted' },
};

const SOURCE_TYPES: Record<ClaimSourceType, { ar: string; en: string }> = {
  'state-media': { ar: 'إعلام رسمي', en: 'state media' },
  'pro-regime-media': { ar: 'إعلام موالٍ', en: 'pro-regime media' },
  'opposition-media': { ar: 'إعلام معارض', en: 'opposition media' },
  'jihadist-media': { ar: 'إعلام جهادي', en: 'jihadist media' },
  'kurdish-media': { ar: 'إعلام كردي', en: 'Kurdish media' },
  'independent-media': { ar: 'إعلام مستقل', en: 'independent media' },
  'international-media': { ar: 'إعلام دولي', en: 'international media' },
  ngo: { ar: 'منظمة', en: 'NGO' },
  official: { ar: 'جهة رسمية', en: 'official' },
  faction: { ar: 'فصيل', en: 'faction' },
  activists: { ar: 'ناشطون', en: 'activists' },
  witnesses: { ar: 'شهود', en: 'witnesses' },
  unnamed: { ar: 'مصادر غير مسماة', en: 'unnamed sources' },
  'social-media': { ar: 'وسائل التواصل', en: 'social media' },
  person: { ar: 'شخص', en: 'person' },
  document: { ar: 'وثيقة أو بيان', en: 'document' },
};

const NUMBER_KINDS: Table = {
  fighters: { ar: 'مقاتلون', en: 'fighters' },
  casualties: { ar: 'ضحايا', en: 'casualties' },
  strikes: { ar: 'ضربات', en: 'strikes' },
  duration: { ar: 'مدة', en: 'duration' },
  people: { ar: 'أشخاص', en: 'people' },
  distance: { ar: 'مسافة', en: 'distance' },
  money: { ar: 'مال', en: 'money' },
};

const UNITS: Table = {
  fighters: { ar: 'مقاتلون', en: 'fighters' },
  strikes: { ar: 'ضربات', en: 'strikes' },
  people: { ar: 'أشخاص', en: 'people' },
  km: { ar: 'كم', en: 'km' },
  m: { ar: 'م', en: 'm' },
  SYP: { ar: 'ليرة سورية', en: 'SYP' },
  USD: { ar: 'دولار', en: 'USD' },
  EUR: { ar: 'يورو', en: 'EUR' },
  killed: { ar: 'قتلى', en: 'killed' },
  wounded: { ar: 'جرحى', en: 'wounded' },
  'killed-or-wounded': { ar: 'قتلى وجرحى', en: 'killed or wounded' },
  hour: { ar: 'ساعات', en: 'hours' },
  day: { ar: 'أيام', en: 'days' },
  week: { ar: 'أسابيع', en: 'weeks' },
  month: { ar: 'أشهر', en: 'months' },
  year: { ar: 'سنوات', en: 'years' },
  civilians: { ar: 'مدنيون', en: 'civilians' },
  displaced: { ar: 'نازحون', en: 'displaced' },
  families: { ar: 'عائلات', en: 'families' },
  pilgrims: { ar: 'حجاج', en: 'pilgrims' },
  detainees: { ar: 'معتقلون', en: 'detainees' },
};

const VAGUE: Table = {
  tens: { ar: 'عشرات', en: 'tens' },
  hundreds: { ar: 'مئات', en: 'hundreds' },
  thousands: { ar: 'آلاف', en: 'thousands' },
  'tens of thousands': { ar: 'عشرات الآلاف', en: 'tens of thousands' },
  'hundreds of thousands': { ar: 'مئات الآلاف', en: 'hundreds of thousands' },
};

const APPROX: Table = {
  over: { ar: 'أكثر من', en: 'over' },
  about: { ar: 'نحو', en: 'about' },
  under: { ar: 'أقل من', en: 'under' },
  'at least': { ar: 'لا يقل عن', en: 'at least' },
};

const TABLES: Record<LabelKind, Table> = { frame: FRAMES, sourceType: SOURCE_TYPES, numberKind: NUMBER_KINDS, unit: UNITS, vague: VAGUE, approx: APPROX };
export type LabelKind = 'frame' | 'sourceType' | 'numberKind' | 'unit' | 'vague' | 'approx';

export function langOf(lang: string): Lang {
  return lang.startsWith('ar') ? 'ar' : 'en';
}

export function label(kind: LabelKind, id: string, lang: string): string {
  return TABLES[kind][id]?.[langOf(lang)] ?? id;
}

/**
 * A number as the reader should see it: "أكثر من 270", "عشرات". Digits as the UI's language
 * writes them (the same formatter as every other count of the UI).
 */
export function numberLabel(n: { value: number | string; approx?: string }, lang: string): string {
  const v = typeof n.value === 'number' ? formatNumber(n.value, langOf(lang)) : label('vague', n.value, lang);
  return n.approx ? `${label('approx', n.approx, lang)} ${v}` : v;
}
