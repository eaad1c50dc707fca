// Frame words the comparison needs beyond lib/claims' single-word framing: the phrase "فك
// الحصار" (siege lifted), which no single word carries, and "عجز" (unable to hold: a defeat),
// which Shaam's headline question sets against "تسليم". Cues lib/claims also finds are dropped
// where the two are merged (analyse.ts), so moving these there later changes nothing here.
import { tokenize } from '../arabic';

const CLITICS = /^(?:[وف])?(?:[بل])?/;
const SIEGE_VERBS = new Set(['فك', 'كسر', 'رفع', 'فكت', 'فكوا', 'كسرت', 'رفعت']);
const SIEGE_NOUNS = /^(?:ال)?(?:حصار|طوق)/;
const UNABLE = new Set(['عجز', 'عجزا', 'عجزه', 'عاجز', 'عاجزا', 'عاجزه', 'عاجزين', 'يعجز', 'تعجز']);

export function extraFrames(text: string): Array<{ frame: string; cue: string; start: number; end: number }> {
  const toks = tokenize(text);
  const out: Array<{ frame: string; cue: string; start: number; end: number }> = [];
  toks.forEach((t, i) => {
    const word = t.text.replace(CLITICS, '');
    const next = toks[i + 1];
    if (SIEGE_VERBS.has(word) && next && SIEGE_NOUNS.test(next.text) && /^\s+$/.test(text.slice(t.end, next.start))) {
      out.push({ frame: 'siege-lifted', cue: text.slice(t.start, next.end), start: t.start, end: next.end });
    } else if (UNABLE.has(t.text) || UNABLE.has(word)) {
      out.push({ frame: 'collapse', cue: text.slice(t.start, t.end), start: t.start, end: t.end });
    }
  });
  return out;
}
