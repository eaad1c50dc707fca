// Passages around a word: the sentence it is in, cut to a readable length, so that the reader
// sees a cue word or a number the way the report uses it.
import type { InContext } from './types';

// Sentence ends in Arabic and Latin text; a line break ends a paragraph.
const END = /[.!?؟؛\n]/;

export function sentenceAround(text: string, start: number, end: number, max = 220): { text: string; start: number; end: number } {
  let a = start;
  while (a > 0 && !END.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !END.test(text[b]!)) b++;
  if (b < text.length && text[b] !== '\n') b++; // keep the full stop
  let cutStart = false;
  let cutEnd = false;
  // Long sentences: keep about max characters centred on the word, cut at spaces.
  if (b - a > max) {
    const half = Math.max(0, Math.floor((max - (end - start)) / 2));
    if (start - half > a) {
      const space = text.lastIndexOf(' ', start - half);
      a = space >= a ? space + 1 : start - half;
      cutStart = true;
    }
    if (end + half < b) {
      const space = text.indexOf(' ', end + half);
      b = space !== -1 && space < b ? space : end + half;
      cutEnd = true;
    }
  }
  while (a < start && /\s/.test(text[a]!)) a++;
  while (b > end && /\s/.test(text[b - 1]!)) b--;
  const prefix = cutStart ? '… ' : '';
  const suffix = cutEnd ? ' …' : '';
  return { text: `${prefix}${text.slice(a, b)}${suffix}`, start: prefix.length + start - a, end: prefix.length + end - a };
}

/** The passage around [start, end) of a report's analysed text (title, newline, body). */
export function inContext(full: string, titleLength: number, reportId: string, start: number, end: number): InContext {
  const s = sentenceAround(full, start, end);
  return { ...s, inTitle: start < titleLength, reportId };
}
