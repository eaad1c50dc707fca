import { MAX_VALUE, squash } from './text';

/**
 * The most meta elements read: a real page has some dozens. A hostile page's 30,000 are not each
 * asked for every name.
 */
const MAX_METAS = 1_000;

/** The first non-empty content of <meta property|name|itemprop=…> among the names given. */
export function meta(doc: Document, ...names: string[]): string | null {
  // The browser keeps this collection while the page does not change, so the dozen names an
  // extraction asks for cost one walk of the page; as selectors ("meta[property=…], meta[name=…]")
  // each name was one or three walks.
  const metas = doc.getElementsByTagName('meta');
  const count = Math.min(metas.length, MAX_METAS);
  for (const n of names) {
    let el: Element | null = null;
    for (let i = 0; i < count && !el; i++) {
      const m = metas[i]!;
      if (m.getAttribute('property') === n || m.getAttribute('name') === n || m.getAttribute('itemprop') === n) el = m;
    }
    const raw = el?.getAttribute('content') ?? '';
    const v = raw.length <= MAX_VALUE ? squash(raw) : '';
    if (v) return v;
  }
  return null;
}
