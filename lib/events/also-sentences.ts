// Another incident told beside the report's, past the lede's first sentence: "26 civilians were
// also killed yesterday …", "كما قتل … أمس", "… أيضا يوم الاثنين". Its day is that incident's, not
// the report's: when.ts keeps it among the days named, never as the event's (events23: a FA-KES
// hard negative dated by such a sentence, the day of another outlet's report of it).
import { laterSentences } from './earlier-incidents';

export { earlierIncidentSentences } from './earlier-incidents';

const ALSO_EN = /\balso\b/;
const ALSO_AR = /^\s*و?كما(?![\u0621-\u064A])|(?:^|[^\u0621-\u064A])ايضا(?![\u0621-\u064A])/;

/** The sentences after the lede's first that tell another incident "also", as [start, end) spans of `text`. */
export function alsoSentences(text: string, ledeAt: number): Array<[number, number]> {
  return laterSentences(text, ledeAt, (s) => (ALSO_EN.test(s) || ALSO_AR.test(s) ? 0 : null));
}
