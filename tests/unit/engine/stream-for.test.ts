// An import part's word counts read without building termVector's maps (lib/engine/term-stream.ts
// streamFor): the numbers a worker sends, and the order its strings are numbered in, must be
// exactly those of termVector's maps sent word by word, whatever the text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { analyseScanned } from '../../../lib/engine/features';
import { streamFor } from '../../../lib/engine/term-stream';
import { nextList } from '../../../lib/engine/word-table';
import { termVector } from '../../../lib/events';
import { synthCorpus } from '../../../bench/synth';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const synthetic = synthCorpus(400, 5).records;

const PROSE = 'قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم ما أسفر عن مقتل ثلاثة مدنيين';
const BOILER = 'تابعونا على قناتنا في تلغرام للمزيد من الأخبار العاجلة والتغطية المباشرة';
const CASES: Array<[string, string]> = [
  ['', ''],
  ['عنوان فقط بلا نص', ''],
  ['', PROSE],
  // A line twice with another between: one line, the second copy's words after the first's.
  ['قصف على كفرنبل', `${PROSE}\n${BOILER}\nسطر بينهما عن معرة النعمان\n\n${BOILER}\n${PROSE} وزيادة`],
  ['قصف قصف على كفرنبل كفرنبل قصف', `${BOILER}\n${BOILER}\n${BOILER}`],
  ['Shelling kills three in Kafranbel', 'Regime forces shelled the town of Kafranbel in southern Idlib this morning, killing 3 civilians.\n\nLocal sources said the shelling continued for hours.'],
  // English lines inside Arabic, diacritics, Arabic digits, a long text past the words read.
  ['قَصْفٌ عَلَى ٣ بلدات', `${PROSE}\nReuters said the toll rose to 12.\n${PROSE.repeat(20)}`],
  // Characters that do not normalise alone (scan's plain false: the words read from the text again),
  // invisible characters inside words, a line that turns to another story.
  ['ﻻ قصف في ﷲ', `ق\u200Dصف على إد\u00ADلب\n${PROSE}\nوفي سياق متصل قصفت الطائرات حلب`],
  ['عنوان', `${'\n'.repeat(5)}${PROSE}\n \n${PROSE}`],
];

/** termVector's maps sent word by word, as the workers sent them before streamFor. */
function reference(title: string, text: string, scanned: Parameters<typeof streamFor>[2], id: (w: string) => number, out: number[]): void {
  const v = termVector(title, text, { scanned });
  out.push(v.title.size);
  v.title.forEach((c, w) => out.push(id(w), c));
  out.push(v.lines.size);
  for (const [key, words] of v.lines) {
    const k = parseInt(key, 36);
    out.push(Math.floor(k / 2 ** 32), k % 2 ** 32, words.length);
    for (const w of words) out.push(id(w));
  }
}

/** A list of strings numbered in the order asked, as an import part's `words`. */
function numbering() {
  const words: string[] = [];
  const index = new Map<string, number>();
  const id = (w: string): number => index.get(w) ?? index.set(w, words.push(w) - 1).get(w)!;
  return { id, words };
}

describe("an import part's word counts read without termVector's maps", () => {
  it('send the numbers termVector sent, its strings numbered in the same order, across runs of reports', () => {
    const texts: Array<[string, string]> = [...CASES, ...real.map((r) => [r.title, r.text] as [string, string]), ...synthetic.map((r) => [r.title, r.text] as [string, string])];
    // Runs of 50 texts a list, each list starting over; every text twice (a term's number kept from
    // an earlier list is never used in a later one).
    for (const from of [0, 25, 0]) {
      for (let i = from; i < texts.length; i += 50) {
        const run = texts.slice(i, i + 50);
        const want = numbering();
        const got = numbering();
        const ids = { list: nextList(), id: got.id };
        const a: number[] = [];
        const b: number[] = [];
        for (const [title, text] of run) {
          const { scanned } = analyseScanned(title, text, null);
          reference(title, text, scanned, want.id, a);
          streamFor(title, text, scanned, ids, b);
          expect(b).toEqual(a);
        }
        expect(got.words).toEqual(want.words);
      }
    }
  });

  it("send a repeated line once, with both copies' words, and the title's words once with their counts", () => {
    const [title, text] = CASES[3]!;
    const { id, words } = numbering();
    const out: number[] = [];
    streamFor(title, text, analyseScanned(title, text, null).scanned, { list: nextList(), id }, out);
    // Title: its two words (على is a stop word) once each, counted once.
    expect(out.slice(0, 5)).toEqual([2, 0, 1, 1, 1]);
    expect(words.slice(0, 2)).toEqual(['قصف', 'كفرنبل']);
    // Four lines: the prose, the boilerplate (both copies), the one between, the prose with a word more.
    expect(out[5]).toBe(4);
    const boiler = termVector('', BOILER).lines.values().next().value!;
    const second = 6 + 3 + out[8]!;
    expect(out[second + 2]).toBe(2 * boiler.length);
    expect(out.slice(second + 3, second + 3 + 2 * boiler.length).map((n) => words[n])).toEqual([...boiler, ...boiler]);
  });
});
