// Attribution: for each sentence, who a claim is attributed to, by which cue, with the qualifier
// the outlet puts on its source ("قناة الميادين التابعة لإيران") and the chain it came through
// ("مصادر ميدانية، بحسب شبكة الدرر الشامية" — field sources, via Eldorar).
import { normalize } from '../arabic/normalize';
import { isStopWord } from '../arabic/stopwords';
import { tokenize, WordCache, type Token } from '../arabic/tokenize';
import { ENTITIES, aliasText, ancestors, entityById } from '../entities/gazetteer';
import { matchEntities } from '../entities/match';
import type { EntityMatch, SourceType } from '../entities/types';
import { CLAUSE_START, INDEFINITE_SPEAKERS, NEGATED_VERB_CUES, OFFICIAL_TITLES, PARTICIPLE_CUES, PREP_CUES, QUALIFIERS, VERB_CUES } from './lexicon';
import { splitSentences, type Sentence } from './sentences';

/** Gazetteer source types, plus a named person and a document (a report, a statement, a decree). */
export type ClaimSourceType = SourceType | 'person' | 'document';

interface Attribution {
  /** The source as written in the text ("وكالة أعماق", "مصادر ميدانية", "محافظ الحسكة ..."). */
  source: string;
  /** Gazetteer id of the source (or of the actor it speaks for), when known. */
  sourceId: string | null;
  sourceType: ClaimSourceType;
  /** The attribution cue as written ("وأفادت", "بحسب"). */
  cue: string;
  /** What the outlet says about the source ("التابعة لإيران", "المقرّبة من تنظيم داعش"). */
  qualifier: string | null;
  /** Offsets of the source's words in the text (null when the source is carried over). */
  sourceStart: number | null;
  sourceEnd: number | null;
  cueStart: number;
  cueEnd: number;
}

export interface Claim extends Attribution {
  /** The sentence holding the claim, and its offsets. */
  text: string;
  start: number;
  end: number;
  /** Sources the claim passed through, outermost last ("… عن محافظ الحسكة" via SANA). */
  via: Attribution[];
  /** The speaker is not named here but carried over from the previous claim ("وقال: إن…"). */
  inherited: boolean;
}

export interface AttributionOptions {
  /** Entity matches of the same text, if already computed. */
  matches?: EntityMatch[];
  date?: string | null;
  /** tokenize(text), if already computed. */
  tokens?: readonly Token[];
}

type CueKind = 'verb' | 'participle' | 'prep';

// Filler between a prepositional cue and its source: "وفقاً لما ذكره", "نقلاً عن".
const PREP_FILLER = new Set(['ما', 'لما', 'عن', 'ذكره', 'ذكرته', 'اورده', 'اوردته', 'نشره', 'نشرته', 'افاد', 'افادت', 'به', 'بها', 'نقله', 'نقلته', 'قاله', 'قالته', 'اعلنه', 'اعلنته', 'اكده', 'اكدته', 'علي', 'لسان'].map(normalize));
const CAME = new Set(['ورد', 'جاء', 'وردت', 'جاءت']);
const NAQL = new Set(['نقل', 'نقلت', 'ينقل', 'تنقل'].map(normalize));
const AN = normalize('عن');
// Pronoun-like references to an organisation already named: "المكتب الإعلامي للحركة".
const ANAPHORA: Record<string, string> = { للحركه: 'حركه', للهييه: 'هييه', للجبهه: 'جبهه', للتنظيم: 'تنظيم', للفصيل: '', للجيش: 'جيش' };
const MAX_PHRASE = 12;
// How many names before a sentence a reference like "للحركة" may reach back to.
const RECENT = 60;
// "الناشط الإعلامي في مدينة دير الزور": words after a speaker that still say who it is.
const PLACE_OF_SPEAKER = new Set(['في', 'من', 'لدي', 'داخل', 'ب']);
// "أكد الوزير من جهته أن": an aside, not part of the speaker's name.
const ASIDE = new Set(['جهته', 'جهتها', 'جانبه', 'جانبها', 'ناحيته', 'ناحيتها'].map(normalize));
const HONORIFIC = new Set(['السيد', 'السيده', 'الدكتور', 'الدكتوره', 'المهندس', 'الشيخ', 'اللواء', 'العميد', 'العقيد', 'الأستاذ', 'الاستاذة', 'المحامي', 'الصحفي', 'الإعلامي', 'الخبير', 'الباحث'].map(normalize));
// "أفاد التقرير", "أكد البيان": a claim attributed to a document.
const DOCUMENTS = new Set(['التقرير', 'البيان', 'الدراسه', 'الاحصاييات', 'الوثيقه', 'القرار', 'المرسوم', 'الاتفاق', 'التصريح', 'البلاغ', 'التعميم', 'الاعلان', 'الرساله', 'المذكره', 'التحقيق', 'بيان', 'تقرير', 'دراسه'].map(normalize));
// Words that start an adverbial or an object, not a speaker.
const NOT_A_SPEAKER = new Set(['قبل', 'بعد', 'خلال', 'اسم', 'عدد', 'اهم', 'هذا', 'هذه', 'ذلك', 'تلك', 'كل', 'من', 'على', 'مع', 'الي', 'عن', 'ان'].map(normalize));
// "لم يذكر", "لا يخفي": a negated verb attributes nothing.
const NEGATION = new Set(['لم', 'لا', 'ما', 'لن', 'ليس', 'دون'].map(normalize));
// "ولم يذكر", "ولا يخفي" (not "وما", which is as often "and what").
const NEGATION_AFTER_AND = new Set(['ولم', 'ولا', 'ولن', 'فلم', 'فلا'].map(normalize));

