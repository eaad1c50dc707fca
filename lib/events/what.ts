// What the event was about, finer than its type: the thing hit or acted on and the action's own
// kind (a convoy of evacuees, a chemical attack, a hospital; a denial, a closure, the pilgrims'
// flights). Two reports of one place and one day can be two events (the airport's closure denied,
// its first pilgrims' flight landed); two reports of one event name the same thing in other words
// ("evacuees" and "bus convoy"). Read from the title and the first sentence, in Arabic as
// normalize() writes it and in English.
import { normalize } from '../arabic';
import { compile, foundIn, type Candidates } from './vocabulary';
import type { EventSignature } from './types';

type Key = string;

const AR: Array<[Key, number, string]> = [
  ['chemical', 1, 'كيماوي|كيميايي|كيماويه|كيميائيه|غازات|غاز سام|غاز الكلور|غاز السارين|سارين|الكلور|مواد سامه|اعراض اختناق|حالات اختناق'],
  ['convoy', 1, 'قافله|قوافل|حافله|حافلات|باصات'],
  ['hospital', 1, 'مشفي|مستشفي|مستشفيات|مشافي|مركز صحي|نقطه طبيه|مستوصف'],
  ['school', 1, 'مدرسه|مدارس|روضه'],
  ['university', 1, 'جامعه|جامعات|جامعتي'],
  ['exam', 1, 'امتحانات|امتحان|الامتحانيه|امتحانيه|الشهادات العامه|الثانويه العامه'],
  ['market', 1, 'سوق شعبي|السوق الشعبي|سوق الخضار|سوق الهال'],
  ['worship', 1, 'مسجد|كنيسه|مساجد|كنايس|الجامع الكبير|الجامع الاموي'],
  ['bread', 1, 'الفرن|افران|الافران|مخبز|مخابز|خبز|الخبز|ربطه الخبز|الطحين|طحين'],
  ['camp', 1, 'مخيم|مخيمات'],
  ['prison', 1, 'سجن|سجون|السجون|معتقل|موقوفين|الموقوفين|معتقلين|المعتقلين|اسري|الاسري|المحتجزين'],
  ['pilgrims', 1, 'حجاج|الحجاج|موسم الحج|مناسك الحج|فريضه الحج'],
  ['flights', 1, 'رحلات|رحله|رحلاتها|الرحلات|طائره|طايره|خطوط جويه|الخطوط الجويه'],
  ['closure', 1, 'اغلاق|اغلقت|اغلق|تعليق|علقت|يعلق|تعلق|ايقاف|توقف|توقيف العمل'],
  // Flights moved to another airport: an event of its own at an airport (events21), not its flights.
  ['diversion', 1, 'تحويل رحلات|تحويل الرحلات|تحول رحلات|تحول الرحلات|حولت رحلات|نقل رحلات|نقل الرحلات|نقلت رحلات|تحويل مسار الرحلات|تحويل مسار رحلات|تحويل مسار الطائرات|تحويل مسار الطايرات'],
  // "تنفي" (she denies), not the start of "تنفيذ" (carrying out: "بدء تنفيذ الاتفاق", "المكتب
  // التنفيذي"), which a word's two letters of ending let it match (events21).
  ['denial', 1, 'نفي|ينفي|تنفي(?!ذ)|نفت|شايعات|الشايعات|شائعات|الشائعات|عار عن الصحه|تكذيب|يكذب|تكذب'],
  ['crossing', 1, 'معبر|معابر|المعابر|المنافذ|منافذ'],
  ['checkpoint', 1, 'حاجز|حواجز'],
  ['smuggling', 1, 'تهريب|مهربه|مهربين|شحنه|شحنات|ضبط'],
  ['wages', 1, 'اجور|رواتب|الرواتب|الاجور|تعويضات|منحه'],
  ['fire', 1, 'حريق|حرائق|النيران|اخماد|يخمد|تخمد'],
  ['decree', 1, 'مرسوم|مرسوما|مراسيم|المرسوم'],
  ['appointment', 1, 'تعيين|تعيينات|يعين|تكليف|اعفاء'],
  ['meeting', 1, 'لقاء|اجتماع|اجتماعا|يلتقي|التقي|يبحث|بحث|تبحثان|يبحثان|يناقش|ناقش|يناقشان|مباحثات|محادثات|مشاورات'],
  ['visit', 1, 'زياره|يزور|تزور|جوله|يتفقد|تفقد'],
  ['swap', 1, 'تبادل|صفقه تبادل|تبييض'],
  ['oil', 1, 'نفط|النفط|نفطي|محروقات|مازوت|بنزين|حقل|حقول|غاز منزلي'],
  ['power', 1, 'كهرباء|الكهرباء|كهربايي|تقنين|مياه الشرب|محطه مياه'],
  ['protest', 1, 'مظاهره|مظاهرات|احتجاج|احتجاجات|وقفه احتجاجيه|اعتصام|تظاهر'],
  ['funds', 1, 'تمويل|منحه ماليه|قرض|قروض|صندوق'],
  ['sanctions', 1, 'عقوبات|العقوبات|قيصر'],
  ['election', 1, 'انتخابات|انتخاب|مجلس الشعب|الاقتراع'],
  ['return', 1, 'عوده|العوده|عائدين|العائدين|عايدين|العايدين|يعودون'],
  ['mine', 1, 'لغم|الغام|مخلفات الحرب|قنبله عنقوديه|ذخائر غير منفجره'],
  ['drone', 1, 'مسيره|مسيرات|طائره مسيره|طايره مسيره|درون'],
  ['incursion', 1, 'توغل|توغلت|تجريف|اقتحام|اقتحمت|مداهمه|داهمت'],
  // Another's word on an event: a welcome, a condemnation, a call (neighbours: a reaction is judged
  // close to the reports of what it reacts to, whichever event it is).
  ['reaction', 1, 'ترحب|يرحب|نرحب|رحب|رحبت|ترحيب|ترحيبا|تدين|يدين|ندين|ادان|ادانت|ادانه|تستنكر|يستنكر|استنكر|استنكرت|استنكار|تندد|يندد|ندد|نددت|تنديد|تشجب|يشجب|شجب|تطالب|يطالب|تدعو|يدعو|دعت'],
];

