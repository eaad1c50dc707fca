// The numbers a report gives — fighters, casualties, strikes, durations, people, distances,
// money — in digits (ASCII or Arabic-Indic, with thousands separators) or in Arabic number
// words, duals ("لسنتين", "عنصرين") and the vague plurals ("عشرات القتلى"). A number is only
// kept when a noun of one of these kinds counts it (or a killing/wounding word governs it), so
// that dates, years, flight numbers and brigade numbers stay out.
import { normalize, WordCache, type Token } from '../arabic';

export type NumberKind = 'fighters' | 'casualties' | 'strikes' | 'duration' | 'people' | 'distance' | 'money';
/** What a vague plural stands for: عشرات, مئات, آلاف, عشرات الآلاف, مئات الآلاف. */
export type VagueAmount = 'tens' | 'hundreds' | 'thousands' | 'tens of thousands' | 'hundreds of thousands';
export type Approx = 'over' | 'about' | 'under' | 'at least';

export interface NumberMention {
  what: NumberKind;
  /** The counted thing, canonical: killed, wounded, fighters, strikes, day, month, civilians… */
  unit: string;
  value: number | VagueAmount;
  approx?: Approx;
  /** The phrase as the report writes it (qualifier, number, noun). */
  text: string;
  start: number;
  end: number;
}

interface Tok {
  /** Normalised word. */
  w: string;
  start: number;
  end: number;
  /** Numeric value of a digit group. */
  digits?: number;
  /** What the word says on its own (the same for every token of this spelling). */
  info: WordInfo;
}

/**
 * What a token's spelling says whatever surrounds it, worked out once per spelling (news repeats
 * its words: normalising and looking up every token again was most of the cost of findNumbers):
 * its normalised form, the value of a digit group, what it would be as the first word of a number
 * (numberAt) and the noun it is as a lone word (findNumbers).
 */
interface WordInfo {
  w: string;
  digits?: number;
  /** As the first word of a number: a vague plural (عشرات), or null. */
  vague: VagueAmount | null;
  /** As the first word of a number that is not vague: its value (digits or a number word), or null. */
  first: number | null;
  /** The noun the word is, without a clitic ل/ب/و (NOUNS). */
  noun: Noun | undefined;
  /** The word holds a digit (a scan's token with digits is read by TOKEN: tokensOfScan). */
  digit: boolean;
}

// Words, digit groups (4,400,000 · ٢٢٫٥) and their offsets in the original text.
const TOKEN = /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[,\u066C][0-9\u0660-\u0669\u06F0-\u06F9]{3})*(?:[.\u066B][0-9\u0660-\u0669\u06F0-\u06F9]+)?|[\p{L}\p{M}]+/gu;

/** Spellings seen → what each says (null: it normalises to nothing). Bounded: a long-lived worker reads 100,000 reports. */
let INFO = new Map<string, WordInfo | null>();
const INFO_MAX = 50_000;

function infoOf(raw: string): WordInfo | null {
  let info = INFO.get(raw);
  if (info !== undefined) return info;
  const w = normalize(raw);
  info = w ? wordInfo(w) : null;
  if (INFO.size >= INFO_MAX) INFO = new Map();
  INFO.set(raw, info);
  return info;
}

function wordInfo(w: string): WordInfo {
  const digits = /^[0-9]/.test(w) ? Number(w.replace(/[,\u066C]/g, '').replace('\u066B', '.')) : undefined;
  const vague = bare(w, VAGUE);
  return {
    w,
    ...(digits === undefined ? {} : { digits }),
    vague: vague && !(w in UNITS) ? VAGUE[vague]! : null,
    first: digits ?? firstValue(w),
    noun: NOUNS.get(w) ?? NOUNS.get(w.replace(/^[لبو]/, '')),
    digit: /[0-9]/.test(w),
  };
}

/** What a scan's token (lib/arabic tokenize: its normalised form's number) says, once per word. */
const INFO_OF_TOKEN = new WordCache<WordInfo>((w) => wordInfo(w));

