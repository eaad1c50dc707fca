// A page's size, bounded. Recognising and reading a page walk it several times (selectors over
// the document, a body's text), each in proportion to its size: on a page of a million nodes
// (50 MB of HTML) the read took 7 s of one task and placing the panel 1 s. An outlet's article
// page has a few thousand elements (the largest of our fixture pages 843, a heavy live page
// some 10,000); past MAX_ELEMENTS a page is not read at all, and counting stops there.

/** Thirty times our largest fixture page, three times a heavy outlet page. */
export const MAX_ELEMENTS = 30_000;

/** Whether the document has more than `max` elements: counts max + 1 at most. */
export function tooLarge(doc: Document, max = MAX_ELEMENTS): boolean {
  // 1 = NodeFilter.SHOW_ELEMENT (NodeFilter is not a global of every DOM this runs in).
  const walker = doc.createTreeWalker(doc.documentElement, 1);
  let n = 1; // the root
  while (walker.nextNode()) if (++n > max) return true;
  return false;
}
