// Where to mark an article's own words: the places, actors and sources the gazetteer finds in
// each paragraph, and the cue of each attributed claim ("بحسب", "أفادت"). Runs in the background;
// the content script only receives these offsets.
import { analyse } from '../claims/analyse';
import type { Article } from '../types';
import type { MarkSpec } from './types';

export function marksFor(article: Pick<Article, 'paragraphs' | 'publishedAt'>): MarkSpec[] {
  const date = article.publishedAt?.value ?? null;
  const out: MarkSpec[] = [];
  article.paragraphs.forEach((text, paragraph) => {
    const a = analyse(text, { date });
    for (const e of a.entities) out.push({ paragraph, start: e.start, end: e.end, kind: e.type, entity: e.id, name: e.name });
    for (const c of a.claims) {
      if (c.cueEnd <= c.cueStart) continue;
      // The cue carries the claim's source, so its card says who the claim is attributed to.
      out.push({ paragraph, start: c.cueStart, end: c.cueEnd, kind: 'claim', ...(c.sourceId ? { entity: c.sourceId } : {}) });
    }
  });
  return out;
}
