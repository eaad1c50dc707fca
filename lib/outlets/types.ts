import type { Article, BuiltinOutletId, PageType } from '../types';

/** One site adapter: pure functions of (document, url), after Zotero's translators. */
export interface OutletAdapter {
  id: BuiltinOutletId;
  name: { ar: string; en: string };
  /** Hosts the adapter owns, without "www."; empty when the outlet has no known host. */
  hosts: string[];
  /** Page type from the (original, un-archived) URL alone; null when the URL cannot tell. */
  pageTypeFromUrl(url: URL): PageType | null;
  /** Whether a page says it belongs to this outlet (site name, JSON-LD publisher, signature). */
  claimsPage?(doc: Document): boolean;
  /** Site rules, run before the generic cascade fills what they leave empty. */
  extract?(doc: Document, url: URL): Partial<Article>;
}
