import { defineAdapter, WORDPRESS } from './adapter';
import { pageNames } from './claims';
import { archivesPageType } from './halab-today';

// Not seen beyond URLs (/archives/<id>): WordPress, read through its structured data.
// "حوران" alone names the region: only the full names count as the page naming itself.
const SITE = /تجمع\s+أحرار\s+حوران|أحرار\s+حوران|Horan\s+Free/i;

export const horanFree = defineAdapter('horan-free', {
  markup: 'structured',
  pageTypeFromUrl: archivesPageType,
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: { ...WORDPRESS, titleSiteName: SITE },
});
