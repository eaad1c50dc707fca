// What the background does for each message, independent of the browser APIs around it, so
// tests can run it on fake-indexeddb.
import type { IsnadDB } from './corpus/db';
import type { CorpusPack } from './corpus/formats';
import { ensureIndexed } from './corpus/index-store';
import { loadBuiltin } from './corpus/store';
import type { CorpusHits, CorpusQuery, CorpusStats } from './messaging';
import { normalize, tokenize } from './arabic';
import type { Article, Report, TabContext } from './types';
import { searchRelated, type Query } from './xref/search';

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
  const byOutlet: Record<string, number> = {};
  await db.reports.each((r) => {
    byOutlet[r.outlet] = (byOutlet[r.outlet] ?? 0) + 1;
  });
  return { reports: await db.reports.count(), byOutlet };
}

/**
 * The Corpus tab's search. A plain scan with normalised substring matching (so حلب finds وبحلب),
 * every word and filter required; it stands in until the persistent index of lib/corpus answers.
 * Place, actor and source are matched as text until the gazetteer can resolve their aliases.
 */
export async function searchCorpus(db: IsnadDB, q: CorpusQuery): Promise<CorpusHits> {
  const needles = [q.text, q.place, q.actor, q.source].flatMap((s) => (s ? tokenize(s).map((t) => t.text) : []));
  const outlets = q.outlets?.length ? new Set(q.outlets) : null;
  const scored: Array<{ r: Report; score: number }> = [];
  await db.reports.each((r) => {
    if (outlets && !outlets.has(r.outlet)) return;
    if ((q.from || q.to) && !r.publishedAt) return;
    if (q.from && r.publishedAt! < q.from) return;
    if (q.to && r.publishedAt!.slice(0, 10) > q.to) return;
    const title = normalize(r.title);
    const hay = `${title}\n${normalize(r.text)}`;
    if (!needles.every((n) => hay.includes(n))) return;
    scored.push({ r, score: needles.filter((n) => title.includes(n)).length });
  });
  scored.sort((a, b) => b.score - a.score || (b.r.publishedAt ?? '').localeCompare(a.r.publishedAt ?? ''));
  const hits = scored.slice(0, q.limit ?? 50).map(({ r }) => ({
    id: r.id, url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt, snippet: snippetOf(r.text, needles),
  }));
  return { total: scored.length, hits };
}

/** About two dozen words of the text around the first word that holds a needle. */
export function snippetOf(text: string, needles: string[], radius = 12): string {
  const toks = tokenize(text);
  const at = needles.length ? toks.findIndex((t) => needles.some((n) => t.text.includes(n))) : 0;
  const i = Math.max(0, at);
  const from = toks[Math.max(0, i - radius)];
  const to = toks[Math.min(toks.length - 1, i + radius)];
  if (!from || !to) return text.slice(0, 200);
  return `${from.start > 0 ? '… ' : ''}${text.slice(from.start, to.end)}${to.end < text.length ? ' …' : ''}`;
}
