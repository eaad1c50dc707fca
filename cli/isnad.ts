// The command line over lib/: `npm run -s isnad -- <command> ...`.
import { parseArgs } from 'node:util';
import { rankRelated } from '../lib/xref/rank';
import { CliError, loadArticle, loadCorpus } from './load';

const USAGE = `usage: isnad <command> [options]
  xref <file> [--url URL] [--corpus PATH]... [--no-builtin] [--top N] --json
      reports in the corpus related to the article in <file> (.html, .txt or .json)`;

function xref(argv: string[]): unknown {
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
  if (!file) throw new CliError(`xref: missing <file>\n${USAGE}`);
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new CliError(`--top: expected a positive whole number, got "${values.top}"`);
  const article = loadArticle(file, values.url);
  const reports = loadCorpus(values.corpus ?? [], !values['no-builtin'], (m) => process.stderr.write(`warning: ${m}\n`));
  const publishedAt = article.publishedAt.value ? article.publishedAt.value.slice(0, 10) : null;
  const related = rankRelated({ url: article.url, title: article.title, text: article.paragraphs.join('\n'), publishedAt }, reports, { top });
  return {
    article: { outlet: article.outlet, title: article.title, publishedAt, url: article.url },
    related: related.map(({ id, url, outlet, title, publishedAt: p, score, relation, sharedEntities }) => ({
      id, url, outlet, title, publishedAt: p, score, relation, sharedEntities,
    })),
  };
}

const COMMANDS: Record<string, (argv: string[]) => unknown> = { xref };

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
    return 1;
  }
  try {
    const result = run(rest);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`isnad ${command}: ${msg.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
