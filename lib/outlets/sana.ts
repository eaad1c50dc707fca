import { defineAdapter, listingFromPath, pathParts, WORDPRESS } from './adapter';
import { pageNames } from './claims';

// sana.sy runs WordPress with the Foxiz theme: seen in two real pages (tests/fixtures/sana-1, -2).
// Its titles end "- S A N A – الوكالة العربية السورية للأنباء"; its bodies open with a dateline
// ("حمص-سانا"), which is the agency's own and part of the text its editors publish.
const SITE = /S\s?A\s?N\s?A|الوكالة\s+العربية\s+السورية\s+للأنباء|وكالة\s+سانا|^سانا$/i;

export const sana = defineAdapter('sana', {
  markup: 'seen',
  pageTypeFromUrl(url) {
    const parts = pathParts(url).filter((p, i) => !(i === 0 && /^(?:en|fr|es|tr|ku)$/.test(p)));
    if (url.searchParams.has('p') && /^\d+$/.test(url.searchParams.get('p')!)) return 'article';
    if (listingFromPath(parts)) return 'listing';
    // /<section>/<id>/ is an article; /<section>/ a listing.
    if (parts.some((p) => /^\d{4,}$/.test(p))) return 'article';
    return parts.length === 1 ? 'listing' : null;
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: {
    body: ['.single-post-outer .entry-content', ...WORDPRESS.body],
    title: ['h1.s-title', ...WORDPRESS.title],
    date: ['.single-meta time.date.published', '.smeta-in time[datetime]', ...WORDPRESS.date],
    drop: ['.single-post-infinite', '.entry-widget', '.rb-related'],
    textSignature: /^[\p{L}\s]{2,30}-\s?سانا\s*$/mu,
    titleSiteName: SITE,
  },
});