const EN: Array<[Key, number, string]> = [
  ['chemical', 1, 'chemical|chemicals|gas attack|poison gas|toxic gas|sarin|chlorine|nerve agent|toxic|poisonous|suffocation'],
  ['convoy', 1, 'convoy|convoys|bus|buses|evacuees|evacuee|evacuation|evacuated'],
  ['hospital', 1, 'hospital|hospitals|clinic|clinics|medical centre|medical center'],
  ['school', 1, 'school|schools|kindergarten'],
  ['university', 1, 'university|universities'],
  ['exam', 1, 'exam|exams|examination|examinations'],
  ['market', 1, 'market|marketplace|bazaar'],
  ['worship', 1, 'mosque|mosques|church|churches'],
  ['bread', 1, 'bakery|bakeries|bread|flour'],
  ['camp', 1, 'camp|camps'],
  ['prison', 1, 'prison|prisons|prisoners|detainees|captives'],
  ['pilgrims', 1, 'pilgrims|pilgrim|hajj'],
  ['flights', 1, 'flight|flights|airline|airlines|plane|aircraft'],
  ['closure', 1, 'closure|closed|suspended|suspends|suspension'],
  ['diversion', 1, 'diverted flights|diverts flights|divert flights|diverting flights|flights diverted|flights were diverted|flights rerouted|rerouted flights|reroutes flights|rerouting flights|diversion of flights'],
  ['denial', 1, 'denied|denies|deny|rumours|rumors'],
  ['crossing', 1, 'crossing|border crossing|crossings'],
  ['checkpoint', 1, 'checkpoint|checkpoints'],
  ['smuggling', 1, 'smuggling|smuggled|smugglers|shipment'],
  ['wages', 1, 'wages|salaries|salary'],
  ['fire', 1, 'blaze|blazes|wildfire|wildfires|fire broke out|fires'],
  ['decree', 1, 'decree|decrees'],
  ['appointment', 1, 'appointed|appoints|appointment'],
  ['meeting', 1, 'meeting|met|meets|talks|discussed|discuss'],
  ['visit', 1, 'visit|visited|visits|tour|toured'],
  ['swap', 1, 'swap|prisoner exchange|prisoner swap'],
  ['oil', 1, 'oil|fuel|oilfield|oil field|gas field'],
  ['power', 1, 'electricity|power station|power plant|water station'],
  ['protest', 1, 'protest|protests|protesters|demonstration|demonstrations|demonstrators'],
  ['funds', 1, 'funding|fund|grant|loan'],
  ['sanctions', 1, 'sanctions|caesar act'],
  ['election', 1, 'election|elections|vote|ballot'],
  ['return', 1, 'returnees|return of refugees|returning refugees'],
  ['mine', 1, 'landmine|landmines|unexploded|cluster munitions|cluster bombs'],
  ['drone', 1, 'drone|drones|uav'],
  ['incursion', 1, 'incursion|incursions|stormed'],
  ['reaction', 1, 'welcome|welcomes|welcomed|condemn|condemns|condemned|condemnation|denounce|denounces|denounced|deplores|deplored|slams|slammed|urges|urged|calls for|called for'],
];

