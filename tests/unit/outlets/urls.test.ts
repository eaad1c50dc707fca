// URL predicates per outlet: article vs listing vs other, live and through archive copies.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isArchiveTodayShort, unarchive, unrewriteHref } from '../../../lib/outlets/archive';
import { recognizeDocument, recognizePage, recognizeUrl } from '../../../lib/outlets/registry';
import { readableUrl } from '../../../lib/outlets/url';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('page type from the URL', () => {
  it.each([
    // Orient News
    ['https://orient-news.net/ar/news_show/92367/0/للمرة-الرابعة', 'orient-news', 'article'],
    ['https://www.orient-news.net/ar/news_show/92367', 'orient-news', 'article'],
    ['https://orient-news.net/en/news_show/137000/0/', 'orient-news', 'article'],
    ['https://orient-news.net/index.php/ar/news_show/92367', 'orient-news', 'article'],
    ['https://orient-news.net/', 'orient-news', 'listing'],
    ['https://orient-news.net/ar/', 'orient-news', 'listing'],
    ['https://orient-news.net/ar/news_list/1/أخبار-سوريا', 'orient-news', 'listing'],
    ['https://orient-news.net/en/news_list/1/Syria', 'orient-news', 'listing'],
    ['https://orient-news.net/ar/tag/داعش', 'orient-news', 'listing'],
    ['https://orient-news.net/ar/writers/12', 'orient-news', 'listing'],
    ['https://orient-news.net/ar/about', 'orient-news', 'other'],
    ['https://orient-news.net/ar/news_show/', 'orient-news', 'other'],
    // Shaam Network
    ['https://www.shaam.org/news/syria-news/قوات-الأسد-تصل-القورية', 'shaam', 'article'],
    ['https://shaam.org/reports/economic-reports/تقرير-شام-الاقتصادي-أو-28-أيار-2026', 'shaam', 'article'],
    ['https://shaam.org/news/syria-news/%D9%82%D9%88%D8%A7%D8%AA', 'shaam', 'article'],
    ['https://shaam.org/news/syria-news/هل-يعود-اللاجئون؟-ـ-تقرير-UNHCR', 'shaam', 'article'],
    ['https://www.shaam.org/news/syria-news', 'shaam', 'listing'],
    ['https://shaam.org/reports', 'shaam', 'listing'],
    ['https://shaam.org/', 'shaam', 'listing'],
    ['https://shaam.org/tag/إدلب', 'shaam', 'listing'],
    ['https://shaam.org/Xy7Kp', 'shaam', null],
    // Eram News
    ['https://www.eremnews.com/news/arab-world/syria/k3x9q2m', 'eremnews', 'article'],
    ['https://www.eremnews.com/news/arab-world/318546', 'eremnews', 'article'],
    ['https://eremnews.com/sports/7a2b9cd', 'eremnews', 'article'],
    ['https://www.eremnews.com/news/arab-world', 'eremnews', 'listing'],
    ['https://www.eremnews.com/news/arab-world/syria', 'eremnews', 'listing'],
    ['https://www.eremnews.com/economy', 'eremnews', 'listing'],
    ['https://www.eremnews.com/news/arab-world/economy', 'eremnews', 'listing'],
    ['https://www.eremnews.com/tags/داعش', 'eremnews', 'listing'],
    ['https://www.eremnews.com/', 'eremnews', 'listing'],
  ])('%s → %s %s', (url, outlet, pageType) => {
    const rec = recognizeUrl(url);
    expect(rec.adapter?.id).toBe(outlet);
    expect(rec.pageType).toBe(pageType);
    expect(rec.archive).toBeNull();
  });

  it('claims no outlet for hosts that only look alike', () => {
    for (const url of ['https://notshaam.org/news/a/b', 'https://eremnews.com.evil.example/news/a/k3x9q2m', 'https://example.org/ar/news_show/1']) {
      expect(recognizeUrl(url).adapter, url).toBeNull();
    }
  });

  it('Idlib24 has no host: its URLs never decide, its pages do', () => {
    const rec = recognizeUrl('http://idlib24.test/news/300-fighters');
    expect(rec.adapter).toBeNull();
    expect(rec.pageType).toBeNull();
  });
});

