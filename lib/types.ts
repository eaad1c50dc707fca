// Shared data shapes. Everything that crosses a module or context boundary is typed here.

/** Built-in outlet ids; reports of other outlets keep the outlet name their record gives. */
export type BuiltinOutletId =
  | 'orient-news' | 'idlib24' | 'shaam' | 'eremnews' | 'sana' | 'enab-baladi' | 'syria-tv' | 'ikhbariya' | 'sohr'
  | 'zaman-al-wasl' | 'halab-today' | 'horan-free' | 'almodon' | 'eqtsad' | 'kassioun';
type OutletId = BuiltinOutletId | (string & {});

export type PageType = 'article' | 'listing' | 'other';
type DatePrecision = 'minute' | 'day' | 'month' | 'unknown';
/** Where a date came from; `served` is a site date bar (the day the page was served). */
export type DateSource =
  | 'json-ld'
  | 'meta'
  | 'time-element'
  | 'byline'
  | 'text'
  | 'url'
  | 'relative'
  | 'served'
  | 'record'
  | 'none';

export interface ArticleDate {
  /** ISO: YYYY-MM-DD, YYYY-MM or YYYY-MM-DDTHH:mm, per precision; null when unknown. */
  value: string | null;
  precision: DatePrecision;
  source: DateSource;
  /** The text the date was read from, for the reader to check. */
  raw?: string;
}

export interface ArchiveInfo {
  archiveUrl: string;
  /** ISO timestamp of the capture. */
  capturedAt: string;
  service: 'wayback' | 'archive.today';
}

/** An article as extracted from a page or a saved text. */
export interface Article {
  outlet: OutletId;
  pageType: PageType;
  url: string;
  canonicalUrl: string | null;
  archive: ArchiveInfo | null;
  /** URLs the page claimed to be (canonical, archive head script) that its tab's URL does not
   *  bear out: shown, never used as keys (lib/page-identity.ts). */
  claimedUrls?: string[];
  title: string;
  publishedAt: ArticleDate;
  /** A site date bar: the day the page was served, kept apart from the publication date. */
  servedAt?: ArticleDate | null;
  author: string | null;
  section: string | null;
  paragraphs: string[];
  comments: string[];
  lang: string;
  dir: 'rtl' | 'ltr';
}

/** A report in the reader's corpus (IndexedDB `reports`). */
export interface Report {
  id: string;
  url: string;
  outlet: OutletId;
  title: string;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  text: string;
  origin: 'builtin' | 'import' | 'capture';
  /** Which import (or 'builtin') brought it, so an import can be deleted as a whole. */
  importId: string;
  addedAt: number;
  /** Every URL the report is known under (live, canonical, archived), as keys (corpus/ids urlKey). */
  keys?: string[];
  /** Read from a web archive (a Wayback copy, a WARC/WACZ file): when the archive captured it (ISO, UTC)… */
  archivedAt?: string;
  /** …and the archive copy's address, when it has one (a file's records have none). */
  archiveUrl?: string;
  /** The outlet as an older import stored it ("Shaam Network"), when the v6 upgrade replaced it by the registry's id. */
  outletGiven?: string;
}

/** The JSON Lines record shape (../shared/corpus/real-2025.jsonl). */
export interface ReportRecord {
  url: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  text: string;
  /** A record read from a web archive: the capture time (ISO) and the copy's address. */
  archivedAt?: string;
  archiveUrl?: string;
}

export type Relation = 'same-event' | 'related';

export interface RelatedReport {
  id: string;
  url: string;
  outlet: OutletId;
  title: string;
  publishedAt: string | null;
  score: number;
  relation: Relation;
  sharedEntities: string[];
  sharedTerms: string[];
  dateGapDays: number | null;
  /** Reports judged the same event (with the article) share this id: one event across outlets. */
  eventId?: string;
  /** Word sequences the two texts share, as the report writes them. */
  sharedPhrases?: string[];
  /** Sources both attribute claims to. */
  sharedSources?: string[];
  /** Near-duplicate copies (syndicated or republished text) of this report, counted once. */
  duplicates?: Array<{ id: string; url: string; outlet: string }>;
  /** Calibrated probability that this report tells the article's event (lib/events). */
  probability?: number;
  /** When a web archive captured it, for a report read from one (ISO). */
  archivedAt?: string;
  /** The event this report tells: what happened, where (gazetteer id and name), its day. */
  event?: RelatedEvent;
  /** What agreed and what differed between the two events (place, day, what happened, numbers, who). */
  agreed?: EventAspect[];
  differed?: EventAspect[];
}

/** What the panel is told of a related report after its list (ui:why): what needs the report's
 *  stored text — the phrases it shares with the article, and when a web archive captured it. */
export type ReportWhy = Required<Pick<RelatedReport, 'sharedPhrases'>> & Pick<RelatedReport, 'archivedAt'>;

/**
 * One thing two reports' events agree or differ on. `a` is the article's side, `b` the report's
 * (the same when they agree): a place's gazetteer id, a YYYY-MM-DD day, an event type, a count, an
 * actor's gazetteer id, or words. The panel words them in the reader's language.
 */
export interface EventAspect {
  kind: 'place' | 'wide-place' | 'day' | 'what' | 'killed' | 'injured' | 'actor' | 'recurring' | 'words';
  a?: string;
  b?: string;
  /** The Arabic names of `a` and `b` when they are places (the panel's fallback). */
  names?: [string, string];
  /** Days between the two events (kind `day`). */
  days?: number;
}

export interface RelatedEvent {
  type: string;
  place: { id: string; name: string } | null;
  /** YYYY-MM-DD of the event (not of publication), or null. */
  day: string | null;
}

/** What the background knows of a tab: the article it saw there and what relates to it. */
export interface TabContext {
  article: Article;
  related: RelatedReport[];
  /** Set while the index is rebuilt (after an upgrade): the related reports are of the part indexed so far. */
  indexing?: { done: number; total: number };
}

/** A file made for the reader to download (an export or a backup). */
export interface ExportedFile {
  filename: string;
  mime: string;
  text: string;
}
