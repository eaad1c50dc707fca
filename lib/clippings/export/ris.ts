// RIS for Zotero, EndNote, Mendeley: one NEWS record per clipping. Lines are "XX  - value" with
// CRLF; a value that spans lines (a quote of several paragraphs) continues on untagged lines,
// which Zotero's importer appends to the previous tag.
import type { Clipping } from '../types';
import { citedUrl, dateParts, epochParts, outletLabel, type ExportOptions } from './common';

const TAG_LINE = /^[A-Z][A-Z0-9] {2}- /;

function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/(?<!\s)\s*\n\s*/g, ' ').trim()}`;
}

/** A multi-line value; a continuation line that looks like a tag is indented so it stays text. */
function multiline(tag: string, value: string): string {
  const [first = '', ...rest] = value.split('\n').map((l) => l.trim());
  return [`${tag}  - ${first}`, ...rest.map((l) => (TAG_LINE.test(l) ? ` ${l}` : l))].join('\r\n');
}

function risDate(parts: number[]): string {
  const [y, m, d] = parts;
  return `${y}/${m ? String(m).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/`;
}

function toRisRecord(c: Clipping, opts: ExportOptions = {}): string {
  const out = [line('TY', 'NEWS'), line('TI', c.title)];
  if (c.author) out.push(line('AU', c.author));
  out.push(line('T2', outletLabel(c, opts)));
  const issued = dateParts(c.publishedAt);
  if (issued) out.push(line('PY', String(issued[0])), line('DA', risDate(issued)));
  const url = citedUrl(c);
  if (url) out.push(line('UR', url));
  out.push(line('Y2', risDate(epochParts(c.createdAt))));
  out.push(multiline('N1', c.quote));
  if (c.note) out.push(multiline('N1', `Reader's note: ${c.note}`));
  if (c.archiveUrl) out.push(line('N1', `Archived copy: ${c.archiveUrl}`));
  for (const t of c.tags) out.push(line('KW', t));
  out.push(line('LA', 'ar'), 'ER  - ');
  return out.join('\r\n');
}

export function toRis(clippings: readonly Clipping[], opts: ExportOptions = {}): string {
  return clippings.map((c) => `${toRisRecord(c, opts)}\r\n`).join('\r\n');
}
