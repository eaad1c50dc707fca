// Articles and corpora for the commands that analyse them: an article file made an Article, corpus
// files made Reports (lib/engine/reports.ts), the built-in pack first when asked. Reading the files
// themselves is cli/read.ts.
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toReport } from '../lib/engine/reports';
import { extractFromDocument } from '../lib/extract/html';
import { extractFromText } from '../lib/extract/text';
import { validateRecord } from '../lib/corpus/formats';
import type { Article, Report } from '../lib/types';
import type { ImportProblemRow } from '../lib/engine/index-types';
import { parseDocument } from './html';
import { CliError, corpusRecords, readInput } from './read';

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

const BUILTIN_PACK = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'corpus', 'builtin.json');

/** Reports from corpus files; a bad record is reported on stderr, the good ones are kept. */
export async function loadCorpus(files: string[], builtin: boolean, warn: (msg: string) => void): Promise<Report[]> {
  const all = builtin ? [BUILTIN_PACK, ...files] : files;
  const reports: Report[] = [];
  for (const file of all) {
    const problems: ImportProblemRow[] = [];
    const origin = file === BUILTIN_PACK ? 'builtin' : 'import';
    for await (const r of corpusRecords(file, problems)) reports.push(toReport(r, origin, origin === 'builtin' ? 'builtin' : basename(file)));
    for (const p of problems) warn(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
  }
  return reports;
}
