// Maps the whitespace-collapsed text of an element (the form extraction gives paragraphs in)
// back to DOM text nodes and offsets, so marks computed on paragraphs land on the page's words.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'TEXTAREA', 'SELECT']);

export interface TextIndex {
  /** Collapsed text: every whitespace run is one space. */
  text: string;
  /** For each character of `text`, its text node (index into `nodes`) and offset there. */
  node: Int32Array;
  offset: Int32Array;
  nodes: Text[];
}

export function buildTextIndex(root: Element): TextIndex {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeIdx: number[] = [];
  const offs: number[] = [];
  let lastWasSpace = true;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.parentElement && (SKIP.has(t.parentElement.tagName) || t.parentElement.closest('[data-isnad]'))) continue;
    const data = t.data;
    const i = nodes.push(t) - 1;
    for (let k = 0; k < data.length; k++) {
      const c = data[k]!;
      const space = c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0';
      if (space) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
        chars.push(' ');
      } else {
        lastWasSpace = false;
        chars.push(c);
      }
      nodeIdx.push(i);
      offs.push(k);
    }
    // Block boundaries separate words even without whitespace in the markup.
    if (!lastWasSpace && t.nextSibling === null && t.parentElement && /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|TD)$/.test(t.parentElement.tagName)) {
      chars.push(' ');
      nodeIdx.push(i);
      offs.push(data.length);
      lastWasSpace = true;
    }
  }
  return { text: chars.join(''), node: Int32Array.from(nodeIdx), offset: Int32Array.from(offs), nodes };
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
