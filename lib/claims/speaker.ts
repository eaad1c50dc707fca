// Who a speaker's phrase names: a source or actor of the gazetteer (with the title before it and
// the qualifier after it), an institution named earlier ("الوزارة"), an official by title, a
// named person, a document, or unnamed sources ("مصادر ميدانية").
import { normalize } from '../arabic/normalize';
import { isStopWord } from '../arabic/stopwords';
import type { Token } from '../arabic/tokenize';
import { ENTITIES, aliasText, ancestors, entityById } from '../entities/gazetteer';
import type { EntityMatch } from '../entities/types';
import type { Attribution, ClaimSourceType } from './claim-types';
import { INDEFINITE_SPEAKERS, OFFICIAL_TITLES, QUALIFIERS } from './lexicon';
import { firstFrom, nearestBefore, startingIn } from './matches-near';
import { breaksBetween, closeQuote, isName, phraseAt, type Phrase } from './phrase';

// Pronoun-like references to an organisation already named: "المكتب الإعلامي للحركة".
const ANAPHORA: Record<string, string> = { للحركه: 'حركه', للهييه: 'هييه', للجبهه: 'جبهه', للتنظيم: 'تنظيم', للفصيل: '', للجيش: 'جيش' };
// "الناشط الإعلامي في مدينة دير الزور": words after a speaker that still say who it is.
const PLACE_OF_SPEAKER = new Set(['في', 'من', 'لدي', 'داخل', 'ب']);
const HONORIFIC = new Set(['السيد', 'السيده', 'الدكتور', 'الدكتوره', 'المهندس', 'الشيخ', 'اللواء', 'العميد', 'العقيد', 'الأستاذ', 'الاستاذة', 'المحامي', 'الصحفي', 'الإعلامي', 'الخبير', 'الباحث'].map(normalize));
// "أفاد التقرير", "أكد البيان": a claim attributed to a document.
const DOCUMENTS = new Set(['التقرير', 'البيان', 'الدراسه', 'الاحصاييات', 'الوثيقه', 'القرار', 'المرسوم', 'الاتفاق', 'التصريح', 'البلاغ', 'التعميم', 'الاعلان', 'الرساله', 'المذكره', 'التحقيق', 'بيان', 'تقرير', 'دراسه'].map(normalize));
// Words that start an adverbial or an object, not a speaker.
const NOT_A_SPEAKER = new Set(['قبل', 'بعد', 'خلال', 'اسم', 'عدد', 'اهم', 'هذا', 'هذه', 'ذلك', 'تلك', 'كل', 'من', 'على', 'مع', 'الي', 'عن', 'ان'].map(normalize));

export function typeOfActor(id: string): ClaimSourceType {
  const chain = ancestors(id);
  const e = chain[0]!;
  if (['armed-group', 'jihadist-group', 'militia', 'party'].includes(e.kind)) return 'faction';
  if (e.kind === 'person' && !chain.slice(1).some((a) => ['government', 'state', 'regime', 'organisation'].includes(a.kind))) return 'person';
  return 'official';
}

// Words that refer back to an institution already named: the word, and the first word of the
// names it may refer to ("الوزارة" → "وزارة المالية").
const BACK: Record<string, string> = { الوزاره: 'وزاره', الهييه: 'هييه', المديريه: 'مديريه', الموسسه: 'موسسه', النقابه: 'نقابه', الوكاله: 'وكاله', القناه: 'قناه', الصحيفه: 'صحيفه', الشبكه: 'شبكه', الحركه: 'حركه', الجبهه: 'جبهه', اللجنه: 'لجنه', المرصد: 'مرصد', المنظمه: 'منظمه' };

/** The entity a bare "الوزارة" or "الوزير" refers to: the nearest one named before `at`. */
function backReference(word: string, recent: EntityMatch[], at: number): EntityMatch | undefined {
  const head = BACK[word];
  if (head) return nearestBefore(recent, at, (m) => m.type !== 'place' && (normalize(m.alias).startsWith(head) || normalize(entityById(m.id)!.name.ar).startsWith(head)));
  if (word === 'الوزير') return nearestBefore(recent, at, (m) => m.type !== 'place' && ancestors(m.id).some((x) => x.id.startsWith('ministry-')) && entityById(m.id)!.kind === 'person');
  return undefined;
}

