// A page's markup text as the extractor keeps it (the same as lib/extract/clean.ts squash, which
// sits above this folder): without invisible characters, whitespace runs as one space.
import { stripInvisible } from '../arabic/invisible';

/**
 * The longest value read from a page's markup or its text as one thing: a title, a date, a name,
 * a URL (real ones are some hundreds of characters; a percent-encoded Arabic slug a thousand or
 * two). A page's 1 MB meta content or 2,000,000-character heading is no such value: it is passed
 * over, not cleaned up to find one.
 */
export const MAX_VALUE = 4_096;

export function squash(text: string): string {
  return stripInvisible(text).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Text as compared for sameness: no diacritics, tatweel, case or spacing differences. */
export function comparable(text: string): string {
  return squash(text).replace(/[\u064B-\u0652\u0640]/g, '').replace(/\s+/g, ' ').toLowerCase();
}