describe('web-archive copies', () => {
  const orig = 'https://orient-news.net/ar/news_show/141218/0/أين-وصلت';
  it.each([
    [`https://web.archive.org/web/20170911040523/${orig}`, orig, '2017-09-11T04:05:23Z'],
    [`http://web.archive.org/web/20170911040523id_/${orig}`, orig, '2017-09-11T04:05:23Z'],
    [`https://web.archive.org/web/20170911040523if_/${orig}`, orig, '2017-09-11T04:05:23Z'],
    [`https://web.archive.org/web/2017/${orig}`, orig, '2017-01-01T00:00:00Z'],
    ['https://web.archive.org/web/20170911040523/http:/orient-news.net/ar/news_show/1', 'http://orient-news.net/ar/news_show/1', '2017-09-11T04:05:23Z'],
    ['https://web.archive.org/web/20170911040523/orient-news.net/ar/news_show/1', 'http://orient-news.net/ar/news_show/1', '2017-09-11T04:05:23Z'],
  ])('%s: outlet, page type and capture time from the original', (url, original, capturedAt) => {
    const rec = recognizeUrl(url);
    expect(rec.url).toBe(original);
    expect(rec.adapter?.id).toBe('orient-news');
    expect(rec.pageType).toBe('article');
    expect(rec.archive).toEqual({ archiveUrl: readableUrl(url), capturedAt, service: 'wayback' });
  });

  it('a copy of a listing is a listing', () => {
    expect(recognizeUrl('https://web.archive.org/web/20250101000000/https://www.shaam.org/news/syria-news').pageType).toBe('listing');
  });

  it('archive.today copies in both timestamp forms; its short links wait for the page', () => {
    const a = unarchive('https://archive.ph/2017.10.22-101010/https://www.shaam.org/news/syria-news/قوات');
    expect(a).toEqual({ url: 'https://www.shaam.org/news/syria-news/قوات', archive: { archiveUrl: 'https://archive.ph/2017.10.22-101010/https://www.shaam.org/news/syria-news/قوات', capturedAt: '2017-10-22T10:10:10Z', service: 'archive.today' } });
    expect(unarchive('https://archive.today/20171022101010/https://www.shaam.org/x').archive?.capturedAt).toBe('2017-10-22T10:10:10Z');
    expect(isArchiveTodayShort('https://archive.ph/AbCdE')).toBe(true);
    expect(isArchiveTodayShort('https://archive.ph/2017.10.22-101010/https://x.org/')).toBe(false);
  });

  it('un-rewrites the links inside a copy', () => {
    const page = 'https://orient-news.net/ar/news_show/141218/0/x';
    expect(unrewriteHref('/web/20170911040523/https://orient-news.net/ar/news_list/1/', page)).toBe('https://orient-news.net/ar/news_list/1/');
    expect(unrewriteHref('/web/20170911040523im_/https://orient-news.net/images/logo.png', page)).toBe('https://orient-news.net/images/logo.png');
    expect(unrewriteHref('https://web.archive.org/web/20170911040523/http://www.eremnews.com/news/arab-world/318546', page)).toBe('http://www.eremnews.com/news/arab-world/318546');
    expect(unrewriteHref('/web/20170911040523/http:/orient-news.net/ar/', page)).toBe('http://orient-news.net/ar/');
    expect(unrewriteHref('../news_list/1', page)).toBe('https://orient-news.net/ar/news_show/141218/news_list/1');
  });

  it('finds a Wayback copy saved to disk by its head script', () => {
    const html = `<html><head><script>__wm.init("https://web.archive.org/web");
  __wm.wombat("https://www.shaam.org/news/syria-news/%D9%82","20250529081503","https://web.archive.org/","web","/_static/","1748506503");</script></head>
  <body><h1>عنوان</h1></body></html>`;
    const rec = recognizePage(doc(html), 'file:///home/reader/saved.html');
    expect(rec.adapter?.id).toBe('shaam');
    expect(rec.pageType).toBe('article');
    expect(rec.url).toBe('https://www.shaam.org/news/syria-news/ق');
    expect(rec.archive).toMatchObject({ capturedAt: '2025-05-29T08:15:03Z', service: 'wayback' });
  });
});

