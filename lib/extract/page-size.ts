// A page's size, bounded. Recognising and reading a page walk it several times (selectors over
// the document, a body's text), each in proportion to its size: on a page of a million nodes
// (50 MB of HTML) the read took 7 s of one task and placing the panel 1 s. An outlet's article
// page has a few thousand elements (the largest of our fixture pages 843, a heavy live page
// some 10,000); past MAX_ELEMENTS a page is not read at all, and counting stops there.
// With Chromium 156 on the 2-core CI machine the extract step of a page of 29,000 elements took
// 56-106 ms of CPU, so the bound went down to 10,000 (e31d2f9). Selector lists asked one selector
// at a time (lib/markup/select.ts), meta read from one collection, bounded walks (blocks, nodes,
// the marks' index stopping once it holds the article) brought that page to 20-25 ms; pages of
// hostile shapes at 20,000 (tests/e2e/hostile-shapes.e2e.ts) stayed under 50 ms, while at 30,000
// empty elements inside the body still took 41-50 ms (bench/HOSTILE-PAGE.md). With the node count
// added (session 10), on a quiet machine, 19,900 one-letter paragraphs inside the body took 41-64 ms
// of CPU to extract (4 of 5 runs over 50), 14,900 took 28-55 ms (2 of 6), 11,900 took 30-34 ms (3 of
// 3 under): much of a page's first extract is its code compiled cold (at 15,000, 33.7 ms cold and
// 9-10 ms warm, bench/page-profile.ts), the rest grows with the page; so the bound went to 12,000.
// Since session 11 the extract is four tasks (cascade.ts extractSteps: the page and its body, the
// body's blocks, their lines, the dates and the rest): at 30,000 elements no part of it took more
// than 27 ms of CPU and no task of ours more than 33 (marks), at load 3-4 (bench/HOSTILE-PAGE.md);
// the bound is 25,000, below that, for the margin a loaded machine needs.

/** Two and a half heavy outlet pages (30 times our largest fixture page): the page the reader is on. */
export const MAX_ELEMENTS = 25_000;

/**
 * The most nodes (elements, text, comments…) a page we read may have. A selector query steps over
 * every node, not only the elements: a page of 62 elements and 600,000 comments took 84-143 ms of
 * CPU to extract. An article page has about twice as many nodes as elements (the largest of our
 * fixture pages 1,700); at this bound 59,700 comments in a body took 29 ms (bench/HOSTILE-PAGE.md).
 */
export const MAX_NODES = 60_000;

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

/** Elements whose children one slice of nodeCount counts. */
export const NODE_COUNT_SLICE = 5_000;

/**
 * Whether the document has more than `max` nodes (counting max + 1 at most), in slices of `slice`
 * elements: the caller runs each slice in a task of its own (20,000 elements took 25-40 ms of CPU
 * in one task). Yields between slices; returns the answer.
 */
export function* nodeCount(doc: Document, max = MAX_NODES, slice = NODE_COUNT_SLICE): Generator<void, boolean> {
  // Counted by each element's children, not by visiting every node: a walker hands each node to
  // this script, one object each (60,000 comments: 45-60 ms), where a list of children is counted
  // in the browser. item() walks a list to the node asked for and no further; past it, the list's
  // length counts what is left, less than the bound.
  const all = doc.getElementsByTagName('*');
  if (all.item(0) !== doc.documentElement) return walkedMore(doc, max);
  let n = 1 + doc.childNodes.length; // the document, its doctype, its root
  for (let i = 0; ; i++) {
    if (i > 0 && i % slice === 0) yield;
    const el = all.item(i);
    if (!el) return false;
    const children = el.childNodes;
    if (children.item(max - n) !== null) return true;
    n += children.length;
  }
}

/** linkedom (the command line, tests) knows no '*' there: its nodes, walked. */
function walkedMore(doc: Document, max: number): boolean {
  // 0xFFFFFFFF = NodeFilter.SHOW_ALL (NodeFilter is not a global of every DOM this runs in).
  const walker = doc.createTreeWalker(doc, 0xffffffff);
  let n = 1; // the document
  while (walker.nextNode()) if (++n > max) return true;
  return false;
}
