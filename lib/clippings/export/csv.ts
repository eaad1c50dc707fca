// CSV for spreadsheets: UTF-8 with a byte order mark (without it Excel reads Arabic as mojibake),
// RFC 4180 quoting and CRLF line ends. A cell that a spreadsheet would run as a formula (starting
// with = + - @, tab or CR) gets a leading apostrophe: the clipped text is untrusted.
import { clippingLink } from '../fragment';
import type { Clipping } from '../types';
import { isoTime, outletLabel, type ExportOptions } from './common';

export const CSV_COLUMNS = [
  'id', 'quote', 'prefix', 'suffix', 'note', 'tags', 'title', 'author', 'outlet', 'outlet_name', 'published_at',
  'url', 'canonical_url', 'archive_url', 'link', 'created_at', 'updated_at', 'entity_ids',
  'entity_names', 'attribution_source', 'attribution_source_type', 'attribution_cue',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Separator of several values in one cell (tags, entities): one value a line. Tags never hold a
 * line break (they are stored with single spaces), so the cell splits back into exactly the list,
 * which "; " or ", " would not promise (a tag may contain either).
 */
export const CSV_LIST_SEPARATOR = '\n';

function csvRecord(c: Clipping, opts: ExportOptions = {}): Record<CsvColumn, string> {
  return {
    id: c.id,
    quote: c.quote,
    prefix: c.prefix,
    suffix: c.suffix,
    note: c.note,
    tags: c.tags.join(CSV_LIST_SEPARATOR),
    title: c.title,
    author: c.author ?? '',
    outlet: c.outlet,
    outlet_name: outletLabel(c, opts),
    published_at: c.publishedAt ?? '',
    url: c.url,
    canonical_url: c.canonicalUrl ?? '',
    archive_url: c.archiveUrl ?? '',
    link: clippingLink(c) ?? '',
    created_at: isoTime(c.createdAt),
    updated_at: isoTime(c.updatedAt),
    entity_ids: c.entities.map((e) => e.id).join(CSV_LIST_SEPARATOR),
    entity_names: c.entities.map((e) => e.name).join(CSV_LIST_SEPARATOR),
    attribution_source: c.attribution?.source ?? '',
    attribution_source_type: c.attribution?.sourceType ?? '',
    attribution_cue: c.attribution?.cue ?? '',
  };
}

function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  const v = guardFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(clippings: readonly Clipping[], opts: ExportOptions = {}): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const c of clippings) {
    const r = csvRecord(c, opts);
    rows.push(CSV_COLUMNS.map((k) => csvCell(r[k])).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
