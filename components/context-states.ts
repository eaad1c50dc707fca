// Which empty state the Context views show, decided from what the extension can know of the tab
// and the corpus, so that each one tells the reader what to do next.
import type { CorpusStats } from '../lib/corpus/stats';
import { siteState } from '../lib/settings/sites';

/** Why a tab has no article: Isnad may not read the site, the tab is no web page, or the page is no article. */
export type NoArticleReason = 'not-on' | 'unsupported' | 'no-article';

/**
 * `url` is undefined when the browser hides it from the extension: a site Isnad has no access to
 * (it was not turned on), since the extension does not ask for the "tabs" permission.
 */
export function noArticleReason(url: string | undefined, sites: readonly string[]): NoArticleReason {
  if (url === undefined) return 'not-on';
  const state = siteState(url, sites);
  if (state === 'unsupported') return 'unsupported';
  return state === 'off' ? 'not-on' : 'no-article';
}

/** No report to relate to but, perhaps, the article itself (captured as it was read). */
export function corpusHasNoOther(stats: CorpusStats, outlet: string): boolean {
  return stats.reports === 0 || (stats.reports === 1 && Object.hasOwn(stats.byOutlet, outlet) && stats.byOutlet[outlet] === 1);
}
