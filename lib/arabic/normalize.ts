import { toAsciiDigits } from './digits';

// Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks carry no meaning for matching.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
// Tatweel, and the invisible joiners and direction marks pasted text carries inside words.
const INVISIBLE = /[\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
// Quotes, commas and other punctuation in their Arabic and typographic forms, folded to one form
// each so that a quoted name or a comma never makes two texts differ.
const PUNCT: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"', '‘': "'", '’': "'", '‚': "'", '′': "'",
  '،': ',', '؛': ';', '؟': '?', '٪': '%', '٫': '.', '٬': ',', '۔': '.',
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
};
const PUNCT_RE = new RegExp(`[${Object.keys(PUNCT).join('')}]`, 'g');

/** One character (code point) normalised: the unit both normalize() and the offset map use. */
function fold(text: string): string {
  return toAsciiDigits(text.normalize('NFKC'))
    .replace(DIACRITICS, '')
    .replace(INVISIBLE, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(PUNCT_RE, (c) => PUNCT[c]!)
    .toLowerCase();
}

/**
 * Folds the letter variants readers and outlets use interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه,
 * ؤ → و, ئ → ي, Persian ی ک), drops diacritics, tatweel and invisible marks, maps Arabic-Indic and
 * Persian digits to ASCII, folds quotes and Arabic punctuation, and Latin to lower case.
 * Idempotent: normalize(normalize(x)) === normalize(x).
 */
export function normalize(text: string): string {
  // NFKC first on the whole text composes base letters with combining hamza before folding.
  return fold(fold(text));
}

/**
 * The normalised text with, for each of its characters, the offset in `text` it came from
 * (and one more entry: text.length), so that a match found in normalised text can be marked in
 * the original. Normalises code point by code point, which agrees with normalize() on words.
 */
export function normalizeWithMap(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = fold(fold(ch));
    for (let k = 0; k < n.length; k++) map.push(i);
    out += n;
    i += ch.length;
  }
  map.push(text.length);
  return { text: out, map };
}
