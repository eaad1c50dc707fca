// Which words name each kind of event, in Arabic (as normalize() writes it: ا for أ/إ/آ, ه for ة,
// ي for ى) and in English. A word is looked for at the start of a word, after the clitics
// و/ف/ب/ل/ال, so "والغارات" counts as "غارات", and after لل, which ل and ال make together
// ("للقصف", "للحجاج": events21). Weights: the words that name the action itself
// weigh 2, the words that often come with it 1; reporting verbs (statement) weigh little, since
// nearly every report "says" something.
import { WordCache, type Scan } from '../arabic';
import { normalizeMapped } from '../arabic/normalize';
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
  ['airstrike', 2, 'airstrike|airstrikes|air strike|air strikes|air raid|air raids|warplanes|warplane|jets|bombed|barrel bombs|barrel bomb|chemical attack|chemical|nerve agent|drone|gas attack|poison gas|toxic gas|poisonous gas|sarin|chlorine'],
  // "US-led strike kills 18", "raids on a market": strikes from the air as often as not.
  ['airstrike', 1, 'strike|strikes|raid|raids|bombardment'],
  ['shelling', 2, 'shelling|shelled|shells|mortar|mortars|rocket|rockets|artillery|missile|missiles'],
  ['bombing', 2, 'car bomb|bomb|bombing|blast|explosion|explosions|suicide bomber|suicide attack|suicide bombing|suicide|ied|landmine'],
  ['clashes', 2, 'clashes|fighting|battle|offensive|ambush'],
  // "Attack" names no kind (a gas attack, a suicide attack, a rocket attack): a fight only when nothing else is named.
  ['clashes', 0.5, 'attack|attacks'],
  ['takeover', 2, 'captured|seized|took control|recaptured|withdrew|withdrawal|retook|advance|handover'],
  ['surrender', 2, 'surrender|surrendered|reconciliation'],
  ['agreement', 2, 'agreement|deal|ceasefire|truce|signed|talks|negotiations'],
  ['statement', 0.5, 'statement|said|announced|condemned|denied'],
  ['arrest', 2, 'arrested|arrest|detained|detention|kidnapped|abducted|confiscated|intercepted'],
  ['killing', 2, 'assassinated|assassination|executed|execution|massacre|shot dead'],
  ['killing', 1, 'killed|dead'],
  ['displacement', 2, 'displaced|refugees|fled|evacuation|evacuated'],
  ['disaster', 2, 'wildfire|wildfires|blaze|fire broke out|earthquake|flood|floods'],
  ['decision', 2, 'decree|decision|appointed|law'],
  // Not "market": in a report of the war, the market struck.
  ['economic', 2, 'exchange rate|prices|currency|pound|lira'],
];

const CLITICS = '(?:و|ف)?(?:لل|(?:ب|ل|ك)?(?:ال)?)';

/** A compiled entry; an Arabic one is also read at word starts only (`w`: see candidatesIn). */
export interface Pattern<T extends string = EventType> {
  type: T;
  weight: number;
  re: RegExp;
  w?: WordPattern;
}

/** Each entry's words as one pattern: Arabic after its clitics (two letters of suffix at most), English whole words. */
export function compile<T extends string>(entries: Array<Entry<T>>, arabic: boolean): Array<Pattern<T>> {
  return entries.map(([type, weight, words]) => {
    const list = words.split('|').sort((a, b) => b.length - a.length);
    const alt = list.map((w) => w.replace(/\s+/g, '\\s+')).join('|');
    if (!arabic) return { type, weight, re: new RegExp(`\\b(?:${alt})\\b`, 'g') };
    const re = new RegExp(`(?<![\\u0621-\\u064A])${CLITICS}(?:${alt})(?![\\u0621-\\u064A]{3})`, 'g');
    const firstWords = [...new Set(list.map((w) => w.split(/\s+/)[0]!))].join('|');
    return { type, weight, re, w: wordPattern(re, `${CLITICS}(?:${firstWords})`) };
  });
}

// Arabic patterns that match only where a word starts (no Arabic letter before them) and with one of
// a few first words (after its clitics): read at those places only. Each distinct word is checked
// once for the first words it starts with (WordCache), so that a report tries its patterns at the
// few places its words may start them, instead of a search trying each at every character (their
// lookbehind rules out the engine's fast scan), and every match is the pattern's own.

/** A pattern read at its candidate starts: `re` (global), `at` the same pattern sticky, `id` its number here. */
export interface WordPattern {
  re: RegExp;
  at: RegExp;
  id: number;
}

const FIRST_WORDS: RegExp[] = [];
const NONE: readonly number[] = [];
const isArabicLetter = (c: number) => c >= 0x0621 && c <= 0x064a;

/**
 * `re` (global, non-empty matches, each starting at an Arabic letter with no Arabic letter before
 * it) read at word starts: `first` must match (anchored) wherever a match of `re` starts.
 */
export function wordPattern(re: RegExp, first: string): WordPattern {
  FIRST_WORDS.push(new RegExp(`^(?:${first})`));
  return { re, at: new RegExp(re.source, `${re.flags.replace('g', '')}y`), id: FIRST_WORDS.length - 1 };
}

/** The patterns a word may start, where: pairs (pattern number, offset in the word), by offset. */
function startsOf(w: string): readonly number[] {
  const out: number[] = [];
  for (let k = 0; k < w.length; k++) {
    if (!isArabicLetter(w.charCodeAt(k)) || (k > 0 && isArabicLetter(w.charCodeAt(k - 1)))) continue;
    const rest = k ? w.slice(k) : w;
    for (let id = 0; id < FIRST_WORDS.length; id++) if (FIRST_WORDS[id]!.test(rest)) out.push(id, k);
  }
  return out.length ? out : NONE;
}

