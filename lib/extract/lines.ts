// The article's parts from a sequence of text blocks: the lines of a saved page text, or the
// blocks of an HTML body. One set of rules serves both forms, so they extract the same article.
import { parseArabicDate, type ParsedDate } from '../arabic/dates';
import { toAsciiDigits } from '../arabic/digits';
import type { SiteRules } from '../outlets/types';
import { readByline } from './byline';
import { isTitleRepeat, matchForm, squash, unglue } from './clean';

export interface Block {
  text: string;
  /** Inside a reader-comments container (HTML); page text finds comments by their heading. */
  comment?: boolean;
}

/** Boilerplate lines on any news site, Arabic and English. */
export const GENERIC_RULES: Required<Pick<SiteRules, 'bodyEnd' | 'furniture' | 'commentsStart'>> = {
  bodyEnd: [
    /^(?:الأكثر\s+قراءة|الأكثر\s+مشاهدة|اقرأ\s+أيضا[ًً]?\s*:?|اقرأ\s+المزيد|مواضيع\s+ذات\s+صلة|أخبار\s+ذات\s+صلة|مقالات\s+ذات\s+صلة|قد\s+يهمك|المزيد\s+من\s+الأخبار)\s*:?$/,
    /^(?:Most\s+read|Read\s+more|Related(?:\s+(?:articles|stories|news))?|You\s+may\s+also\s+like)\s*:?$/i,
    // Page footers: copyright lines and a TV channel's satellite frequencies.
    /^(?:جميع\s+الحقوق\s+محفوظة|©|All\s+Rights\s+Reserved|Copyright\b)/i,
    /^تردد\s+(?:البث|القناة)(?:\s+الفضائي)?\s*:?$/,
  ],
  furniture: [
    /^(?:شارك|مشاركة|شارك\s+(?:المقال|الخبر|على)|تابعونا(?:\s+على.*)?|الوسوم|كلمات\s+مفتاحية|الرئيسية|Share|Tweet|Tags?)\s*:?\s*$/i,
    /^(?:فيسبوك|تويتر|واتساب|تلغرام|Facebook|Twitter|WhatsApp|Telegram|X)(?:\s*[|·•]\s*(?:فيسبوك|تويتر|واتساب|تلغرام|Facebook|Twitter|WhatsApp|Telegram|X))*$/i,
    /^[\d٠-٩]+$/,
    /^[ـ\-–—_=*•·.\s]+$/,
    /^(?:logo|advertisement|إعلان)$/i,
    // A share prompt with its buttons' names: "شارك: فيسبوك - تويتر". Each name is preceded by its
    // separators and ends where a word ends, so a line has one way to be read: the repeated group
    // cannot be split in many ways (issue 18: 32 names and a "!" took 205 s to fail).
    /^(?:شارك|مشاركة|Share)(?:\s*:)?(?:[\s\-|·•،,]*(?:فيسبوك|تويتر|واتساب|تلغرام|Facebook|Twitter|WhatsApp|Telegram|X)(?![\p{L}\p{M}\p{N}]))+[\s\-|·•،,]*$/iu,
    // Reading-time widgets: "وقت القراءة المتوقع: 4 دقائق", "3 min read".
    /^(?:وقت|مدة)\s+القراءة(?:\s+المتوقع[ة]?)?\s*:?\s*[\d٠-٩]+\s*(?:دقائق|دقيقة|دقيقتان|د)$/,
    /^[\d]+\s*min(?:ute)?s?\s+read$/i,
    /^(?:الصورة|صورة|Photo|Image)\s*:\s*.{0,80}$/i,
  ],
  commentsStart: /^(?:التعليقات|تعليقات|Comments)\s*(?:\(\s*[\d٠-٩]+\s*\))?\s*:?$/i,
};

/** A comment's age line ("·منذ 8 سنوات 5 أشهر"): it follows the commenter's name. */
const AGE_LINE = /^[·•\s]*(?:منذ|قبل)\s+\S+(?:\s+\S+){0,4}$/;

export interface SplitResult {
  title: string;
  paragraphs: string[];
  comments: string[];
  /** Ages the comments carry, oldest first is not assumed. */
  commentAges: string[];
  /** From a line carrying section and date ("● أخبار سورية ٢٢ أكتوبر ٢٠١٧"). */
  dateLine: { date: ParsedDate; section: string | null } | null;
  served: ParsedDate | null;
  /** From a footer line ("المصدر: شبكة شام الكاتب: فريق التحرير"). */
  author: string | null;
}

/**
 * The longest line the line patterns (furniture, ends, date and author lines) are tried on: every
 * one of them describes a short line, and a page's hostile 5 MB paragraph is then never scanned by
 * a dozen patterns. Longer lines are body text (or comments).
 */
export const MAX_MARKER_LINE = 1000;