function cueKind(t: string, negated: boolean): { kind: CueKind } | null {
  for (const w of [t, /^[وف]/.test(t) ? t.slice(1) : null]) {
    if (!w) continue;
    if (VERB_CUES.has(w) || (negated && NEGATED_VERB_CUES.has(w))) return { kind: 'verb' };
    if (PARTICIPLE_CUES.has(w)) return { kind: 'participle' };
    if (PREP_CUES.has(w)) return { kind: 'prep' };
  }
  return null;
}

// Every word of every sentence is asked whether it is a cue: the answers are kept per word.
const CUES = new WordCache<{ plain: { kind: CueKind } | null; negated: { kind: CueKind } | null }>((w) => ({ plain: cueKind(w, false), negated: cueKind(w, true) }));

/** Punctuation between two tokens that ends a phrase (comma, colon, bracket, full stop). */
function breaksBetween(text: string, a: Token, b: Token): boolean {
  return /[,،:;؛.()[\]\n]/.test(text.slice(a.end, b.start));
}

function typeOfActor(id: string): ClaimSourceType {
  const chain = ancestors(id);
  const e = chain[0]!;
  if (['armed-group', 'jihadist-group', 'militia', 'party'].includes(e.kind)) return 'faction';
  if (e.kind === 'person' && !chain.slice(1).some((a) => ['government', 'state', 'regime', 'organisation'].includes(a.kind))) return 'person';
  return 'official';
}

interface Phrase {
  from: number;
  to: number; // token indices, [from, to)
  /** The phrase ran into "أن/إن/قوله/في تصريح" or a colon: what follows is what was said. */
  saying: boolean;
}

const SAYING = new Set(['ان', 'ان', 'بان', 'انه', 'بانه', 'انها', 'بانها', 'انهم', 'بانهم', 'قوله', 'قولها', 'قولهم', 'تصريح', 'تصريحات', 'بيان', 'خبرا'].map(normalize));

