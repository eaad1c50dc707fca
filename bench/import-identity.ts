// `npx tsx bench/import-identity.ts [--docs N] [--large-words] [--tables]`: digests of everything a file import produces, so
// that a change meant for speed alone can be checked to produce it byte for byte as before (run it
// on both checkouts, compare the lines). For the real 2025 corpus, FA-KES and two synthetic corpora:
// the analyses the options page's workers send (lib/engine/part-wire.ts analysePart, in runs of
// 500 as two workers split a part of 1,000: every term and count, entity, source, length, day,
// fingerprint, MinHash, text key, event signature and word-count stream), and every row the
// background then writes (importPart and finishImport on fake-indexeddb: reports, doc rows,
// segments, prints, lexicon, manifest). The clock and Math.random are fixed, so the job's id and
// the reports' import times are the same in every run. --tables: each of the two workers numbers
// its strings once for the whole import (lib/engine/word-table.ts, as analyse-worker.ts does since
// session 19): the analyses sent differ (a run sends only its new strings), the rows must not.
// --page: each corpus's records first checked as the options page's parse checks them
// (validateRecord, the refused ones left out), then sent; --page --options-page: and written as
// from the options page (importPart's fromOptionsPage: not checked again), the same rows as --page;
// --page --options-page --packed: and sent as the options page sends a part (its records without
// their texts, the texts as code units: lib/corpus/part-texts.ts packPart), each part cloned as a
// message is, the same rows as --page again. --workers N: each part split among N workers (default
// two); the analyses sent differ with N, the rows must not.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { parseJsonLines, validateRecord } from '../lib/corpus/formats';
import { openDb } from '../lib/db';
import { beginImport, finishImport, importPart } from '../lib/engine/imports';
import { analysePart } from '../lib/engine/part-wire';
import { packPart } from '../lib/corpus/part-texts';
import { WordTable } from '../lib/engine/word-table';
import type { ReportRecord } from '../lib/types';
import { fakesPublished } from '../scripts/fit-events';
import { synthCorpus } from './synth';

const { values: args } = parseArgs({ options: { docs: { type: 'string', default: '3000' }, 'large-words': { type: 'boolean', default: false }, tables: { type: 'boolean', default: false }, page: { type: 'boolean', default: false }, 'options-page': { type: 'boolean', default: false }, packed: { type: 'boolean', default: false }, workers: { type: 'string', default: '2' } } });
// As an import's analysis worker reads (lib/engine/analyse-worker.ts); the tests' default otherwise.
if (args['large-words']) (await import('../lib/arabic')).useLargeWordTable();

const CLOCK = 1_750_000_000_000;
Date.now = () => CLOCK;
let seed = 1;
Math.random = () => ((seed = (seed * 48271) % 0x7fffffff) - 1) / 0x7ffffffe;

const sha = (s: string | Uint8Array) => createHash('sha1').update(s).digest('hex').slice(0, 16);
/** Typed arrays as their kind and numbers, maps as their entries: JSON of what was sent or stored. */
const json = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) => {
    if (ArrayBuffer.isView(v)) return [v.constructor.name, Array.from(v as unknown as ArrayLike<number>)];
    if (v instanceof ArrayBuffer) return ['ArrayBuffer', Array.from(new Uint8Array(v))];
    if (v instanceof Map) return ['Map', [...(v as Map<unknown, unknown>)]];
    if (v instanceof Set) return ['Set', [...(v as Set<unknown>)]];
    return v;
  });

function fakes(): ReportRecord[] {
  const rows = parse(readFileSync('tests/fixtures/external/fakes/FA-KES-Dataset.csv', 'utf8'), { columns: true, relax_quotes: true }) as Array<Record<string, string>>;
  return rows.map((r, i) => ({ id: `fakes-${i}`, url: `https://fakes.example/${i}`, outlet: r.source ?? 'fakes', title: r.article_title!, text: r.article_content!, publishedAt: fakesPublished(r.article_content!, r.date!) }) as ReportRecord);
}

const docs = Number(args.docs);
const sets: Record<string, ReportRecord[]> = {
  real: parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records,
  fakes: fakes(),
  synth: synthCorpus(docs, 1).records,
  synthDays: synthCorpus(Math.round(docs / 2), 11, { eventDays: true }).records,
};

const PART = 1_000;
// --workers 1: a part analysed as one run, as on a machine of two cores (import-file.ts startWorkers).
const WORKERS = Number(args.workers);
const RUN = PART / WORKERS;
const pageChecked = (records: ReportRecord[]) => records.map((r) => validateRecord(r)).filter((r): r is ReportRecord => typeof r !== 'string');
for (const [name, sent] of Object.entries(sets)) {
  const records = args.page ? pageChecked(sent) : sent;
  seed = 1;
  const wire = createHash('sha1');
  const sigs = createHash('sha1');
  const db = openDb(`identity-${name}`);
  const job = await beginImport(db, { file: `${name}.jsonl`, total: records.length, problems: [] });
  const tables = args.tables ? Array.from({ length: WORKERS }, (_, w) => new WordTable(`${name}-${w}`)) : null;
  for (let i = 0, part = 0; i < records.length; i += PART, part++) {
    const recs = records.slice(i, i + PART);
    const runs = [];
    for (let k = 0; k < recs.length; k += RUN) {
      const a = analysePart(recs.slice(k, k + RUN), tables?.[k / RUN]);
      wire.update(json(a));
      sigs.update(json(a.sig));
      runs.push(structuredClone(a));
    }
    const packed = args.packed ? structuredClone(packPart(recs)) : null;
    if (args.packed && !packed) throw new Error(`${name}: part ${part} not packed`);
    await importPart(db, job.id, packed?.records ?? recs, runs, { part, fromOptionsPage: args['options-page'], ...(packed ? { texts: packed.texts } : {}) });
  }
  await finishImport(db, job.id);
  const rows: string[] = [];
  for (const t of db.tables) rows.push(`${t.name} ${sha(json(await t.toArray()))}`);
  db.close();
  console.log(`${name} (${records.length}): analyses ${wire.digest('hex').slice(0, 16)}, signatures ${sigs.digest('hex').slice(0, 16)}; rows: ${rows.join(', ')}`);
}
