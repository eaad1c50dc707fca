// Attribution: for each sentence, who a claim is attributed to, by which cue, with the qualifier
// the outlet puts on its source ("قناة الميادين التابعة لإيران") and the chain it came through
// ("مصادر ميدانية، بحسب شبكة الدرر الشامية" — field sources, via Eldorar). Read left to right:
// the cues (cues.ts), the speaker's phrase after each (phrase.ts), who it names (speaker.ts), a
// headline's speaker and colon (headline.ts).
import { tokenize, type Token } from '../arabic/tokenize';
import { entityById } from '../entities/gazetteer';
import { matchEntities } from '../entities/match';
import type { EntityMatch } from '../entities/types';
import type { Attribution, Claim } from './claim-types';
import { AN, CAME, cueAt, NAQL, PREP_FILLER, type CueKind } from './cues';
import { headlineClaim } from './headline';
import { CLAUSE_START } from './lexicon';
import { covered, RECENT } from './matches-near';
import { phraseAt, type Phrase } from './phrase';
import { splitSentences, type Sentence } from '../arabic/sentences';
import { resolvePhrase, speakerBefore, typeOfActor, type Scan } from './speaker';

export interface AttributionOptions {
  /** Entity matches of the same text, if already computed. */
  matches?: EntityMatch[];
  date?: string | null;
  /** tokenize(text), if already computed. */
  tokens?: readonly Token[];
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

/** A cue's attribution: the speaker's phrase after it, and the source a "نقل … عن" passed it through. */
function cueAttribution(sc: Scan, at: { c: number; cue: Token; kind: CueKind }, speaker: Claim | undefined): { att: Attribution | null; ph: Phrase; via: Attribution[] } {
  const { text, toks, last, matches } = sc;
  const { c, cue, kind } = at;
  let p = c + 1;
  if (kind === 'prep') {
    while (p < last && PREP_FILLER.has(toks[p]!.text.replace(/^ل(?=ما)/, 'ل'))) p++;
    // "بحسب ما ورد في البيان": what came in a document; "ورد" is not a speaker (Ward).
    if (p + 1 < last && CAME.has(toks[p]!.text) && toks[p + 1]!.text === 'في') p += 2;
  }
  const isNaql = NAQL.has(cue.text.replace(/^[وف]/, ''));
  let ph: Phrase = kind === 'participle' ? { from: p, to: p, saying: true } : phraseAt(text, toks, p, last, matches);
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
  return { att, ph, via };
}

/**
 * A verb's speaker when its phrase names none: one named before the verb in this sentence
 * ("مراقبون ... يتوقعون أن"), else the previous claim's, carried over ("وقال: إن…"). Only for
 * verbs (and participles, which carry over), and only when nothing (no object) follows the verb
 * before what was said.
 */
function unnamedSpeaker(sc: Scan, at: { cue: Token; kind: CueKind; ph: Phrase; sentenceStart: number }, carry: Claim | undefined): { att: Attribution; inherited: boolean } | null {
  const { text, matches } = sc;
  const { cue, kind, ph } = at;
  const bare = ph.to === ph.from;
  const before = kind === 'verb' && bare ? speakerBefore(matches, at.sentenceStart, cue.start) : undefined;
  if (kind === 'verb' && (!bare || !ph.saying)) return null;
  if (kind === 'prep') return null;
  if (before) {
    const e = entityById(before.id)!;
    return { att: { source: text.slice(before.start, before.end), sourceId: e.id, sourceType: e.type === 'source' ? e.sourceType! : typeOfActor(e.id), cue: text.slice(cue.start, cue.end), qualifier: null, sourceStart: before.start, sourceEnd: before.end, cueStart: cue.start, cueEnd: cue.end }, inherited: false };
  }
  if (carry) return { att: { ...carry, cue: text.slice(cue.start, cue.end), sourceStart: null, sourceEnd: null, cueStart: cue.start, cueEnd: cue.end }, inherited: true };
  return null;
}

/** One sentence's claims, one per speaker: a headline's, then each cue's, left to right. */
function sentenceClaims(sc: Scan, s: Sentence, first: number, previous: Claim | undefined): Claim[] {
  const { toks, last, matches } = sc;
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
    const found = cueAt(toks, c, first);
    // Inside a name ("وكالة الأنباء"?) or a source name: not a cue.
    if (!found || covered(matches, toks[c]!)) continue;
    const { cue, kind } = found;
    const speaker = claims[claims.length - 1] ?? previous;
    const { att: named, ph, via } = cueAttribution(sc, { c, cue, kind }, speaker);
    if (kind === 'prep' && named && open && cue.start < open.until) {
      open.claim.via.push(named);
      continue;
    }
    const who = named ? { att: named, inherited: false } : unnamedSpeaker(sc, { cue, kind, ph, sentenceStart: s.start }, speaker);
    if (!who) continue;
    const { att, inherited } = who;
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
