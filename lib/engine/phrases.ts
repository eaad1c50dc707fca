// Shared phrases: runs of at least three words two texts have in common (compared normalised, so
// spelling variants, diacritics and digits do not break a run), quoted as the report writes them.
import { isStopWord, tokenize } from '../arabic';

const MIN_WORDS = 3;
// Phrases are looked for where reports tell the event: the title and the first paragraphs.
const MAX_TOKENS = 600;

export function sharedPhrases(a: string, b: string, max = 3): string[] {
  return phrasesOf(a)(b, max);
}

/** The article's word runs read once, to look for them in each of its related reports. */
export function phrasesOf(a: string): (b: string, max?: number) => string[] {
  const ta = tokenize(a).slice(0, MAX_TOKENS);
  const grams = new Set<string>();
  for (let i = 0; i + MIN_WORDS <= ta.length; i++) grams.add(ta.slice(i, i + MIN_WORDS).map((t) => t.text).join(' '));
  return (b, max = 3) => shared(grams, b, max);
}

function shared(grams: Set<string>, b: string, max: number): string[] {
  const tb = tokenize(b).slice(0, MAX_TOKENS);
  const found: Array<{ text: string; words: number }> = [];
  const seen = new Set<string>();
  let i = 0;
  while (i + MIN_WORDS <= tb.length) {
    const key = (k: number) => tb.slice(k, k + MIN_WORDS).map((t) => t.text).join(' ');
    if (!grams.has(key(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + MIN_WORDS <= tb.length && grams.has(key(j))) j++;
    const run = tb.slice(i, j + MIN_WORDS - 1);
    // A run of function words only ("في وقت سابق من") explains nothing.
    const content = run.filter((t) => !isStopWord(t.text) && !/^\d+$/.test(t.text)).length;
    const norm = run.map((t) => t.text).join(' ');
    if (content >= 2 && !seen.has(norm)) {
      seen.add(norm);
      found.push({ text: b.slice(run[0]!.start, run[run.length - 1]!.end), words: run.length });
    }
    i = j + MIN_WORDS - 1;
  }
  return found
    .sort((x, y) => y.words - x.words)
    .slice(0, max)
    .map((p) => p.text);
}
