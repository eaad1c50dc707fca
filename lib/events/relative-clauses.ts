// A lede that tells an earlier incident in a relative clause before its own: "امتدت الاشتباكات
// التي اندلعت في جرمانا أمس الأول، إلى أشرفية صحنايا أمس". The first day named is the background's
// (the clashes that broke out the day before yesterday), the main verb's is the report's (they
// spread yesterday): read first-wins, the report of the spread took the day of the other incident
// and sat a day from its partners and on the day of its hard negative (arabday-s22, set b). The
// spans found here are the relative clauses of the lede's sentences whose verb tells an incident
// happening; when.ts passes over their days when the same sentence names a later day
// after them. A toll's rise or a fight's going on ("ارتفعت حصيلة التفجير الذي وقع أمس …",
// "تتواصل الاشتباكات التي اندلعت أمس …") tells the clause's incident itself: not passed over.

// Letter variants (ا/أ/إ/آ, ه/ة, ي/ى) so that one pattern reads the normalised text and the raw one.
const A = '[اأإآ]';
const H = '[هة]';
const Y = '[يى]';
const PRONOUN = `(?:${A}لت${Y}|${A}لذ${Y}|${A}للذ(?:${Y}ن|ان)|${A}للت(?:${Y}ن|ان)|${A}لذ${Y}ن|${A}للوات${Y})`;
// What happened, in the clause's past: broke out, took place, began, was carried out, struck.
const HAPPENED = [`${A}ندلع`, 'وقع', `بد${A}`, 'جر(?:ى|ي)', 'حدث', 'شهد', 'نفذ', 'شن', `${A}ستهدف`, 'هز', 'ضرب', `${A}نطلق`, 'تعرض']
  // Its "ت" and an object pronoun: اندلعت, شنته, شهدتها, نفذتهما.
  .map((v) => `${v}(?:ت)?(?:ها|هما|هم|ه)?`)
  .join('|');
// The pronoun, "كان/كانت/قد" (up to two: "كانت قد"), the verb; the clause runs to its comma, full stop or line.
const CLAUSE = new RegExp(`(?<![\\u0621-\\u064A])${PRONOUN}\\s+(?:(?:كان|كانت|قد)\\s+){0,2}(?:${HAPPENED})(?![\\u0621-\\u064A])[^.،,؛;\\n!؟?]{0,120}`, 'g');
// The main clause before the pronoun tells the clause's incident itself: its toll rising, its
// dead or wounded counted, the fight going on.
const SAME_INCIDENT = new RegExp(
  `(?<![\\u0621-\\u064A])(?:ارتفع|ارتفعت|${A}رتفاع|حصيل${H}|عدد|ضحايا|قتل${Y}|جرح${Y}|مصاب${Y}|تتواصل|تواصلت|تستمر|${A}ستمرت|${A}ستمرار|تزال|زالت|يزال|زال)(?![\\u0621-\\u064A])`,
);
const SENTENCE_END = /[.!?؟\n]/g;
/** Holds one of the pronouns' shared letters: a text without "ل" + "ت/ذ" pairs is not searched. */
const MAY_HOLD = /لت|لذ|للو/;

/** A lede holds a few: more are not read (when.ts weighs each against every cue). */
const MAX_CLAUSES = 4;

export interface RelativeClause {
  /** The clause, [start, end) of the text. */
  span: [number, number];
  /** Where the sentence holding it ends. */
  sentenceEnd: number;
}

/**
 * The relative clauses telling an incident in the sentences of the lede (from `ledeAt`) of `text`,
 * each with its sentence's end. Every sentence, not only the first: a page's lede often opens on
 * its site's name and stamp lines, and a clause past the sentence that dates the event changes
 * nothing (when.ts reads its day among the days named either way).
 */
export function relativeClauses(text: string, ledeAt: number): RelativeClause[] {
  const out: RelativeClause[] = [];
  let start = ledeAt;
  SENTENCE_END.lastIndex = ledeAt;
  for (let m = SENTENCE_END.exec(text); out.length < MAX_CLAUSES; m = SENTENCE_END.exec(text)) {
    const end = m ? m.index : text.length;
    const sentence = text.slice(start, end);
    if (MAY_HOLD.test(sentence)) {
      // Clauses after words of the clause's incident itself are not another's (found once a sentence).
      const same = sentence.search(SAME_INCIDENT);
      for (const c of sentence.matchAll(CLAUSE)) {
        if ((same >= 0 && same < c.index!) || out.length === MAX_CLAUSES) break;
        out.push({ span: [start + c.index!, start + c.index! + c[0].length], sentenceEnd: end });
      }
    }
    if (!m) break;
    start = end + 1;
  }
  return out;
}