/** The speaker's phrase starting at token p: up to the clause, a cue, a comma or MAX_PHRASE words. */
function phraseAt(text: string, toks: readonly Token[], p: number, last: number, matches: EntityMatch[]): Phrase {
  let q = p;
  let saying = false;
  while (q < last && q - p < MAX_PHRASE) {
    const t = toks[q]!.text;
    if (q > p && breaksBetween(text, toks[q - 1]!, toks[q]!)) {
      saying = /:/.test(text.slice(toks[q - 1]!.end, toks[q]!.start)) || SAYING.has(t);
      break;
    }
    // "على" (on) ends the phrase, "علي" (Ali) does not: the original spelling tells them apart.
    const ala = t === 'علي' && text.slice(toks[q]!.start, toks[q]!.end).endsWith('ى');
    const minJihatihi = t === 'من' && ASIDE.has(toks[q + 1]?.text ?? '');
    if (CLAUSE_START.has(t) || t === AN || (q > p && ala) || minJihatihi) {
      saying = SAYING.has(t) || ((t === 'في' || ala) && SAYING.has(toks[q + 1]?.text ?? ''));
      break;
    }
    if (q > p && CUES.get(toks[q]!).plain && !covered(matches, toks[q]!)) break;
    // "وزير النقل للإخبارية": the outlet spoken to, after the speaker, is not the speaker.
    if (q > p && /^ل/.test(t) && startingIn(matches, toks[q]!.start + 1, toks[q]!.end).some((m) => m.type === 'source')) {
      saying = true;
      break;
    }
    q++;
  }
  if (q === p && q < last && /:/.test(text.slice(toks[p - 1]?.end ?? 0, toks[q]!.start))) saying = true;
  return { from: p, to: q, saying };
}

