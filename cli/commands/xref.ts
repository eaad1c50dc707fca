import { parseArgs } from 'node:util';
import { articleQuery } from '../../lib/engine/context';
import { searchRelated } from '../../lib/engine/search';
import { indexedDb } from '../engine';
import { loadArticle, loadCorpus } from '../load';
import { CliError } from '../read';

export const usage = 'xref <file> [--url URL] [--corpus PATH]... [--no-builtin] [--top N] --json\n    reports in the corpus related to the article in <file> (.html, .txt or .json)';

export async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      'no-builtin': { type: 'boolean' },
      top: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) throw new CliError('missing <file>');
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new CliError(`--top: expected a positive whole number, got "${values.top}"`);
  const article = loadArticle(file, values.url);
  const reports = await loadCorpus(values.corpus ?? [], !values['no-builtin'], (m) => process.stderr.write(`warning: ${m}\n`));
  const publishedAt = article.publishedAt.value ? article.publishedAt.value.slice(0, 10) : null;
  const db = await indexedDb(reports);
  const related = await searchRelated(db, articleQuery(article), { top, explain: false });
  db.close();
  return {
    article: { outlet: article.outlet, title: article.title, publishedAt, url: article.url },
    related: related.map(({ id, url, outlet, title, publishedAt: p, score, relation, sharedEntities, probability, event, agreed, differed }) => ({
      id, url, outlet, title, publishedAt: p, score, relation, sharedEntities, probability, event, agreed, differed,
    })),
  };
}
