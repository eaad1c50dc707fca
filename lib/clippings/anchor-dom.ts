// Anchoring on a page: the text anchor of anchor.ts, mapped to text nodes, so that the content
// script can draw marks around the page's own words. Pure DOM reads: nothing is written here.
import { anchorInFolded } from './anchor';
import { quoteAt } from './context';
import { collectText, nodeIndexAt, type DomText } from './dom-text';
import { foldText, type FoldedText } from './fold';
import type { TextQuote } from './types';

/** A piece of one text node: [start, end) of its data. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export interface DomAnchor {
  /** The text node pieces the passage covers, in document order (wrap each in a mark). */
  segments: TextSegment[];
  exact: boolean;
  score: number;
}

/** The page text collected and folded once, for anchoring many clippings on one page. */
export interface PreparedPage {
  dom: DomText;
  folded: FoldedText;
}

export function preparePage(root: Node): PreparedPage {
  const dom = collectText(root);
  return { dom, folded: foldText(dom.text) };
}

export function anchorOnPage(page: PreparedPage, target: TextQuote): DomAnchor | null {
  const a = anchorInFolded(page.folded, target);
  if (!a) return null;
  const first = nodeIndexAt(page.dom, a.start);
  const last = nodeIndexAt(page.dom, a.end - 1);
  if (first < 0 || last < first) return null;
  const segments: TextSegment[] = [];
  for (let i = first; i <= last; i++) {
    const node = page.dom.nodes[i]!;
    const base = page.dom.offsets[i]!;
    const start = i === first ? a.start - base : 0;
    const end = i === last ? a.end - base : node.data.length;
    if (end > start) segments.push({ node, start, end });
  }
  return { segments, exact: a.exact, score: a.score };
}

/** Anchors one quote under `root`; for several, prepare the page once with preparePage. */
export function anchorInDom(root: Node, target: TextQuote): DomAnchor | null {
  return anchorOnPage(preparePage(root), target);
}

/** What the anchor covers, as the page shows it (blocks joined by "\n"). */
export function anchorText(anchor: DomAnchor): string {
  return anchor.segments.map((s) => s.node.data.slice(s.start, s.end)).join('');
}

interface RangeLike {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

function positionOf(dom: DomText, container: Node, offset: number): number | null {
  const span = dom.spans!.get(container);
  if (!span) return null;
  if (container.nodeType === 3 || container.nodeType === 4) return span[0] + offset;
  const child = container.childNodes[offset];
  if (!child) return span[1];
  return dom.spans!.get(child)?.[0] ?? null;
}

/** Quote and context of a selection under `root`, or null when it lies outside or holds no text. */
export function describeRange(root: Node, range: RangeLike): TextQuote | null {
  const dom = collectText(root, true);
  const start = positionOf(dom, range.startContainer, range.startOffset);
  const end = positionOf(dom, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start || !dom.text.slice(start, end).trim()) return null;
  return quoteAt(dom.text, start, end);
}
