// Which words name each kind of event, in Arabic (as normalize() writes it: ا for أ/إ/آ, ه for ة,
// ي for ى) and in English. A word is looked for at the start of a word, after the clitics
// و/ف/ب/ل/ال, so "والغارات" counts as "غارات". Weights: the words that name the action itself
// weigh 2, the words that often come with it 1; reporting verbs (statement) weigh little, since
// nearly every report "says" something.
import { WordCache, type Token } from '../arabic';
import type { EventType } from './types';

type Entry<T extends string = EventType> = [T, number, string];

const AR: Entry[] = [
  ['airstrike', 2, 'غاره|غارات|الغاره|الغارات|قصف جوي|القصف الجوي|طيران حربي|الطيران الحربي|الطائرات الحربيه|طائره مسيره|طائرات مسيره|المسيره|مسيرات|ضربه جويه|ضربات جويه|الضربات الجويه|الطيران الروسي|طيران التحالف|كيماوي|الكيماوي|السلاح الكيميايي'],
  ['shelling', 2, 'قصف مدفعي|قصف صاروخي|القصف المدفعي|القصف الصاروخي|قذيفه|قذائف|راجمات|هاون|مدفعيه|استهداف|استهدف'],
  // Rockets are also seized, smuggled and found in depots: named alone they say less than a strike.
  ['shelling', 1, 'قصف|القصف|صواريخ|صاروخ'],
  ['bombing', 2, 'تفجير|تفجيرات|انفجار|انفجارات|مفخخه|سياره مفخخه|عبوه ناسفه|عبوات ناسفه|لغم|الغام|انتحاري|انتحاريه'],
  ['clashes', 2, 'اشتباكات|اشتباك|معارك|معركه|مواجهات|هجوم|هجمات|تسلل'],
  ['takeover', 2, 'سيطره|السيطره|يسيطر|تسيطر|سيطرت|انسحاب|انسحب|انسحبت|الانسحاب|استعاده|استعادت|استعاد|تحرير|حرر|توغل|توغلت'],
  // Words of takeovers that also say other things ("تقدم المحادثات", "دخول الطائرة", "تسليم الجوائز").
  ['takeover', 0.5, 'تسليم|تسلم|دخول|دخلت|تقدم|تقدمت|انتشار'],
  ['decision', 2, 'مرسوم|مرسوما|مراسيم|قرار|قرارا|قرارات|تعميم|تعيين|تعيينات|يصدر|اصدر|اصدرت|قانون'],
  ['surrender', 2, 'استسلام|استسلم|تسويه|التسويه|تسويات|تسليم السلاح'],
  ['agreement', 2, 'اتفاق|اتفاقيه|الاتفاق|اتفاقيات|تفاهم|مذكره تفاهم|توقيع|هدنه|صفقه|تبادل|مباحثات|محادثات|مفاوضات'],
  ['statement', 0.5, 'بيان|تصريح|تصريحات|اعلن|اعلنت|اكد|اكدت|نفي|نفت|رحب|رحبت|دعا|دعت|ادان|ادانت|قال|قالت|مؤتمر صحفي'],
  ['arrest', 2, 'اعتقال|اعتقل|اعتقلت|القبض|قبض|توقيف|اوقف|احتجاز|احتجز|مداهمه|حمله امنيه|خطف|اختطاف|ضبط|ضبطت|يضبط|تضبط|مصادره|صادرت'],
  ['killing', 2, 'مقتل|اغتيال|اعدام|جثه|جثث|قتل|مقتول'],
  ['killing', 1, 'قتلي|شهداء|ضحايا'],
  ['displacement', 2, 'نزوح|نازحين|النازحين|تهجير|مهجرين|لاجيين|اللاجيين|عوده اللاجيين|مخيم|مخيمات'],
  ['disaster', 2, 'حريق|حرائق|زلزال|فيضان|سيول|غرق|حادث سير|انهيار|عاصفه'],
  ['economic', 2, 'سعر صرف|اسعار الصرف|الليره|الدولار|اسعار الذهب|الاسواق|اسواق|البورصه|التضخم|رواتب|اجور|موازنه|استثمار|صادرات|مستوردات|الاقتصاد|الاقتصادي'],
];

const EN: Entry[] = [
  ['airstrike', 2, 'airstrike|airstrikes|air strike|air strikes|air raid|air raids|warplanes|warplane|jets|bombed|barrel bombs|barrel bomb|chemical attack|chemical|nerve agent|drone'],
  ['shelling', 2, 'shelling|shelled|shells|mortar|mortars|rocket|rockets|artillery|missile|missiles'],
  ['bombing', 2, 'car bomb|bomb|bombing|blast|explosion|explosions|suicide bomber|ied|landmine'],
  ['clashes', 2, 'clashes|fighting|battle|offensive|attack|attacks|ambush'],
  ['takeover', 2, 'captured|seized|took control|recaptured|withdrew|withdrawal|retook|advance|handover'],
  ['surrender', 2, 'surrender|surrendered|reconciliation'],
  ['agreement', 2, 'agreement|deal|ceasefire|truce|signed|talks|negotiations'],
  ['statement', 0.5, 'statement|said|announced|condemned|denied'],
  ['arrest', 2, 'arrested|arrest|detained|detention|kidnapped|abducted|confiscated|intercepted'],
  ['killing', 2, 'assassinated|assassination|executed|execution|massacre|shot dead'],
  ['killing', 1, 'killed|dead'],
  ['displacement', 2, 'displaced|refugees|fled|evacuation|evacuated'],
  ['disaster', 2, 'fire|earthquake|flood|floods'],
  ['decision', 2, 'decree|decision|appointed|law'],
  ['economic', 2, 'exchange rate|prices|market|currency|pound|lira'],
];