// The weapon, where a report names one: two reports of one place and day that name different
// weapons (a ground-to-ground missile on Maghayir, a barrel bomb on al-Bureij) tell two attacks.
// Coarse classes, so that outlets' words for one weapon fall in one: a missile or a rocket, a car
// bomb or a suicide bomber or an explosive device; an air strike or a raid names no weapon.
const WEAPONS_AR: Array<[Key, number, string]> = [
  ['barrel', 1, 'برميل|براميل|برميل متفجر|براميل متفجره'],
  ['missile', 1, 'صاروخ|صواريخ|صاروخي|صاروخيه|راجمه|راجمات|باليستي'],
  ['device', 1, 'مفخخه|سياره مفخخه|انتحاري|انتحاريه|انتحاريين|عبوه ناسفه|ناسفه|حزام ناسف'],
  ['mortar', 1, 'هاون|قذيفه هاون|قذائف هاون'],
  ['chemical', 1, 'كيماوي|كيميايي|كيماويه|كيميائيه|غاز سام|غاز الكلور|سارين|الكلور'],
  ['cluster', 1, 'عنقودي|عنقوديه'],
];
const WEAPONS_EN: Array<[Key, number, string]> = [
  ['barrel', 1, 'barrel bomb|barrel bombs|barrel-bomb|barrel-bombs|barrels|explosive barrels'],
  ['missile', 1, 'missile|missiles|rocket|rockets|ballistic|scud|tomahawk|tomahawks'],
  ['device', 1, 'car bomb|car bombs|car-bomb|truck bomb|motorbike bomb|motorcycle bomb|suicide|bomber|booby-trapped|explosive device|explosive devices|ied|vbied'],
  ['mortar', 1, 'mortar|mortars'],
  ['chemical', 1, 'chemical|chemicals|gas attack|poison gas|toxic gas|sarin|chlorine|nerve agent'],
  ['cluster', 1, 'cluster'],
];

const WORDS = { ar: compile(AR, true), en: compile(EN, false) };
const WEAPONS = { ar: compile(WEAPONS_AR, true), en: compile(WEAPONS_EN, false) };

/** The first sentence of the lede read for the event's thing (not the background after it). */
const FIRST_SENTENCE = 240;

/** The things `words` name in `text` (normalised: at `offset` of the candidates' text, when there are candidates). */
function keysIn(text: string, arabic: boolean, words: typeof WORDS, c: Candidates | null, offset = 0): string[] {
  const out: string[] = [];
  for (const p of arabic ? words.ar : words.en) if (!out.includes(p.type) && foundIn(p, text, c, offset)) out.push(p.type);
  return out;
}

interface What {
  /** The things the title names. */
  title: string[];
  /** The things the title and the first sentence name (the title's first). */
  all: string[];
  /** The title tells a new toll of an event already reported ("death toll rises to 126"). */
  update: boolean;
  /** The weapons the title and the first sentence name (absent when none, and in signatures stored before). */
  weapons?: string[];
}

// A toll counted again: "ارتفاع حصيلة", "ارتفع عدد القتلى", "death toll rises", "new toll".
const UPDATE_AR = /(?:^|[^\u0621-\u064A])(?:حصيله|الحصيله|ارتفاع\s+(?:عدد|حصيله)|ارتفع\s+عدد|ترتفع\s+(?:ال)?(?:حصيله|عدد)|يرتفع\s+(?:ال)?(?:عدد))/;
const UPDATE_EN = /\b(?:death toll|toll|new toll|rises to|rise to|climbs to|risen to|mounts)\b/;

// Another event named as the time of this one: "just hours after a suspected chemical gas attack
// left dozens dead in Khan Sheikhun", "بعد ساعات من هجوم كيماوي", "a day after air strikes hit a
// hospital". What follows is that event's thing and weapon, not this one's (a plain "after" is
// not: "dead after a gas attack" tells what the event was).
const BACKGROUND_AR = /(?:^|[^\u0621-\u064A])(?:بعد|عقب)\s+(?:ساعات|ساعه|ساعتين|يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع)\s+(?:من|علي)(?![\u0621-\u064A])/;
const BACKGROUND_EN = /\b(?:hours|an hour|a day|one day|two days|three days|days|a week|weeks)\s+after\b/i;

/** `text` up to another event named as its time, when it names one. */
function beforeBackground(text: string, arabic: boolean): string {
  const m = (arabic ? BACKGROUND_AR : BACKGROUND_EN).exec(text);
  return m ? text.slice(0, m.index) : text;
}

const SENTENCE_END = /[.!؟?]\s/;

