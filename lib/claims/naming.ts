// Naming: which name a text uses for each actor ("قوات الأسد", "الجيش العربي السوري", "داعش").
import { matchEntities } from '../entities/match';
import type { EntityMatch } from '../entities/types';
import { framing, type Frame } from './framing';

/**
 * How a name stands toward the actor: its own name (or its state's), neutral, sympathetic, hostile.
 * Which outlet uses which is the point of comparing them ("قوات الأسد" vs "الجيش العربي السوري").
 */
export type Register = 'own' | 'neutral' | 'sympathetic' | 'hostile';

// Registers of the names of the actors the outlets disagree about, keyed by gazetteer alias.
export const REGISTERS: Readonly<Record<string, Readonly<Record<string, Register>>>> = {
  'regime-forces': {
    'الجيش العربي السوري': 'own', 'قوات الجيش العربي السوري': 'own', 'الجيش السوري': 'own', 'قوات الجيش السوري': 'own',
    'وحدات الجيش السوري': 'own', 'الجيش النظامي': 'neutral', 'القوات الحكومية السورية': 'neutral', 'قوات النظام': 'neutral',
    'قوات النظام السوري': 'neutral', 'قوات الأسد': 'hostile', 'جيش الأسد': 'hostile', 'جيش النظام': 'hostile',
    'ميليشيات الأسد': 'hostile', 'ميليشيا الأسد': 'hostile', 'عصابات الأسد': 'hostile', 'قوات الأسد البائد': 'hostile',
    'جيش النظام البائد': 'hostile', 'قوات النظام البائد': 'hostile',
  },
  'assad-regime': {
    'النظام السوري': 'neutral', 'الحكومة السورية السابقة': 'neutral', 'النظام': 'neutral', 'نظام الأسد': 'hostile',
    'النظام البائد': 'hostile', 'نظام الأسد البائد': 'hostile', 'النظام المخلوع': 'hostile', 'العهد البائد': 'hostile',
    'آل الأسد': 'hostile', 'النظام الأسدي': 'hostile',
  },
  'islamic-state': {
    'الدولة الإسلامية': 'own', 'دولة الخلافة': 'own', 'ولاية الشام': 'own', 'تنظيم الدولة': 'neutral',
    'تنظيم الدولة الإسلامية': 'neutral', 'داعش': 'hostile', 'تنظيم داعش': 'hostile', 'تنظيم داعش الإرهابي': 'hostile',
    'خلايا داعش': 'hostile', 'عناصر داعش': 'hostile', 'مسلحي داعش': 'hostile',
  },
  sdf: {
    'قوات سوريا الديمقراطية': 'own', 'قسد': 'neutral', 'قوات قسد': 'neutral', 'ميليشيا قسد': 'hostile', 'ميليشيات قسد': 'hostile',
    'ميليشيا قوات سوريا الديمقراطية': 'hostile', 'الميليشيات الانفصالية الكردية': 'hostile', 'الميليشيات الكردية': 'hostile',
    'الميليشيات الانفصالية': 'hostile',
  },
  opposition: {
    'الثوار': 'sympathetic', 'فصائل الثوار': 'sympathetic', 'الفصائل الثورية': 'sympathetic', 'فصائل الثورة السورية': 'sympathetic',
    'المعارضة السورية': 'neutral', 'فصائل المعارضة': 'neutral', 'المعارضة المسلحة': 'neutral', 'كتائب المعارضة': 'neutral',
    'فصائل المعارضة السورية': 'neutral', 'الفصائل المسلحة': 'hostile',
  },
  hts: { 'هيئة تحرير الشام': 'own', 'تحرير الشام': 'own', 'جبهة النصرة': 'neutral', 'النصرة': 'neutral', 'جبهة فتح الشام': 'own', 'هتش': 'hostile', 'تنظيم هتش': 'hostile' },
  russia: {
    'روسيا': 'neutral', 'القوات الروسية': 'neutral', 'الجيش الروسي': 'neutral', 'الطيران الروسي': 'neutral', 'الطائرات الروسية': 'neutral',
    'العدوان الروسي': 'hostile', 'طائرات العدوان الروسي': 'hostile', 'الاحتلال الروسي': 'hostile',
  },
  israel: {
    'إسرائيل': 'neutral', 'الجيش الإسرائيلي': 'neutral', 'القوات الإسرائيلية': 'neutral', 'الطيران الإسرائيلي': 'neutral',
    'الاحتلال الإسرائيلي': 'hostile', 'جيش الاحتلال الإسرائيلي': 'hostile', 'قوات الاحتلال الإسرائيلي': 'hostile', 'جيش الاحتلال': 'hostile',
    'قوات الاحتلال': 'hostile', 'الكيان الصهيوني': 'hostile', 'العدو الصهيوني': 'hostile', 'العدو الإسرائيلي': 'hostile',
  },
  hezbollah: { 'حزب الله': 'neutral', 'حزب الله اللبناني': 'neutral', 'ميليشيا حزب الله': 'hostile', 'ميليشيات حزب الله': 'hostile', 'مليشيا حزب الله': 'hostile' },
  'pro-regime-militias': {
    'الميليشيات الموالية': 'neutral', 'المليشيات الموالية': 'neutral', 'الميليشيات المساندة': 'neutral', 'الميليشيات الموالية لإيران': 'neutral',
    'الميليشيات الشيعية': 'hostile', 'المليشيات الشيعية': 'hostile', 'الميليشيات الطائفية': 'hostile', 'الميليشيات الإيرانية': 'hostile',
  },
  'regime-remnants': { 'فلول النظام': 'hostile', 'الفلول': 'hostile', 'فلول النظام البائد': 'hostile', 'فلول الأسد': 'hostile', 'بقايا النظام': 'hostile' },
};

/** The register of a name for an actor, when the lexicon knows it. */
export function registerOf(actor: string, term: string): Register | undefined {
  return REGISTERS[actor]?.[term];
}

export interface NamingUse {
  /** Actor id (lib/entities). */
  actor: string;
  /** The gazetteer name used: the same term however it was spelled or prefixed. */
  term: string;
  /** As written in the text. */
  written: string;
  start: number;
  end: number;
  /** Frames the name itself carries ("طائرات العدوان الروسي" → aggression). */
  frames: Frame[];
  /** How the name stands toward the actor, when known. */
  register?: Register;
}

export interface NamingOptions {
  matches?: EntityMatch[];
  date?: string | null;
}

const FRAMES = new Map<string, Frame[]>();

/** The frames a gazetteer name carries, computed once per name. */
function framesOf(alias: string): Frame[] {
  let f = FRAMES.get(alias);
  if (!f) FRAMES.set(alias, (f = [...new Set(framing(alias, { matches: [] }).map((x) => x.frame))]));
  return f;
}

/** Every mention of an actor with the name used for it. */
export function namingTerms(text: string, opts: NamingOptions = {}): NamingUse[] {
  const matches = opts.matches ?? matchEntities(text, { date: opts.date });
  return matches
    .filter((m) => m.type === 'actor')
    .map((m) => {
      const use: NamingUse = { actor: m.id, term: m.alias, written: text.slice(m.start, m.end), start: m.start, end: m.end, frames: framesOf(m.alias) };
      const register = registerOf(m.id, m.alias);
      if (register) use.register = register;
      return use;
    });
}

/** Per actor, the terms used and how often: {"regime-forces": {"قوات الأسد": 9}}. */
export function namingSummary(uses: NamingUse[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const u of uses) {
    const terms = (out[u.actor] ??= {});
    terms[u.term] = (terms[u.term] ?? 0) + 1;
  }
  return out;
}
