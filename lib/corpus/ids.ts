import { normalize, spacedUnits } from '../arabic/normalize';
import { unarchive } from '../outlets/archive';

/** cyrb53: a fast 53-bit string hash; ids only need to be stable and rarely collide. */
export function hash53(str: string, seed = 0): string {
  return base36(hash53Number(str, seed));
}

/** hash53 as the number its base 36 writes. */
function hash53Number(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/**
 * A URL as a key: no scheme, no www, no fragment or tracking query, decoded, no trailing slash;
 * a web-archive copy keys as the page it is a copy of.
 */
export function urlKey(url: string): string {
  if (!url) return '';
  try {
    const u = new URL(unarchive(url.trim()).url);
    for (const p of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid)/.test(p)) u.searchParams.delete(p);
    const q = u.searchParams.toString();
    let path = u.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      /* keep the encoded path */
    }
    return `${u.hostname.replace(/^www\./, '')}${path.replace(/\/+$/, '')}${q ? `?${q}` : ''}`.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Key of a report's text, for reports without a URL and for spotting the same text twice. */
export function textKey(text: string): string {
  return spacedKey(text);
}

/**
 * hash53(normalize(text).replace(/\s+/g, ' ').trim()): the text's key as its words read, whatever
 * its letter variants and spacing.
 */
export function spacedKey(text: string): string {
  return base36(spacedHash(text));
}

/**
 * spacedKey as the number its base 36 writes (a line key of an import part's word counts,
 * lib/engine/term-pack.ts: sent as a number, never written out). Hashed as normalisation gives the
 * units, without building the normalised string, where the fast path applies.
 */
export function spacedHash(text: string): number {
  const units = spacedUnits(text);
  if (!units) return hash53Number(normalize(text).replace(/\s+/g, ' ').trim());
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < units.length; i++) {
    const ch = units[i]!;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

function finish(a: number, b: number): number {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const DIGITS36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** n.toString(36) for a whole n below 2^53, without the engine's general (fractional) radix
 *  conversion: every report's text key and every line key of its word counts is one. The
 *  remainder is exact in doubles, and so is the division of what is left by 36. */
function base36(n: number): string {
  let out = '';
  do {
    const r = n % 36;
    out = DIGITS36[r]! + out;
    n = (n - r) / 36;
  } while (n > 0);
  return out;
}

/** The id of a report whose URL has this key: a report's main URL key is known from its id, so the
 *  stored reports index only their other keys (lib/corpus/page-rows.ts). `seed`: another id for a
 *  key whose hash another stored report's key has (lib/engine/index-store.ts), its key indexed then. */
export const urlKeyId = (key: string, seed = 0): string => `u${hash53(key, seed)}`;

export function reportId(url: string, text: string): string {
  return url ? urlKeyId(urlKey(url)) : `t${textKey(text)}`;
}

/** A report's id and URL keys, its URL's key worked out once (imports make 100,000 of them). */
export function reportIdAndKeys(url: string, text: string, extraUrls: readonly string[] = []): { id: string; keys: string[] } {
  const main = url ? urlKey(url) : '';
  const keys = [...new Set([main, ...extraUrls.filter(Boolean).map(urlKey)].filter(Boolean))];
  return { id: url ? urlKeyId(main) : `t${textKey(text)}`, keys };
}

/** Every URL a report is known under (live, canonical, archived), as keys, without repeats. */
export function reportKeys(...urls: Array<string | null | undefined>): string[] {
  return [...new Set(urls.filter((u): u is string => !!u).map(urlKey).filter(Boolean))];
}
