import { parseArgs } from 'node:util';
import { analyse } from '../../lib/claims/analyse';
import { loadArticle } from '../load';
import { CliError } from '../read';

export const usage = 'analyse <file> [--url URL] [--date YYYY-MM-DD] [--full] --json\n    places, actors and sources named in the article in <file>, who said what, and framing cues\n    (--full: also the text the offsets index, naming, and every claim field)';

export async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' }, full: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) throw new CliError('missing <file>');
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new CliError(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  const article = loadArticle(file, values.url);
  // Offsets are into this text: the title, then the paragraphs, one per line.
  const text = [article.title, ...article.paragraphs].filter(Boolean).join('\n');
  const a = analyse(text, { date: values.date ?? article.publishedAt.value });
  if (values.full) return { text, ...a };
  return {
    entities: a.entities.map(({ id, type, name, start, end }) => ({ id, type, name, start, end })),
    // The shape the issue fixes; --full adds the gazetteer id, the qualifier and the chain.
    claims: a.claims.map(({ text: t, source, sourceType, cue }) => ({ text: t, source, sourceType, cue })),
    framing: a.framing.map(({ frame, cue, start, end }) => ({ frame, cue, start, end })),
  };
}
