import { pageNames } from './claims';
import { defineAdapter } from './adapter';

const SITE = /أورينت(?:\s+نت|\s+نيوز)?|Orient\s*(?:News|Net)/i;

// The site and channel closed on 21 November 2023: most readers reach it through web archives.
export const orientNews = defineAdapter('orient-news', {
  markup: 'seen',
  pageTypeFromUrl(url) {
    const p = url.pathname;
    if (/^\/(?:ar|en)\/news_show\/\d+(?:\/|$)/i.test(p) || /^\/index\.php\/(?:ar|en)\/news_show\/\d+/i.test(p)) return 'article';
    if (p === '/' || /^\/(?:ar|en)\/?$/i.test(p) || /^\/index\.php\/?$/.test(p)) return 'listing';
    if (/^\/(?:ar|en)\/(?:news_list|news_category|news_cat|category|categories|tag|tags|writers?|authors?|author_news|search|videos?|programs?|most_read)(?:\/|$)/i.test(p)) return 'listing';
    return 'other';
  },
  claimsPage: (doc) => pageNames(doc, SITE),
  rules: {
    body: ['.news_show_content', '.news-details .news-text', '.news-text', '#news_text', '.article-content', '.single-news .content'],
    title: ['.news_show_title h1', '.news-details h1', 'h1.news-title'],
    date: ['.news_show_date', '.news-details .date', '.news-date', '.date-time'],
    author: ['.news_show_writer', '.writer-name', '.author-name'],
    section: ['.news_show_category', '.breadcrumb li:last-child a'],
    comments: ['.comments-section', '#comments', '.comments'],
    bodyEnd: [/^(?:💡\s*)?أهم المواضيع$/, /^(?:✨\s*)?أهم التصنيفات$/],
    furniture: [/^(?:أورينت\s+نت|Orient\s+News)$/i],
    commentsStart: /^(?:التعليقات|Comments)\s*\(\s*[\d٠-٩]+\s*\)\s*$/i,
    textSignature: /💡\s*أهم المواضيع|✨\s*أهم التصنيفات/,
    titleSiteName: SITE,
  },
});