const MINISTER = new Set(['وزير', 'وزيره', 'الوزير', 'الوزيره']);
let MINISTRIES: Map<string, string> | null = null;

/** The ministry "وزارة <words>" names, trying the longest run of the words first. */
function ministryOf(words: string[]): string | null {
  if (!MINISTRIES) {
    MINISTRIES = new Map();
    for (const e of ENTITIES) {
      if (e.type === 'place') continue;
      for (const n of [e.name.ar, ...e.aliases.map(aliasText)].map(normalize)) if (n.startsWith('وزاره ') && !MINISTRIES.has(n)) MINISTRIES.set(n, e.id);
    }
  }
  for (let n = Math.min(words.length, 4); n > 0; n--) {
    const id = MINISTRIES.get(`وزاره ${words.slice(0, n).join(' ')}`);
    // "وزير الداخلية اللبناني" is another country's minister.
    const nationality = words[n];
    if (id) return nationality && /^ال.+(ي|يه)$/.test(nationality) && !/^السوري/.test(nationality) ? null : id;
  }
  return null;
}

/** One sentence being read: the text, its tokens up to `last`, the names in it and just before it. */
export interface Scan {
  text: string;
  toks: readonly Token[];
  last: number;
  matches: EntityMatch[];
  recent: EntityMatch[];
}

