// A small analyser for testing the comparison's aggregation apart from the real lexicons:
// it finds listed words and reports them as naming, frame and attribution hits.
import type { Analyser, Analysis } from '../../../lib/compare/types';

const NAMING: Array<[string, string, string]> = [
  ['regime', 'Assad forces', 'قوات الأسد'],
  ['regime', 'Assad forces', 'الجيش السوري'],
  ['isis', 'ISIS', 'داعش'],
];
const FRAMES: Array<[string, string]> = [['withdrawal', 'انسحاب'], ['handover', 'تسليم']];
const SOURCES: Array<[string, string, string]> = [['سانا', 'state-media', 'نقلت'], ['أعماق', 'jihadist-media', 'ذكرت']];

function all(text: string, word: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) at.push(i);
  return at;
}

export const fixtureAnalyser: Analyser = (text) => {
  const a: Analysis = { naming: [], frames: [], attributions: [] };
  for (const [actorId, actor, term] of NAMING) for (const i of all(text, term)) a.naming.push({ actorId, actor, term, start: i, end: i + term.length });
  for (const [frame, cue] of FRAMES) for (const i of all(text, cue)) a.frames.push({ frame, cue, start: i, end: i + cue.length });
  for (const [source, sourceType, cue] of SOURCES) for (const i of all(text, source)) a.attributions.push({ source, sourceType, cue, start: i, end: i + source.length });
  return a;
};
