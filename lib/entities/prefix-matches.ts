// The names of a text's prefix read from the names found in the whole text: the event signature
// reads the title and lede, which begin the text the engine's analysis already matched, so only
// the end of the prefix is searched again (lib/events/signature.ts).
import type { Token } from '../arabic/tokenize';
import { ENTITIES } from './gazetteer';
import { entitiesOf, findNames, matchEntities, type Found, type NameFinds } from './match';
import { aliasText } from './names';
import type { EntityMatch, MatchOptions } from './types';

let mostWords = 0;

/** A unit that is surely a letter of a word: an Arabic letter or an ASCII letter or digit. */
const surelyLetter = (c: number) => (c >= 0x0621 && c <= 0x064a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * At most how many tokens a gazetteer name has, worked out once: one more than its units that
 * may part two words (every unit but those surely letters: an upper bound, without the cost of
 * classing each unit exactly in a worker that has just started).
 */
function mostNameWords(): number {
  if (mostWords) return mostWords;
  let most = 1;
  for (const e of ENTITIES) {
    for (const name of [e.name.ar, e.name.en, ...e.aliases.map(aliasText)]) {
      let n = 1;
      for (let k = 0; k < name.length; k++) if (!surelyLetter(name.charCodeAt(k))) n++;
      if (n > most) most = n;
    }
  }
  return (mostWords = most);
}

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
  const reach = mostNameWords() + 1;
  const found: Found[] = [];
  let from = 0;
  for (const f of finds.found) {
    if (f.i + reach > q) break;
    found.push(f);
    from = f.j;
  }
  return entitiesOf({ text: prefix, toks, date, found: findNames(prefix, toks, date, Math.max(from, q - reach + 1), found) });
}