const CLITICS = '(?:و|ف)?(?:ب|ل|ك)?(?:ال)?';

/** A compiled entry; an Arabic one also has its number among the word filter's patterns (`id`). */
export interface Pattern<T extends string = EventType> {
  type: T;
  weight: number;
  re: RegExp;
  id?: number;
}

/** Each entry's words as one pattern: Arabic after its clitics (two letters of suffix at most), English whole words. */
export function compile<T extends string>(entries: Array<Entry<T>>, arabic: boolean): Array<Pattern<T>> {
  return entries.map(([type, weight, words]) => {
    const list = words.split('|').sort((a, b) => b.length - a.length);
    const alt = list.map((w) => w.replace(/\s+/g, '\\s+')).join('|');
    if (!arabic) return { type, weight, re: new RegExp(`\\b(?:${alt})\\b`, 'g') };
    const id = FIRST_WORDS.length;
    FIRST_WORDS.push(new RegExp(`^${CLITICS}(?:${[...new Set(list.map((w) => w.split(/\s+/)[0]!))].join('|')})`));
    return { type, weight, re: new RegExp(`(?<![\\u0621-\\u064A])${CLITICS}(?:${alt})(?![\\u0621-\\u064A]{3})`, 'g'), id };
  });
}

// Which Arabic patterns a text may hold, from its words: a pattern matches only where a word
// starts (no Arabic letter before) with its clitics and the first word of one of its phrases. Each
// distinct word is read once (WordCache), so that a report runs only the few patterns its words
// may start (of the ~60 its type, things and weapons have) and the pattern decides as before.
const FIRST_WORDS: RegExp[] = [];
const NONE: readonly number[] = [];
const isArabicLetter = (c: number) => c >= 0x0621 && c <= 0x064a;

function startsOf(w: string): readonly number[] {
  const out: number[] = [];
  for (let k = 0; k < w.length; k++) {
    if (!isArabicLetter(w.charCodeAt(k)) || (k > 0 && isArabicLetter(w.charCodeAt(k - 1)))) continue;
    const rest = k ? w.slice(k) : w;
    for (let id = 0; id < FIRST_WORDS.length; id++) if (FIRST_WORDS[id]!.test(rest) && !out.includes(id)) out.push(id);
  }
  return out.length ? out : NONE;
}

let STARTS = new WordCache(startsOf);
let startsFor = 0;

/**
 * The Arabic patterns (by `id`) that may match in normalize(text), given text's tokens; null
 * (every pattern may) without tokens, or when the words of normalize(text) are not the tokens'
 * (scan's `plain`).
 */
export function mayMatch(tokens: readonly Token[] | null): Uint8Array | null {
  if (!tokens) return null;
  if (startsFor !== FIRST_WORDS.length) {
    STARTS = new WordCache(startsOf);
    startsFor = FIRST_WORDS.length;
  }
  const may = new Uint8Array(FIRST_WORDS.length);
  for (const t of tokens) for (const id of STARTS.get(t)) may[id] = 1;
  return may;
}

/** Whether `p` may match, by mayMatch's answer. */
export const mayHold = (p: Pattern<string>, may: Uint8Array | null): boolean => !may || p.id === undefined || may[p.id] === 1;

export const TYPE_WORDS = { ar: compile(AR, true), en: compile(EN, false) };

/**
 * An outlet's recurring reports: the exchange rate, gold and fuel prices, the weather, prayer
 * times, the day's round-up. Each day's is about that day, never an event two outlets cover.
 */
export const RECURRING = [
  /(?:^|[^\u0621-\u064A])(?:ال)?(?:سعر|اسعار)\s+(?:صرف|الصرف|العملات|الذهب|المحروقات|الخضار)/,
  /(?:^|[^\u0621-\u064A])(?:ال)?(?:ليره|الليره)\s+(?:السوريه|التركيه)\s+(?:امام|مقابل)/,
  /(?:^|[^\u0621-\u064A])(?:النشره|نشره)\s+(?:الجويه|الاقتصاديه|الاخباريه)/,
  /(?:^|[^\u0621-\u064A])(?:حاله|احوال)\s+الطقس/,
  /(?:^|[^\u0621-\u064A])(?:ارتفاع|انخفاض|تراجع)\s+(?:طفيف\s+)?(?:في|ب)\s*درجات\s+الحراره/,
  /(?:^|[^\u0621-\u064A])درجات\s+الحراره\s+(?:فوق|دون|حول|اقل|اعلي)/,
  /(?:^|[^\u0621-\u064A])(?:مواقيت|اوقات)\s+الصلاه/,
  /(?:^|[^\u0621-\u064A])تقرير\s+[\u0621-\u064A]+\s+(?:الاقتصادي|اليومي|الميداني|الاسبوعي)/,
  /(?:^|[^\u0621-\u064A])(?:حصاد|ملخص|موجز|ابرز)\s+(?:اليوم|الاسبوع|الاخبار|الاحداث|احداث)/,
  /(?:امام|مقابل)\s+(?:ال)?(?:دولار|العملات)/,
  /\b(?:exchange rates?|weather forecast|prayer times|daily round-?up|news round-?up)\b/,
];
