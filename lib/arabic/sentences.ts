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
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a && /[\p{L}\p{N}]/u.test(text.slice(a, b))) out.push({ text: text.slice(a, b), start: a, end: b });
  };
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    if (!isBreak(text, m)) continue;
    push(from, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}
