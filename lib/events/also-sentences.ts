// Another incident told beside the report's, past the lede's first sentence: "26 civilians were
// also killed yesterday …", "كما قتل … أمس", "… أيضا يوم الاثنين". Its day is that incident's, not
// the report's: when.ts keeps it among the days named, never as the event's (events23: a FA-KES
// hard negative dated by such a sentence, the day of another outlet's report of it).
const ALSO_EN = /\balso\b/;
const ALSO_AR = /^\s*و?كما(?![\u0621-\u064A])|(?:^|[^\u0621-\u064A])ايضا(?![\u0621-\u064A])/;
const SENTENCE_END = /[.!?؟\n]/g;

/** The sentences after the lede's first that tell another incident "also", as [start, end) spans of `text`. */
export function alsoSentences(text: string, ledeAt: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let sentence = 0;
  for (const m of [...text.matchAll(SENTENCE_END), { index: text.length }]) {
    const end = m.index!;
    if (start >= ledeAt && end > start + 1) {
      if (sentence++ > 0) {
        const s = text.slice(start, end);
        if (ALSO_EN.test(s) || ALSO_AR.test(s)) out.push([start, end]);
      }
    }
    start = end + 1;
  }
  return out;
}
