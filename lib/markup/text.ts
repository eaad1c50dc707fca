// A page's markup text as the extractor keeps it (the same as lib/extract/clean.ts squash, which
// sits above this folder): without invisible characters, whitespace runs as one space.
import { stripInvisible } from '../arabic/invisible';

export function squash(text: string): string {
  return stripInvisible(text).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Text as compared for sameness: no diacritics, tatweel, case or spacing differences. */
export function comparable(text: string): string {
  return squash(text).replace(/[\u064B-\u0652\u0640]/g, '').replace(/\s+/g, ' ').toLowerCase();
}
