import type { Article, BuiltinOutletId, PageType } from '../types';

/**
 * What an outlet's pages and page texts are known to look like (../shared/design/OUTLETS.md).
 * Selectors are tried before the generic cascade; line patterns apply to the text of body blocks
 * in HTML pages and to lines of saved page text alike, so both forms are cleaned by one set of rules.
 */
export interface SiteRules {
  /** Containers of the article body, most specific first. */
  body?: string[];
  /** Headline elements, most specific first. */
  title?: string[];
  /** Elements whose text holds the publication date. */
  date?: string[];
  /** The site date bar: the day the page was served, not when the article was published. */
  servedDate?: string[];
  author?: string[];
  section?: string[];
  /** Reader comments, kept apart from the body. */
  comments?: string[];
  /** Boilerplate inside the body container beyond the generic list. */
  drop?: string[];
  /** Lines after which the body is over (source footers, "read also", signatures). */
  bodyEnd?: RegExp[];
  /** A footer line naming the author; group 1 is the name ("الكاتب: فريق التحرير"). */
  authorLine?: RegExp;
  /** Lines that are page furniture wherever they stand. */
  furniture?: RegExp[];
  /** Line that opens the reader comments in page text ("التعليقات (5)"). */
  commentsStart?: RegExp;
  /** Line that carries the section and the publication date ("● أخبار سورية ٢٢ أكتوبر ٢٠١٧"). */
  dateLine?: RegExp;
  /** Line that is the site date bar ("الإثنين 19 / 2 / 2018 | 05:45 بتوقيت حلب"). */
  servedLine?: RegExp;
  /** Marks a page text as this outlet's; the first adapter with a match wins. */
  textSignature?: RegExp;
  /** The site name as it is appended to titles ("… - شبكة شام"). */
  titleSiteName?: RegExp;
}

/** One site adapter: pure functions of (document, url), after Zotero's translators. */
export interface OutletAdapter {
  id: BuiltinOutletId;
  /** From the registry (profiles.ts): the outlet's names and its hosts, past and present. */
  name: { ar: string; en: string };
  /** Hosts the adapter owns, without "www."; empty when the outlet has no known host. */
  hosts: string[];
  /**
   * How much of the site was seen: `seen` — its markup, in pages or public copies; `structured` —
   * only its URLs and the conventions of its structured data (JSON-LD, OpenGraph, <time>), which
   * the adapter leans on (docs/OUTLETS.md).
   */
  markup: 'seen' | 'structured';
  /** Page type from the (original, un-archived) URL alone; null when the URL cannot tell. */
  pageTypeFromUrl(url: URL): PageType | null;
  /** Whether a page says it belongs to this outlet (site name, JSON-LD publisher, signature). */
  claimsPage?(doc: Document): boolean;
  rules: SiteRules;
  /** Site rules in code, run after the cascade to correct what the data rules cannot express. */
  extract?(doc: Document, url: URL, article: Article): Partial<Article>;
}
