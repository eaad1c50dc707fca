// One entry for the Clippings tab's export buttons: a format name in, a file to download out.
import type { ExportedFile } from '../../types';
import type { Clipping, ClippingExportFormat } from '../types';
import type { ExportOptions } from './common';
import { toCslJson } from './csl';
import { toCsv } from './csv';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toRis } from './ris';

const FORMATS: Record<ClippingExportFormat, { ext: string; mime: string; write: (c: readonly Clipping[], o: ExportOptions, now: number) => string }> = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8', write: (c, o) => toMarkdown(c, o) },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8', write: (c, o) => toCsv(c, o) },
  json: { ext: 'json', mime: 'application/json', write: (c, _o, now) => toJson(c, { now }) },
  'csl-json': { ext: 'csl.json', mime: 'application/vnd.citationstyles.csl+json', write: (c, o) => toCslJson(c, o) },
  ris: { ext: 'ris', mime: 'application/x-research-info-systems', write: (c, o) => toRis(c, o) },
};

export function exportClippings(clippings: readonly Clipping[], format: ClippingExportFormat, opts: ExportOptions & { now?: number } = {}): ExportedFile {
  const f = FORMATS[format];
  if (!f) throw new Error(`unknown export format ${String(format)}`);
  const now = opts.now ?? Date.now();
  const day = new Date(now).toISOString().slice(0, 10);
  return { filename: `isnad-clippings-${day}.${f.ext}`, mime: f.mime, text: f.write(clippings, opts, now) };
}
