import { parseArgs } from 'node:util';
import { eventSignature, isoDay } from '../../lib/events';
import { loadArticle } from '../load';
import { CliError } from '../read';

export const usage = 'event <file> [--url URL] --json\n    the event the article in <file> (.html, .txt or .json) tells: what happened, where, when, who, numbers';

export function run(argv: string[]): unknown {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, json: { type: 'boolean' } } });
  const file = positionals[0];
  if (!file) throw new CliError('missing <file>');
  const article = loadArticle(file, values.url);
  const publishedAt = article.publishedAt.value ? article.publishedAt.value.slice(0, 10) : null;
  const sig = eventSignature(article.title, article.paragraphs.join('\n'), publishedAt);
  return {
    article: { outlet: article.outlet, title: article.title, publishedAt, url: article.url },
    event: {
      type: sig.type,
      types: sig.types,
      place: sig.place,
      places: sig.places,
      day: sig.when.day === null ? null : isoDay(sig.when.day),
      dayFrom: sig.when.from,
      ...(sig.when.raw ? { dayText: sig.when.raw } : {}),
      actors: sig.actors,
      numbers: sig.numbers,
      recurring: sig.recurring,
    },
  };
}
