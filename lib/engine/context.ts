// What the background does for each message, independent of the browser APIs around it, so
// tests can run it on fake-indexeddb.
import type { IsnadDB } from '../db';
import type { CorpusPack } from '../corpus/formats';
import { ensureIndexed } from './index-store';
import { loadBuiltin } from './reports';
import { outletIdFromName } from '../outlets/identity';
import type { CorpusStats } from '../messaging';
import type { Article, TabContext } from '../types';
import { searchRelated, type Query } from './search';

export function articleText(a: Article): string {
  return a.paragraphs.join('\n');
}

export async function installBuiltin(db: IsnadDB, pack: CorpusPack): Promise<number> {
  const n = await loadBuiltin(db, pack.reports);
  // Reports stored before the index existed (a database from schema v1) are indexed now.
  await ensureIndexed(db);
  return n;
}

/** The article as the engine's query: every URL it is known under, its title, text and day. */
export function articleQuery(article: Article): Query {
  return {
    url: article.canonicalUrl ?? article.url,
    outlet: article.outlet,
    otherUrls: [article.url, article.canonicalUrl, article.archive?.archiveUrl].filter((u): u is string => !!u),
    title: article.title,
    text: articleText(article),
    publishedAt: article.publishedAt.value ? article.publishedAt.value.slice(0, 10) : null,
  };
}

export async function contextFor(db: IsnadDB, article: Article, top = 10): Promise<TabContext> {
  return { article, related: await searchRelated(db, articleQuery(article), { top }) };
}

export async function corpusStats(db: IsnadDB): Promise<CorpusStats> {
  // The outlet index's keys, one per report: counted without reading any report's text.
  // Counted in a Map: an outlet named "constructor" or "__proto__" is a name, not a field of {}.
  const byOutlet = new Map<string, number>();
  // Rows stored before the registry named an outlet their own way ("Shaam Network"): counted under its id.
  for (const o of (await db.reports.orderBy('outlet').keys()) as string[]) {
    const id = outletIdFromName(o) ?? o;
    byOutlet.set(id, (byOutlet.get(id) ?? 0) + 1);
  }
  // Object.fromEntries defines each name as the object's own field ("__proto__" included).
  return { reports: await db.reports.count(), byOutlet: Object.fromEntries(byOutlet) };
}

export { searchCorpus, snippetOf } from './corpus-search';
