// A page's size, bounded. Recognising and reading a page walk it several times (selectors over
// the document, a body's text), each in proportion to its size: on a page of a million nodes
// (50 MB of HTML) the read took 7 s of one task and placing the panel 1 s. An outlet's article
// page has a few thousand elements (the largest of our fixture pages 843, a heavy live page
// some 10,000); past MAX_ELEMENTS a page is not read at all, and counting stops there.
// 30,000 was too many: with Chromium 156 on the 2-core CI machine, the extract step of a page of
// 29,000 elements took 56–106 ms of CPU (tests/e2e/hostile-live-page.e2e.ts; 14,000: 34–46 ms,
// 11,000: 29–49 ms), over or at the 50 ms a task of ours may take.

/** Twelve times our largest fixture page, about a heavy outlet page: the page the reader is on. */
export const MAX_ELEMENTS = 10_000;

/** A harvested or imported archive page is read in a worker or the command line, not on a page's
 *  main thread: it keeps the earlier bound (its parse, not a task of ours, is what this bounds). */
export const MAX_ARCHIVED_ELEMENTS = 30_000;

/** Whether the document has more than `max` elements: counts max + 1 at most. */
export function tooLarge(doc: Document, max = MAX_ELEMENTS): boolean {
  // 1 = NodeFilter.SHOW_ELEMENT (NodeFilter is not a global of every DOM this runs in).
  const walker = doc.createTreeWalker(doc.documentElement, 1);
  let n = 1; // the root
  while (walker.nextNode()) if (++n > max) return true;
  return false;
}
