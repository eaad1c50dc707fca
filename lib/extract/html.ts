// A page → Article with the whole cascade at hand, Readability included: for the CLI, imports and
// extension pages. The content script reads with cascade.ts alone and loads Readability only on
// a page that needs it (entrypoints/content/readability.ts).
import { extractWith, type ExtractOptions } from './cascade';
import { readabilityBlocks } from './readability';
import type { Article } from '../types';

export type { ExtractOptions } from './cascade';

/** A page → Article: site adapter, then JSON-LD, OpenGraph/article:* meta, then Readability. */
export function extractFromDocument(doc: Document, rawUrl: string, opts: ExtractOptions = {}): Article {
  // With the last step given, the cascade always gives an article.
  return extractWith(doc, rawUrl, readabilityBlocks, opts)!;
}
