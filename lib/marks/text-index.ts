// Maps the whitespace-collapsed text of an element (the form extraction gives paragraphs in)
// back to DOM text nodes and offsets, so marks computed on paragraphs land on the page's words.
// Built on the page's main thread, on pages of tens of thousands of characters and in code the
// engine has not optimised yet: each text node is collapsed by one native regex replace, and a
// character's place in its node is worked out only for the few characters a mark begins or ends
// at (a per-character map cost up to 40 ms there).

import { INVISIBLE_CHARS, isInvisible } from '../arabic/invisible';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'TEXTAREA', 'SELECT']);
const BLOCK = /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|TD)$/;
const SPACE_RUN = /[ \n\t\r\f\u00a0]+/g;
// Extraction drops invisible characters (zero-width, bidi controls, soft hyphen…: clean.ts squash),
// so the index drops them too, and a laced page's paragraphs are found where they are.
const INVISIBLE_RUN = new RegExp(`[${INVISIBLE_CHARS}]+`, 'g');
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0';

export interface TextIndex {
  /** Collapsed text: every whitespace run is one space, invisible characters dropped. */
  text: string;
  nodes: Text[];
  /** Where each node's share of `text` starts; one more entry, the end of `text`. */
  starts: Int32Array;
  /** Whether `text` ended in a space before each node (a leading space of the node is dropped). */
  afterSpace: Uint8Array;
}

/**
 * The most collapsed text the index holds: past the article's text (capped by MAX_BLOCK_TEXT in
 * extraction), with room for what precedes it in the root. A hostile 5 MB body is not indexed
 * beyond it (issue 18: marks-locate took 3.2 s on such a page).
 */
const MAX_INDEX_TEXT = 120_000;

export function buildTextIndex(root: Element, maxChars = MAX_INDEX_TEXT): TextIndex {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const parts: string[] = [];
  const starts: number[] = [];
  const afterSpace: number[] = [];
  let len = 0;
  let lastWasSpace = true;
  for (let n = walker.nextNode(); n && len < maxChars; n = walker.nextNode()) {
    const t = n as Text;
    if (t.parentElement && (SKIP.has(t.parentElement.tagName) || t.parentElement.closest('[data-isnad]'))) continue;
    nodes.push(t);
    starts.push(len);
    afterSpace.push(lastWasSpace ? 1 : 0);
    // One node longer than the budget is indexed up to it (marks beyond it are not placed).
    let part = (t.data.length > maxChars ? t.data.slice(0, maxChars) : t.data).replace(INVISIBLE_RUN, '').replace(SPACE_RUN, ' ');
    if (lastWasSpace && part.startsWith(' ')) part = part.slice(1);
    if (part) lastWasSpace = part.endsWith(' ');
    // Block boundaries separate words even without whitespace in the markup.
    if (!lastWasSpace && t.nextSibling === null && t.parentElement && BLOCK.test(t.parentElement.tagName)) {
      part += ' ';
      lastWasSpace = true;
    }
    parts.push(part);
    len += part.length;
  }
  starts.push(len);
  return { text: parts.join(''), nodes, starts: Int32Array.from(starts), afterSpace: Uint8Array.from(afterSpace) };
}

/** The node that holds character `pos` of the collapsed text (pos < text.length). */
export function nodeAt(index: TextIndex, pos: number): number {
  // The last node starting at or before pos: nodes that add nothing share the next one's start.
  let lo = 0;
  let hi = index.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The offset in node k's data of character `pos` of the collapsed text (its data's length for a block's added space). */
export function offsetIn(index: TextIndex, k: number, pos: number): number {
  const data = index.nodes[k]!.data;
  const want = pos - index.starts[k]!;
  let seen = 0;
  let space = index.afterSpace[k] === 1;
  for (let i = 0; i < data.length; i++) {
    if (isInvisible(data.charCodeAt(i))) continue;
    if (isSpace(data[i]!)) {
      if (space) continue;
      space = true;
    } else space = false;
    if (seen === want) return i;
    seen++;
  }
  return data.length;
}

/** Where each paragraph starts in the index's text (−1 when the page no longer has it). */
export function locateParagraphs(index: TextIndex, paragraphs: string[]): number[] {
  let from = 0;
  return paragraphs.map((p) => {
    const needle = p.replace(/\s+/g, ' ').trim();
    if (!needle) return -1;
    let at = index.text.indexOf(needle, from);
    if (at < 0) at = index.text.indexOf(needle);
    if (at >= 0) from = at + needle.length;
    return at;
  });
}