/** The attribution a speaker's phrase makes, or null when the phrase names no one. */
export function resolvePhrase(sc: Scan, ph: Phrase, cue: Token, speaker?: Attribution): Attribution | null {
  const { text, toks, last, matches, recent } = sc;
  const cueEnd = cue.end;
  if (ph.to <= ph.from) return null;
  const a = toks[ph.from]!.start;
  const b = toks[ph.to - 1]!.end;
  const inside = startingIn(matches, a, b).filter((m) => m.type !== 'place');
  const pick = inside.find((m) => m.type === 'source') ?? inside.find((m) => m.type === 'actor');
  let source = text.slice(a, b);
  let sourceId: string | null = null;
  let sourceType: ClaimSourceType;
  let srcStart = a;
  let srcEnd = b;
  let qualifier: string | null = null;
  const after = ph.to;
  let ref: EntityMatch | undefined;
  if (pick) {
    const e = entityById(pick.id)!;
    srcStart = pick.start;
    srcEnd = pick.end;
    sourceId = e.id;
    sourceType = e.type === 'source' ? e.sourceType! : typeOfActor(e.id);
    // A media office speaks for the organisation named after it, or named earlier ("للحركة").
    if (e.id === 'media-office') {
      const owner = inside.find((m) => m.type === 'actor' && m.start >= pick.end);
      const ref = Object.entries(ANAPHORA).find(([w]) => normalize(text.slice(pick.start, pick.end)).endsWith(w));
      const earlier = ref ? nearestBefore(recent, pick.start, (m) => m.type === 'actor' && normalize(m.alias).startsWith(ref[1])) : undefined;
      const org = owner ?? earlier;
      if (org) sourceId = org.id;
    }
    const rest = toks.slice(ph.from, ph.to).filter((t) => t.start >= pick.end);
    source = text.slice(pick.start, pick.end);
    // "وزير المالية السوري محمد يسر برنية", "المتحدث باسم وزارة الداخلية": the title is part of who spoke.
    const lead = toks[ph.from]!;
    if (pick.start > a && (OFFICIAL_TITLES.has(lead.text) || HONORIFIC.has(lead.text) || OFFICIAL_TITLES.has(lead.text.replace(/^ال/, '')))) {
      srcStart = a;
      source = text.slice(a, pick.end);
    }
    if (rest[0] && QUALIFIERS.has(rest[0].text)) qualifier = text.slice(rest[0].start, closeQuote(text, rest[0].start, b));
    else if (rest.length && PLACE_OF_SPEAKER.has(rest[0]!.text) && !rest.every((t) => inside.some((m) => t.start >= m.start && t.end <= m.end))) {
      // "الناشط الإعلامي في مدينة دير الزور": keep the words that say who, up to the phrase end.
      srcEnd = closeQuote(text, pick.start, b);
      source = text.slice(pick.start, srcEnd);
    }
  } else if (ph.to - ph.from === 1 && speaker && BACK[toks[ph.from]!.text] && normalize(speaker.source).startsWith(`${BACK[toks[ph.from]!.text]!} `)) {
    // "أكدت مديرية الإعلام … وأفادت المديرية": the speaker just quoted, before any other name.
    // Without a gazetteer id, the speaker's name says more than "المديرية".
    return { ...speaker, source: speaker.sourceId ? text.slice(a, b) : speaker.source, cue: text.slice(cue.start, cueEnd), qualifier: null, sourceStart: a, sourceEnd: b, cueStart: cue.start, cueEnd };
  } else if (ph.to - ph.from === 1 && (ref = backReference(toks[ph.from]!.text, recent, a))) {
    // "وأوضحت الوزارة": the ministry named earlier in the text.
    const e = entityById(ref.id)!;
    sourceId = e.id;
    sourceType = e.type === 'source' ? e.sourceType! : typeOfActor(e.id);
  } else {
    const words = toks.slice(ph.from, ph.to).map((t) => t.text);
    const head = words[0]!.replace(/^ال/, '');
    const title = (w: string) => OFFICIAL_TITLES.has(w) || OFFICIAL_TITLES.has(w.replace(/^ال/, ''));
    if (/^(مصادر|مصدر|معلومات|انباء|تقارير)$/.test(head) || (words.length === 1 && INDEFINITE_SPEAKERS.has(words[0]!))) sourceType = 'unnamed';
    // The speaker's title comes first ("وزير المالية", "المتحدث باسم"), or after an honorific.
    else if (title(words[0]!) || (HONORIFIC.has(words[0]!) && title(words[1] ?? ''))) {
      sourceType = 'official';
      // "وزير المالية السوري": the minister speaks for the ministry the gazetteer knows.
      if (MINISTER.has(words[0]!)) sourceId = ministryOf(words.slice(1));
    }
    // "الأستاذ عبد الكريم ليله مدير مديرية الإعلام": an honorific, a name, then what they are.
    else if (HONORIFIC.has(words[0]!) && words.length > 1) sourceType = words.slice(2).some(title) ? 'official' : 'person';
    else if (DOCUMENTS.has(words[0]!)) sourceType = 'document';
    // Anything else must look like a named speaker: a few words, none a function word, right
    // before what was said.
    // A phrase naming a place is what was said about ("ينفي إغلاق مطار دمشق:"), not who said it.
    else if (ph.saying && words.length <= 4 && !startingIn(matches, a, b).some((m) => m.type === 'place') && toks.slice(ph.from, ph.to).every((t) => isName(text, t) || (!NOT_A_SPEAKER.has(t.text) && !isStopWord(t.text)))) sourceType = 'person';
    else return null;
  }
  // "وكالة أعماق، المقرّبة من تنظيم داعش، أن": the qualifier after a comma.
  if (!qualifier && after < last && QUALIFIERS.has(toks[after]!.text) && breaksBetween(text, toks[after - 1]!, toks[after]!)) {
    const q = phraseAt(text, toks, after, last, matches);
    qualifier = text.slice(toks[q.from]!.start, closeQuote(text, toks[q.from]!.start, toks[q.to - 1]!.end));
  }
  return { source, sourceId, sourceType, cue: text.slice(cue.start, cueEnd), qualifier, sourceStart: srcStart, sourceEnd: srcEnd, cueStart: cue.start, cueEnd };
}

// How many names back from a bare verb to look for its speaker ("مراقبون ... يتوقعون").
const SPEAKER_REACH = 40;

/** The nearest actor or source named in the sentence before the cue. */
export function speakerBefore(matches: EntityMatch[], sentenceStart: number, cueStart: number): EntityMatch | undefined {
  for (let i = firstFrom(matches, cueStart) - 1, n = 0; i >= 0 && n < SPEAKER_REACH; i--, n++) {
    const m = matches[i]!;
    if (m.start < sentenceStart) return undefined;
    if (m.end <= cueStart && m.type !== 'place') return m;
  }
  return undefined;
}
