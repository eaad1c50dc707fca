// The text analysis the comparison uses: actor naming, framing and attribution from lib/claims
// (over lib/entities), named as the comparison shows them, plus the frame phrases only the
// comparison looks for (lib/compare/frames).
import { analyse } from '../claims';
import { entityById } from '../entities';
import { extraFrames } from './frames';
import type { Analysis } from './types';

/** An entity's name in both UI languages, or the id when the gazetteer does not know it. */
function entityName(id: string): { ar: string; en: string } {
  return entityById(id)?.name ?? { ar: id, en: id };
}

export function analyseReport(text: string, date?: string | null): Analysis {
  const a = analyse(text, { date });
  const frames = a.framing.map((f) => ({ frame: f.frame as string, cue: f.cue, start: f.start, end: f.end }));
  const taken = new Set(frames.map((f) => f.start));
  return {
    naming: a.naming.map((u) => {
      const name = entityName(u.actor);
      return { actorId: u.actor, actor: name.ar, actorEn: name.en, term: u.term, start: u.start, end: u.end };
    }),
    frames: [...frames, ...extraFrames(text).filter((f) => !taken.has(f.start))].sort((x, y) => x.start - y.start),
    // A source carried over from the previous sentence is cited once, where it is named; the
    // sources a claim came through ("… عن محافظ الحسكة" via SANA) are cited too.
    attributions: a.claims
      .filter((c) => !c.inherited)
      .flatMap((c) => [c, ...c.via])
      .map((c) => ({
        source: c.sourceId ? entityName(c.sourceId).ar : c.source,
        sourceId: c.sourceId,
        sourceType: c.sourceType,
        cue: c.cue,
        start: c.sourceStart ?? c.cueStart,
        end: c.sourceEnd ?? c.cueEnd,
      })),
  };
}
