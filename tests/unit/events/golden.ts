// What the import's analysis gives, per report, as digests: the event signature, the word counts
// (termVector) and the whole message a worker sends (lib/engine/wire.ts analyseRecords: features,
// text key, signature, word counts). The speed work on lib/events and lib/engine/features must
// keep every digest; an intended change of the output (events' model work) is recorded with
// `npx tsx scripts/events-golden.ts`, saying in the commit which reports changed and why.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { synthCorpus } from '../../../bench/synth';
import { fakesPublished } from '../../../scripts/fit-events';
import { analyseRecords } from '../../../lib/engine/wire';
import { eventSignature, termVector } from '../../../lib/events';
import type { ReportRecord } from '../../../lib/types';
import { Bag } from '../../../lib/events/bag';

export const GOLDEN_FILE = 'tests/unit/events/golden-expected.json';

interface Rec {
  title: string;
  text: string;
  publishedAt: string | null;
}

type GoldenSet = 'real' | 'fakes' | 'synth' | 'synthDays' | 'hostile';
interface Golden {
  inputs: string;
  sig: string[];
  tv: string[];
  wire: string[];
}
export type Goldens = Record<GoldenSet, Golden>;

const root = join(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const sha = (s: string) => createHash('sha1').update(s).digest('base64').slice(0, 12);

/** Hostile inputs: runs of spaces, digits and punctuation, mixed scripts, invisible characters. */
function hostile(): Rec[] {
  const ar = 'قتل 12 مدنياً وأصيب 30 آخرون في غارة جوية على بلدة كفرنبل بريف إدلب الجنوبي فجر اليوم';
  const en = 'At least 27 people were killed and 40 wounded in air strikes on the town of Atareb on Monday, a monitor said.';
  const runs = (c: string, n: number) => c.repeat(n);
  const texts: Array<[string, string, string | null]> = [
    ['', '', null],
    [' ', runs(' ', 5000), '2025-01-01'],
    ['غارة', `${runs(' ', 3000)}اليوم${runs(' ', 3000)}أمس`, '2025-01-02'],
    ['1', runs('1', 4000), '2025-01-03'],
    ['٣', `${runs('٣٤', 1500)} قتيلاً ${runs('9,', 800)}`, '2025-01-04'],
    ['...', runs('.', 3000) + runs('،', 1000) + runs('-', 1000) + runs('(', 500) + runs(')', 500), '2025-01-05'],
    ['killed', `${runs('killed ', 600)}${runs('12 ', 600)}toll ${runs('of ', 500)}`, '2016-05-01'],
    ['the village of', runs('the village of Al ', 300), '2016-05-02'],
    ['قرية', runs('قرية ', 800) + runs('حي ال', 400), '2025-01-06'],
    [`${ar} ${en}`, `${en}\n${ar}\nПривет мир 你好世界 שלום ${ar}\n${runs('\n', 500)}${en}`, '2025-02-10'],
    ['\u200f\u200e\u200b\u200c\u200d\ufeff', `ق\u200cت\u200dل 5\u00ad أشخاص\u2066 في حلب\u2069 ${runs('\u200b', 2000)} ${runs('ـ', 1000)}`, '2025-02-11'],
    ['ٱلْحَسَكَةِ', 'وَأَفَادَتْ وكالةُ «سانا» أنَّ قواتِ النظامِ انسحبتْ من مطارِ كويرس بريفِ حلبَ الشرقيِّ يَوْمَ الجُمُعَةِ', '2015-11-10T08:00:00Z'],
    ['\u0000\u0007ab\uD800cd\uDC00', 'قال \uD83D مصدر\u200Cميداني ١٢٣ ۴۵ ــــ «حلب» ،، \uDC00', 'not a date'],
    ['Monday Tuesday', runs('on Monday ', 300) + runs('June 5 ', 300) + runs('5 June 2016 ', 200), '2016-06-08'],
    ['الجمعة', runs('يوم الجمعة ', 300) + runs('3 حزيران ', 300) + runs('اعتباراً من ', 200), '2025-06-08'],
    ['Damascus', runs("Damascus's government said ", 200) + runs('ALEPPO ', 300), '2016-07-01'],
    ['سعر صرف', `${runs('سعر صرف الليرة السورية أمام الدولار ', 100)}\n${runs('a', 5000)}`, '2025-03-01'],
    ['line\nline', runs('وفي سياق متصل\n', 200) + runs('In other news\n', 100), '2025-03-02'],
    ['Alpha', `${runs('Aa-Bb ', 1000)}${runs("x'", 1000)} neighbourhood`, '2016-01-01'],
    ['12/05/2025', `${runs('2025-05-12 ', 200)}${runs('(عنب بلدي/ ', 200)}`, '2025-05-12'],
  ];
  return texts.map(([title, text, publishedAt]) => ({ title, text, publishedAt }));
}

function fakes(): Rec[] {
  const rows = parse(read('tests/fixtures/external/fakes/FA-KES-Dataset.csv'), { columns: true, relax_quotes: true }) as Array<Record<string, string>>;
  return rows.map((r) => ({ title: r.article_title!, text: r.article_content!, publishedAt: fakesPublished(r.article_content!, r.date!) }));
}

function goldenInputs(): Record<GoldenSet, Rec[]> {
  return {
    real: read('tests/fixtures/real-2025.jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec),
    fakes: fakes(),
    synth: synthCorpus(1500, 1).records,
    synthDays: synthCorpus(2000, 11, { eventDays: true }).records,
    hostile: hostile(),
  };
}

/** Maps and bags (lib/events/bag.ts) as their entries, in order: the index keeps them as they come. */
const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map || v instanceof Bag ? [...(v as Map<unknown, unknown>)] : v));

function digests(recs: Rec[]): Golden {
  const asRecords = recs.map((r, i) => ({ ...r, id: `r${i}`, url: `https://example.org/${i}`, outlet: 'x' })) as unknown as ReportRecord[];
  return {
    inputs: sha(JSON.stringify(recs.map((r) => [r.title, r.text, r.publishedAt]))),
    sig: recs.map((r) => sha(json(eventSignature(r.title, r.text, r.publishedAt)))),
    tv: recs.map((r) => sha(json(termVector(r.title, r.text)))),
    wire: analyseRecords(asRecords, { events: true }).map((w) => sha(json(w))),
  };
}

export function computeGoldens(): Goldens {
  const inputs = goldenInputs();
  return Object.fromEntries(Object.entries(inputs).map(([k, recs]) => [k, digests(recs)])) as Goldens;
}
