import { pageNames } from './claims';
import { defineAdapter } from './adapter';

const SITE = /إرم\s+نيوز|ارم\s+نيوز|Erem\s*News|Eram\s*News/i;
const NOT_SECTIONS = new Set(['tags', 'tag', 'author', 'authors', 'search', 'latest-news', 'topics', 'page', 'videos-list']);

export const eremnews = defineAdapter('eremnews', {
  markup: 'seen',
  pageTypeFromUrl(url) {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 0) return 'listing';
    if (NOT_SECTIONS.has(parts[0]!)) return 'listing';
    const last = parts[parts.length - 1]!;
    // New article ids: 7 characters a–z0–9 with at least one digit; old ones: a number.
    if (parts.length >= 2 && /^(?=[a-z]*\d)[a-z0-9]{7}$/.test(last)) return 'article';
    if (parts.length >= 2 && /^\d{3,}$/.test(last)) return 'article';
    return 'listing';
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: {
    body: ['[data-testid="story-body"]', '.story-element-text', '.arr--story-page-card-wrapper', 'article .story-content'],
    title: ['h1[data-testid="story-headline"]', 'article h1'],
    furniture: [/^(?:إرم\s+نيوز|www\.eremnews\.com|No stories found\.?|logo)$/i],
    textSignature: /www\.eremnews\.com|^[^\S\n]*إرم نيوز[^\S\n]*$/m,
    titleSiteName: SITE,
  },
});
