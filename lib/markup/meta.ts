import { squash } from './text';

/** The first non-empty content of <meta property|name|itemprop=…> among the names given. */
export function meta(doc: Document, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = squash(el?.getAttribute('content') ?? '');
    if (v) return v;
  }
  return null;
}
