// Naming: which name a text uses for each actor ("قوات الأسد", "الجيش العربي السوري", "داعش").
import { matchEntities } from '../entities/match';
import type { EntityMatch } from '../entities/types';
import { framing, type Frame } from './framing';

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
    .map((m) => ({
      actor: m.id,
      term: m.alias,
      written: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      frames: framesOf(m.alias),
    }));
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
