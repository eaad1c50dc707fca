// Whether an element has some length of text, read no further than that length: its textContent
// makes one string of all its text, which on a hostile page is megabytes (a 5 MB body took 40 ms
// to be made into a string only to be measured).

/** el.textContent.length >= min, without building textContent. */
export function hasText(el: Element, min: number): boolean {
  // 4 | 8 = NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION: the nodes textContent joins.
  const walker = el.ownerDocument.createTreeWalker(el, 4 | 8);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if ((n += (t as Text).data.length) >= min) return true;
  return min <= 0;
}
