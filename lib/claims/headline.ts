// A headline or lead that gives the speaker and a colon: "أردوغان: استقرار سوريا…", "وزير المالية: …".
import { tokenize, type Token } from '../arabic/tokenize';
import { entityById } from '../entities/gazetteer';
import type { Claim } from './claim-types';
import { CUES } from './cues';
import type { Sentence } from '../arabic/sentences';
import { resolvePhrase, type Scan } from './speaker';

const HEADLINE_MAX = 6;
const HEADLINE_KINDS = new Set(['person', 'government', 'organisation']);

/** The sentence's claim when it opens with a speaker and a colon, else null. */
export function headlineClaim(sc: Scan, s: Sentence, first: number): Claim | null {
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
