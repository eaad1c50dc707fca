import { parseArabicDate } from '../arabic/dates';
import type { Article, ArticleDate, BuiltinOutletId } from '../types';

// Signatures each outlet's page text carries about itself (see ../shared/design/OUTLETS.md).
const SIGNATURES: Array<[BuiltinOutletId, RegExp]> = [
  ['shaam', /المصدر:\s*شبكة شام/],
  ['idlib24', /^\s*إدلب\s*24\s*$|دع الآخرين على علم بالموضوع/m],
  ['eremnews', /www\.eremnews\.com|^\s*إرم نيوز\s*$/m],
  ['orient-news', /💡 أهم المواضيع|✨ أهم التصنيفات|أورينت/],
];

/** Lines that end the article body in a page dump. */
const BODY_END = /^(التعليقات\s*\(\d+\)|الأكثر قراءة|المصدر:\s*شبكة شام|إدلب\s*24$|دع الآخرين على علم|اقرأ أيضاً|مشاركة:|logo$|No stories found\.)/;
/** Lines that are page furniture wherever they appear. */
const FURNITURE = /^(آخر الأخبار|●.*|ـ[ـ\s]*|\d+|logo|إرم نيوز|www\.eremnews\.com|💡.*|✨.*)$/;
const DATE_BAR = /^(?:ال)?(?:سبت|أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)\s+[\d٠-٩]{1,2}\s*\/\s*[\d٠-٩]{1,2}\s*\/\s*[\d٠-٩]{4}/;

export function detectOutletFromText(text: string): BuiltinOutletId | null {
  for (const [id, re] of SIGNATURES) if (re.test(text)) return id;
  return null;
}

/** "AB" glued to itself ("titletitle") → "A". */
export function unglue(line: string): string {
  const s = line.trim();
  for (let n = 2; n <= 3; n++) {
    if (s.length % n === 0) {
      const part = s.slice(0, s.length / n);
      if (part.repeat(n) === s) return part.trim();
    }
  }
  return s;
}

const NO_DATE: ArticleDate = { value: null, precision: 'unknown', source: 'none' };

/** A saved page's text (the seeds' form) → Article. */
export function extractFromText(text: string, opts: { url?: string; outlet?: string } = {}): Article {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
  const outlet = opts.outlet ?? detectOutletFromText(text) ?? 'unknown';

  let publishedAt: ArticleDate = NO_DATE;
  let servedAt: ArticleDate | null = null;
  let title = '';
  const paragraphs: string[] = [];
  const comments: string[] = [];
  let mode: 'head' | 'body' | 'comments' | 'tail' = 'head';

  for (const line of lines) {
    if (!line) continue;
    if (mode === 'head' || mode === 'body') {
      if (DATE_BAR.test(line)) {
        const d = parseArabicDate(line);
        if (d) servedAt = { value: d.value, precision: 'day', source: 'served', raw: line };
        continue;
      }
      if (/^●/.test(line)) {
        const d = parseArabicDate(line);
        if (d && publishedAt.value === null) publishedAt = { value: d.value, precision: 'day', source: 'byline', raw: line };
        continue;
      }
    }
    if (/^التعليقات\s*\(\d+\)/.test(line)) {
      mode = 'comments';
      continue;
    }
    if (mode === 'comments') {
      if (/^(الأكثر قراءة|💡|✨)/.test(line)) {
        mode = 'tail';
        continue;
      }
      if (/^·?منذ /.test(line) || /^\d+$/.test(line)) continue;
      comments.push(line);
      continue;
    }
    if (mode === 'tail') continue;
    if (BODY_END.test(line)) {
      if (mode === 'body') mode = 'tail';
      continue;
    }
    if (FURNITURE.test(line)) continue;
    const clean = unglue(line);
    if (!title) {
      title = clean;
      mode = 'body';
      continue;
    }
    if (clean === title || line.startsWith(title + title)) continue;
    paragraphs.push(line);
  }

  // Orient dumps keep commenters' names on their own lines: pair name + comment as one entry.
  const mergedComments: string[] = [];
  for (let i = 0; i < comments.length; i += 2) {
    mergedComments.push(comments.slice(i, i + 2).join(': '));
  }
  const resolved = publishedAt.value ? publishedAt : servedAt ? { ...servedAt } : NO_DATE;
  return {
    outlet,
    pageType: 'article',
    url: opts.url ?? '',
    canonicalUrl: null,
    archive: null,
    title,
    publishedAt: resolved === servedAt ? { ...resolved, source: 'served' } : resolved,
    servedAt,
    author: null,
    section: null,
    paragraphs,
    comments: outlet === 'orient-news' ? mergedComments : comments,
    lang: 'ar',
    dir: 'rtl',
  };
}
