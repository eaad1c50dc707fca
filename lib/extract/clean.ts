// Text clean-up shared by the HTML and the page-text extractors.
import { comparable, squash } from '../markup/text';

/**
 * Whitespace runs to one space, without the invisible characters (zero-width, direction marks and
 * isolates, soft hyphen, BOM…: ../arabic/invisible.ts) that pages sprinkle in or plant inside
 * words. Every text the HTML extractor keeps goes through here, so an article read from a page
 * is as clean as one read from its saved text (text.ts), and a laced page reads as the clean one.
 */
export { squash } from '../markup/text';

// Tatweel (ـ) after a letter or a mark stretches the word on screen and is no letter: "شـارك".
// Letters and combining marks in two classes: a letter next to a mark in one class reads as one
// combined character (and the linter says so).
const TATWEEL_IN_WORD = /(?<=[\u0620-\u064A\u0671-\u06D3]|[\u064B-\u065F\u0670])\u0640+/g;

/**
 * A line as the line rules read it (furniture, ends, dates, bylines, comment headings): without the
 * tatweel inside its words. The line's own text, tatweel kept, is what the article shows; only
 * what is matched is folded. A line of tatweel alone (a rule) keeps its first one.
 */
export function matchForm(line: string): string {
  return line.includes('\u0640') ? line.replace(TATWEEL_IN_WORD, '') : line;
}

/** A line glued to itself two or three times ("titletitle", seed 004) → the line once. */
export function unglue(line: string): string {
  const s = line.trim();
  for (let n = 2; n <= 3; n++) {
    const len = s.length / n;
    if (Number.isInteger(len) && len >= 8) {
      const part = s.slice(0, len);
      if (part.repeat(n) === s) return part.trim();
    }
    // The same with a space between the copies: "title title".
    const spaced = (s.length - (n - 1)) / n;
    if (Number.isInteger(spaced) && spaced >= 8) {
      const part = s.slice(0, spaced);
      if (Array(n).fill(part).join(' ') === s) return part.trim();
    }
  }
  return s;
}


// Each pattern that ends a run of a class (here and below) starts only where the run starts
// ((?<!…)): tried from every position inside a long run, it would rescan the run each time.
const SEPARATORS = /(?<!\s)\s+[-–—|:•·»]\s+/;

/**
 * A page title without the site name the page adds ("… - شبكة شام", "أورينت نت | …") and
 * glued repeats. Only a piece that names the site is dropped, so "تقرير شام الاقتصادي | 28 أيار
 * 2026" keeps its date.
 */
export function cleanTitle(raw: string, siteName?: RegExp): string {
  let t = unglue(squash(raw));
  if (siteName) {
    for (let i = 0; i < 2; i++) {
      const parts = t.split(SEPARATORS);
      if (parts.length < 2) break;
      const named = (p: string) => siteName.test(p) && p.replace(siteName, '').replace(/[^\p{L}\p{N}]/gu, '').length <= 3;
      if (named(parts[parts.length - 1]!)) t = t.slice(0, t.lastIndexOf(parts[parts.length - 1]!)).replace(/(?<![\s\-–—|:•·»])[\s\-–—|:•·»]+$/, '');
      else if (named(parts[0]!)) t = t.slice(parts[0]!.length).replace(/^[\s\-–—|:•·»]+/, '');
      else break;
    }
  }
  return unglue(t);
}

/** Whether a line is the title again: equal, glued to itself, or the title with the site name. */
export function isTitleRepeat(line: string, title: string): boolean {
  if (!title) return false;
  return comparable(unglue(line)) === comparable(title);
}

/** A section label without the bullet or separators sites put before it ("● أخبار سورية"). */
export function cleanLabel(text: string): string {
  return squash(text).replace(/^[●•·|:\-–—\s]+|(?<![|:\-–—\s])[|:\-–—\s]+$/g, '');
}