/** The end of a span, past a closing quote whose opening quote the span holds. */
function closeQuote(text: string, a: number, b: number): number {
  return (text.slice(a, b).match(/["“”«»]/g)?.length ?? 0) % 2 === 1 && /["”»]/.test(text[b] ?? '') ? b + 1 : b;
}

/** "علي" (Ali) spelled with ي, not the preposition "على" that normalises the same. */
function isName(text: string, t: Token): boolean {
  return t.text === 'علي' && text.slice(t.start, t.end).endsWith('ي');
}

// Words that refer back to an institution already named: the word, and the first word of the
// names it may refer to ("الوزارة" → "وزارة المالية").
const BACK: Record<string, string> = { الوزاره: 'وزاره', الهييه: 'هييه', المديريه: 'مديريه', الموسسه: 'موسسه', النقابه: 'نقابه', الوكاله: 'وكاله', القناه: 'قناه', الصحيفه: 'صحيفه', الشبكه: 'شبكه', الحركه: 'حركه', الجبهه: 'جبهه', اللجنه: 'لجنه', المرصد: 'مرصد', المنظمه: 'منظمه' };

/** The nearest of the RECENT names ending before `at` that passes `ok`. */
function nearestBefore(recent: EntityMatch[], at: number, ok: (m: EntityMatch) => boolean): EntityMatch | undefined {
  for (let i = firstFrom(recent, at) - 1, n = 0; i >= 0 && n < RECENT; i--, n++) {
    const m = recent[i]!;
    if (m.end <= at && ok(m)) return m;
  }
  return undefined;
}

/** The entity a bare "الوزارة" or "الوزير" refers to: the nearest one named before `at`. */
function backReference(word: string, recent: EntityMatch[], at: number): EntityMatch | undefined {
  const head = BACK[word];
  if (head) return nearestBefore(recent, at, (m) => m.type !== 'place' && (normalize(m.alias).startsWith(head) || normalize(entityById(m.id)!.name.ar).startsWith(head)));
  if (word === 'الوزير') return nearestBefore(recent, at, (m) => m.type !== 'place' && ancestors(m.id).some((x) => x.id.startsWith('ministry-')) && entityById(m.id)!.kind === 'person');
  return undefined;
}

// Matches come in text order without overlaps: the ones near an offset are found by bisection,
// so that a sentence with thousands of names and cues stays linear-logarithmic.

/** Index of the first match starting at or after `pos`. */
function firstFrom(matches: EntityMatch[], pos: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Matches starting in [a, b). */
function startingIn(matches: EntityMatch[], a: number, b: number): EntityMatch[] {
  return matches.slice(firstFrom(matches, a), firstFrom(matches, b));
}

function covered(matches: EntityMatch[], t: Token): boolean {
  const m = matches[firstFrom(matches, t.start + 1) - 1];
  return !!m && t.start >= m.start && t.end <= m.end;
}

/** One sentence being read: the text, its tokens up to `last`, the names in it and just before it. */
interface Scan {
  text: string;
  toks: readonly Token[];
  last: number;
  matches: EntityMatch[];
  recent: EntityMatch[];
}

function resolvePhrase(sc: Scan, ph: Phrase, cue: Token, speaker?: Attribution): Attribution | null {
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

/**
 * Claims in `text` attributed to someone, one per sentence and speaker. A sentence without a
 * cue carries no claim; a cue without a named speaker ("وقال: إن…", "مشيرة إلى أن") carries
 * the previous claim's speaker over.
 */
export function attributions(text: string, opts: AttributionOptions = {}): Claim[] {
  const toks = opts.tokens ?? tokenize(text);
  const matches = opts.matches ?? matchEntities(text, { date: opts.date, tokens: toks });
  const out: Claim[] = [];
  let ti = 0;
  let mi = 0;
  for (const s of splitSentences(text)) {
    while (ti < toks.length && toks[ti]!.start < s.start) ti++;
    let last = ti;
    while (last < toks.length && toks[last]!.end <= s.end) last++;
    // Each sentence looks only at its own names, and a few before it ("للحركة"): linear time.
    while (mi < matches.length && matches[mi]!.start < s.start) mi++;
    let mj = mi;
    while (mj < matches.length && matches[mj]!.start < s.end) mj++;
    const local = matches.slice(mi, mj);
    const recent = matches.slice(Math.max(0, mi - RECENT), mj);
    out.push(...sentenceClaims({ text, toks, last, matches: local, recent }, s, ti, out[out.length - 1]));
    ti = last;
  }
  return out;
}

// How many names back from a bare verb to look for its speaker ("مراقبون ... يتوقعون").
const SPEAKER_REACH = 40;

/** The nearest actor or source named in the sentence before the cue. */
function speakerBefore(matches: EntityMatch[], sentenceStart: number, cueStart: number): EntityMatch | undefined {
  for (let i = firstFrom(matches, cueStart) - 1, n = 0; i >= 0 && n < SPEAKER_REACH; i--, n++) {
    const m = matches[i]!;
    if (m.start < sentenceStart) return undefined;
    if (m.end <= cueStart && m.type !== 'place') return m;
  }
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

// A headline or lead that gives the speaker and a colon: "أردوغان: استقرار سوريا…", "وزير المالية: …".
const HEADLINE_MAX = 6;
const HEADLINE_KINDS = new Set(['person', 'government', 'organisation']);

function headlineClaim(sc: Scan, s: Sentence, first: number): Claim | null {
  const { text, toks, last } = sc;
  let m = first;
  while (m < last && m - first < HEADLINE_MAX && !/:/.test(text.slice(toks[m]!.end, toks[m + 1]?.start ?? toks[m]!.end))) m++;
  if (m >= last || m - first >= HEADLINE_MAX || !/^\s*:/.test(text.slice(toks[m]!.end))) return null;
  // "وقال باراك:" is the verb's claim, read with the verb.
  for (let k = first; k <= m; k++) if (CUES.get(toks[k]!).plain) return null;
  const colon = text.indexOf(':', toks[m]!.end);
  const cue: Token = { text: ':', start: colon, end: colon + 1 };
  const att = resolvePhrase(sc, { from: first, to: m + 1, saying: true }, cue);
  // Only a speaker first, and little after it: a person, an outlet, an institution, or an
  // official's title. "المصدر:" and "عاجل:" are labels; "فلول النظام في لبنان:" is a topic.
  if (!att || att.sourceStart !== toks[first]!.start || att.sourceEnd === null) return null;
  if (tokenize(text.slice(att.sourceEnd, colon)).length > 2) return null;
  const e = att.sourceId ? entityById(att.sourceId) : undefined;
  if (e ? !(e.type === 'source' || HEADLINE_KINDS.has(e.kind)) : att.sourceType !== 'official') return null;
  return { ...att, text: s.text, start: s.start, end: s.end, via: [], inherited: false };
}

function sentenceClaims(sc: Scan, s: Sentence, first: number, previous: Claim | undefined): Claim[] {
  const { text, toks, last, matches } = sc;
  const claims: Claim[] = [];
  const bySource = new Map<string, Claim>();
  const headline = headlineClaim(sc, s, first);
  if (headline) {
    claims.push(headline);
    bySource.set(headline.sourceId ?? headline.source, headline);
  }
  // Where the words said begin for the current verb claim: a prepositional cue before it is a "via".
  let open: { claim: Claim; until: number } | null = null;
  for (let c = first; c < last; c++) {
    let cue = toks[c]!;
    const cues = CUES.get(cue);
    if (!cues.plain && !cues.negated) continue;
    const negated = c > first && (NEGATION.has(toks[c - 1]!.text) || NEGATION_AFTER_AND.has(toks[c - 1]!.text));
    const kind = (negated ? cues.negated : cues.plain)?.kind;
    if (!kind) continue;
    // Inside a name ("وكالة الأنباء"?) or a source name: not a cue.
    if (covered(matches, cue)) continue;
    if (negated && !NEGATED_VERB_CUES.has(cue.text.replace(/^[وف]/, ''))) continue;
    // "لا يخفي": the negation is part of the cue.
    if (negated) cue = { ...cue, start: toks[c - 1]!.start };
    let p = c + 1;
    if (kind === 'prep') {
      while (p < last && PREP_FILLER.has(toks[p]!.text.replace(/^ل(?=ما)/, 'ل'))) p++;
      // "بحسب ما ورد في البيان": what came in a document; "ورد" is not a speaker (Ward).
      if (p + 1 < last && CAME.has(toks[p]!.text) && toks[p + 1]!.text === 'في') p += 2;
    }
    const isNaql = NAQL.has(cue.text.replace(/^[وف]/, ''));
    let ph: Phrase = kind === 'participle' ? { from: p, to: p, saying: true } : phraseAt(text, toks, p, last, matches);
    const speaker = claims[claims.length - 1] ?? previous;
    let att = resolvePhrase(sc, ph, cue, speaker);
    const via: Attribution[] = [];
    // "نقلت سانا عن محافظ الحسكة قوله": the governor said it, SANA passed it on.
    const q = ph.to;
    if (isNaql && q < last && toks[q]!.text === AN) {
      const inner = phraseAt(text, toks, q + 1, last, matches);
      const innerAtt = resolvePhrase(sc, inner, cue, speaker);
      if (innerAtt) {
        if (att) via.push(att);
        att = innerAtt;
        ph = inner;
      }
    }
    if (kind === 'prep' && att && open && cue.start < open.until) {
      open.claim.via.push(att);
      continue;
    }
    let inherited = false;
    if (!att) {
      // "مراقبون ... يتوقعون أن": the speaker named before the verb in this sentence.
      // Only for verbs; and only when nothing (no object) follows the verb before what was said.
      const bare = ph.to === ph.from;
      const before = kind === 'verb' && bare ? speakerBefore(matches, s.start, cue.start) : undefined;
      if (kind === 'verb' && (!bare || !ph.saying)) continue;
      if (kind === 'prep') continue;
      const carry = claims[claims.length - 1] ?? previous;
      if (before) {
        const e = entityById(before.id)!;
        att = { source: text.slice(before.start, before.end), sourceId: e.id, sourceType: e.type === 'source' ? e.sourceType! : typeOfActor(e.id), cue: text.slice(cue.start, cue.end), qualifier: null, sourceStart: before.start, sourceEnd: before.end, cueStart: cue.start, cueEnd: cue.end };
      } else if (carry) {
        att = { ...carry, cue: text.slice(cue.start, cue.end), sourceStart: null, sourceEnd: null, cueStart: cue.start, cueEnd: cue.end };
        inherited = true;
      } else continue;
    }
    const same = bySource.get(att.sourceId ?? att.source);
    if (same) {
      for (const v of via) same.via.push(v);
      continue;
    }
    const claim: Claim = { ...att, text: s.text, start: s.start, end: s.end, via: inherited ? [...(previous?.via ?? [])] : via, inherited };
    claims.push(claim);
    bySource.set(claim.sourceId ?? claim.source, claim);
    // The words said start at the first clause word after the speaker's phrase.
    let k = ph.to;
    while (k < last && !CLAUSE_START.has(toks[k]!.text)) k++;
    open = kind === 'verb' ? { claim, until: k < last ? toks[k]!.start : s.end } : null;
  }
  return claims;
}
