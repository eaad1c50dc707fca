// The event group of an article: the article and the reports judged to be about the same event.
// When the corpus holds none, the comparison falls back on the related reports and says so.
import { urlKey } from '../corpus/ids';
import { outletIdFromName } from '../outlets/identity';
import type { Article, RelatedReport, Report } from '../types';
import type { Comparison, GroupReport } from './types';
import { dayNumber, eventSignature, EVENT_DAYS } from '../events';

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
 * The group from a ranking of related reports (best first): the same-event ones within the
 * event's days, ordered by the day of the event and then of publication, when they and the
 * article span two outlets or more; else the best few related ones (a one-outlet group is not
 * an event comparison). `lookup` gives the full report of a ranked one (from the corpus).
 */
export function groupFromRanking(
  article: GroupReport,
  related: readonly RelatedReport[],
  lookup: (id: string) => Report | undefined,
): { group: GroupReport[]; basis: Comparison['basis'] } {
  const articleDay = eventSignature(article.title, article.text, article.publishedAt).when.day;
  const dayOf = (r: RelatedReport) => (r.event?.day ? dayNumber(r.event.day) : r.publishedAt ? dayNumber(r.publishedAt) : null);
  const same = related
    .filter((r) => r.relation === 'same-event')
    .filter((r) => {
      const d = dayOf(r);
      return articleDay === null || d === null || Math.abs(d - articleDay) <= EVENT_DAYS;
    })
    .sort((a, b) => (dayOf(a) ?? Infinity) - (dayOf(b) ?? Infinity) || (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999'));
  const outlets = new Set([article.outlet, ...same.map((r) => outletKey(r.outlet))]);
  const isEvent = same.length > 0 && outlets.size >= 2;
  const basis: Comparison['basis'] = isEvent ? 'same-event' : 'related';
  const chosen = isEvent ? same : related.slice(0, RELATED_FALLBACK);
  const group = [article];
  for (const r of chosen) {
    const full = lookup(r.id);
    if (full) group.push(reportAsGroupReport(full));
  }
  return { group, basis };
}