const anyMatch = (res: RegExp[] | undefined, s: string) => !!res && s.length <= MAX_MARKER_LINE && res.some((r) => r.test(s));
const matches = (re: RegExp | undefined, s: string) => !!re && s.length <= MAX_MARKER_LINE && re.test(s);

interface Comment {
  name: string | null;
  age: string | null;
  text: string[];
}

/** Commenter name, age, text… → "name: text". Without age lines each block is one comment. */
function groupComments(lines: string[]): { comments: string[]; ages: string[] } {
  const isAge = (l: string) => l.length <= MAX_MARKER_LINE && AGE_LINE.test(matchForm(l));
  if (!lines.some(isAge)) return { comments: lines, ages: [] };
  const out: Comment[] = [];
  let pending: string[] = [];
  for (const line of lines) {
    if (isAge(line)) {
      const name = pending.pop() ?? null;
      if (out.length) for (const l of pending) out[out.length - 1]!.text.push(l);
      out.push({ name, age: matchForm(line).replace(/^[·•\s]+/, ''), text: [] });
      pending = [];
    } else pending.push(line);
  }
  // The last comment's text is everything after its age line.
  if (out.length) for (const l of pending) out[out.length - 1]!.text.push(l);
  return {
    comments: out.filter((c) => c.text.length).map((c) => (c.name ? `${c.name}: ${c.text.join(' ')}` : c.text.join(' '))),
    ages: out.map((c) => c.age!).filter(Boolean),
  };
}

/**
 * Walks the blocks once. `title` is known for HTML pages; for page text it is the first line
 * that is not furniture. The body ends at the first end line after it has begun.
 */
export function splitBlocks(blocks: Block[], rules: SiteRules, title = ''): SplitResult {
  const res: SplitResult = { title, paragraphs: [], comments: [], commentAges: [], dateLine: null, served: null, author: null };
  const end = [...(rules.bodyEnd ?? []), ...GENERIC_RULES.bodyEnd];
  const furniture = [...(rules.furniture ?? []), ...GENERIC_RULES.furniture];
  const commentsStart = rules.commentsStart ?? GENERIC_RULES.commentsStart;
  const commentLines: string[] = [];
  let mode: 'body' | 'comments' | 'tail' = 'body';

  for (const block of blocks) {
    // Whitespace runs to one space, as the HTML walk gives them: both forms extract alike.
    const line = squash(block.text);
    if (!line) continue;
    // What the rules match: the line without tatweel inside its words (clean.ts matchForm); what
    // the article keeps: the line as the page shows it.
    const key = matchForm(line);
    if (block.comment) {
      // The comment count the widget repeats under its list is furniture too.
      if (!matches(commentsStart, key) && !anyMatch(furniture, key)) commentLines.push(line);
      continue;
    }
    if (matches(commentsStart, key)) {
      mode = 'comments';
      continue;
    }
    if (mode === 'comments') {
      if (anyMatch(end, key)) mode = 'tail';
      else if (!anyMatch(furniture, key)) commentLines.push(line);
      continue;
    }
    if (matches(rules.servedLine, key)) {
      res.served ??= parseArabicDate(key);
      continue;
    }
    if (matches(rules.dateLine, key)) {
      const date = parseArabicDate(key);
      if (date && !res.dateLine) {
        // Digits map one to one, so the date's place in the ASCII form is its place in the line.
        const at = toAsciiDigits(key).indexOf(date.raw);
        const section = key.slice(0, at < 0 ? 0 : at).replace(/^[●•·\s]+|(?<![\s،,|-])[\s،,|-]+$/g, '');
        res.dateLine = { date, section: section || null };
      }
      if (date) continue;
    }
    // A byline/date block ("كتب: فلان | 28 أيار 2025") is metadata, never body (byline.ts).
    const byline = res.title ? readByline(key, res.paragraphs.length === 0) : null;
    if (byline) {
      if (byline.author) res.author ??= byline.author;
      if (byline.date && !res.dateLine) res.dateLine = { date: byline.date, section: null };
      continue;
    }
    // Any site: a short line before the body that is nothing but a date is the article's date.
    if (!res.dateLine && res.paragraphs.length === 0 && res.title && key.length <= 40) {
      const date = parseArabicDate(key);
      if (date && date.precision !== 'month' && date.raw.length >= key.length / 2) {
        res.dateLine = { date, section: null };
        continue;
      }
    }
    if (rules.authorLine && key.length <= MAX_MARKER_LINE) {
      const m = rules.authorLine.exec(key);
      if (m?.[1]) res.author ??= m[1].trim();
    }
    if (anyMatch(end, key)) {
      if (res.paragraphs.length) mode = 'tail';
      continue;
    }
    if (mode === 'tail' || anyMatch(furniture, key)) continue;
    if (!res.title) {
      res.title = unglue(line);
      continue;
    }
    if (isTitleRepeat(key, res.title)) continue;
    res.paragraphs.push(line);
  }
  const grouped = groupComments(commentLines);
  res.comments = grouped.comments;
  res.commentAges = grouped.ages;
  return res;
}
