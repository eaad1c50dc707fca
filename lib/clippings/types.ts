// The clipping: a quote the reader saved from an article, with everything needed to cite it,
// find it again on the page, and trust it later. Plain data only, so it survives structured
// cloning, IndexedDB, every export and an import back.

/** An entity named in the quoted sentence, as plain data (the gazetteer may change later). */
export interface ClippingEntity {
  id: string;
  type: string;
  name: string;
}

/** Who the quoted sentence attributes its claim to, as the analysis saw it when saving. */
export interface ClippingAttribution {
  source: string | null;
  sourceType: string | null;
  /** The attribution cue in the text, e.g. "وأفادت" or "قال". */
  cue: string | null;
}

export interface Clipping {
  id: string;
  /** The saved text; paragraphs separated by "\n", other whitespace runs by one space. */
  quote: string;
  /** About five words right before the quote, ending with the whitespace that separates them. */
  prefix: string;
  /** About five words right after the quote, starting with the whitespace that separates them. */
  suffix: string;
  url: string;
  canonicalUrl: string | null;
  archiveUrl: string | null;
  /** Outlet id (see lib/outlets) or the name a record gave. */
  outlet: string;
  /** The name an older version stored instead of the registry's id (kept by the v6 upgrade). */
  outletGiven?: string;
  title: string;
  /** The byline as the page gave it; null when it gave none (and in clippings saved before it was kept). */
  author: string | null;
  /** ISO date as the article gave it: YYYY-MM-DD, YYYY-MM or YYYY-MM-DDTHH:mm; null when unknown. */
  publishedAt: string | null;
  /** Capture time, epoch ms. */
  createdAt: number;
  /** Last edit of note or tags, epoch ms. */
  updatedAt: number;
  entities: ClippingEntity[];
  attribution: ClippingAttribution | null;
  note: string;
  tags: string[];
}

/** Quote plus context: what anchoring and text fragments need. */
export interface TextQuote {
  quote: string;
  prefix: string;
  suffix: string;
}

/** A settings row as the `settings` table keeps it, keyed by its key in exports. */
export interface ExportedSetting {
  version: number;
  value: unknown;
}

/** Our own JSON export (and backup) format. */
export interface ClippingsExport {
  format: 'isnad-clippings';
  version: typeof EXPORT_VERSION;
  exportedAt?: string;
  clippings: Clipping[];
  settings?: Record<string, ExportedSetting>;
}

export const EXPORT_FORMAT = 'isnad-clippings';
/** 2: clippings carry `author`. Version 1 files (without it) are still read. */
export const EXPORT_VERSION = 2;
export const READ_VERSIONS: readonly number[] = [1, 2];

/** A saved clipping: `created` is false when this passage was saved before (the first is kept). */
export interface ClipSaved {
  id: string;
  quote: TextQuote;
  created: boolean;
}

export interface ImportCounts {
  added: number;
  /** Existing clippings replaced by a more recently edited copy. */
  updated: number;
  /** Existing clippings kept because they were edited as recently or later. */
  kept: number;
}

/** What an import or a restored backup did, for the side panel. */
export interface ClippingsImportSummary {
  file: string;
  counts: ImportCounts;
  settings: number;
  /** One line each: file, line, record and field, reason. */
  problems: string[];
}

export type ClippingExportFormat = 'markdown' | 'csv' | 'json' | 'csl-json' | 'ris';
