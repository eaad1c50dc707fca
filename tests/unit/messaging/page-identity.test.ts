// What a page says about itself is a claim, not an identity (issue 18, items 2 and 3). The URL
// the tab is on decides which clippings a page may highlight and which report it may plant.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { quotesForPage } from '../../../lib/clippings/actions';
import { saveClipping } from '../../../lib/clippings/store';
import { openDb, type IsnadDB } from '../../../lib/db';
import { importRecords } from '../../../lib/engine/imports';
import { captureArticle } from '../../../lib/engine/manage';
import { clippingKeysFor, sameSite, vetArticle } from '../../../lib/page-identity';
import type { Article } from '../../../lib/types';
import { fullClipping, seedArticle } from '../clippings/fixtures';

const opened: IsnadDB[] = [];
function freshDb(): IsnadDB {
  const db = openDb(`identity-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** The article as the content script reads a page: its URL (unarchived) and what its head claims. */
function asRead(base: Article, url: string, canonicalUrl: string | null, archive: Article['archive'] = null): Article {
  return { ...base, url, canonicalUrl, archive };
}

/** What the background lets the page on tabUrl highlight. */
async function quotesOn(db: IsnadDB, read: Article, tabUrl: string) {
  const { url, canonicalUrl } = clippingKeysFor(tabUrl, vetArticle(read, tabUrl).article);
  return quotesForPage(db, url, canonicalUrl);
}

const EVIL_COPY = 'https://web.archive.org/web/20240101000000/https://evil.example/copy';
const EVIL_ORIGINAL = 'https://evil.example/copy';

describe('clippings: only those of the URL the tab is on', () => {
  const clip = fullClipping();
  const orient = seedArticle(0);

  it('an archived page that claims a clipped article\'s canonical URL and holds its words gets no clippings', async () => {
    const db = freshDb();
    await saveClipping(db, clip);
    const hostile = asRead(orient, EVIL_ORIGINAL, clip.canonicalUrl, { archiveUrl: EVIL_COPY, capturedAt: '2024-01-01T00:00:00Z', service: 'wayback' });
    expect(await quotesOn(db, hostile, EVIL_COPY)).toEqual([]);
    // Before: the page's own canonical went to page:clip-quotes, and that was enough.
    expect(await quotesForPage(db, hostile.url, hostile.canonicalUrl)).toHaveLength(1);
  });

  it('a page on any host claiming the canonical, or claiming to be a Wayback copy of it, gets none', async () => {
    const db = freshDb();
    await saveClipping(db, clip);
    const elsewhere = 'https://evil.example/news/1';
    expect(await quotesOn(db, asRead(orient, elsewhere, clip.canonicalUrl), elsewhere)).toEqual([]);
    // A Wayback head script on a page that is not on web.archive.org says it is a copy of the article.
    expect(await quotesOn(db, asRead(orient, clip.url, clip.canonicalUrl, { archiveUrl: `https://web.archive.org/web/2015/${clip.url}`, capturedAt: '2015-01-01T00:00:00Z', service: 'wayback' }), elsewhere)).toEqual([]);
  });

  it('the clipped article itself, its canonical on its own site, and its real archive copy still get them', async () => {
    const db = freshDb();
    await saveClipping(db, clip);
    const want = [{ quote: clip.quote, prefix: clip.prefix, suffix: clip.suffix }];
    expect(await quotesOn(db, asRead(orient, clip.url, clip.canonicalUrl), clip.url)).toEqual(want);
    // A tab on another URL of the site whose canonical names the clipped one.
    const otherPath = 'https://orient-news.net/index.php?page=news_show&id=92367';
    expect(await quotesOn(db, asRead(orient, otherPath, clip.canonicalUrl), otherPath)).toEqual(want);
    const copy = `https://web.archive.org/web/20151110000000/${clip.canonicalUrl}`;
    expect(await quotesOn(db, asRead(orient, clip.canonicalUrl!, clip.canonicalUrl), copy)).toEqual(want);
  });

  it('after in-page navigation, the article held for the tab no longer lends its canonical', () => {
    const held = vetArticle(asRead(orient, clip.url, clip.canonicalUrl), clip.url).article;
    expect(clippingKeysFor(clip.url, held).canonicalUrl).toBe(clip.canonicalUrl);
    expect(clippingKeysFor('https://orient-news.net/ar/news_show/1', held).canonicalUrl).toBeNull();
  });
});

