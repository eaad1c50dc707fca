// Attribution cues: which words say that something was said ("قال", "أفادت", "بحسب"), of what
// kind (a verb, a participle, a preposition), and the negations that cancel them ("لم يذكر").
import { normalize } from '../arabic/normalize';
import type { Token } from '../arabic/tokenize';
import { WordCache } from '../arabic/word-cache';
import { NEGATED_VERB_CUES, PARTICIPLE_CUES, PREP_CUES, VERB_CUES } from './lexicon';

export type CueKind = 'verb' | 'participle' | 'prep';

// Filler between a prepositional cue and its source: "وفقاً لما ذكره", "نقلاً عن".
export const PREP_FILLER = new Set(['ما', 'لما', 'عن', 'ذكره', 'ذكرته', 'اورده', 'اوردته', 'نشره', 'نشرته', 'افاد', 'افادت', 'به', 'بها', 'نقله', 'نقلته', 'قاله', 'قالته', 'اعلنه', 'اعلنته', 'اكده', 'اكدته', 'علي', 'لسان'].map(normalize));
export const CAME = new Set(['ورد', 'جاء', 'وردت', 'جاءت']);
export const NAQL = new Set(['نقل', 'نقلت', 'ينقل', 'تنقل'].map(normalize));
export const AN = normalize('عن');
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
export const CUES = new WordCache<{ plain: { kind: CueKind } | null; negated: { kind: CueKind } | null }>((w) => ({ plain: cueKind(w, false), negated: cueKind(w, true) }));

/** The cue at token `c` of a sentence starting at token `first`: its kind, with a negation before
 *  it ("لا يخفي") made part of it; null when the word is no cue, or a negated one that says nothing. */
export function cueAt(toks: readonly Token[], c: number, first: number): { cue: Token; kind: CueKind } | null {
  const cue = toks[c]!;
  const cues = CUES.get(cue);
  if (!cues.plain && !cues.negated) return null;
  const negated = c > first && (NEGATION.has(toks[c - 1]!.text) || NEGATION_AFTER_AND.has(toks[c - 1]!.text));
  const kind = (negated ? cues.negated : cues.plain)?.kind;
  if (!kind) return null;
  if (negated && !NEGATED_VERB_CUES.has(cue.text.replace(/^[وف]/, ''))) return null;
  return { cue: negated ? { ...cue, start: toks[c - 1]!.start } : cue, kind };
}
