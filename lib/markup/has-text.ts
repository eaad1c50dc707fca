// An element's text, read no further than a length: its textContent makes one string of all its
// text, which on a hostile page is megabytes (a 5 MB body took 40 ms to be made into a string
// only to be measured; a heading of 2,000,000 characters is no title to clean up). Each read also
// stops after a number of nodes, so an element of many empty text nodes costs what a short one does.

// 4 | 8 = NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION: the nodes textContent joins.
const TEXT_NODES = 4 | 8;

/** The most text nodes one read visits: an article's body has a few hundred to a few thousand. */
export const MAX_TEXT_NODES = 10_000;

/** el.textContent.length >= min, without building textContent. */
export function hasText(el: Element, min: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, TEXT_NODES);
  let n = 0;
  let nodes = 0;
  for (let t = walker.nextNode(); t && ++nodes <= MAX_TEXT_NODES; t = walker.nextNode()) if ((n += (t as Text).data.length) >= min) return true;
  return min <= 0;
}

/** The start of el.textContent, at most `max` characters long, without building the rest. */
export function textUpTo(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, TEXT_NODES);
  let text = '';
  let nodes = 0;
  for (let t = walker.nextNode(); t && text.length < max && ++nodes <= MAX_TEXT_NODES; t = walker.nextNode()) text += (t as Text).data.slice(0, max - text.length);
  return text;
}

/**
 * An element's text as a value of the page's (a title, a date, a name), or null when it is longer
 * than `max` characters: text that long is no such value, and is not cleaned up to find one.
 */
export function shortText(el: Element, max: number): string | null {
  const text = textUpTo(el, max + 1);
  return text.length > max ? null : text;
}
