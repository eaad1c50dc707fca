// Highlights the reader's saved clippings when an article is read again. The background sends only
// quote and context (the page's own words); they are anchored in the page's text, robust to small
// changes, and wrapped in <mark> elements that carry no note, tag or id of the reader's.
import { anchorOnPage, preparePage, type TextSegment } from '../../lib/clippings/anchor-dom';
import type { TextQuote } from '../../lib/clippings/types';
import { send } from '../../lib/messaging';
import type { Article } from '../../lib/types';

export const CLIP_ATTR = 'data-isnad-clip';
const STYLE = 'background-color: rgba(255, 200, 0, 0.35); color: inherit; border-bottom: 2px solid rgba(200, 140, 0, 0.9); padding: 0;';

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

function insideClip(node: Node): boolean {
  return !!node.parentElement?.closest(`mark[${CLIP_ATTR}]`);
}

/** Wraps the segments of one text node, last first, so that splitting never moves one still to do. */
function wrapNode(node: Text, segs: TextSegment[]): HTMLElement[] {
  const doc = node.ownerDocument;
  const made: HTMLElement[] = [];
  let limit = node.data.length;
  for (const s of [...segs].sort((a, b) => b.start - a.start)) {
    const end = Math.min(s.end, limit);
    if (end <= s.start) continue;
    if (end < node.data.length) node.splitText(end);
    const words = s.start > 0 ? node.splitText(s.start) : node;
    const mark = doc.createElement('mark');
    mark.setAttribute(CLIP_ATTR, '');
    mark.setAttribute('style', STYLE);
    words.parentNode?.insertBefore(mark, words);
    mark.appendChild(words);
    made.push(mark);
    limit = s.start;
  }
  return made;
}

/**
 * Anchors each quote under `root` and marks it; returns how many were found. Quotes are anchored
 * one per task, so a page with many clippings never blocks the page for long.
 */
export async function highlightQuotes(root: Element, quotes: readonly TextQuote[], signal?: AbortSignal): Promise<number> {
  let found = 0;
  for (const q of quotes) {
    if (signal?.aborted) break;
    // Prepared again for each quote: the marks of the previous one split text nodes.
    const anchor = anchorOnPage(preparePage(root), q);
    if (anchor) {
      const byNode = new Map<Text, TextSegment[]>();
      for (const s of anchor.segments) {
        if (!s.node.data.slice(s.start, s.end).trim() || insideClip(s.node)) continue;
        byNode.set(s.node, [...(byNode.get(s.node) ?? []), s]);
      }
      for (const [node, segs] of byNode) wrapNode(node, segs);
      if (byNode.size) found++;
    }
    await yieldToPage();
  }
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

/** Asks the background for the quotes of clippings made on this article and highlights them. */
export async function highlightSavedClippings(article: Article, root: Element = document.body): Promise<number> {
  const reply = await send('page:clip-quotes', { url: article.url, canonicalUrl: article.canonicalUrl });
  if (!reply.ok) throw new Error(reply.error);
  return highlightQuotes(root, reply.value);
}
