// Light stemming (Light10-style) of normalised words: conjunction و/ف, the article and its
// prefixed forms, and a few suffixes, never leaving fewer than three letters, so that
// "والمدينة" and "مدينه" meet while short roots stay apart.
const PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

export function stem(word: string): string {
  if (!/[\u0600-\u06FF]/.test(word)) return word;
  let w = word;
  if (w.length > 3 && (w.startsWith('و') || w.startsWith('ف')) && !w.startsWith('وال') && w.length - 1 >= 3) {
    // Only strip و/ف when what is left starts like a word with an article or is long enough.
    if (w.slice(1).startsWith('ال') || w.length > 4) w = w.slice(1);
  }
  for (const p of PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w;
}
