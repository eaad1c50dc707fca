import { browser } from 'wxt/browser';
import { isWebUrl as isWeb } from './safe-href';
import type { RelatedReport } from './types';

/** The Wayback Machine's address for its newest copy of a page (a URL that is already an archive copy is kept). */
export function archiveUrlOf(url: string): string | null {
  if (!isWeb(url)) return null;
  if (/^https?:\/\/(web\.archive\.org|archive\.(today|ph|is|li|md|vn|fo))\//.test(url)) return url;
  return `https://web.archive.org/web/${url}`;
}

/** Where a report opens: its page, its archive copy, or Isnad's own viewer when it has no page. */
export function reportTarget(r: Pick<RelatedReport, 'id' | 'url'>, archive = false): string {
  if (archive) {
    const a = archiveUrlOf(r.url);
    if (a) return a;
  }
  return isWeb(r.url) ? r.url : browser.runtime.getURL(`/report.html?id=${encodeURIComponent(r.id)}`);
}

/** Opens a related report in a new tab (see reportTarget). */
export async function openReport(r: Pick<RelatedReport, 'id' | 'url'>, archive = false): Promise<void> {
  await browser.tabs.create({ url: reportTarget(r, archive) });
}
