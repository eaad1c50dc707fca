import { parseArgs } from 'node:util';
import { analyseReport } from '../../lib/compare/analyse';
import { comparisonToCsv, comparisonToMarkdown, toCliJson } from '../../lib/compare/export';
import { reportAsGroupReport } from '../../lib/compare/group';
import { outletProfiles } from '../../lib/compare/profile';
import { compareFor } from '../../lib/compare/service';
import { indexedDb } from '../engine';
import { CliError, loadArticle, loadCorpus } from '../load';

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
  const reports = loadCorpus(values.corpus ?? [], !values['no-builtin'], (m) => process.stderr.write(`warning: ${m}\n`));
  if (values.profile) return outletProfiles(reports.map(reportAsGroupReport), analyseReport);

  const file = positionals[0];
  if (!file) throw new CliError('missing <file>');
  const article = loadArticle(file, values.url);
  // The extension's own path: the corpus indexed (in memory), the group from its ranking.
  const db = await indexedDb(reports);
  const comparison = await compareFor(db, article).finally(() => db.close());
  // Files are text, not JSON: printed as they are.
  if (values.markdown) return void process.stdout.write(comparisonToMarkdown(comparison, lang));
  if (values.csv) return void process.stdout.write(comparisonToCsv(comparison, lang));
  return values.full ? comparison : toCliJson(comparison);
}
