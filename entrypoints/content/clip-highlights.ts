// Highlights the reader's saved clippings when an article is read again. The background sends only
// quote and context (the page's own words); they are anchored in the page's text, robust to small
// changes, and wrapped in <mark> elements that carry no note, tag or id of the reader's.
import { nextTask, step } from '../../lib/timing';
import { anchorOnPage, preparePage, type TextSegment } from '../../lib/clippings/anchor-dom';
import type { TextQuote } from '../../lib/clippings/types';
import { send } from '../../lib/messaging';

export const CLIP_ATTR = 'data-isnad-clip';
const STYLE = 'background-color: rgba(255, 200, 0, 0.35); color: inherit; border-bottom: 2px solid rgba(200, 140, 0, 0.9); padding: 0;';


function insideClip(node: Node): boolean {
  return !!node.parentElement?.closest(`mark[${CLIP_ATTR}]`);
}

/** Overlapping pieces (two clippings of the same words) merged, in document order. */
function mergeSegments(segs: TextSegment[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const s of [...segs].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.end);
    else out.push([s.start, s.end]);
  }
  return out;
}

/** The text from `at` on moved to a new node right after `node` (Text.splitText, which not
 *  every DOM implementation has). */
function cut(node: Text, at: number): Text {
  const rest = node.ownerDocument.createTextNode(node.data.slice(at));
  node.data = node.data.slice(0, at);
  node.parentNode?.insertBefore(rest, node.nextSibling);
  return rest;
}

/** Wraps pieces of one text node, last first, so that splitting never moves one still to do. */
function wrapNode(node: Text, segs: TextSegment[]): void {
  const doc = node.ownerDocument;
  for (const [start, end] of mergeSegments(segs).reverse()) {
    if (end < node.data.length) cut(node, end);
    const words = start > 0 ? cut(node, start) : node;
    const mark = doc.createElement('mark');
    mark.setAttribute(CLIP_ATTR, '');
    mark.setAttribute('style', STYLE);
    words.parentNode?.insertBefore(mark, words);
    mark.appendChild(words);
  }
}

// Whitespace that only separates blocks (paragraphs, list items) must not become a mark of its own;
// a space between two words that Isnad's marks (or the site's links) split is part of the quote.
const BLOCK_PARENTS = new Set(['ARTICLE', 'BODY', 'DIV', 'MAIN', 'OL', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TR', 'UL']);
function isGapBetweenBlocks(s: TextSegment): boolean {
  if (s.node.data.slice(s.start, s.end).trim()) return false;
  return !s.node.parentElement || BLOCK_PARENTS.has(s.node.parentElement.tagName);
}

/**
 * Anchors each quote under `root` and marks it; returns how many were found. The page's text is
 * read once, each quote anchored in a task of its own (so many clippings never block the page for
 * long), then all marks are drawn together.
 */
export async function highlightQuotes(root: Element, quotes: readonly TextQuote[], signal?: AbortSignal): Promise<number> {
  if (!quotes.length) return 0;
  const page = step('clip-read', () => preparePage(root));
  const byNode = new Map<Text, TextSegment[]>();
  let found = 0;
  for (const q of quotes) {
    await nextTask();
    if (signal?.aborted) return found;
    const anchor = step('clip-anchor', () => anchorOnPage(page, q));
    if (!anchor) continue;
    found++;
    for (const s of anchor.segments) {
      if (isGapBetweenBlocks(s) || insideClip(s.node)) continue;
      byNode.set(s.node, [...(byNode.get(s.node) ?? []), s]);
    }
  }
  step('clip-wrap', () => {
    for (const [node, segs] of byNode) {
      // The page may have changed the node while we were anchoring: skip what no longer fits.
      if (node.isConnected && segs.every((s) => s.end <= node.data.length)) wrapNode(node, segs);
    }
  });
  return found;
}

/** Takes the clipping marks out again, leaving the page's text as it was. */
export function removeHighlights(root: ParentNode): void {
  for (const mark of root.querySelectorAll(`mark[${CLIP_ATTR}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}

/** Asks the background for the quotes of clippings made on this page and highlights them. The
 *  background decides which page this is from the tab's URL, not from what the page says. */
export async function highlightSavedClippings(root: Element = document.body): Promise<number> {
  const reply = await send('page:clip-quotes', {});
  if (!reply.ok) throw new Error(reply.error);
  // In-page navigation to another article: the marks of the previous one go first.
  removeHighlights(root);
  return highlightQuotes(root, reply.value);
}
