// CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), the input of
// citeproc, Zotero, Pandoc: one "article-newspaper" item per clipping, the quote in its note.
import type { Clipping } from '../types';
import { citedUrl, dateParts, epochParts, outletLabel, type ExportOptions } from './common';

interface CslDate {
  'date-parts': number[][];
}

interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  /** The byline as one literal name: Arabic names have no given/family split a citeproc could trust. */
  author?: Array<{ literal: string }>;
  'container-title': string;
  issued?: CslDate;
  URL?: string;
  accessed: CslDate;
  language: string;
  keyword?: string;
  note: string;
}

// Labels avoid "Field: value" names that Zotero would read from Extra as its own fields.
function cslNote(c: Clipping): string {
  const parts = [c.quote];
  if (c.note) parts.push(`Reader's note: ${c.note}`);
  if (c.archiveUrl) parts.push(`Archived copy: ${c.archiveUrl}`);
  return parts.join('\n\n');
}

function toCslItem(c: Clipping, opts: ExportOptions = {}): CslItem {
  const item: CslItem = {
    id: c.id,
    type: 'article-newspaper',
    title: c.title,
    'container-title': outletLabel(c, opts),
    accessed: { 'date-parts': [epochParts(c.createdAt)] },
    language: 'ar',
    note: cslNote(c),
  };
  if (c.author) item.author = [{ literal: c.author }];
  const issued = dateParts(c.publishedAt);
  if (issued) item.issued = { 'date-parts': [issued] };
  const url = citedUrl(c);
  if (url) item.URL = url;
  if (c.tags.length) item.keyword = c.tags.join(', ');
  return item;
}

export function toCslJson(clippings: readonly Clipping[], opts: ExportOptions = {}): string {
  return `${JSON.stringify(clippings.map((c) => toCslItem(c, opts)), null, 2)}\n`;
}
