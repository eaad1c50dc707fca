// What the reader's corpus holds on one entity: the card beside a mark in the article.
import type { IsnadDB } from '../db';
import { entityTerm } from './index-store';
import { storeReader, type IndexReader } from './reader';
import { entityById } from '../entities';

export interface EntityCard {
  id: string;
  name: { ar: string; en: string };
  type: 'place' | 'actor' | 'source';
  /** The gazetteer's finer kind: city, airport, state media… */
  kind: string | null;
  /** The place it lies in (places) or the actor it belongs to. */
  parent: { ar: string; en: string } | null;
  /** Reports of the corpus that name it, and how many per outlet. */
  reports: number;
  byOutlet: Record<string, number>;
  recent: Array<{ id: string; url: string; outlet: string; title: string; publishedAt: string | null }>;
}

const RECENT = 5;

/** The card of one entity, read from the persistent index's postings of that entity. */
export function entityCard(db: IsnadDB, id: string): Promise<EntityCard | null> {
  return entityCardWith(storeReader(db), id);
}

export async function entityCardWith(reader: IndexReader, id: string): Promise<EntityCard | null> {
  const e = entityById(id);
  if (!e) return null;
  const t = entityTerm(id);
  const p = (await reader.postings([t])).postings.get(t)!;
  const ns = [...new Set(p.parts.flatMap((part) => [...part.ids]))];
  // Deleted reports may linger in older postings segments: count only docs that still exist.
  const docs = (await reader.docs(ns)).filter((d) => d !== undefined);
  // A Map: outlet names such as "constructor" or "__proto__" are data, not fields of {}.
  const byOutlet = new Map<string, number>();
  for (const d of docs) byOutlet.set(d.outlet, (byOutlet.get(d.outlet) ?? 0) + 1);
  // A name so common its postings were dropped (سوريا) still has a count.
  const saturated = p.saturated ? p.df : 0;
  const recent = docs
    .sort((a, b) => (b.day ?? -Infinity) - (a.day ?? -Infinity))
    .slice(0, RECENT)
    .map((d) => ({ id: d.id, url: d.url, outlet: d.outlet, title: d.title, publishedAt: d.publishedAt }));
  return {
    id,
    name: e.name,
    type: e.type,
    kind: e.kind,
    parent: e.parent ? (entityById(e.parent)?.name ?? null) : null,
    reports: Math.max(docs.length, saturated),
    byOutlet: Object.fromEntries(byOutlet),
    recent,
  };
}