/** The value of a number word that starts a number (a lone multiplier too: ألف, مليون), or null. */
function firstValue(w: string): number | null {
  if (bare(w, UNITS) !== null) return UNITS[bare(w, UNITS)!]!;
  if (bare(w, TENS) !== null) return TENS[bare(w, TENS)!]!;
  if (bare(w, HUNDREDS) !== null) return HUNDREDS[bare(w, HUNDREDS)!]!;
  if (LONE_MULTIPLIERS.has(w)) return MULTIPLIERS[w]!;
  return null;
}

function push(out: Tok[], info: WordInfo | null, start: number, end: number): void {
  if (!info) return;
  const t: Tok = { w: info.w, start, end, info };
  if (info.digits !== undefined) t.digits = info.digits;
  out.push(t);
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) push(out, infoOf(m[0]), m.index, m.index + m[0].length);
  return out;
}

// TOKEN for exec from a position (matchAll copies TOKEN's lastIndex: TOKEN's must stay 0).
const TOKEN_AT = new RegExp(TOKEN.source, TOKEN.flags);

/** TOKEN's tokens of `source` that start at or after `from` and before `until` (added to `out`); returns where the last ends. */
function tokensFrom(source: string, from: number, until: number, out: Tok[]): number {
  let pos = from;
  TOKEN_AT.lastIndex = from;
  for (let m = TOKEN_AT.exec(source); m && m.index < until; m = TOKEN_AT.exec(source)) {
    pos = m.index + m[0].length;
    push(out, infoOf(m[0]), m.index, pos);
  }
  return pos;
}

// Units that are letters or marks (\p{L}\p{M}), learnt on first sight: 1 yes, 2 no.
const LETTER_OR_MARK = new Uint8Array(0x10000);
const LM = /^[\p{L}\p{M}]$/u;

function lettersOnly(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if ((LETTER_OR_MARK[c] ||= LM.test(String.fromCharCode(c)) ? 1 : 2) !== 1) return false;
  }
  return true;
}

/**
 * The tokens of `source` from a scan of a text holding it at `offset` (lib/arabic scan, whose
 * words are runs of letters, marks, digits and invisible joiners, none longer than MAX_WORD:
 * `plain`): a run of letters and marks only is TOKEN's token as it stands, with its word's
 * WordInfo found by its number; a run with digits or joiners is read by TOKEN (a digit group
 * runs on over separators: "4,400,000"). Where the scan saw no joiner (`joined` false), a run is
 * letters and marks only when its form holds no digit (a plain scan's digits are those that
 * normalise to digits, and nothing else does: tests/unit/compare/numbers-of-scan.test.ts), told by
 * its WordInfo without reading its characters again.
 */
function tokensOfScan(source: string, { tokens: scanned, offset, joined }: ScannedTokens): Tok[] {
  const out: Tok[] = [];
  const endAt = offset + source.length;
  const check = joined !== false;
  let pos = 0;
  for (const k of scanned) {
    if (k.start < offset) continue;
    if (k.end > endAt) break;
    const start = k.start - offset;
    const end = k.end - offset;
    if (end <= pos) continue;
    if (start >= pos) {
      const info = INFO_OF_TOKEN.get(k);
      if (check ? lettersOnly(source, start, end) : !info.digit) {
        push(out, info, start, end);
        continue;
      }
    }
    pos = tokensFrom(source, Math.max(pos, start), end, out);
  }
  return out;
}

/** Tokens of a text that holds `source` at `offset` (lib/arabic scan with `plain`: no word was skipped). */
export interface ScannedTokens {
  tokens: readonly Token[];
  offset: number;
  /** The scan's `joined` (undefined: not known, each token's characters are read). */
  joined?: boolean;
}

