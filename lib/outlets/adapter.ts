import { outletById } from './profiles';
import type { BuiltinOutletId } from '../types';
import type { OutletAdapter } from './types';

/** An adapter's id, names and hosts from the registry, so they are written down once. */
export function defineAdapter(id: BuiltinOutletId, rest: Omit<OutletAdapter, 'id' | 'name' | 'hosts'>): OutletAdapter {
  const p = outletById(id);
  if (!p) throw new Error(`outlet ${id} is not in the registry`);
  return { id, name: p.name, hosts: p.hosts.map((h) => h.host), ...rest };
}

/**
 * A regex of the names the outlet goes by, for claimsPage and titles ("… - عنب بلدي"). Hosts and
 * single Arabic words are left out: "المدن", "اقتصاد", "قاسيون" name much else besides the outlet.
 */
export function siteNames(id: string): RegExp {
  const p = outletById(id)!;
  const names = [p.name.ar, p.name.en, ...p.spellings].filter((n) => !/\.[a-z]{2,}$/i.test(n) && !/^[\u0600-\u06FF]+$/.test(n));
  const esc = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'));
  return new RegExp(`(?:${esc.sort((a, b) => b.length - a.length).join('|')})`, 'i');
}

/** The path's parts, percent-decoded where possible. */
export function pathParts(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
}

/** Body, title and date selectors of WordPress themes (most of the outlets run on WordPress). */
export const WORDPRESS = {
  body: ['.entry-content', '.post-content', '.td-post-content', '.single-post-content', 'article .content'],
  title: ['h1.entry-title', 'h1.post-title', 'h1.s-title', 'h1.tdb-title-text'],
  date: ['.entry-date.published', 'time.entry-date', 'time.published', '.post-date time', '.meta-date time'],
};

/** Paths that list articles on any WordPress-like site: home, category, tag, author, search, pages of a list. */
const LISTING_PARTS = new Set(['category', 'categories', 'tag', 'tags', 'author', 'authors', 'writer', 'search', 'page', 'section', 'sections', 'topics', 'latest', 'news-list']);

/** 'listing' for the home page and list paths, else null (the adapter's own patterns decide). */
export function listingFromPath(parts: string[]): 'listing' | null {
  if (parts.length === 0) return 'listing';
  return parts.some((p) => LISTING_PARTS.has(p.toLowerCase())) ? 'listing' : null;
}

/** A slug of several words ("الشرع-يصدر-مرسوماً-…"): an article's address on sites that use them. */
export const isSlug = (part: string) => (part.match(/-/g)?.length ?? 0) >= 2 && /\p{L}/u.test(part);