describe('recognised from the page itself', () => {
  const body = '<h1>٣٠٠ عنصر من داعش يستسلمون</h1><p>' + 'نص الخبر '.repeat(40) + '</p>';
  it.each([
    ['og:site_name', `<head><meta property="og:site_name" content="إدلب24"></head><body>${body}</body>`],
    ['JSON-LD publisher', `<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"x","publisher":{"@type":"Organization","name":"إدلب 24"}}</script></head><body>${body}</body>`],
    ['the signature line after the body', `<body>${body}<p>إدلب24</p><div>دع الآخرين على علم بالموضوع</div></body>`],
  ])('Idlib24 by %s', (_how, html) => {
    expect(recognizeDocument(doc(html))?.id).toBe('idlib24');
  });

  it('a page that only mentions Idlib24 in its text is not claimed', () => {
    expect(recognizeDocument(doc(`<body><h1>خبر</h1><p>قال موقع إدلب24 إن القصف استمر.</p></body>`))).toBeNull();
  });

  it('Shaam and Eram News on a host that is not theirs (a mirror) by og:site_name', () => {
    expect(recognizeDocument(doc('<head><meta property="og:site_name" content="شبكة شام الإخبارية"></head><body></body>'))?.id).toBe('shaam');
    expect(recognizeDocument(doc('<head><meta property="og:site_name" content="إرم نيوز"></head><body></body>'))?.id).toBe('eremnews');
  });

  it('a Shaam short link is typed by the page: NewsArticle → article, many linked cards → listing', () => {
    const art = recognizePage(doc('<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script></head><body></body>'), 'https://shaam.org/Xy7Kp');
    expect([art.adapter?.id, art.pageType]).toEqual(['shaam', 'article']);
    const cards = Array.from({ length: 5 }, (_, i) => `<div class="cat-item"><div class="item-title"><a href="/news/a/${i}">خبر ${i}</a></div></div>`).join('');
    expect(recognizePage(doc(`<body>${cards}</body>`), 'https://shaam.org/Xy7Kp').pageType).toBe('listing');
  });
});

describe('readableUrl', () => {
  it('gives the browser form and the file form of one URL the same string', () => {
    const enc = 'https://www.shaam.org/news/syria-news/%D9%82%D9%88%D8%A7%D8%AA-%D8%A7%D9%84%D8%A3%D8%B3%D8%AF';
    expect(readableUrl(enc)).toBe('https://www.shaam.org/news/syria-news/قوات-الأسد');
    expect(readableUrl('https://www.shaam.org/news/syria-news/قوات-الأسد')).toBe('https://www.shaam.org/news/syria-news/قوات-الأسد');
    expect(readableUrl('https://x.org/a%2Fb%20c?q=%26')).toBe('https://x.org/a%2Fb%20c?q=%26');
    expect(readableUrl('not a url')).toBe('not a url');
  });
});

describe('archive.today copies read from the page', () => {
  it('a short link (archive.ph/<code>) is recognised by the original URL and capture time in the archive\'s header', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../fixtures/shaam-4/page.html', import.meta.url), 'utf8');
    const rec = recognizePage(doc(html), 'https://archive.ph/Xq2Lm');
    expect(rec.adapter?.id).toBe('shaam');
    expect(rec.pageType).toBe('article');
    expect(rec.url).toBe('https://www.shaam.org/news/syria-news/قوات-الأسد-تصل-القورية-انسحابات-تنظيم-الدولة-تسليم-للمناطق-أم-عجز-عن-الصمود-فيها');
    expect(rec.archive).toMatchObject({ capturedAt: '2017-10-23T08:14:22Z', service: 'archive.today' });
  });
});
