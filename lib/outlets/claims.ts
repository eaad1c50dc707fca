import { jsonLdPublisherNames } from '../markup/jsonld';
import { shortText } from '../markup/has-text';
import { meta } from '../markup/meta';

/** A signature line is short: longer leaf text is not read to its end to be tested. */
const MAX_SIGNATURE_LINE = 1_000;

/**
 * Whether a page names itself as `name`: og:site_name, application-name, JSON-LD publisher or
 * organisation name, or — when given — a signature line among the last blocks of the page text.
 */
export function pageNames(doc: Document, name: RegExp, signature?: RegExp): boolean {
  const site = meta(doc, 'og:site_name', 'application-name', 'twitter:site') ?? '';
  if (name.test(site)) return true;
  if (jsonLdPublisherNames(doc).some((n) => name.test(n))) return true;
  if (!signature) return false;
  // The signature stands on a line of its own after the body: read short leaf blocks only.
  for (const el of doc.querySelectorAll('p, div, span, strong, b')) {
    if (el.childElementCount === 0 && signature.test((shortText(el, MAX_SIGNATURE_LINE) ?? '').trim())) return true;
  }
  return false;
}
