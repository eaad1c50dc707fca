// Characters that are invisible on the page but present in the text: zero-width space and
// joiners, direction marks, embeddings, overrides and isolates, word joiner and invisible
// operators, the byte-order mark, the soft hyphen and the Arabic letter mark. Pasted or planted
// inside a word they must not split it (a copy of a report laced with them matches the clean
// one), and they carry nothing for matching.
export const INVISIBLE_CHARS = '\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF';

export function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff;
}

const INVISIBLE_RE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/**
 * Text without its invisible characters: what a report's text and a page's saved text become
 * before anything splits them into lines, sentences or words, so that every analysis (names,
 * claims, phrases, not only words) reads a laced copy as it reads the clean one.
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '');
}
