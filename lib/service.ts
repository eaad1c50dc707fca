// What the background does for each message, independent of the browser APIs around it, so
// tests can run it on fake-indexeddb.
import type { IsnadDB } from './corpus/db';
import type { CorpusPack } from './corpus/formats';
import { loadBuiltin } from './corpus/store';
import type { CorpusStats } from './messaging';
import type { Article, TabContext } from './types';
import { rankRelated } from './xref/rank';

export function articleText(a: Article): string {
  return a.paragraphs.join('\n');
}

export async function installBuiltin(db: IsnadDB, pack: CorpusPack): Promise<number> {
  return loadBuiltin(db, pack.reports);
}

export async function contextFor(db: IsnadDB, article: Article, top = 10): Promise<TabContext> {
  const reports = await db.reports.toArray();
  const related = rankRelated(
    {
      url: article.canonicalUrl ?? article.url,
      title: article.title,
      text: articleText(article),
      publishedAt: article.publishedAt.value ? article.publishedAt.value.slice(0, 10) : null,
    },
    reports,
    { top },
  );
  return { article, related };
}

export async function corpusStats(db: IsnadDB): Promise<CorpusStats> {
  const byOutlet: Record<string, number> = {};
  await db.reports.each((r) => {
    byOutlet[r.outlet] = (byOutlet[r.outlet] ?? 0) + 1;
  });
  return { reports: await db.reports.count(), byOutlet };
}
