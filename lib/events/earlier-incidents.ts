// An earlier incident told beside the report's own, past the lede's first sentence — the act the
// report recaps or answers, not the one it reports (bench/EVENTS.md linked-s23, mainact-s23):
// - a sentence dating it by a weekday said to be "last" (السبت الماضي، الثلاثاء الفائت، الخميس
//   المنصرم): "ويوم السبت الماضي، قتل ثلاثة مدنيين في انفجار …";
// - what follows "it comes after / in reply to" (يأتي/تأتي … بعد، عقب، إثر، في أعقاب، رداً على، على
//   خلفية، غداة): "وتأتي الضربات بعد مقتل 33 جندياً …", "ويشار أن هذا الانفجار يأتي بعد يوم من
//   استهداف …" — from those words to the sentence's end; the words before them ("وصل الوزير السبت،
//   وتأتي الزيارة بعد …") are the report's own.
// A report dates its own event and counts its own toll in its first sentence; these tell another
// incident's day and toll — a linked incident's (the blast two days before in the same town, the
// killing of the soldiers the strikes answer). when.ts passes their days over once the event is
// dated (not the event's, not among the days named: so the other incident's reports are not read
// as naming this one's day, pair-features' dayNamed); signature.ts does not count their tolls as
// the report's (numbers: a reply told with its cause's dead read as of the same toll). In the
// labelled sets' recollected leads (dev, A, B, D) the "last" weekday's sentences touch 4 linked
// report pairs and 4 same-event ones, "يأتي … بعد" 5 and 6 (mainact-s23's counts, flattered).
const AR_LETTER = '\\u0621-\\u064A';
/** A weekday named "last", in the normalised text (lib/arabic normalize: ة → ه, ئ → ي, hamzas folded) and in the raw one. */
const PAST_WEEKDAY = new RegExp(
  `(?:^|[^${AR_LETTER}])(?:ال)?(?:سبت|احد|أحد|اثنين|إثنين|ثلاثاء|اربعاء|أربعاء|خميس|جمعه|جمعة)\\s+(?:الماضي|الماضى|الفايت|الفائت|المنصرم)(?![${AR_LETTER}])`,
);
// "(و)يأتي/تأتي", up to two words ("ذلك", "هذا الانفجار", "الضربات"), then what it comes after or
// answers. The words' spaces repeat inside the optional words' repetition: bounded by the sentence
// (a lede's, ≤ 700 characters) and tried at each يأتي only (tests/unit/hostile/regex-budget.test.ts).
const COMES_AFTER = new RegExp(
  `(?<![${AR_LETTER}])[وف]?[يت][اأ]تي(?:\\s+[${AR_LETTER}]+){0,2}?\\s+(?:بعد|عقب|[اإ]ثر|في\\s+[اأ]عقاب|رد[اأ]?[\\u064B]?\\s+عل[ىي]|عل[ىي]\\s+خلفي[ةه]|غدا[ةه])(?![${AR_LETTER}])`,
);
const SENTENCE_END = /[.!?؟\n]/g;

/**
 * The sentences after the lede's first holding `test`, as [start, end) spans of `text`: from where
 * `test` says (0: the sentence's start), or none where it says null. A sentence starting before
 * `ledeAt` (the title, the lede's first) is never one.
 */
export function laterSentences(text: string, ledeAt: number, test: (sentence: string) => number | null): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let sentence = 0;
  for (const m of [...text.matchAll(SENTENCE_END), { index: text.length }]) {
    const end = m.index!;
    if (start >= ledeAt && end > start + 1 && sentence++ > 0) {
      const from = test(text.slice(start, end));
      if (from !== null) out.push([start + from, end]);
    }
    start = end + 1;
  }
  return out;
}

/** Where in `sentence` an earlier or answered incident is told: 0 for a "last" weekday's sentence, the يأتي … بعد words' start, or null. */
function earlierAt(sentence: string): number | null {
  if (PAST_WEEKDAY.test(sentence)) return 0;
  const m = COMES_AFTER.exec(sentence);
  return m ? m.index : null;
}

/** The spans after the lede's first sentence that tell an earlier or answered incident (above), as [start, end) spans of `text`. */
export function earlierIncidentSentences(text: string, ledeAt: number): Array<[number, number]> {
  return laterSentences(text, ledeAt, earlierAt);
}