describe('capture: a page cannot plant a report under a URL it is not on', () => {
  const shaam = seedArticle(3);
  const REAL = 'https://www.shaam.org/news/syria-news/قوات-الأسد-تصل-القورية';
  const realRecord = { url: REAL, outlet: 'shaam', title: shaam.title, publishedAt: '2017-10-22', text: shaam.paragraphs.join('\n\n') };

  it('an archived page claiming https://www.shaam.org/… is not captured, and the real report imports later', async () => {
    const db = freshDb();
    const invented = { ...shaam, title: 'خبر مختلق', paragraphs: ['نص مختلق كتبه المهاجم عن أحداث لم تقع في دير الزور.'] };
    const read = asRead(invented, EVIL_ORIGINAL, REAL, { archiveUrl: EVIL_COPY, capturedAt: '2024-01-01T00:00:00Z', service: 'wayback' });
    const vetted = vetArticle(read, EVIL_COPY);
    expect(vetted.capture).toBe(false);
    expect(vetted.article).toMatchObject({ url: EVIL_ORIGINAL, canonicalUrl: null, claimedUrls: [REAL] });
    const summary = await importRecords(db, 'real.jsonl', [realRecord]);
    expect(summary).toMatchObject({ added: 1, duplicates: 0 });
  });

  it('(what the attack did before: captured under its claim, the real report became a "duplicate")', async () => {
    const db = freshDb();
    const invented = { ...shaam, title: 'خبر مختلق', paragraphs: ['نص مختلق كتبه المهاجم عن أحداث لم تقع في دير الزور.'] };
    await captureArticle(db, asRead(invented, EVIL_ORIGINAL, REAL));
    expect(await importRecords(db, 'real.jsonl', [realRecord])).toMatchObject({ added: 0, duplicates: 1 });
  });

  it('a real archive copy whose canonical names its original is captured under the original', async () => {
    const db = freshDb();
    const copy = `https://web.archive.org/web/20171022000000/${REAL}`;
    const vetted = vetArticle(asRead(shaam, REAL, 'https://shaam.org/news/syria-news/قوات-الأسد-تصل-القورية/'), copy);
    expect(vetted.capture).toBe(true);
    expect(vetted.article.archive?.archiveUrl).toBe(copy);
    const stored = await captureArticle(db, vetted.article);
    expect(stored?.keys).toContain('shaam.org/news/syria-news/قوات-الأسد-تصل-القورية');
  });

  it('an archive copy whose canonical names another page of the same outlet is read but not captured', () => {
    const copy = `https://web.archive.org/web/20171022000000/${REAL}`;
    const vetted = vetArticle(asRead(shaam, REAL, 'https://www.shaam.org/news/syria-news/another-story'), copy);
    expect(vetted.capture).toBe(false);
    expect(vetted.article.canonicalUrl).toBeNull();
  });

  it('on the outlet\'s own page, a canonical on another site is a claim; the tab\'s URL is the key', async () => {
    const db = freshDb();
    const vetted = vetArticle(asRead(shaam, REAL, 'https://www.orient-news.net/ar/news_show/92367'), REAL);
    expect(vetted).toMatchObject({ capture: true, article: { url: REAL, canonicalUrl: null, claimedUrls: ['https://www.orient-news.net/ar/news_show/92367'] } });
    const stored = await captureArticle(db, vetted.article);
    expect(stored?.keys).toEqual(['shaam.org/news/syria-news/قوات-الأسد-تصل-القورية']);
  });

  it('a page that says it is a Wayback copy without being on web.archive.org is kept under its own URL, not captured', () => {
    const here = 'https://reader-turned-on.example/story';
    const vetted = vetArticle(asRead(shaam, REAL, null, { archiveUrl: `https://web.archive.org/web/2017/${REAL}`, capturedAt: '2017-01-01T00:00:00Z', service: 'wayback' }), here);
    expect(vetted).toMatchObject({ capture: false, article: { url: here, archive: null, claimedUrls: [REAL] } });
  });
});

describe('sameSite', () => {
  it.each([
    ['https://www.shaam.org/a', 'https://shaam.org/b', true],
    ['https://m.eremnews.com/a', 'https://www.eremnews.com/b', true],
    ['https://shaam.org.evil.example/a', 'https://shaam.org/b', false],
    ['https://evilshaam.org/a', 'https://shaam.org/b', false],
    ['not a url', 'https://shaam.org/b', false],
  ])('%s ~ %s: %s', (a, b, same) => expect(sameSite(a, b)).toBe(same));
});
