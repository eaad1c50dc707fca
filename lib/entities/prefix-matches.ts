// The names of a text's prefix read from the names found in the whole text: the event signature
// reads the title and lede, which begin the text the engine's analysis already matched, so only
// the end of the prefix is searched again (lib/events/signature.ts).
import type { Token } from '../arabic/tokenize';
import { ENTITIES, GENERATED_IS_CURRENT } from './gazetteer';
import { entitiesOf, findNames, matchEntities, type Found, type NameFinds } from './match';
import { GENERATED, mostNameWords } from './names';
import type { EntityMatch, MatchOptions } from './types';

let mostWords = 0;

/** At most how many tokens a gazetteer name has: the generated table's, else worked out once. */
const mostWordsOfNames = () => (mostWords ||= GENERATED_IS_CURRENT ? GENERATED.mostWords : mostNameWords(ENTITIES));

/**
 * matchEntities(prefix, { date, tokens }) for a prefix of the text `finds` were read from, with
 * `tokens` its tokens: the event signature reads the names of the title and lede, which begin
 * the text the engine's analysis matched. Where a name may start is read from the words at and
 * just after it (a name's tokens and the one after it) and the one before: the text's finds that
 * end well before the tokens the two share are the prefix's too, and the prefix is read again
 * from there only. Then resolved on the prefix's finds alone, as matchEntities does.
 */
export function prefixMatches(finds: NameFinds, prefix: string, opts: MatchOptions & { tokens: readonly Token[] }): EntityMatch[] {
  const date = opts.date ? opts.date.slice(0, 10) : '0000';
  const toks = opts.tokens;
  if (date !== finds.date || !finds.text.startsWith(prefix)) return matchEntities(prefix, opts);
  // The leading tokens both read (the same objects: the same words at the same offsets).
  const both = Math.min(toks.length, finds.toks.length);
  let q = 0;
  while (q < both && toks[q] === finds.toks[q]) q++;
  // A search at token i reads tokens i - 1 to i + (a name's words): the same in both below q.
  const reach = mostWordsOfNames() + 1;
  const found: Found[] = [];
  let from = 0;
  for (const f of finds.found) {
    if (f.i + reach > q) break;
    found.push(f);
    from = f.j;
  }
  return entitiesOf({ text: prefix, toks, date, found: findNames(prefix, toks, date, Math.max(from, q - reach + 1), found) });
}
