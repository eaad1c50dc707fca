// A saved page's text (the seeds' form) → Article: outlet from the text's own signatures, then
// the same line rules the HTML extractor applies to body blocks.
import { resolveRelativeAge, type ParsedDate } from '../arabic/dates';
import { stripInvisible } from '../arabic/invisible';
import { outletIdFromName } from '../outlets/identity';
import { adapterById, detectOutletFromText, recognizeUrl } from '../outlets/registry';
import type { Article, ArticleDate, DateSource } from '../types';
import { splitBlocks } from './lines';


const NO_DATE: ArticleDate = { value: null, precision: 'unknown', source: 'none' };
const MAX_TEXT = 5_000_000;

export interface TextOptions {
  url?: string;
  outlet?: string;
  /** Day the text was saved (YYYY-MM-DD), to resolve relative ages such as "منذ 8 سنوات 5 أشهر". */
  captured?: string;
}

const asDate = (p: ParsedDate | null | undefined, source: DateSource): ArticleDate | null =>
  p ? { value: p.value, precision: p.precision, source, raw: p.raw } : null;

export function extractFromText(raw: string, opts: TextOptions = {}): Article {
  if (raw.length > MAX_TEXT) throw new Error(`page text is ${raw.length} characters, more than ${MAX_TEXT}`);
  const text = stripInvisible(raw);
  const rec = opts.url ? recognizeUrl(opts.url) : null;
  const outlet = (opts.outlet && outletIdFromName(opts.outlet)) || opts.outlet || rec?.adapter?.id || detectOutletFromText(text) || 'unknown';
  const rules = adapterById(outlet)?.rules ?? {};
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((text) => ({ text }));
  const split = splitBlocks(lines, rules);

  const captured = opts.captured ?? rec?.archive?.capturedAt.slice(0, 10);
  const ages = captured ? split.commentAges.map((a) => resolveRelativeAge(a, captured)).filter((d): d is ParsedDate => !!d) : [];
  const oldest = ages.sort((a, b) => a.value.localeCompare(b.value))[0];
  const served = asDate(split.served, 'served');
  const publishedAt = asDate(split.dateLine?.date, 'byline') ?? asDate(oldest, 'relative') ?? served ?? NO_DATE;

  return {
    outlet,
    pageType: 'article',
    url: rec?.url ?? opts.url ?? '',
    canonicalUrl: null,
    archive: rec?.archive ?? null,
    title: split.title,
    publishedAt,
    servedAt: served,
    author: split.author,
    section: split.dateLine?.section ?? null,
    paragraphs: split.paragraphs,
    comments: split.comments,
    lang: /[\u0600-\u06FF]/.test(split.title) || !split.title ? 'ar' : 'en',
    dir: /[\u0600-\u06FF]/.test(split.title) || !split.title ? 'rtl' : 'ltr',
  };
}