// Number words by normalised form (ة→ه, أ→ا, ئ→ي, ى→ي).
const UNITS: Record<string, number> = {
  واحد: 1, واحده: 1, اثنان: 2, اثنين: 2, اثنتين: 2, اثنتان: 2, اثنا: 2, اثني: 2, اثنتا: 2,
  ثلاث: 3, ثلاثه: 3, اربع: 4, اربعه: 4, خمس: 5, خمسه: 5, ست: 6, سته: 6, سبع: 7, سبعه: 7,
  ثمان: 8, ثماني: 8, ثمانيه: 8, تسع: 9, تسعه: 9, عشر: 10, عشره: 10, احد: 1, احدي: 1,
};
const TENS: Record<string, number> = {
  عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
};
const HUNDREDS: Record<string, number> = {
  ميه: 100, مايه: 100, مئه: 100, ميتان: 200, ميتين: 200, مايتان: 200, مايتين: 200,
  ثلاثميه: 300, ثلاثمايه: 300, اربعميه: 400, اربعمايه: 400, خمسميه: 500, خمسمايه: 500,
  ستميه: 600, ستمايه: 600, سبعميه: 700, سبعمايه: 700, ثمانميه: 800, ثمانمايه: 800, تسعميه: 900, تسعمايه: 900,
};
const MULTIPLIERS: Record<string, number> = {
  الف: 1000, الفا: 1000, الاف: 1000, الفان: 2000, الفين: 2000, مليون: 1e6, مليونا: 1e6, ملايين: 1e6,
  مليونان: 2e6, مليونين: 2e6, مليار: 1e9, مليارات: 1e9,
};
const VAGUE: Record<string, VagueAmount> = {
  عشرات: 'tens', العشرات: 'tens', مئات: 'hundreds', ميات: 'hundreds', مايات: 'hundreds', المئات: 'hundreds', الميات: 'hundreds', المايات: 'hundreds',
  الاف: 'thousands', الالاف: 'thousands',
};

interface Noun {
  what: NumberKind;
  unit: string;
  /** The noun is a dual: it carries the number 2 itself. */
  dual?: boolean;
}
function nouns(what: NumberKind, unit: string, forms: string, duals = ''): Array<[string, Noun]> {
  return [
    ...forms.split(' ').map((f): [string, Noun] => [f, { what, unit }]),
    ...duals.split(' ').filter(Boolean).map((f): [string, Noun] => [f, { what, unit, dual: true }]),
  ];
}
// Forms after a number (indefinite, any case) and after a vague plural (definite: ال is stripped).
const NOUNS = new Map<string, Noun>([
  ...nouns('fighters', 'fighters', 'عنصر عنصرا عناصر مقاتل مقاتلا مقاتلين مقاتلون مسلح مسلحا مسلحين مسلحون جندي جنديا جنود ضابط ضابطا ضباط عسكري عسكريا عسكريين', 'عنصرين عنصران مقاتلان جنديين جنديان ضابطين ضابطان'),
  ...nouns('casualties', 'killed', 'قتيل قتيلا قتلي شهيد شهيدا شهداء ضحيه ضحايا', 'قتيلين قتيلان شهيدين شهيدان ضحيتين'),
  ...nouns('casualties', 'wounded', 'جريح جريحا جرحي مصاب مصابا مصابين', 'جريحين جريحان'),
  ...nouns('strikes', 'strikes', 'ضربه ضربات غاره غارات قذيفه قذايف صاروخ صاروخا صواريخ برميل براميل', 'ضربتين غارتين صاروخين قذيفتين'),
  ...nouns('duration', 'hour', 'ساعه ساعات'),
  ...nouns('duration', 'day', 'يوم يوما ايام', 'يومين يومان'),
  ...nouns('duration', 'week', 'اسبوع اسبوعا اسابيع', 'اسبوعين اسبوعان'),
  ...nouns('duration', 'month', 'شهر شهرا اشهر شهور', 'شهرين شهران'),
  ...nouns('duration', 'year', 'سنه سنوات سنين عام عاما اعوام', 'سنتين سنتان عامين عامان'),
  ...nouns('people', 'civilians', 'مدني مدنيا مدنيين مدنيون', 'مدنيان'),
  ...nouns('people', 'people', 'شخص شخصا اشخاص شاب شابا شبان امراه نساء طفل طفلا اطفال اخرين اخرون اخريات', 'شخصين شخصان شابين شابان طفلين طفلان'),
  ...nouns('people', 'displaced', 'نازح نازحا نازحين لاجي لاجيا لاجيين'),
  ...nouns('people', 'families', 'عايله عايلات اسره اسر'),
  ...nouns('people', 'pilgrims', 'حاج حاجا حجاج'),
  ...nouns('people', 'detainees', 'معتقل معتقلا معتقلين موقوف موقوفا موقوفين اسير اسيرا اسري'),
  ...nouns('distance', 'km', 'كيلومتر كيلومترا كيلومترات كم'),
  ...nouns('distance', 'm', 'متر مترا امتار'),
  ...nouns('money', 'SYP', 'ليره ليرات'),
  ...nouns('money', 'USD', 'دولار دولارا دولارات'),
  ...nouns('money', 'EUR', 'يورو'),
]);

