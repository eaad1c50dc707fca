import type { OutletAdapter } from './types';

export const orientNews: OutletAdapter = {
  id: 'orient-news',
  name: { ar: 'أورينت نت', en: 'Orient News' },
  hosts: ['orient-news.net'],
  pageTypeFromUrl(url) {
    if (/^\/(ar|en)\/news_show\/\d+/.test(url.pathname)) return 'article';
    if (url.pathname === '/' || /^\/(ar|en)\/?$/.test(url.pathname)) return 'listing';
    if (/^\/(ar|en)\/(news_list|news_category|category|tag|writers?|author|search)\b/i.test(url.pathname)) return 'listing';
    return 'other';
  },
};