/** The event's things; `c`: the candidates (vocabulary.ts candidatesIn) of `${title}\n${lede}`, when there are. */
export function whatOf(title: string, lede: string, arabic: boolean, c: Candidates | null = null): What {
  // The lede up to its first sentence's end (as .split(/(?<=[.!؟?])\s/)[0], without a lookbehind tried at every character).
  const head = lede.slice(0, FIRST_SENTENCE);
  const stop = SENTENCE_END.exec(head);
  const first = stop ? head.slice(0, stop.index + 1) : head;
  // The normalised title, first sentence, and both, as parts of the candidates' text when there are.
  const ledeAt = c ? c.at[title.length + 1]! : 0;
  const flat = c ? c.flat.slice(0, c.at[title.length]) : normalize(title);
  const flatFirst = c ? c.flat.slice(ledeAt, c.at[title.length + 1 + first.length]) : normalize(first);
  const own = beforeBackground(flat, arabic);
  const ownFirst = beforeBackground(flatFirst, arabic);
  const t = keysIn(own, arabic, WORDS, c);
  const rest = keysIn(ownFirst, arabic, WORDS, c, ledeAt).filter((k) => !t.includes(k));
  const weapons = [...new Set([...keysIn(own, arabic, WEAPONS, c), ...keysIn(ownFirst, arabic, WEAPONS, c, ledeAt)])];
  return { title: t, all: [...t, ...rest], update: (arabic ? UPDATE_AR : UPDATE_EN).test(flat), ...(weapons.length ? { weapons } : {}) };
}

/**
 * Things nearly every report of their kind names (an airport's flights, a minister's meeting or
 * visit, a closure, a fund's money, a return; a crossing, which is where the news happens; a
 * reaction, which one event's reports also tell — "the Coalition condemns the massacre"): neither
 * two reports naming them are thereby about one event, nor two naming different ones about two.
 */
const WEAK = new Set(['flights', 'closure', 'meeting', 'visit', 'funds', 'return', 'decree', 'appointment', 'crossing', 'reaction']);

/**
 * Do two reports name the same thing (`same`), or does each headline name things the other report
 * never names (`conflict`: the airport's closure denied against its pilgrims' flight)? WEAK
 * things count for neither.
 */
function whatAgreement(a: What, b: What): { same: number; conflict: number } {
  // Loops, not some/filter with a closure each and two filtered lists: every pair of every pool
  // a warm query judges (≈ 40 KB a pool, bench/judge-replay.ts --stored, session 23); the same answer.
  let same = 0;
  for (const k of a.all) {
    if (!WEAK.has(k) && b.all.includes(k)) {
      same = 1;
      break;
    }
  }
  const [ta, inB] = strongTitle(a, b);
  const [tb, inA] = strongTitle(b, a);
  const apart = ta && tb && !inB && !inA;
  // A denial is an event of its own (the statement denying): a report that never speaks of one
  // (the pilgrims' flight that landed at the airport said to be closed) tells another.
  return { same, conflict: apart || denies(a, b) || denies(b, a) ? 1 : 0 };
}

const denies = (x: What, y: What) => x.title.includes('denial') && !y.all.includes('denial');

/** Whether `x`'s headline names a thing not WEAK, and whether one of those is among all `y` names. */
function strongTitle(x: What, y: What): [boolean, boolean] {
  let strong = false;
  for (const k of x.title) {
    if (WEAK.has(k)) continue;
    strong = true;
    if (y.all.includes(k)) return [true, true];
  }
  return [strong, false];
}

/**
 * What the event was about: the same thing named, or two headlines about things the other never
 * names; and a new toll of the same kind of event at the same place, which one outlet may publish
 * twice (its first report and its update are one event, not two of its stories).
 */
export function whatFeatures(a: EventSignature, b: EventSignature, typeSame: number, sameOutlet: boolean, apart: boolean) {
  const wa = a.what ?? NOTHING;
  const wb = b.what ?? NOTHING;
  const { same, conflict } = whatAgreement(wa, wb);
  // An update is of the same kind of event at the same place and day: a strike on the next town,
  // or on another day told, is not it (`apart`).
  const update = (wa.update || wb.update) && (typeSame || same) && !apart ? 1 : 0;
  // Each names a weapon, none the other's.
  const ka = wa.weapons ?? [];
  const kb = wb.weapons ?? [];
  const weaponConflict = ka.length && kb.length && !ka.some((k) => kb.includes(k)) ? 1 : 0;
  return { whatSame: same, whatConflict: conflict, update, sameOutletUpdate: sameOutlet ? update : 0, weaponConflict };
}
const NOTHING: What = { title: [], all: [], update: false };

/** The report's headline is another's word on an event (a welcome, a condemnation, a call): a reaction. */
export function isReaction(s: EventSignature): boolean {
  return !!s.what?.title.includes('reaction');
}
