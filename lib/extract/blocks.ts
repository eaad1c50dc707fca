// The text blocks of a body container, read by walking it once: no cloning, no layout. What is
// boilerplate is skipped on the way (tags, selectors, link-dense blocks); reader comments are
// marked so the line rules keep them apart.
import { matcherOf } from '../markup/select';
import { squash } from './clean';
import type { Block } from './lines';

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'IFRAME',
  'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'FIGCAPTION', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'CANVAS', 'INS', 'MENU', 'DIALOG', 'LINK', 'META', 'IMG', 'PICTURE',
]);
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
  'BLOCKQUOTE', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'FIGURE', 'PRE', 'HR',
  'ADDRESS', 'CENTER', 'DETAILS', 'SUMMARY',
]);

/** Boilerplate on any news site: the generic half of the cascade's clean-up. */
export const GENERIC_DROP = [
  '[class*="breadcrumb"]', '[aria-label="breadcrumb"]', '[class*="share"]', '[class*="social"]',
  '[class*="related"]', '[class*="most-read"]', '[class*="mostread"]', '[class*="most_read"]',
  '[class*="popular"]', '[class*="read-more"]', '[class*="readmore"]', '[class*="newsletter"]',
  '[class*="subscribe"]', '.tags', '[class*="tags"]', '[class*="tag-list"]', 'a[rel="tag"]',
  '.ad', '.ads', '[class*="advert"]', '[id^="div-gpt-ad"]', '[class*="adsbygoogle"]', '[class*="banner"]',
  '[class*="caption"]', '[class*="credit"]', '[class*="sidebar"]', '[class*="menu"]', '[role="navigation"]',
  '[aria-hidden="true"]', '[hidden]',
].join(', ');

/** Containers of reader comments on any site. */
export const GENERIC_COMMENTS = '#comments, .comments, [class*="comments-"], [class*="comment-list"], [id*="disqus"], [class*="fb-comments"]';

export interface WalkOptions {
  /** Selector of boilerplate inside the root. */
  drop: string;
  /** Selector of reader-comment containers inside the root. */
  comments: string;
  /** Stop after this many characters of blocks (default MAX_BLOCK_TEXT). */
  maxChars?: number;
}

/**
 * The most text one walk collects: five times the longest report of the real 2025 corpus (11,209
 * characters). A hostile page's 5 MB body is read up to here and no further, so that extracting
 * it costs what a long article costs (issue 18: 389 ms in one task on a 5 MB page).
 */
export const MAX_BLOCK_TEXT = 60_000;

/**
 * The most blocks one walk collects: three times the most of any fixture page's body (98). Each
 * block goes through a dozen line patterns (lines.ts), so 30,000 one-letter paragraphs took
 * 500 ms of CPU in one task where the characters' budget above never came near (500 blocks:
 * 37-48 ms, the page's first extraction, with code not yet optimised).
 */
export const MAX_BLOCKS = 300;

/**
 * The most nodes one walk visits: a body of 30,000 empty elements took 25 ms to walk, where no
 * budget above is spent. An article's body container has a few hundred to a few thousand.
 */
const MAX_NODES = 10_000;

/** An element the walk is inside: how its text counts, and whether leaving it ends a block. */
interface Open {
  node: Node;
  inLink: boolean;
  block: boolean;
  comment: boolean;
}

/** Why a block with mostly linked text is dropped: related lists, tag clouds, "read also" links. */
const LINK_DENSITY = 0.6;

export function collectBlocks(root: Element, opts: WalkOptions): Block[] {
  // Not one query per list (lib/markup/select.ts: a list takes Chromium's slow path).
  const dropped = matcherOf(root, opts.drop);
  const isComments = matcherOf(root, opts.comments);
  const blocks: Block[] = [];
  const max = opts.maxChars ?? MAX_BLOCK_TEXT;
  let total = 0;
  let text = '';
  let linkText = 0;
  let inComment = 0;
  let nodes = 0;
  const more = () => total + text.length < max && blocks.length < MAX_BLOCKS && nodes < MAX_NODES;

  const flush = () => {
    // Invisible characters go before whitespace is squashed: JavaScript's \s counts the BOM.
    const t = squash(text);
    if (t && blocks.length < MAX_BLOCKS && (linkText / t.length < LINK_DENSITY || inComment > 0)) blocks.push(inComment > 0 ? { text: t, comment: true } : { text: t });
    total += text.length;
    text = '';
    linkText = 0;
  };

  // Walked with a stack of the open elements, not by recursion: an archived page parsed off the
  // page (linkedom, no nesting limit) may nest as deep as the node budget, past the call stack
  // (9,990 nested spans overflowed it). Leaving an element closes its block, as when the budget
  // runs out: every open element is left in turn.
  const open: Open[] = [{ node: root, inLink: false, block: false, comment: false }];
  let child = root.firstChild;
  for (let top = open[0]; top; top = open[open.length - 1]) {
    if (!child || !more()) {
      open.pop();
      if (top.comment) inComment--;
      if (top.block) flush();
      child = top.node.nextSibling;
      continue;
    }
    nodes++;
    const node = child;
    child = node.nextSibling;
    if (node.nodeType === 3) {
      // A text node longer than the budget (one 200,000-character paragraph) is cut to it.
      const t = (node.nodeValue ?? '').slice(0, max);
      text += t;
      if (top.inLink) linkText += t.trim().length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    const isComment = isComments(el);
    if (!isComment && dropped(el)) continue;
    if (tag === 'BR') {
      flush();
      continue;
    }
    const block = BLOCK_TAGS.has(tag) || isComment;
    if (block) flush();
    if (isComment) inComment++;
    open.push({ node: el, inLink: top.inLink || tag === 'A', block, comment: isComment });
    child = el.firstChild;
  }
  flush();
  return blocks;
}