// Words before a number that say what it counts: the nouns (مقتل 3 مدنيين counts the killed) and
// the verbs a toll is told with first (استشهد 7 مدنيين، قُتل ثلاثة أطفال، قضى 4 مدنيين، أصيب 12
// شخصاً), past and passive alike once normalised. A verb governs only a count of people, fighters
// or casualties (mention: "قضى 5 سنوات" stays a duration).
// "راح ضحيتها 14 امرأة", "مجزرة ضحيتها": its victims, the dead.
const KILLED = new Set(['مقتل', 'قتل', 'استشهاد', 'مصرع', 'اعدام', 'قتلت', 'استشهد', 'استشهدت', 'ارتقي', 'قضي', 'لقي', 'توفي', 'وفاه', 'اودي', 'ضحيتها', 'ضحيته']);
const WOUNDED = new Set(['اصابه', 'جرح', 'اصابات', 'اصيب', 'اصيبت', 'جرحت']);
const QUALIFIERS: Array<[string[], Approx]> = [
  [['اكثر', 'من'], 'over'], [['ما', 'يزيد', 'عن'], 'over'], [['ما', 'يزيد', 'علي'], 'over'], [['يزيد', 'عن'], 'over'],
  [['ما', 'لا', 'يقل', 'عن'], 'at least'], [['لا', 'يقل', 'عن'], 'at least'], [['اقل', 'من'], 'under'],
  [['نحو'], 'about'], [['حوالي'], 'about'], [['قرابه'], 'about'], [['زهاء'], 'about'], [['ما', 'يقارب'], 'about'], [['ما', 'يقرب', 'من'], 'about'],
];

/** A number word, possibly carrying a conjunction or preposition (وعشرين, بثلاثة, لسنتين). */
function bare(w: string, table: Record<string, unknown>): string | null {
  if (w in table) return w;
  const rest = w.slice(1);
  if (/^[وبلف]/.test(w) && rest in table) return rest;
  return null;
}

/** Parses a run of number tokens starting at i; returns its value and the index after it. */
function numberAt(ts: Tok[], i: number): { value: number | VagueAmount; next: number } | null {
  const first = ts[i]!;
  if (first.info.vague !== null) {
    let value = first.info.vague;
    let next = i + 1;
    // عشرات الآلاف, مئات الآلاف
    const after = ts[next];
    if (after && (after.w === 'الالاف' || after.w === 'الاف') && value !== 'thousands') {
      value = value === 'tens' ? 'tens of thousands' : 'hundreds of thousands';
      next++;
    }
    return { value, next };
  }
  let total = 0;
  let current = 0;
  let any = false;
  let j = i;
  while (j < ts.length) {
    const t = ts[j]!;
    const w = t.w;
    if (!any) {
      // The first token: digits, a number word, or a lone multiplier (ألف, مليون).
      if (t.info.first === null) return null;
      current = t.info.first;
      any = true;
      j++;
      continue;
    }
    if (w in MULTIPLIERS) {
      total += (current || 1) * MULTIPLIERS[w]!;
      current = 0;
    } else if ((w === 'عشر' || w === 'عشره') && current > 0 && current < 10) {
      current += 10; // ثلاثة عشر
    } else if ((w === 'ميه' || w === 'مايه') && current > 0 && current < 10) {
      current *= 100; // ثلاث مئة
    } else if (w === 'و' && ts[j + 1]?.digits !== undefined && total > 0 && current === 0) {
      current += ts[j + 1]!.digits!; // 22 ألفاً و500
      j++;
    } else if (w.startsWith('و') && (bare(w, UNITS) ?? bare(w, TENS) ?? bare(w, HUNDREDS)) !== null) {
      const k = w.slice(1);
      current += UNITS[k] ?? TENS[k] ?? HUNDREDS[k]!; // خمسة وعشرين
    } else break;
    j++;
  }
  return { value: total + current, next: j };
}