let STARTS = new WordCache(startsOf);
let startsFor = 0;

/** A text normalised, with where each pattern may start in it. */
export interface Candidates {
  /** normalize(text). */
  flat: string;
  /** Offset in `text` → offset in `flat` (normalize.ts normalizeMapped). */
  at: Int32Array;
  /** By pattern number: the offsets in `flat` where it may start, ascending. */
  starts: Array<number[] | undefined>;
}

/**
 * Where each word pattern may match in normalize(text), from text's tokens (lib/arabic scan);
 * null when `plain` is not so (the words of normalize(text) are not the tokens) or the text is not
 * normalised character by character: then the patterns are searched for as such.
 */
export function candidatesIn(text: string, { tokens, plain }: Scan): Candidates | null {
  const flat = plain ? normalizeMapped(text) : null;
  if (!flat) return null;
  if (startsFor !== FIRST_WORDS.length) {
    STARTS = new WordCache(startsOf);
    startsFor = FIRST_WORDS.length;
  }
  const starts: Array<number[] | undefined> = [];
  for (const t of tokens) {
    const s = STARTS.get(t);
    for (let i = 0; i < s.length; i += 2) (starts[s[i]!] ??= []).push(flat.at[t.start]! + s[i + 1]!);
  }
  return { flat: flat.text, at: flat.at, starts };
}

/**
 * The matches text.matchAll(p.re) finds in `text`, a part of the candidates' text starting at
 * `offset` of it: tried at the candidate starts only, each after the last match's end (the same
 * matches: a match can start nowhere else).
 */
export function matchesAt(p: WordPattern, c: Candidates, text: string, offset: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let pos = 0;
  for (const s of c.starts[p.id] ?? NONE) {
    const k = s - offset;
    if (k < pos) continue;
    if (k >= text.length) break;
    p.at.lastIndex = k;
    const m = p.at.exec(text);
    if (m) {
      out.push(m);
      pos = k + m[0].length;
    }
  }
  return out;
}

/** How many matches `p` has in `text` (at `offset` of the candidates' text, when there are candidates). */
export function countIn(p: Pattern<string>, text: string, c: Candidates | null, offset: number): number {
  if (c && p.w) return matchesAt(p.w, c, text, offset).length;
  p.re.lastIndex = 0;
  return text.match(p.re)?.length ?? 0;
}

/** Whether `p` matches in `text` (as countIn). */
export function foundIn(p: Pattern<string>, text: string, c: Candidates | null, offset: number): boolean {
  if (c && p.w) return matchesAt(p.w, c, text, offset).length > 0;
  p.re.lastIndex = 0;
  return p.re.test(text);
}

export const TYPE_WORDS = { ar: compile(AR, true), en: compile(EN, false) };

/**
 * An outlet's recurring reports: the exchange rate, gold and fuel prices, the weather, prayer
 * times, the day's round-up. Each day's is about that day, never an event two outlets cover.
 * Each pattern with words one of which every match holds (a cheap look before the pattern's search).
 */
const RECURRING: ReadonlyArray<[readonly string[], RegExp]> = [
  [['سعر', 'اسعار'], /(?:^|[^\u0621-\u064A])(?:ال)?(?:سعر|اسعار)\s+(?:صرف|الصرف|العملات|الذهب|المحروقات|الخضار)/],
  [['ليره'], /(?:^|[^\u0621-\u064A])(?:ال)?(?:ليره|الليره)\s+(?:السوريه|التركيه)\s+(?:امام|مقابل)/],
  [['نشره'], /(?:^|[^\u0621-\u064A])(?:النشره|نشره)\s+(?:الجويه|الاقتصاديه|الاخباريه)/],
  [['الطقس'], /(?:^|[^\u0621-\u064A])(?:حاله|احوال)\s+الطقس/],
  [['درجات'], /(?:^|[^\u0621-\u064A])(?:ارتفاع|انخفاض|تراجع)\s+(?:طفيف\s+)?(?:في|ب)\s*درجات\s+الحراره/],
  [['درجات'], /(?:^|[^\u0621-\u064A])درجات\s+الحراره\s+(?:فوق|دون|حول|اقل|اعلي)/],
  [['الصلاه'], /(?:^|[^\u0621-\u064A])(?:مواقيت|اوقات)\s+الصلاه/],
  [['تقرير'], /(?:^|[^\u0621-\u064A])تقرير\s+[\u0621-\u064A]+\s+(?:الاقتصادي|اليومي|الميداني|الاسبوعي)/],
  [['حصاد', 'ملخص', 'موجز', 'ابرز'], /(?:^|[^\u0621-\u064A])(?:حصاد|ملخص|موجز|ابرز)\s+(?:اليوم|الاسبوع|الاخبار|الاحداث|احداث)/],
  [['امام', 'مقابل'], /(?:امام|مقابل)\s+(?:ال)?(?:دولار|العملات)/],
  [['exchange rate', 'weather forecast', 'prayer times', 'round'], /\b(?:exchange rates?|weather forecast|prayer times|daily round-?up|news round-?up)\b/],
];

/** Whether `text` is of a recurring report (RECURRING): a pattern is tried only where its words are. */
export function isRecurring(text: string): boolean {
  return RECURRING.some(([words, re]) => words.some((w) => text.includes(w)) && re.test(text));
}
