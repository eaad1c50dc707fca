// Synthetic corpora for the benchmark, built from the real vocabulary: background sentences drawn
// from a word-pair chain over the real 2025 corpus (its words at their real frequencies, in
// plausible order, but no sentence repeated across hundreds of reports as a pool of real
// sentences would be at 100,000 reports), the gazetteer's places and actors (with every alias outlets use) as
// the who and where of events: a list frozen from the gazetteer (bench/data/synth-names.json), so
// that the corpus stays the same when the gazetteer grows. An event told by several outlets becomes a labelled group whose
// members differ the way outlets differ: the actor's name, spelling variants, diacritics, digits,
// attached prefixes, reordered and paraphrased sentences, other background around it.
import type { ReportRecord } from '../lib/types';
import { rng } from './rng';
import { backgroundText, synthNames } from './synth-names';

export interface SynthCorpus {
  records: ReportRecord[];
  /** Event groups: indexes into records, two to four outlets each. */
  groups: number[][];
}


const OUTLETS = ['orient-news', 'idlib24', 'shaam', 'eremnews', 'Enab Baladi', 'Syria TV', 'SANA', 'Al-Ikhbariya', 'Halab Today', 'Horan Free'];

// What happens, with the ways outlets put it (paraphrase).
const ACTIONS: string[][] = [
  ['قصف مدفعي', 'قصف بالمدفعية', 'استهداف مدفعي', 'قذائف مدفعية'],
  ['غارة جوية', 'غارات جوية', 'قصف جوي', 'ضربات جوية'],
  ['اشتباكات عنيفة', 'معارك عنيفة', 'مواجهات مسلحة', 'اشتباكات مسلحة'],
  ['انفجار عبوة ناسفة', 'تفجير عبوة ناسفة', 'انفجار لغم', 'عبوة ناسفة انفجرت'],
  ['حملة اعتقالات', 'حملة مداهمات واعتقالات', 'اعتقالات واسعة', 'مداهمات'],
  ['افتتاح مشفى ميداني', 'افتتاح مستشفى', 'تدشين مركز صحي', 'بدء عمل مشفى'],
  ['انقطاع المياه', 'أزمة مياه', 'توقف ضخ المياه', 'شح المياه'],
  ['حريق ضخم', 'اندلاع حريق', 'نيران التهمت', 'حريق واسع'],
  ['اغتيال قيادي', 'مقتل قيادي', 'تصفية قيادي', 'اغتيال مسؤول'],
  ['احتجاجات شعبية', 'مظاهرات غاضبة', 'وقفة احتجاجية', 'تظاهرات'],
  ['توزيع مساعدات', 'قافلة مساعدات', 'سلال إغاثية', 'دخول مساعدات إنسانية'],
  ['عودة النازحين', 'رجوع المهجرين', 'عودة الأهالي', 'عودة العائلات النازحة'],
];
const VICTIMS = [['قتلى', 'ضحايا', 'شهداء'], ['جرحى', 'مصابين', 'إصابات'], ['معتقلين', 'موقوفين', 'محتجزين']];
const LINKS = ['في', 'ب', 'على', 'قرب', 'في محيط'];

const NAMES = synthNames();
const PLACES = NAMES.places;
const ACTORS = NAMES.actors;

function backgroundSentences(): string[] {
  const out: string[] = [];
  for (const line of backgroundText(NAMES).split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text: string };
    for (const s of r.text.split(/(?<=[.!؟])\s+|\n+/)) {
      const words = s.trim().split(/\s+/).length;
      if (words >= 8 && words <= 45) out.push(s.trim());
    }
  }
  return out;
}

/**
 * Background prose: word-pair (bigram) chains over the real sentences. A chain jumps to a word
 * drawn at its corpus frequency now and then, so that long runs of a real sentence do not repeat.
 */
