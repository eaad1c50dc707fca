import { ar } from 'stopwords-iso/stopwords-iso.json';
import { normalize } from './normalize';

// The stopwords-iso Arabic list, normalised the way the text is, plus news-prose function words
// it lacks. Content words of this domain (قوات، مدينة، ريف…) are deliberately not stop words here:
// they are weighted by the ranker, not dropped.
const EXTRA = ['او', 'اي', 'ان', 'الي', 'علي', 'التي', 'الذي', 'الذين', 'وفي', 'ومن', 'كما', 'حيث', 'بعد', 'قبل', 'خلال', 'عبر', 'نحو', 'ضمن', 'وسط', 'اليوم', 'امس'];

const STOP_WORDS: ReadonlySet<string> = new Set([...(ar as string[]), ...EXTRA].map(normalize));

export function isStopWord(normalizedWord: string): boolean {
  return STOP_WORDS.has(normalizedWord);
}