// Multipliers that stand for a number on their own: ألف قتيل, مليون نازح.
const LONE_MULTIPLIERS = new Set(['الف', 'الفان', 'الفين', 'مليون', 'مليونان', 'مليونين', 'مليار']);

function stripArticle(w: string): string {
  for (const p of ['وال', 'بال', 'لل', 'ال']) if (w.startsWith(p) && w.length - p.length >= 2) return w.slice(p.length);
  return w;
}

/** Only spaces between two tokens: a number does not count a noun across punctuation. */
function adjacent(source: string, a: Tok, b: Tok): boolean {
  return /^\s+$/.test(source.slice(a.end, b.start));
}

/**
 * The noun a number counts, right after it: indefinite after a number (٣٠٠ عنصر), definite
 * after a vague plural or من (عشرات الشهداء، عشرات الآلاف من المدنيين).
 */
function nounAt(source: string, ts: Tok[], i: number, vague: boolean): { noun: Noun; at: number } | null {
  let definiteOk = vague;
  for (let k = i; k < Math.min(ts.length, i + 2); k++) {
    const t = ts[k]!;
    if (k > 0 && !adjacent(source, ts[k - 1]!, t)) return null;
    const n = NOUNS.get(t.w) ?? (definiteOk ? NOUNS.get(stripArticle(t.w)) : undefined);
    // "5 من الشهر" is a date, not a duration.
    if (n && !(n.what === 'duration' && !vague && k > i)) return { noun: n, at: k };
    if (t.w !== 'من') return null;
    definiteOk = true;
  }
  return null;
}

function qualifierBefore(ts: Tok[], i: number): { approx: Approx; from: number } | null {
  for (const [words, approx] of QUALIFIERS) {
    const from = i - words.length;
    if (from < 0) continue;
    if (words.every((w, k) => ts[from + k]!.w === w || ts[from + k]!.w === `و${w}`)) return { approx, from };
  }
  return null;
}

interface Governor {
  unit: 'killed' | 'wounded' | 'killed-or-wounded';
  /** Index of the first killing/wounding word, where the phrase starts. */
  from: number;
}

/** Whether a word (its و/ف and its ة, as ه, let go) is one of killing or of wounding. */
function tollWord(word: string): 'killed' | 'wounded' | null {
  const w = word.replace(/^[وف]/, '');
  return tollWordBare(w) ?? (/^[بل]/.test(w) ? tollWordBare(w.slice(1)) : null);
}

// A preposition joined (بمقتل، لمقتل، بإصابة): "أفادت بمقتل 7"، "أدى لمقتل 14" — how a lead most
// often tells a toll after a verb (arabic21: the Arabic dev set's commonest unread toll).
function tollWordBare(w: string): 'killed' | 'wounded' | null {
  const base = w.replace(/ه$/, '');
  if (KILLED.has(w) || KILLED.has(base)) return 'killed';
  if (WOUNDED.has(w) || WOUNDED.has(base)) return 'wounded';
  return null;
}

// A toll told as its rise: "ارتفع عدد القتلى إلى 5 أشخاص", "عدد ضحايا الحريق قد ارتفع إلى 31".
const RISE_DEAD = new Set(['القتلي', 'قتلي', 'الضحايا', 'ضحايا', 'الشهداء', 'شهداء', 'الوفيات', 'وفيات']);
const RISE_HURT = new Set(['الجرحي', 'جرحي', 'المصابين', 'مصابين', 'الاصابات', 'اصابات']);
const RISE_VERB = /^[وف]?(?:ارتفع|ارتفعت|ارتفاع|يرتفع|ترتفع|وصل|وصلت|بلغ|بلغت)$/;
/** Words back from إلى within which the rise and its count's word are looked for. */
const RISE_BACK = 6;

