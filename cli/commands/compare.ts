import { parseArgs } from 'node:util';
import { comparisonToCsv, comparisonToMarkdown, toCliJson } from '../../lib/compare/export';
import { compareFor, profilesFor } from '../../lib/compare/from-corpus';
import { indexedDb } from '../engine';
import { loadArticle, loadCorpus } from '../load';
import { CliError } from '../read';

export const usage =
  'compare <file> [--url URL] [--corpus PATH]... [--no-builtin] [--markdown | --csv | --full] [--lang ar|en] --json\n' +
  '    how each outlet told the event of the article in <file>: dates, naming, frames, sources, numbers\n' +
  '  compare --profile [--corpus PATH]... [--no-builtin] --json\n' +
  "    each outlet's naming and framing habits across the corpus";

export async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      'no-builtin': { type: 'boolean' },
      json: { type: 'boolean' },
      full: { type: 'boolean' },
      markdown: { type: 'boolean' },
      csv: { type: 'boolean' },
      profile: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const lang = values.lang ?? 'ar';
  if (lang !== 'ar' && lang !== 'en') throw new CliError(`--lang: expected ar or en, got "${lang}"`);
  const reports = await loadCorpus(values.corpus ?? [], !values['no-builtin'], (m) => process.stderr.write(`warning: ${m}\n`));
  const file = positionals[0];
  if (!values.profile && !file) throw new CliError('missing <file>');
  const article = values.profile ? null : loadArticle(file!, values.url);
  // The extension's own path: the corpus indexed (in memory), answered as the background does.
  const db = await indexedDb(reports);
  try {
    if (!article) return await profilesFor(db);
    const comparison = await compareFor(db, article);
    // Files are text, not JSON: printed as they are.
    if (values.markdown) return void process.stdout.write(comparisonToMarkdown(comparison, lang));
    if (values.csv) return void process.stdout.write(comparisonToCsv(comparison, lang));
    return values.full ? comparison : toCliJson(comparison);
  } finally {
    db.close();
  }
}
