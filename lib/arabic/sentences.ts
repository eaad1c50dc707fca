// Sentence splitting for Arabic news prose (below claims and entities: both read sentences).

export interface Sentence {
  text: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

// A sentence ends at . ! ? ؟ (with any closing quotes or brackets after it) before a space, or
// at a line break. Not at a decimal point (9.5), a run of dots inside a title ("شهر ..تنظيم"),
// an initial ("د. محمد") or a web address (www.eremnews.com).
const END = /[.!?؟]+["'”’»)\]]*(?=\s|$)|\n+/g;

function isBreak(text: string, m: RegExpExecArray): boolean {
  if (m[0].startsWith('\n')) return true;
  const before = text.slice(Math.max(0, m.index - 3), m.index);
  const dots = /^\.+/.exec(m[0])?.[0].length ?? 0;
  if (dots >= 2) return false;
  if (dots === 1 && /(?:^|[\s(])[\u0621-\u064Aa-zA-Z]$/.test(before)) return false;
  return true;
}

/** The sentences of `text`, trimmed, with their offsets; empty stretches are left out. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  eachSentence(text, (a, b) => out.push({ text: text.slice(a, b), start: a, end: b }));
  return out;
}

/** Where each of splitSentences(text) ends, without the sentences: an entity's region asks only
 *  which sentence an offset lies in, twice a report an import analyses (lib/entities/region.ts). */
export function sentenceEnds(text: string): number[] {
  const out: number[] = [];
  eachSentence(text, (_, b) => out.push(b));
  return out;
}

/** Calls `each(start, end)` for every sentence of `text`, in order. */
function eachSentence(text: string, each: (a: number, b: number) => void): void {
  eachStretch(text, (a, b) => {
    if (hasLetterOrDigit(text, a, b)) each(a, b);
  });
}

/** Every stretch of `text` between sentence ends, trimmed and not empty, in order: a sentence
 *  where it holds a letter or a digit. */
export function eachStretch(text: string, each: (a: number, b: number) => void): void {
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) each(a, b);
  };
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    if (!isBreak(text, m)) continue;
    push(from, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(from, text.length);
}

/** /[\p{L}\p{N}]/u.test(text.slice(a, b)), told without the slice where the sentence begins with
 *  an Arabic letter (U+0621-U+064A) or an ASCII letter or digit, as nearly all do. */
function hasLetterOrDigit(text: string, a: number, b: number): boolean {
  const c = text.charCodeAt(a);
  if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return /[\p{L}\p{N}]/u.test(text.slice(a, b));
}