function backgroundChain(sentences: string[], r: () => number): (words: number) => string {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  const all: string[] = [];
  for (const s of sentences) {
    const w = s.split(/\s+/);
    starts.push(w[0]!);
    for (let i = 0; i < w.length; i++) {
      all.push(w[i]!);
      if (i + 1 < w.length) (next.get(w[i]!) ?? next.set(w[i]!, []).get(w[i]!)!).push(w[i + 1]!);
    }
  }
  return (words) => {
    const out = [pick(starts, r)];
    while (out.length < words) {
      const succ = next.get(out[out.length - 1]!);
      out.push(succ && r() > 0.25 ? pick(succ, r) : pick(all, r));
    }
    return `${out.join(' ')}.`;
  };
}

const DIACRITICS = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'];
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** The small differences of spelling between outlets, applied word by word. */
function vary(text: string, r: () => number, rate: number): string {
  return text
    .split(' ')
    .map((w) => {
      if (!/[\u0600-\u06FF]/.test(w) || r() > rate) return w;
      switch (Math.floor(r() * 5)) {
        case 0:
          return w.replace(/^ا/, 'أ').replace(/^إ/, 'ا').replace(/^أ/, 'ا');
        case 1:
          return w.replace(/ة$/, 'ه').replace(/ى$/, 'ي');
        case 2: {
          const i = 1 + Math.floor(r() * Math.max(1, w.length - 1));
          return w.slice(0, i) + DIACRITICS[Math.floor(r() * DIACRITICS.length)]! + w.slice(i);
        }
        case 3:
          return (r() < 0.5 ? 'و' : 'ب') + w;
        default:
          return w.replace(/ي$/, 'ى');
      }
    })
    .join(' ');
}

function digits(n: number, r: () => number): string {
  const s = String(n);
  return r() < 0.5 ? s : [...s].map((d) => ARABIC_DIGITS[Number(d)]).join('');
}

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)]!;
}

function day(base: number, offset: number): string {
  return new Date((base + offset) * 86_400_000).toISOString().slice(0, 10);
}

interface Event {
  action: string[];
  place: string[];
  actor: string[];
  victim: string[];
  count: number;
  day: number;
  /** Words of this event's story drawn from the real vocabulary (a name, a detail). */
  detail: string[];
}

interface SynthOptions {
  /**
   * Each report dates its event against its own publication day ("صباح اليوم" on the day, "أمس"
   * the day after, the weekday or the date later), as outlets do. Without it every report says
   * "صباح اليوم", so an event's reports published two days apart name two days: the ranking
   * benchmarks keep that corpus as it was; the same-event model is fitted on this one.
   */
  eventDays?: boolean;
}

const WEEKDAYS = ['الأحد', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];

/**
 * When the event happened, told from a report published `back` days later; `k` picks a wording
 * (not the random stream: the corpus without eventDays stays the same).
 */
function toldDay(eventDay: number, back: number, k: number): string {
  const date = new Date(eventDay * 86_400_000);
  const weekday = WEEKDAYS[date.getUTCDay()]!;
  const dated = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  if (back <= 0) return ['صباح اليوم', 'فجر اليوم', 'مساء اليوم'][k % 3]!;
  if (back === 1) return ['صباح أمس', 'مساء أمس', `يوم أمس ${weekday}`, `صباح يوم ${weekday}`][k % 4]!;
  return [`صباح يوم ${weekday}`, `يوم ${weekday} ${dated}`, `في ${dated}`][k % 3]!;
}

