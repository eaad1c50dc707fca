// A page's visible text as one string, with the text node each character came from. Blocks
// (paragraphs, headings, list items, <br>) are separated by "\n" so that words of adjacent
// paragraphs never run together, as they would in textContent.

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
]);
// Never visible as text.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'HEAD', 'TITLE', 'SVG', 'IFRAME', 'OBJECT']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export interface DomText {
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** Where each node's data starts in `text`. */
  offsets: number[];
  /** Start and end in `text` of every node walked; only when asked for (describing a selection). */
  spans?: Map<Node, [number, number]>;
}

function tagOf(n: Node): string {
  return (n as Element).tagName?.toUpperCase() ?? '';
}

/** Collects the text under `root`; `withSpans` also records every node's extent. */
export function collectText(root: Node, withSpans = false): DomText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const offsets: number[] = [];
  const spans = withSpans ? new Map<Node, [number, number]>() : undefined;
  let len = 0;
  let atBreak = true;
  const brk = () => {
    if (!atBreak) {
      parts.push('\n');
      len += 1;
      atBreak = true;
    }
  };
  const close = (n: Node) => {
    if (BLOCK.has(tagOf(n))) brk();
    const span = spans?.get(n);
    if (span) span[1] = len;
  };
  spans?.set(root, [0, 0]);

  let n: Node | null = root.firstChild;
  while (n) {
    let descended = false;
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
      const data = (n as Text).data;
      spans?.set(n, [len, len + data.length]);
      nodes.push(n as Text);
      offsets.push(len);
      parts.push(data);
      len += data.length;
      if (data.trim()) atBreak = false;
    } else if (n.nodeType === ELEMENT_NODE && !SKIP.has(tagOf(n))) {
      if (BLOCK.has(tagOf(n))) brk();
      spans?.set(n, [len, len]);
      if (n.firstChild) {
        n = n.firstChild;
        descended = true;
      } else close(n);
    }
    if (descended) continue;
    while (n && n !== root && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== root) close(n);
    }
    if (!n || n === root) break;
    n = n.nextSibling;
  }
  if (spans) spans.get(root)![1] = len;
  return { text: parts.join(''), nodes, offsets, spans };
}

/** Index of the text node holding character `pos` of `dom.text`, or -1 (a block separator). */
export function nodeIndexAt(dom: DomText, pos: number): number {
  let lo = 0;
  let hi = dom.nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = dom.offsets[mid]!;
    if (pos < start) hi = mid - 1;
    else if (pos >= start + dom.nodes[mid]!.data.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}
