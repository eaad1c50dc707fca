import type { OutletAdapter } from './types';

// Idlib24 has no known host: it is recognised from what its pages say about themselves.
export const idlib24: OutletAdapter = {
  id: 'idlib24',
  name: { ar: 'إدلب24', en: 'Idlib24' },
  hosts: [],
  pageTypeFromUrl() {
    return null;
  },
  claimsPage(doc) {
    const site = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
    if (/إدلب\s*24|idlib\s*24/i.test(site)) return true;
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      if (/إدلب\s*24|idlib\s*24/i.test(s.textContent ?? '')) return true;
    }
    return /إدلب24\s*$/m.test(doc.body?.textContent ?? '');
  },
};
