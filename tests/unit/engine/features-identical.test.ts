// analyse() must return the same Features as the implementation the index was built with: the
// ranking, the recall figures and the fingerprints stored in readers' databases depend on it. The
// expected digests were captured from that implementation (one per report, real 2025 corpus and a
// 2,000-report synthetic corpus, index and query modes). An intended change of the output (a
// gazetteer entry, a misreading fixed) is recorded by rerunning with ISNAD_UPDATE_FEATURES=1 and
// saying in the commit which reports changed and why.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthCorpus } from '../../../bench/synth';
import { analyse, QUERY_WORDS, type Features } from '../../../lib/engine/features';

const FIXTURE = 'tests/unit/engine/features-expected.json';
const UPDATE = process.env.ISNAD_UPDATE_FEATURES === '1';

interface Rec {
  title: string;
  text: string;
  publishedAt: string | null;
}

function digest(f: Features): string {
  // Insertion order counts: the index stores the maps as they come.
  const json = JSON.stringify([[...f.terms], f.len, [...f.surface], f.entities, f.sources, f.day, f.fingerprint, f.phrases]);
  return createHash('sha1').update(json).digest('base64').slice(0, 12);
}

function inputsDigest(recs: Rec[]): string {
  return createHash('sha1').update(JSON.stringify(recs.map((r) => [r.title, r.text, r.publishedAt]))).digest('base64').slice(0, 12);
}

const real: Rec[] = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
const synth: Rec[] = synthCorpus(2000).records;
// Inputs no corpus holds: no Arabic, control characters, unpaired surrogates, digits only, marks.
const hostile: Rec[] = [
  { title: '', text: '', publishedAt: null },
  { title: 'Kuweires airport: SDF and IS', text: 'The SDF said IS attacked Kweires. SANA reported Hama.', publishedAt: '2016-01-01' },
  { title: '\u0000\u0007ab\uD800cd\uDC00', text: 'قال \uD83D مصدر\u200Cميداني ١٢٣ ۴۵ ــــ «حلب» ،،', publishedAt: 'not a date' },
  { title: 'ٱلْحَسَكَةِ', text: 'وَأَفَادَتْ وكالةُ «سانا» أنَّ قواتِ النظامِ انسحبتْ من مطارِ كويرس بريفِ حلبَ الشرقيِّ.', publishedAt: '2015-11-10T08:00:00Z' },
  { title: '2024 12 08', text: '١ ٢ ٣ 4 5 6 %٪ ؟?', publishedAt: '2024-12-08' },
];

type Expected = Record<'real' | 'synth' | 'hostile' | 'realQuery', { inputs: string; digests: string[] }>;

function compute(): Expected {
  const run = (recs: Rec[], query = false) => ({
    inputs: inputsDigest(recs),
    digests: recs.map((r) => digest(query ? analyse(r.title, r.text, r.publishedAt, QUERY_WORDS, { surface: true }) : analyse(r.title, r.text, r.publishedAt))),
  });
  return { real: run(real), synth: run(synth), hostile: run(hostile), realQuery: run(real, true) };
}

describe('analyse() output is unchanged', () => {
  it('matches the captured Features of every report (real, synthetic, hostile; index and query modes)', () => {
    const got = compute();
    if (UPDATE || !existsSync(FIXTURE)) {
      if (!UPDATE) throw new Error(`${FIXTURE} is missing: run with ISNAD_UPDATE_FEATURES=1 to capture it`);
      writeFileSync(FIXTURE, `${JSON.stringify(got)}\n`);
    }
    const want = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Expected;
    for (const k of Object.keys(want) as Array<keyof Expected>) {
      // A changed corpus (the synthetic generator, the gazetteer it draws names from) is not a changed analysis.
      expect(got[k].inputs, `${k}: the inputs changed; recapture with ISNAD_UPDATE_FEATURES=1 from the unchanged analyser`).toBe(want[k].inputs);
      const differ = got[k].digests.flatMap((d, i) => (d === want[k].digests[i] ? [] : [i]));
      expect(differ, `${k}: reports whose Features changed`).toEqual([]);
    }
    // The digests tell reports apart: a constant output would not pass as "unchanged".
    expect(new Set(want.synth.digests).size).toBeGreaterThan(1990);
  });
});
