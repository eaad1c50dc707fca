// What the background does for each message, independent of the browser APIs around it, so
// tests can run it on fake-indexeddb.
import type { IsnadDB } from '../db';
import type { CorpusPack } from '../corpus/formats';
import { ensureIndexed } from './index-store';
import { loadBuiltin } from './reports';
import { moveToPages } from '../corpus/report-pages';
import type { Article, ReportWhy, TabContext } from '../types';
import { searchRelated, type Query } from './search';
import { phrasesFor } from './explain';
import { readTextsAhead, storeReader } from './reader';

function articleText(a: Article): string {
  return a.paragraphs.join('\n');
}

/** An index rebuild under way, per database: how many reports of how many are indexed again. */
const rebuilding = new WeakMap<object, { done: number; total: number }>();

/**
 * The built-in pack stored, then every report the index lacks indexed: a database from schema v1,
 * or one whose index an upgrade emptied (v8: ≈ 2 min at 100,000 reports). `opts.loaded` is called
 * once the pack is in: lookups need not wait for the rest — they answer from what is indexed so
 * far and say how far it got (contextFor's `indexing`). `opts.batch`, `opts.progress`: for tests.
 */
export async function installBuiltin(db: IsnadDB, pack: CorpusPack, opts: { loaded?: () => void; batch?: number; progress?: () => Promise<void> } = {}): Promise<number> {
  const n = await loadBuiltin(db, pack.reports);
  opts.loaded?.();
  try {
    // Reports a database stored a row each (before v9) go into pages, a slice a transaction; read where they are meanwhile.
    await moveToPages(db);
    await ensureIndexed(db, {
      ...(opts.batch ? { batch: opts.batch } : {}),
      onProgress: async (done, total) => {
        if (done < total) rebuilding.set(db, { done, total });
        await opts.progress?.();
      },
    });
  } finally {
    rebuilding.delete(db);
  }
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

/** The article and its related reports. `explain: false`: without shared phrases, which the panel
 *  asks for once it shows the list (whyFor), so that the list does not wait for them. */
export async function contextFor(db: IsnadDB, article: Article, top = 10, opts: { explain?: boolean } = {}): Promise<TabContext> {
  const related = await searchRelated(db, articleQuery(article), { top, ...opts });
  // A list without phrases is followed by its second step (the panel asks for them: whyFor).
  if (opts.explain === false) readTextsAhead(db, related.map((r) => r.id));
  const indexing = rebuilding.get(db);
  return { article, related, ...(indexing ? { indexing: { ...indexing } } : {}) };
}

/** Most reports a panel shows at once: the phrases of more are not asked for together. */
const WHY_MAX = 20;

/** The phrases the article shares with each of the reports `ids` (shown without them), and their archive dates. */
export async function whyFor(db: IsnadDB, article: Article, ids: readonly string[]): Promise<Record<string, ReportWhy>> {
  if (!Array.isArray(ids) || ids.length > WHY_MAX || !ids.every((id) => typeof id === 'string')) throw new Error(`at most ${WHY_MAX} report ids`);
  return phrasesFor(storeReader(db), articleQuery(article), ids);
}

export { searchCorpus } from './corpus-search';
