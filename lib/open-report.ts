import { browser } from 'wxt/browser';
import type { RelatedReport } from './types';

/** Opens a related report: its page when it has one, else Isnad's own report viewer. */
export async function openReport(r: Pick<RelatedReport, 'id' | 'url'>): Promise<void> {
  const url = r.url && /^https?:\/\//.test(r.url) ? r.url : browser.runtime.getURL(`/report.html?id=${encodeURIComponent(r.id)}`);
  await browser.tabs.create({ url });
}
