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

/**
 * The most nodes the index walks: a page of 30,000 one-letter paragraphs was indexed to its end
 * (its text never reached MAX_INDEX_TEXT), 100 ms of CPU. An article and what precedes it in the
 * page have a few thousand.
 */
const MAX_INDEX_NODES = 20_000;

/** A paragraph as it is looked for in the index's text. */
const needleOf = (p: string) => p.replace(/\s+/g, ' ').trim();

/** How often, in characters indexed, the index looks whether it holds the paragraphs yet. */
const CHECK_EVERY = 8_192;
const CHECK_NODES = 2_048;

/** Nodes walked in one task (textIndexSteps): at the walk's bound, one task took 20-33 ms of CPU. */
const SLICE_NODES = 5_000;

/** The text index of root at once (textIndexSteps without its pauses). */
export function buildTextIndex(root: Element, maxChars = MAX_INDEX_TEXT, paragraphs?: readonly string[]): TextIndex {
  const steps = textIndexSteps(root, maxChars, paragraphs);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The text index of root, up to maxChars; given the paragraphs to find, it stops once it holds
 * them all, in order (a page's article usually ends long before 120,000 characters of its body,
 * whose indexing took 25-35 ms of CPU). Where each paragraph starts is then what the whole index
 * would give: the text so far is the start of the whole text. It pauses (yields) every
 * SLICE_NODES nodes walked, so that a caller on the page's main thread runs it in several tasks; the
 * walker goes on from where it was, through what the page changed in between.
 */
export function* textIndexSteps(root: Element, maxChars = MAX_INDEX_TEXT, paragraphs?: readonly string[]): Generator<void, TextIndex> {
  const doc = root.ownerDocument;
  // Elements and text (1 | 4 = NodeFilter.SHOW_ELEMENT | SHOW_TEXT): our own UI ([data-isnad])
  // is seen on the way down, not matched up every text node's ancestors.
  const walker = doc.createTreeWalker(root, 1 | 4);
  const nodes: Text[] = [];
  const parts: string[] = [];
  const starts: number[] = [];
  const afterSpace: number[] = [];
  let len = 0;
  let lastWasSpace = true;
  let seen = 0;
  let checked = 0;
  let checkedAt = 0;
  // The paragraphs found in order so far, and where the next one is looked for (as locateParagraphs looks).
  const needles = (paragraphs ?? []).map(needleOf).filter(Boolean);
  let found = 0;
  let from = 0;
  const holdsAll = (text: string): boolean => {
    for (; found < needles.length; found++) {
      const at = text.indexOf(needles[found]!, from);
      if (at < 0) return false;
      from = at + needles[found]!.length;
    }
    return true;
  };
  let n: Node | null = root.closest('[data-isnad]') ? null : walker.nextNode();
  let pausedAt = 0;
  while (n && len < maxChars && ++seen <= MAX_INDEX_NODES) {
    if (seen - pausedAt >= SLICE_NODES) {
      pausedAt = seen;
      yield;
    }
    if (n.nodeType === 1) {
      const el = n as Element;
      n = walker.nextNode();
      // Our own UI is not the page's text: its subtree is stepped over.
      // (A page may mark its own elements so: the step over is sliced too.)
      if (el.hasAttribute('data-isnad')) {
        while (n && el.contains(n) && ++seen <= MAX_INDEX_NODES) {
          n = walker.nextNode();
          if (seen - pausedAt >= SLICE_NODES) {
            pausedAt = seen;
            yield;
          }
        }
      }
      continue;
    }
    const t = n as Text;
    n = walker.nextNode();
    const parent = t.parentElement;
    if (parent && SKIP.has(parent.tagName)) continue;
    nodes.push(t);
    starts.push(len);
    afterSpace.push(lastWasSpace ? 1 : 0);
    // One node longer than the budget is indexed up to it (marks beyond it are not placed).
    let part = (t.data.length > maxChars ? t.data.slice(0, maxChars) : t.data).replace(INVISIBLE_RUN, '').replace(SPACE_RUN, ' ');
    if (lastWasSpace && part.startsWith(' ')) part = part.slice(1);
    if (part) lastWasSpace = part.endsWith(' ');
    // Block boundaries separate words even without whitespace in the markup.
    if (!lastWasSpace && t.nextSibling === null && parent && BLOCK.test(parent.tagName)) {
      part += ' ';
      lastWasSpace = true;
    }
    parts.push(part);
    len += part.length;
    // Every so many characters, or nodes: a page's empty elements after the article add none.
    if (paragraphs && (len - checked >= CHECK_EVERY || seen - checkedAt >= CHECK_NODES)) {
      checked = len;
      checkedAt = seen;
      if (holdsAll(parts.join(''))) break;
    }
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
    const needle = needleOf(p);
    if (!needle) return -1;
    let at = index.text.indexOf(needle, from);
    if (at < 0) at = index.text.indexOf(needle);
    if (at >= 0) from = at + needle.length;
    return at;
  });
}