/**
 * The dead or the hurt a number is the risen count of: إلى right before it and, within RISE_BACK
 * words before that (no punctuation between), a verb of rising and a word of the dead (or hurt).
 * A year is a date ("ارتفع عدد القتلى منذ 2011 إلى …" is not a toll of 2011).
 */
function riseGovernor(source: string, ts: Tok[], i: number, value: number | VagueAmount): Governor | null {
  if (typeof value !== 'number' || (value >= 1900 && value < 2100)) return null;
  const to = ts[i - 1];
  if (!to || to.w !== 'الي' || !adjacent(source, to, ts[i]!)) return null;
  let unit: Governor['unit'] | null = null;
  let from = i - 1;
  let rises = false;
  for (let k = i - 2; k >= Math.max(0, i - 1 - RISE_BACK); k--) {
    if (!adjacent(source, ts[k]!, ts[k + 1]!)) break;
    const w = ts[k]!.w;
    if (RISE_VERB.test(w)) rises = true;
    else if (!unit && RISE_DEAD.has(w)) unit = 'killed';
    else if (!unit && RISE_HURT.has(w)) unit = 'wounded';
    else continue;
    from = k;
  }
  return unit && rises ? { unit, from } : null;
}

function governing(ts: Tok[], i: number): Governor | null {
  let killed = false;
  let wounded = false;
  let from = i;
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const unit = tollWord(ts[k]!.w);
    const isK = unit === 'killed';
    const isW = unit === 'wounded';
    if ((isK || isW) && from === i) from = k;
    killed ||= isK;
    wounded ||= isW;
  }
  if (!killed && !wounded) return null;
  return { unit: killed && wounded ? 'killed-or-wounded' : killed ? 'killed' : 'wounded', from };
}

// What may follow a toll told with no noun ("مقتل 4 وإصابة 12", "مقتل 5 جراء انفجار"): a word of
// how or where, or of the wounded; anything else ("قتل 12 آب", "إصابة 19 جديدة") is not a toll.
const AFTER_BARE_TOLL = new Set([
  'في', 'جراء', 'اثر', 'بسبب', 'بينهم', 'منهم', 'بجروح', 'بجراح', 'خلال', 'عقب', 'نتيجه', 'وفق', 'بحسب', 'حسب',
  // "مقتل 4 بقصف": by the attack (not "إصابة 19 بفيروس").
  'بقصف', 'بغاره', 'بغارات', 'بانفجار', 'بهجوم', 'بتفجير', 'بضربه', 'بضربات', 'برصاص', 'بنيران', 'بقذيفه', 'بقذايف',
]);

/** The killing or wounding word right before `ts[i]`, alone (not one three words back: "مقتل 4 وإصابة 12" has two). */
function governorRightBefore(source: string, ts: Tok[], i: number): Governor | null {
  const prev = ts[i - 1];
  if (!prev || !adjacent(source, prev, ts[i]!)) return null;
  const unit = tollWord(prev.w);
  return unit ? { unit, from: i - 1 } : null;
}

/**
 * A whole number (tokens i..next-1) told right after a killing or wounding word with no noun, where
 * the phrase ends with it: the text's end, punctuation, the next toll's word (وإصابة), or a word of
 * AFTER_BARE_TOLL. A year (1900–2099) is a date.
 */
function bareToll(source: string, ts: Tok[], i: number, next: number, value: number | VagueAmount): Governor | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || (value >= 1900 && value < 2100)) return null;
  const gov = governorRightBefore(source, ts, i);
  if (!gov) return null;
  const after = ts[next];
  if (!after || !adjacent(source, ts[next - 1]!, after)) return gov;
  return AFTER_BARE_TOLL.has(after.w) || tollWord(after.w) ? gov : null;
}

