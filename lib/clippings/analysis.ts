// The entities and the attribution of the quoted sentence, saved with a clipping so that the
// Clippings tab can filter by who and where, and a citation can say who the outlet quoted.
// The analysis runs on the whole article (names are told apart by their context), and what lies
// in the sentences the quote touches is kept.
import { attributions } from '../claims/attribution';
import { splitSentences } from '../arabic/sentences';
import { matchEntities } from '../entities/match';
import type { Article } from '../types';
import { anchorInText } from './anchor';
import type { ClippingExtras } from './make';
import { clippingSourceText } from './make';
import type { ClippingAttribution, ClippingEntity, TextQuote } from './types';

export function analyseQuote(quote: TextQuote, article: Article): Pick<ClippingExtras, 'entities' | 'attribution'> {
  let text = clippingSourceText(article);
  let at = text ? anchorInText(text, quote) : null;
  if (!at) {
    // A page the content script did not read as an article: the quote with its context is the text.
    text = `${quote.prefix}${quote.quote}${quote.suffix}`;
    at = { start: quote.prefix.length, end: quote.prefix.length + quote.quote.length, exact: true, score: 1 };
  }
  const { start, end } = at;
  const sentences = splitSentences(text).filter((s) => s.end > start && s.start < end);
  const from = Math.min(start, ...sentences.map((s) => s.start));
  const to = Math.max(end, ...sentences.map((s) => s.end));

  const matches = matchEntities(text, { date: article.publishedAt.value });
  const entities: ClippingEntity[] = [];
  for (const m of matches) {
    if (m.start >= from && m.end <= to && !entities.some((e) => e.id === m.id)) entities.push({ id: m.id, type: m.type, name: m.name });
  }
  const claim = attributions(text, { matches, date: article.publishedAt.value }).find((c) => c.end > from && c.start < to);
  const attribution: ClippingAttribution | null = claim ? { source: claim.source, sourceType: claim.sourceType, cue: claim.cue } : null;
  return { entities, attribution };
}