export function synthCorpus(docs: number, seed = 7, opts: SynthOptions = {}): SynthCorpus {
  const r = rng(seed * 1_000_003 + docs);
  const bg = backgroundSentences();
  const vocab = [...new Set(bg.flatMap((s) => s.split(/\s+/)).filter((w) => /^[\u0600-\u06FF]{5,}$/.test(w)))];
  const records: ReportRecord[] = [];
  const groups: number[][] = [];
  const start = 19_000; // 2022-01-08
  const sentence = backgroundChain(bg, r);
  const filler = (n: number) => Array.from({ length: n }, () => sentence(10 + Math.floor(r() * 25)));

  const newEvent = (place?: string[]): Event => ({
    action: pick(ACTIONS, r),
    place: place ?? pick(PLACES, r),
    actor: pick(ACTORS, r),
    victim: pick(VICTIMS, r),
    count: 2 + Math.floor(r() * 40),
    day: start + Math.floor(r() * 1500),
    detail: Array.from({ length: 3 }, () => pick(vocab, r)),
  });

  const tell = (e: Event, outlet: string, dayOffset: number): ReportRecord => {
    const action = pick(e.action, r);
    const place = pick(e.place, r);
    const actor = pick(e.actor, r);
    const victim = pick(e.victim, r);
    const n = digits(e.count, r);
    const when = opts.eventDays ? toldDay(e.day, dayOffset, records.length) : 'صباح اليوم';
    const titles = [
      `${action} ${pick(LINKS, r)} ${place} و${n} ${victim}`,
      `${place}: ${action} يخلّف ${n} ${victim}`,
      `${actor} .. ${action} ${pick(LINKS, r)} ${place}`,
      `${n} ${victim} إثر ${action} ${pick(LINKS, r)} ${place}`,
    ];
    const story = [
      `أفادت مصادر محلية بوقوع ${action} ${pick(LINKS, r)} ${place} ${when}، ما أسفر عن ${n} ${victim}.`,
      `وحمّلت المصادر ${actor} المسؤولية عن ${action}، وسط ${e.detail[0]} في المنطقة.`,
      `وذكر شهود أن ${e.detail[1]} و${e.detail[2]} تزامنا مع ${action} في ${place}.`,
      `ويأتي ذلك بعد أيام من توتر شهدته ${place} وريفها.`,
    ];
    // Outlets tell the story in their own order, with their own background.
    const told = story.filter(() => r() < 0.85);
    if (told.length < 2) told.push(story[0]!, story[1]!);
    if (r() < 0.5) told.reverse();
    const paragraphs = [...told, ...filler(3 + Math.floor(r() * 5))];
    if (r() < 0.5) paragraphs.splice(1, 0, ...filler(1 + Math.floor(r() * 2)));
    return {
      url: `https://synthetic.example/${outlet.replace(/\s+/g, '-').toLowerCase()}/${records.length}`,
      outlet,
      title: vary(pick(titles, r), r, 0.25),
      publishedAt: day(e.day, dayOffset),
      text: vary(paragraphs.join('\n'), r, 0.12),
    };
  };

  while (records.length < docs) {
    const kind = r();
    if (kind < 0.3) {
      // An event several outlets covered: the labelled group.
      const e = newEvent();
      const size = Math.min(docs - records.length, 2 + Math.floor(r() * 3));
      if (size < 2) {
        records.push(tell(e, pick(OUTLETS, r), 0));
        continue;
      }
      const outlets = [...OUTLETS].sort(() => r() - 0.5).slice(0, size);
      const g: number[] = [];
      for (const o of outlets) {
        g.push(records.length);
        records.push(tell(e, o, Math.floor(r() * 3)));
      }
      groups.push(g);
      // A different event at the same place, weeks later: what precision must keep apart.
      if (r() < 0.5 && records.length < docs) {
        const other = newEvent(e.place);
        records.push(tell({ ...other, day: e.day + 20 + Math.floor(r() * 300) }, pick(OUTLETS, r), 0));
      }
    } else if (kind < 0.55) {
      // An event one outlet told.
      records.push(tell(newEvent(), pick(OUTLETS, r), 0));
    } else {
      // Other news: real sentences reshuffled.
      const s = filler(4 + Math.floor(r() * 6));
      records.push({
        url: `https://synthetic.example/news/${records.length}`,
        outlet: pick(OUTLETS, r),
        title: s[0]!.split(/\s+/).slice(0, 10).join(' '),
        publishedAt: day(start + Math.floor(r() * 1500), 0),
        text: vary(s.join('\n'), r, 0.05),
      });
    }
  }
  return { records: records.slice(0, docs), groups: groups.filter((g) => g.every((i) => i < docs)) };
}
