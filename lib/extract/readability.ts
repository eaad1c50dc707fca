// The last resort of the cascade: Readability finds the body when neither site rules nor the
// generic containers did. It rewrites the document it reads, so it gets a copy — the one clone
// of the page we make, and only on pages nothing else could read.
import { Readability } from '@mozilla/readability';
import { collectBlocks, GENERIC_COMMENTS, GENERIC_DROP } from './blocks';
import type { Block } from './lines';

export interface ReadabilityResult {
  blocks: Block[];
  byline: string | null;
  publishedTime: string | null;
}

export function readabilityBlocks(doc: Document): ReadabilityResult | null {
  const copy = doc.cloneNode(true) as Document;
  const parsed = new Readability<Node>(copy, { serializer: (node) => node, charThreshold: 300 }).parse();
  const root = parsed?.content;
  if (!root || root.nodeType !== 1) return null;
  return {
    blocks: collectBlocks(root as Element, { drop: GENERIC_DROP, comments: GENERIC_COMMENTS }),
    byline: parsed.byline?.trim() || null,
    publishedTime: parsed.publishedTime?.trim() || null,
  };
}
