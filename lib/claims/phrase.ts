// The speaker's phrase after a cue: where it ends (a clause word, a comma, another cue), and
// whether what follows is what was said ("أن", a colon).
import { normalize } from '../arabic/normalize';
import type { Token } from '../arabic/tokenize';
import type { EntityMatch } from '../entities/types';
import { AN, CUES } from './cues';
import { CLAUSE_START } from './lexicon';
import { covered, startingIn } from './matches-near';

export interface Phrase {
  from: number;
  to: number; // token indices, [from, to)
  /** The phrase ran into "أن/إن/قوله/في تصريح" or a colon: what follows is what was said. */
  saying: boolean;
}

const MAX_PHRASE = 12;
// "أكد الوزير من جهته أن": an aside, not part of the speaker's name.
const ASIDE = new Set(['جهته', 'جهتها', 'جانبه', 'جانبها', 'ناحيته', 'ناحيتها'].map(normalize));

const SAYING = new Set(['ان', 'ان', 'بان', 'انه', 'بانه', 'انها', 'بانها', 'انهم', 'بانهم', 'قوله', 'قولها', 'قولهم', 'تصريح', 'تصريحات', 'بيان', 'خبرا'].map(normalize));

/** Punctuation between two tokens that ends a phrase (comma, colon, bracket, full stop). */
export function breaksBetween(text: string, a: Token, b: Token): boolean {
  return /[,،:;؛.()[\]\n]/.test(text.slice(a.end, b.start));
}

/** The speaker's phrase starting at token p: up to the clause, a cue, a comma or MAX_PHRASE words. */
export function phraseAt(text: string, toks: readonly Token[], p: number, last: number, matches: EntityMatch[]): Phrase {
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
export function closeQuote(text: string, a: number, b: number): number {
  return (text.slice(a, b).match(/["“”«»]/g)?.length ?? 0) % 2 === 1 && /["”»]/.test(text[b] ?? '') ? b + 1 : b;
}

/** "علي" (Ali) spelled with ي, not the preposition "على" that normalises the same. */
export function isName(text: string, t: Token): boolean {
  return t.text === 'علي' && text.slice(t.start, t.end).endsWith('ي');
}
