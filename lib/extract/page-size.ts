// A page's size, bounded. Recognising and reading a page walk it several times (selectors over
// the document, a body's text), each in proportion to its size: on a page of a million nodes
// (50 MB of HTML) the read took 7 s of one task and placing the panel 1 s. An outlet's article
// page has a few thousand elements (the largest of our fixture pages 843, a heavy live page
// some 10,000); past MAX_ELEMENTS a page is not read at all, and counting stops there.
// With Chromium 156 on the 2-core CI machine the extract step of a page of 29,000 elements took
// 56-106 ms of CPU, so the bound went down to 10,000 (e31d2f9). Selector lists asked one selector
// at a time (lib/markup/select.ts), meta read from one collection, bounded walks (blocks, nodes,
// the marks' index stopping once it holds the article) brought that page to 20-25 ms; pages of
// hostile shapes at 20,000 (tests/e2e/hostile-shapes.e2e.ts) stay under 50 ms, while at 30,000
// empty elements inside the body still took 41-50 ms (bench/HOSTILE-PAGE.md).

/** Twice a heavy outlet page (24 times our largest fixture page): the page the reader is on. */
export const MAX_ELEMENTS = 20_000;

/** A harvested or imported archive page is read in a worker or the command line, not on a page's
 *  main thread: it keeps the earlier bound (its parse, not a task of ours, is what this bounds). */
export const MAX_ARCHIVED_ELEMENTS = 30_000;

/** Whether the document has more than `max` elements: counts max + 1 at most. */
export function tooLarge(doc: Document, max = MAX_ELEMENTS): boolean {
  // A browser's collection walks to the element asked for by item() and no further, without a
  // call into the DOM per element as a walker's steps are (0.7 ms against 2-5 ms at 30,000
  // elements). Not all[max]: Chromium checks an index against the length, which counts them all.
  const all = doc.getElementsByTagName('*');
  if (all.item(0) === doc.documentElement) return all.item(max) !== null;
  // linkedom (the command line, tests) knows no '*' there: walk.
  // 1 = NodeFilter.SHOW_ELEMENT (NodeFilter is not a global of every DOM this runs in).
  const walker = doc.createTreeWalker(doc.documentElement, 1);
  let n = 1; // the root
  while (walker.nextNode()) if (++n > max) return true;
  return false;
}
