// A report that says no one was hurt: "دون ورود أنباء عن إصابات", "ولم تسفر الغارات عن وقوع
// ضحايا", "no casualties were reported", "without causing any injuries", "no one was hurt". Read
// from the title and lede as normalize() writes them (Arabic: ا for أ/إ, ه for ة, ي for ى and ئ;
// English lower-cased). A part of the people unhurt ("no casualties among the militants", "دون
// إصابات في صفوف المدنيين") is not read: the others may have been hit. signature.ts keeps it only
// where the report tells no dead or hurt of its own (a toll read wins: "3 killed, no injuries
// reported" has a toll).

// Arabic: a word of negation (دون, بدون, من دون, لم, لا), then at most six words of the phrase
// (وقوع, ورود أنباء عن, أن يسفر ذلك عن, the strike itself: "لم تسفر الغارات عن"), then the harm
// ("أي" before it or not), with two letters of suffix at most and no part of the people after it.
const PHRASE_AR = 'وقوع|تسجيل|ورود|انباء|معلومات|عن|ان|الي|ذلك|يسفر|تسفر|يؤد|تؤد|يؤدي|تؤدي|يوقع|توقع|يبلغ|ترد|يرد|تسجل|يسجل|تقع|يقع|توجد|يوجد|ال(?:غاره|غارات|قصف|هجوم|استهداف|انفجار|تفجير|ضربه|ضربات|حادث|قذيفه|قذايف|صاروخ|صواريخ|عبوه)';
const HARM_AR = 'اصابات|ضحايا|خساير\\s+(?:بشريه|في\\s+الارواح)|قتلي|جرحي';
const NONE_AR = new RegExp(`(?:^|[^\\u0621-\\u064A])[وف]?ب?(?:دون|لم|لا)(?:\\s+(?:${PHRASE_AR})){0,6}\\s+(?:اي\\s+)?(?:${HARM_AR})(?![\\u0621-\\u064A]{3})(?!\\s+(?:في\\s+صفوف|بين|من\\s))`);

// English: "no" or "without", at most three words of the phrase ("immediate reports of", "causing
// any"), then the harm (not its count: "gave no casualty toll", "no casualties figures"); or no one hurt.
const NONE_EN = /\b(?:no|without)(?:\s+(?:immediate|reported|reports?|of|word|any|causing)){0,3}\s+(?:casualties|injuries|deaths|fatalities|victims)\b(?!\s+(?:among|of\s+the|in\s+the\s+ranks|toll|tolls|figures?|counts?|numbers?))|\b(?:no\s+one|nobody)\s+(?:was\s+|were\s+|has\s+been\s+)?(?:killed|hurt|injured|wounded|harmed)\b/;

/** Whether `flat` (the normalised title and lede) says no one was hurt. */
export function saysNoCasualties(flat: string, arabic: boolean): boolean {
  return (arabic ? NONE_AR : NONE_EN).test(flat);
}
