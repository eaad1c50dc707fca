import { nextTask, step } from '../timing';
import type { MarkSpec } from './types';
import { locateParagraphs, nodeAt, offsetIn, textIndexSteps, type TextIndex } from './text-index';

export const MARK_ATTR = 'data-isnad-mark';

interface Segment {
  node: number;
  start: number;
  end: number;
  spec: MarkSpec;
}

/** Splits a mark's collapsed-text range into per-text-node segments. */
function segments(index: TextIndex, from: number, to: number, spec: MarkSpec): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  for (let node = nodeAt(index, from); pos < to && node < index.nodes.length; node++) {
    const end = Math.min(to, index.starts[node + 1]!);
    if (end <= pos) continue;
    out.push({ node, start: offsetIn(index, node, pos), end: offsetIn(index, node, end - 1) + 1, spec });
    pos = end;
  }
  return out;
}

/** Text.splitText, by hand: keeps [0, at) in `text` and returns a new node with the rest. */
function splitAt(text: Text, at: number): Text {
  const rest = text.ownerDocument.createTextNode(text.data.slice(at));
  text.data = text.data.slice(0, at);
  text.parentNode?.insertBefore(rest, text.nextSibling);
  return rest;
}


/**
 * Wraps the page's own words named by `marks` in <mark> elements. Only the page's text and an
 * entity id go into the page's DOM, never anything of the reader's corpus. Works backwards
 * through the document so that splitting a text node never moves a segment still to do, and
 * yields to the page between batches so no task of ours runs long.
 */
/** The most marks one article gets (the seeds have 58–78): a hostile page's thousands are cut. */
const MAX_MARKS = 400;

export async function applyMarks(root: Element, paragraphs: string[], all: MarkSpec[], opts: { batch?: number; signal?: AbortSignal } = {}): Promise<HTMLElement[]> {
  const marks = all.length > MAX_MARKS ? all.slice(0, MAX_MARKS) : all;
  // The page's text, indexed in tasks of a few thousand nodes each (a page at the element bound
  // took 20-33 ms of CPU in one), then the marks located in it.
  const walk = textIndexSteps(root, undefined, paragraphs);
  let indexed = step('marks-index', () => walk.next());
  while (!indexed.done) {
    await nextTask();
    if (opts.signal?.aborted) return [];
    indexed = step('marks-index', () => walk.next());
  }
  const index = indexed.value;
  const { segs } = step('marks-locate', () => {
    const starts = locateParagraphs(index, paragraphs);
    const segs: Segment[] = [];
    for (const m of marks) {
      const base = starts[m.paragraph];
      if (base === undefined || base < 0 || m.end <= m.start) continue;
      segs.push(...segments(index, base + m.start, base + m.end, m));
    }
    // Document order descending: by node, then by offset.
    segs.sort((a, b) => b.node - a.node || b.start - a.start);
    return { segs };
  });
  const doc = root.ownerDocument;
  const made: HTMLElement[] = [];
  const batch = opts.batch ?? 150;
  let lastNode = -1;
  let lastStart = Number.POSITIVE_INFINITY;
  const wrap = (s: Segment): void => {
    // Overlapping marks (a place inside a claim) keep the first: nested marks confuse readers.
    if (s.node === lastNode && s.end > lastStart) return;
    lastNode = s.node;
    lastStart = s.start;
    const text = index.nodes[s.node]!;
    if (s.end > text.data.length) return;
    // Split off the words (the node keeps what comes before them, so earlier segments stay valid).
    if (s.end < text.data.length) splitAt(text, s.end);
    const words = s.start > 0 ? splitAt(text, s.start) : text;
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTR, s.spec.kind);
    mark.className = `isnad-mark isnad-${s.spec.kind}`;
    if (s.spec.entity) mark.dataset.isnadEntity = s.spec.entity;
    if (s.spec.name) mark.dataset.isnadName = s.spec.name;
    words.parentNode?.insertBefore(mark, words);
    mark.appendChild(words);
    made.push(mark);
  };
  for (let k = 0; k < segs.length; k += batch) {
    await nextTask();
    if (opts.signal?.aborted) break;
    step('marks-wrap', () => segs.slice(k, k + batch).forEach(wrap));
  }
  return made;
}

/** Takes every mark out again, leaving the page's text as it was. */
export function removeMarks(root: ParentNode): void {
  for (const mark of root.querySelectorAll(`mark[${MARK_ATTR}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}
