import type { OutletAdapter } from './types';

export const shaam: OutletAdapter = {
  id: 'shaam',
  name: { ar: 'شبكة شام', en: 'Shaam Network' },
  hosts: ['shaam.org'],
  pageTypeFromUrl(url) {
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 0) return 'listing';
    // /news/<section>/<slug> and /reports/<section>/<slug> are articles; /news/<section> a listing.
    if ((parts[0] === 'news' || parts[0] === 'reports') && parts.length >= 3) return 'article';
    if (parts[0] === 'news' || parts[0] === 'reports' || parts[0] === 'tag' || parts[0] === 'category' || parts[0] === 'search') return 'listing';
    // Short links shaam.org/<code> redirect to an article; the page they land on is what we see.
    return null;
  },
  claimsPage(doc) {
    const site = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
    return /شبكة شام|shaam/i.test(site);
  },
};
