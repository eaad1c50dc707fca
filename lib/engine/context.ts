// What the background does for each message, independent of the browser APIs around it, so
// tests can run it on fake-indexeddb.
import type { IsnadDB } from '../db';
import type { CorpusPack } from '../corpus/formats';
import { ensureIndexed } from './index-store';
import { loadBuiltin } from './reports';
import type { Article, TabContext } from '../types';
import { searchRelated, type Query } from './search';

function articleText(a: Article): string {
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

export { searchCorpus } from './corpus-search';
