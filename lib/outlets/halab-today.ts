import { defineAdapter, listingFromPath, pathParts, siteNames, WORDPRESS } from './adapter';
import { pageNames } from './claims';

// Not seen beyond URLs (/archives/<id>): WordPress, read through its structured data.
const SITE = siteNames('halab-today');

/** WordPress sites whose posts are /archives/<id>. */
export function archivesPageType(url: URL): 'article' | 'listing' | null {
  const parts = pathParts(url);
  if (listingFromPath(parts)) return 'listing';
  return parts[0] === 'archives' && /^\d+$/.test(parts[1] ?? '') ? 'article' : null;
}

export const halabToday = defineAdapter('halab-today', {
  markup: 'structured',
  pageTypeFromUrl: archivesPageType,
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { ...WORDPRESS, titleSiteName: SITE },
});
