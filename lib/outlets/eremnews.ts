import type { OutletAdapter } from './types';

export const eremnews: OutletAdapter = {
  id: 'eremnews',
  name: { ar: 'إرم نيوز', en: 'Eram News' },
  hosts: ['eremnews.com'],
  pageTypeFromUrl(url) {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 0) return 'listing';
    const last = parts[parts.length - 1]!;
    // New article ids: 7 characters of a–z0–9 with at least one digit; old ones: a number.
    if (parts.length >= 2 && /^(?=[a-z0-9]*\d)[a-z0-9]{7}$/.test(last)) return 'article';
    if (parts.length >= 2 && /^\d+$/.test(last)) return 'article';
    if (['tags', 'tag', 'author', 'authors', 'search', 'latest-news'].includes(parts[0]!)) return 'listing';
    return 'listing';
  },
};
