// What the Context tab shows of the article on a tab: the places, actors and sources it names
// (once each, with how often) and who said what. Computed in the background from the article the
// content script sent; the side panel receives it through `ui:analysis`.
import { analyse } from '../claims/analyse';
import type { ClaimSourceType } from '../claims/claim-types';
import { entityById } from '../entities';
import type { EntityType } from '../entities/types';
import type { Article } from '../types';

export interface NamedEntity {
  id: string;
  type: EntityType;
  name: { ar: string; en: string };
  /** How many times the article names it. */
  count: number;
}

export interface AttributedClaim {
  /** The speaker as the article writes it. */
  source: string;
  sourceId: string | null;
  /** The gazetteer's name of the speaker, when it is known there. */
  sourceName: { ar: string; en: string } | null;
  sourceType: ClaimSourceType;
  cue: string;
  /** What the outlet says of its source ("التابعة لإيران"). */
  qualifier: string | null;
  /** The sources the claim came through, as written, outermost last. */
  via: string[];
  /** No speaker named in this sentence: carried over from the claim before. */
  inherited: boolean;
  /** The sentence holding the claim (page text: render as text). */
  sentence: string;
  paragraph: number;
}

export interface ArticleAnalysis {
  entities: NamedEntity[];
  claims: AttributedClaim[];
}

const TYPE_ORDER: Record<EntityType, number> = { place: 0, actor: 1, source: 2 };
/** A long article names dozens of places; the reader scans these, the marks hold the rest. */
const MAX_CLAIMS = 60;

/** Entities (places, actors, sources; most named first within each) and claims of an article. */
export function articleAnalysis(article: Pick<Article, 'title' | 'paragraphs' | 'publishedAt'>): ArticleAnalysis {
  const date = article.publishedAt?.value ?? null;
  const counts = new Map<string, NamedEntity>();
  const claims: AttributedClaim[] = [];
  article.paragraphs.forEach((text, paragraph) => {
    const a = analyse(text, { date });
    for (const m of a.entities) {
      const known = counts.get(m.id);
      if (known) known.count += 1;
      else counts.set(m.id, { id: m.id, type: m.type, name: entityById(m.id)?.name ?? { ar: m.name, en: m.name }, count: 1 });
    }
    for (const c of a.claims) {
      if (claims.length >= MAX_CLAIMS) break;
      claims.push({
        source: c.source,
        sourceId: c.sourceId,
        sourceName: c.sourceId ? (entityById(c.sourceId)?.name ?? null) : null,
        sourceType: c.sourceType,
        cue: c.cue,
        qualifier: c.qualifier,
        via: c.via.map((v) => v.source),
        inherited: c.inherited,
        sentence: c.text,
        paragraph,
      });
    }
  });
  const entities = [...counts.values()].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || b.count - a.count || a.name.ar.localeCompare(b.name.ar, 'ar'));
  return { entities, claims };
}

/** The gazetteer's names of entity ids; unknown ids are left out. */
export function entityNames(ids: readonly string[]): Record<string, { ar: string; en: string }> {
  const out: Record<string, { ar: string; en: string }> = {};
  for (const id of ids.slice(0, 500)) {
    const e = entityById(id);
    if (e) out[id] = e.name;
  }
  return out;
}
