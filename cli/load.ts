// Reading inputs for the command line: article files and corpus files, with errors that name
// the file and the reason.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { CorpusFormatError, parseCorpusFile, validateRecord } from '../lib/corpus/formats';
import { toReport } from '../lib/corpus/store';
import { extractFromDocument } from '../lib/extract/html';
import { extractFromText } from '../lib/extract/text';
import type { Article, Report } from '../lib/types';

export class CliError extends Error {}

const MAX_FILE = 256 * 1024 * 1024;

export function readInput(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (size > MAX_FILE) throw new CliError(`${file}: larger than ${MAX_FILE / 1024 / 1024} MB`);
  const buf = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.includes('\u0000')) throw new CliError(`${file}: binary file, not text`);
  return text;
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** An article file: .html (the page at url), .txt (a page's text) or .json (one report record). */
export function loadArticle(file: string, url?: string, captured?: string): Article {
  const content = readInput(file);
  if (/\.html?$/i.test(file)) return extractFromDocument(parseDocument(content), url ?? `file://${file}`, { captured });
  if (/\.txt$/i.test(file)) return extractFromText(content, { url, captured });
  if (/\.json$/i.test(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch (e) {
      throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const r = validateRecord(raw);
    if (typeof r === 'string') throw new CliError(`${file}: ${r}`);
    return {
      outlet: r.outlet,
      pageType: 'article',
      url: url ?? r.url,
      canonicalUrl: null,
      archive: null,
      title: r.title,
      publishedAt: r.publishedAt ? { value: r.publishedAt, precision: 'day', source: 'record' } : { value: null, precision: 'unknown', source: 'none' },
      author: null,
      section: null,
      paragraphs: r.text.split(/\n+/).filter(Boolean),
      comments: [],
      lang: 'ar',
      dir: 'rtl',
    };
  }
  throw new CliError(`${file}: unsupported file type (expected .html, .txt or .json)`);
}

export const BUILTIN_PACK = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'corpus', 'builtin.json');

/** Reports from corpus files; a bad record is reported on stderr, the good ones are kept. */
export function loadCorpus(files: string[], builtin: boolean, warn: (msg: string) => void): Report[] {
  const all = builtin ? [BUILTIN_PACK, ...files] : files;
  const reports: Report[] = [];
  for (const file of all) {
    try {
      const parsed = parseCorpusFile(file, readInput(file));
      for (const e of parsed.errors) warn(e.message);
      const origin = file === BUILTIN_PACK ? 'builtin' : 'import';
      reports.push(...parsed.records.map((r) => toReport(r, origin, origin === 'builtin' ? 'builtin' : basename(file))));
    } catch (e) {
      if (e instanceof CorpusFormatError) throw new CliError(e.message);
      throw e;
    }
  }
  return reports;
}
