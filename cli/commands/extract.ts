import { parseArgs } from 'node:util';
import { loadArticle } from '../load';
import { CliError } from '../read';

export const usage = 'extract <file.html|file.txt> [--url URL] [--captured YYYY-MM-DD] --json\n    the article in <file>: outlet, page type, title, date, body paragraphs, comments apart';

export function run(argv: string[]): unknown {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      captured: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) throw new CliError('missing <file>');
  if (values.captured !== undefined && !validDay(values.captured)) {
    throw new CliError(`--captured: expected a day as YYYY-MM-DD, got "${values.captured}"`);
  }
  if (values.url !== undefined && !URL.canParse(values.url)) throw new CliError(`--url: not a URL: "${values.url}"`);
  return loadArticle(file, values.url, values.captured);
}

function validDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