// A lone singular noun counts one: "وقوع قتيل", "مقتل شخص".
const ONE_AFTER = new Set(['وقوع', 'سقوط']);
const SINGULAR_CASUALTY = new Set(['قتيل', 'جريح', 'شهيد', 'مصاب']);
const SINGULAR_PERSON = new Set(['شخص', 'مدني', 'طفل', 'عنصر', 'شاب', 'امراه', 'جندي', 'مقاتل']);

function singularOne(ts: Tok[], i: number): boolean {
  const prev = ts[i - 1]?.w;
  if (!prev) return false;
  if (SINGULAR_CASUALTY.has(ts[i]!.w)) return ONE_AFTER.has(prev) || KILLED.has(prev);
  return SINGULAR_PERSON.has(ts[i]!.w) && (KILLED.has(prev) || KILLED.has(prev.replace(/^و/, '')));
}

/** Numbers in a text with what they count, in reading order. */
export function findNumbers(source: string, scanned?: ScannedTokens): NumberMention[] {
  const ts = scanned ? tokensOfScan(source, scanned) : tokens(source);
  const out: NumberMention[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const num = numberAt(ts, i);
    let value: number | VagueAmount;
    let nounFrom: number;
    if (num) {
      value = num.value;
      nounFrom = num.next;
    } else {
      const noun = t.info.noun;
      const one = noun && !noun.dual && singularOne(ts, i);
      if (!noun || (!noun.dual && !one)) continue;
      const q = qualifierBefore(ts, i);
      const gov = governing(ts, i);
      out.push(mention(source, ts, { from: Math.min(q?.from ?? i, gov?.from ?? i), to: i }, { noun, value: noun.dual ? 2 : 1, approx: q?.approx, gov }));
      continue;
    }
    const found = nounAt(source, ts, nounFrom, typeof value === 'string');
    // "مقتل 4 وإصابة 12": a toll right after its own word, with no noun (its unit is that word's).
    const bare = found ? null : bareToll(source, ts, i, nounFrom, value);
    const rise = bare ? null : riseGovernor(source, ts, i, value);
    const gov = bare ?? rise ?? governing(ts, i);
    // "قتل وجرح العشرات من قوات النظام": a vague amount governed by killing needs no noun; nor
    // does a risen toll ("ارتفعت حصيلة الشهداء إلى 5").
    if (!found && !bare && !rise && !(gov && typeof value === 'string')) {
      i = Math.max(i, nounFrom - 1);
      continue;
    }
    const q = qualifierBefore(ts, i);
    const noun: Noun = found?.noun ?? { what: 'casualties', unit: gov!.unit };
    out.push(mention(source, ts, { from: Math.min(q?.from ?? i, gov?.from ?? i), to: found?.at ?? nounFrom - 1 }, { noun, value, approx: q?.approx, gov }));
    i = found?.at ?? nounFrom - 1;
  }
  return out;
}

/** What was counted: the noun, the amount, how approximate, and the verb governing it (killing…). */
interface Counted {
  noun: Noun;
  value: number | VagueAmount;
  approx: Approx | undefined;
  gov: Governor | null;
}

/** The mention of tokens from..to (inclusive) of `source`. */
function mention(source: string, ts: Tok[], { from, to }: { from: number; to: number }, { noun, value, approx, gov }: Counted): NumberMention {
  // Killing words turn a count of people or fighters into a count of casualties.
  const asCasualty = gov && (noun.what === 'people' || noun.what === 'fighters' || noun.what === 'casualties');
  const what: NumberKind = asCasualty ? 'casualties' : noun.what;
  const unit = asCasualty && noun.what !== 'casualties' ? gov.unit : noun.unit;
  const start = ts[from]!.start;
  const end = ts[to]!.end;
  const m: NumberMention = { what, unit, value, text: source.slice(start, end), start, end };
  if (approx) m.approx = approx;
  return m;
}

const DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

/** A comparable key and amount: durations in days, everything else as given. */
export function comparable(m: NumberMention): { key: string; amount: number | string } {
  if (m.what === 'duration' && typeof m.value === 'number') return { key: 'duration', amount: Math.round(m.value * DAYS[m.unit]! * 100) / 100 };
  return { key: `${m.what}:${m.unit}`, amount: m.value };
}
