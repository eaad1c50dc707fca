import { pageNames } from './claims';
import { defineAdapter } from './adapter';

const SITE = /إدلب\s?24|ادلب\s?24|Idlib\s?24/i;
const SIGNATURE = /^(?:إدلب|ادلب)\s?24$/;
const WEEKDAY = '(?:ال)?(?:سبت|أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)';

// Idlib24 has no known host: it is recognised from what its pages say about themselves, on a
// site the reader has turned Isnad on for.
export const idlib24 = defineAdapter('idlib24', {
  markup: 'seen',
  pageTypeFromUrl() {
    return null;
  },
  claimsPage: (doc) => pageNames(doc, SITE, SIGNATURE),
  rules: {
    body: ['.post-content', '.entry-content', '.news-content', 'article .content'],
    title: ['h1.post-title', 'h1.entry-title', '.news-title h1'],
    date: ['.post-date', '.entry-date', 'time.published'],
    // The bar at the top of every page shows the day it was served (Aleppo time), not the article's.
    servedDate: ['.date-bar', '.top-bar .date', '.today-date'],
    bodyEnd: [SIGNATURE, /^دع الآخرين على علم بالموضوع$/],
    furniture: [/^آخر الأخبار$/],
    servedLine: new RegExp(`^${WEEKDAY}\\s+[\\d٠-٩]{1,2}\\s*/\\s*[\\d٠-٩]{1,2}\\s*/\\s*[\\d٠-٩]{4}`),
    textSignature: /^[^\S\n]*(?:إدلب|ادلب)[^\S\n]?24[^\S\n]*$|دع الآخرين على علم بالموضوع/m,
    titleSiteName: SITE,
  },
});
