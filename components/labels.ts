// Words for the analysis' codes: a claim's source type, a date's precision and where it was read.
// Each key is written out so that the locale check (tests/unit/ui/i18n-keys.test.ts) sees it.
import type { ClaimSourceType } from '../lib/claims/claim-types';
import { t } from '../lib/i18n';
import type { ArticleDate } from '../lib/types';

export function sourceTypeLabel(type: ClaimSourceType): string {
  switch (type) {
    case 'state-media': return t('srcStateMedia');
    case 'pro-regime-media': return t('srcProRegimeMedia');
    case 'opposition-media': return t('srcOppositionMedia');
    case 'jihadist-media': return t('srcJihadistMedia');
    case 'kurdish-media': return t('srcKurdishMedia');
    case 'independent-media': return t('srcIndependentMedia');
    case 'international-media': return t('srcInternationalMedia');
    case 'ngo': return t('srcNgo');
    case 'official': return t('srcOfficial');
    case 'faction': return t('srcFaction');
    case 'activists': return t('srcActivists');
    case 'witnesses': return t('srcWitnesses');
    case 'unnamed': return t('srcUnnamed');
    case 'social-media': return t('srcSocialMedia');
    case 'person': return t('srcPerson');
    case 'document': return t('srcDocument');
  }
}

/** "to the day, read from the page's meta tags"; null when the date is unknown. */
export function dateHow(d: ArticleDate): string | null {
  if (!d.value || d.precision === 'unknown' || d.source === 'none') return null;
  const precision = d.precision === 'minute' ? t('precisionMinute') : d.precision === 'day' ? t('precisionDay') : t('precisionMonth');
  return t('dateHow', precision, dateSourceLabel(d.source));
}

function dateSourceLabel(s: Exclude<ArticleDate['source'], 'none'>): string {
  switch (s) {
    case 'json-ld': return t('dateFromJsonLd');
    case 'meta': return t('dateFromMeta');
    case 'time-element': return t('dateFromTime');
    case 'byline': return t('dateFromByline');
    case 'text': return t('dateFromText');
    case 'url': return t('dateFromUrl');
    case 'relative': return t('dateFromRelative');
    case 'served': return t('dateFromServed');
    case 'record': return t('dateFromRecord');
  }
}

export function archiveServiceName(service: 'wayback' | 'archive.today'): string {
  return service === 'wayback' ? 'Wayback Machine' : 'archive.today';
}
