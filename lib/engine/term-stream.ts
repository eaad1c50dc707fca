// A report's word counts as an import's analysis worker sends them (lib/engine/part-wire.ts): a
// stream of numbers a report, read by term-pack.ts (checkedStream, packStream) in the background.
import { readWords, type Scanned, type Word } from '../events/term-vector';
import { spacedHash } from '../corpus/ids';

const TWO32 = 2 ** 32;

/**
 * A report's word counts (termVector(title, text, { scanned })) appended to `out` as an import part
 * sends them, every number in packTerms' order: title word count, (word, count) each, line count,
 * then each line's key (its high 21 bits, its low 32), word count and words; every word as `ids.id`
 * numbers it, in the order the vector's maps give. Read without building the vector: its maps of
 * strings, of which a part sends none but `title` and `lines`, and a lookup of every word by string
 * were 7 % of an import worker's time (bench/RESULTS.md, session 21); a term read from the scan's
 * tokens (TermRef) asks `ids.id` once per list. Every line key is a hash53 and every title count at
 * most 40: the stream is never empty.
 */
export function streamFor(title: string, text: string, scanned: Scanned, ids: { list: number; id: (w: string) => number }, out: number[]): void {
  const { list, id } = ids;
  const idOf = (w: Word): number => {
    if (typeof w === 'string') return id(w);
    if (w.list !== list) {
      w.at = id(w.text);
      w.list = list;
    }
    return w.at;
  };
  const read = readWords(title, text, { scanned });
  // The title's distinct words in order of first use, with their counts (termVector's `title`).
  const tw: number[] = [];
  const tc: number[] = [];
  for (const w of read.title) {
    const i = idOf(w);
    const k = tw.indexOf(i);
    if (k < 0) {
      tw.push(i);
      tc.push(1);
    } else tc[k]!++;
  }
  out.push(tw.length);
  for (let k = 0; k < tw.length; k++) out.push(tw[k]!, tc[k]!);
  // Lines with the same key are one, its words those of each in turn (termVector's `lines`); their
  // words numbered in that order, as the map gives them.
  const keys: number[] = [];
  const words: Word[][] = [];
  for (const { line, words: w } of read.lines) {
    const key = spacedHash(line);
    const k = keys.indexOf(key);
    if (k < 0) {
      keys.push(key);
      words.push(w);
    } else words[k] = words[k]!.concat(w);
  }
  out.push(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const ws = words[k]!;
    out.push(Math.floor(keys[k]! / TWO32), keys[k]! % TWO32, ws.length);
    for (const w of ws) out.push(idOf(w));
  }
}
