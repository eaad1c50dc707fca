// Shared phrases: runs of at least three words two texts have in common (compared normalised, so
// spelling variants, diacritics and digits do not break a run), quoted as the report writes them.
import { isStopWord, tokenize, type Token } from '../arabic';

const MIN_WORDS = 3;
// A phrase the reader can take in at a glance: one line of the related list.
const MAX_WORDS = 12;
// Phrases are looked for where reports tell the event: the title and the first paragraphs.
const MAX_TOKENS = 600;

export function sharedPhrases(a: string, b: string, max = 3): string[] {
  return phrasesOf(a)(b, max);
}

/** The article's word runs read once, to look for them in each of its related reports. */
export function phrasesOf(a: string): (b: string, max?: number) => string[] {
  const ta = tokenize(a).slice(0, MAX_TOKENS);
  const grams = new Set<string>();
  for (let i = 0; i + MIN_WORDS <= ta.length; i++) grams.add(gramAt(ta, i));
  return (b, max = 3) => shared(grams, b, max);
}

/** The MIN_WORDS words from token i, joined by spaces: built by concatenation, as every position
 *  of every report shown asks for one (a slice, a map and a join each took most of the phrases' time). */
function gramAt(toks: readonly Token[], i: number): string {
  let g = toks[i]!.text;
  for (let k = 1; k < MIN_WORDS; k++) g += ` ${toks[i + k]!.text}`;
  return g;
}

function shared(grams: Set<string>, b: string, max: number): string[] {
  const tb = tokenize(b).slice(0, MAX_TOKENS);
  const found: Array<{ text: string; words: number }> = [];
  const seen = new Set<string>();
  let i = 0;
  while (i + MIN_WORDS <= tb.length) {
    if (!grams.has(gramAt(tb, i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + MIN_WORDS <= tb.length && grams.has(gramAt(tb, j))) j++;
    const run = shape(b, tb.slice(i, j + MIN_WORDS - 1));
    const norm = run.map((t) => t.text).join(' ');
    // A run of function words only ("في وقت سابق من") explains nothing.
    if (content(run) >= 2 && !seen.has(norm)) {
      seen.add(norm);
      found.push({ text: span(b, run).text, words: run.length });
    }
    i = j + MIN_WORDS - 1;
  }
  return found
    .sort((x, y) => y.words - x.words)
    .slice(0, max)
    .map((p) => p.text);
}

const content = (run: readonly Token[]) => run.filter((t) => !isStopWord(t.text) && !/^\d+$/.test(t.text)).length;

/**
 * A shared run as a whole phrase: within one sentence of one line (a run through boilerplate can
 * span a dozen lines), at most MAX_WORDS, without function words dangling at either end
 * ("مطار كويرس العسكري الذي"), and with its quotes and brackets balanced (a run ends where the
 * words stop matching, which can be inside `"الدولة الإسلامية" (داعش`).
 */
function shape(b: string, run: Token[]): Token[] {
  let best = longestSentence(b, run).slice(0, MAX_WORDS);
  for (let guard = 0; guard < MAX_WORDS && best.length > 0; guard++) {
    best = trimStops(best);
    if (best.length === 0) break;
    const { text, from } = span(b, best);
    const cut = unbalanced(text);
    if (cut === null) break;
    const at = from + cut.at;
    best = cut.keep === 'before' ? best.filter((t) => t.end <= at) : best.filter((t) => t.start > at);
  }
  return best;
}

const OPENERS = '"«“([{';
const CLOSERS = '"»”)]}';

/** The run's text, with the quotes and brackets that open right before it and close right after it. */
function span(b: string, run: readonly Token[]): { text: string; from: number } {
  let from = run[0]!.start;
  let to = run[run.length - 1]!.end;
  while (from > 0 && OPENERS.includes(b[from - 1]!)) from--;
  while (to < b.length && CLOSERS.includes(b[to]!)) to++;
  const text = b.slice(from, to);
  // Only what the phrase itself needs: a mark that balances nothing is left out again.
  return unbalanced(text) === null ? { text, from } : { text: b.slice(run[0]!.start, run[run.length - 1]!.end), from: run[0]!.start };
}

/** The longest part of the run that no line break or sentence end divides. */
function longestSentence(b: string, run: Token[]): Token[] {
  let best: Token[] = [];
  let cur: Token[] = [];
  for (const t of run) {
    const prev = cur[cur.length - 1];
    if (prev && /[\n.!?؟]/.test(b.slice(prev.end, t.start))) cur = [];
    cur.push(t);
    if (cur.length > best.length) best = cur;
  }
  return best;
}

function trimStops(run: Token[]): Token[] {
  let a = 0;
  let z = run.length;
  while (a < z && isStopWord(run[a]!.text)) a++;
  while (z > a && isStopWord(run[z - 1]!.text)) z--;
  return run.slice(a, z);
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '«': '»', '“': '”', '{': '}' };
const CLOSE = new Set(Object.values(OPEN));

/**
 * Where a phrase's quotes or brackets stop matching: an unclosed opener is cut off with what
 * follows it (keep 'before'), an unopened closer with what precedes it (keep 'after'); a lone
 * straight quote goes with the shorter side.
 */
function unbalanced(text: string): { at: number; keep: 'before' | 'after' } | null {
  const stack: Array<{ ch: string; at: number }> = [];
  const straight: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (ch === '"') straight.push(k);
    else if (OPEN[ch]) stack.push({ ch, at: k });
    else if (CLOSE.has(ch)) {
      if (stack.length > 0 && OPEN[stack[stack.length - 1]!.ch] === ch) stack.pop();
      else return { at: k, keep: 'after' };
    }
  }
  if (stack.length > 0) return { at: stack[0]!.at, keep: 'before' };
  if (straight.length % 2 === 1) {
    const at = straight[straight.length - 1]!;
    return at >= text.length / 2 ? { at, keep: 'before' } : { at: straight[0]!, keep: 'after' };
  }
  return null;
}
