// Building a clipping from an article and a selection in its text.
import { hash53, urlKey } from '../corpus/ids';
import type { Article } from '../types';
import { quoteAt, tidyWhitespace } from './context';
import type { Clipping, ClippingAttribution, ClippingEntity, TextQuote } from './types';

/** The article text that selection offsets refer to: its paragraphs, one a line (as lib/service). */
export function clippingSourceText(article: Article): string {
  return article.paragraphs.join('\n');
}

/** Offsets into a text (by default clippingSourceText(article)), or a quote already described. */
export type ClippingSelection = { start: number; end: number; text?: string } | TextQuote;

export interface ClippingExtras {
  entities?: ClippingEntity[];
  attribution?: ClippingAttribution | null;
  note?: string;
  tags?: string[];
  /** Capture time, epoch ms (tests pin it). */
  now?: number;
}

const MAX_TAG_LENGTH = 64;

/** Tags as stored: trimmed, inner whitespace single, no empties, no duplicates, order kept. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * Same article, same passage, same id: saving a passage twice finds the first clipping instead
 * of making a second one.
 */
function clippingId(url: string, q: TextQuote): string {
  return `k${hash53(urlKey(url))}${hash53(`${q.prefix}\u0000${q.quote}\u0000${q.suffix}`)}`;
}

export function makeClipping(article: Article, selection: ClippingSelection, extras: ClippingExtras = {}): Clipping {
  const q: TextQuote =
    'quote' in selection
      ? { quote: tidyWhitespace(selection.quote).trim(), prefix: tidyWhitespace(selection.prefix), suffix: tidyWhitespace(selection.suffix) }
      : quoteAt(selection.text ?? clippingSourceText(article), selection.start, selection.end);
  if (!q.quote) throw new RangeError('a clipping needs a non-empty quote');
  const now = extras.now ?? Date.now();
  return {
    id: clippingId(article.canonicalUrl ?? article.url, q),
    quote: q.quote,
    prefix: q.prefix,
    suffix: q.suffix,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    archiveUrl: article.archive?.archiveUrl ?? null,
    outlet: article.outlet,
    title: article.title,
    author: article.author?.trim() || null,
    publishedAt: article.publishedAt.value,
    createdAt: now,
    updatedAt: now,
    entities: (extras.entities ?? []).map((e) => ({ id: e.id, type: e.type, name: e.name })),
    attribution: extras.attribution
      ? { source: extras.attribution.source, sourceType: extras.attribution.sourceType, cue: extras.attribution.cue }
      : null,
    note: extras.note ?? '',
    tags: normalizeTags(extras.tags ?? []),
  };
}
