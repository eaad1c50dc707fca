import { toAsciiDigits } from './digits';

// Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks carry no meaning for matching.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

/**
 * Folds the letter variants readers and outlets use interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه,
 * ؤ → و, ئ → ي), drops diacritics and tatweel, maps digits to ASCII and Latin to lower case.
 * Idempotent: normalize(normalize(x)) === normalize(x).
 */
export function normalize(text: string): string {
  return toAsciiDigits(text.normalize('NFKC'))
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase();
}
