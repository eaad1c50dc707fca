// The event group of an article: the article and the reports judged to be about the same event.
// When the corpus holds none, the comparison falls back on the related reports and says so.
import { urlKey } from '../corpus/ids';
import { outletIdFromName } from '../outlets/identity';
import type { Article, RelatedReport, Report } from '../types';
import type { Comparison, GroupReport } from './types';

/** At most this many related reports stand in for a missing same-event group. */
const RELATED_FALLBACK = 6;

export function articleAsReport(a: Article): GroupReport {
  const url = a.canonicalUrl ?? a.url;
  return {
    id: url ? `article:${urlKey(url)}` : 'article',
    outlet: outletKey(a.outlet),
    title: a.title,
    publishedAt: a.publishedAt.value ? a.publishedAt.value.slice(0, 10) : null,
    url,
    text: a.paragraphs.join('\n'),
  };
}

/**
 * One column per outlet: a record that names a built-in outlet by its display name ("Shaam
 * Network", "شبكة شام") joins that outlet's id, so imported reports sit beside captured ones.
 */
export function outletKey(outlet: string): string {
  return outletIdFromName(outlet) ?? outlet;
}

export function reportAsGroupReport(r: Report): GroupReport {
  return { id: r.id, outlet: outletKey(r.outlet), title: r.title, publishedAt: r.publishedAt, url: r.url, text: r.text };
}

/**
 * The group from a ranking of related reports (best first): the same-event ones, else the best
 * few related ones. `lookup` gives the full report of a ranked one (from the corpus).
 */
export function groupFromRanking(
  article: GroupReport,
  related: readonly RelatedReport[],
  lookup: (id: string) => Report | undefined,
): { group: GroupReport[]; basis: Comparison['basis'] } {
  const same = related.filter((r) => r.relation === 'same-event');
  const basis: Comparison['basis'] = same.length ? 'same-event' : 'related';
  const chosen = same.length ? same : related.slice(0, RELATED_FALLBACK);
  const group = [article];
  for (const r of chosen) {
    const full = lookup(r.id);
    if (full) group.push(reportAsGroupReport(full));
  }
  return { group, basis };
}
