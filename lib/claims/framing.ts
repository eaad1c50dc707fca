// Framing cues: words that cast an event as a withdrawal, a handover or deal, a collapse or
// defeat, a liberation, an aggression or terrorism.
import { tokenize, type Token } from '../arabic/tokenize';
import { normalizeWithMap } from '../arabic/normalize';
import { matchEntities } from '../entities/match';
import type { EntityMatch } from '../entities/types';
import { ancestors } from '../entities/gazetteer';
import { ARMED_KINDS, DEAL_STEMS, FRAME_EXCLUDE, FRAME_NEEDS, FRAME_STEMS, FRAME_VERBS, SHORT_STEM_ENDINGS, type Frame } from './lexicon';
import { splitSentences } from '../arabic/sentences';

export type { Frame } from './lexicon';

export interface FramingCue {
  frame: Frame;
  /** The word as written. */
  cue: string;
  /** Offsets into the original text (the clitics glued before the word left out). */
  start: number;
  end: number;
}

export interface FramingOptions {
  matches?: EntityMatch[];
  date?: string | null;
}

const STEMS: Array<[string, Frame]> = (Object.entries(FRAME_STEMS) as Array<[Frame, string[]]>)
  .flatMap(([frame, stems]) => stems.map((s): [string, Frame] => [s, frame]))
  .sort((a, b) => b[0].length - a[0].length);

// Proclitics in the order they stack: conjunction, preposition, article ("وبالانسحاب").
const CLITICS = /^(?:[وف])?(?:[بلك])?(?:ال)?/;
const CLITICS_LL = /^(?:[وف])?لل/;

// Names in which a cue word is part of a proper name, not the outlet's framing.
const PROPER = new Set(['dahr-al-ghuzat', 'military-operations-command', 'hts']);
// "فريق التحرير", "رئيس التحرير": the editorial team, not liberation.
const EDITORIAL = /^(فريق|رييس|مدير|سكرتير|هييه)$/;
// "حتى لحظة تحرير التقرير", "تحرير الخبر": the writing of the report, not liberation.
const EDITORIAL_MOMENT = /^(لحظه|ساعه|وقت)$/;
const WRITTEN = /^(التقرير|الخبر|المقال|الماده|النص|التقارير|الاخبار|هذا|هذه)$/;

function frameOf(word: string): { frame: Frame; cut: number; stem: string; rest: string } | null {
  const cuts = new Set([0, CLITICS.exec(word)![0].length, CLITICS_LL.exec(word)?.[0].length ?? 0, /^[وف]/.test(word) ? 1 : 0]);
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const rest = word.slice(cut);
    if (rest.length < 3 || FRAME_EXCLUDE.has(rest)) continue;
    const hit = STEMS.find(([stem]) => rest.startsWith(stem) && (stem.length > 3 || SHORT_STEM_ENDINGS.includes(rest.slice(stem.length))));
    if (hit) return { frame: hit[1], cut, stem: hit[0], rest };
  }
  return null;
}

const CONTROL = /^(ال)?سيطره$/;

/** Framing cues in `text`, in order. Cues inside place and source names are not framing. */
export function framing(text: string, opts: FramingOptions = {}): FramingCue[] {
  const matches = opts.matches ?? matchEntities(text, { date: opts.date });
  const out: FramingCue[] = [];
  const toks = tokenize(text);
  // Sentences with an armed actor named in them, by offset (sorted, for bisection).
  const sentences = splitSentences(text);
  const armed: boolean[] = sentences.map(() => false);
  {
    let k = 0;
    for (const m of matches) {
      while (k < sentences.length && sentences[k]!.end <= m.start) k++;
      if (k < sentences.length && m.type === 'actor' && ancestors(m.id).some((a) => ARMED_KINDS.has(a.kind))) armed[k] = true;
    }
  }
  const armedInSentence = (at: number): boolean => {
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return !!armed[lo];
  };
  let m = 0;
  toks.forEach((t: Token, i) => {
    while (m < matches.length && matches[m]!.end <= t.start) m++;
    const owner = matches[m] && matches[m]!.start <= t.start ? matches[m]! : null;
    if (owner && (owner.type !== 'actor' || PROPER.has(owner.id))) return;
    const hit = frameOf(t.text);
    if (!hit) return;
    const need = FRAME_NEEDS[hit.rest] ?? FRAME_NEEDS[hit.stem];
    const next = toks[i + 1];
    let k = m;
    while (next && k < matches.length && matches[k]!.end <= next.start) k++;
    const named = !!next && k < matches.length && matches[k]!.start <= next.start;
    if (need === 'control-next' && !(next && (CONTROL.test(next.text.replace(/^[وف]/, '')) || named))) return;
    if (need === 'entity-next' && !named) return;
    if (hit.frame === 'liberation' && i > 0 && (EDITORIAL.test(toks[i - 1]!.text) || EDITORIAL_MOMENT.test(toks[i - 1]!.text))) return;
    if (hit.frame === 'liberation' && hit.cut === 0 && next && WRITTEN.test(next.text) && /^تحرير$/.test(hit.rest)) return;
    if (FRAME_VERBS.has(hit.rest) && /ال$/.test(t.text.slice(0, hit.cut))) return;
    if (DEAL_STEMS.has(hit.stem) && !armedInSentence(t.start)) return;
    const start = t.start + (hit.cut ? normalizeWithMap(text.slice(t.start, t.end)).map[hit.cut]! : 0);
    out.push({ frame: hit.frame, cue: text.slice(start, t.end), start, end: t.end });
  });
  return out;
}
