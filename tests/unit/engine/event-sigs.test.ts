// Event signatures kept in the doc rows (lib/engine/event-sigs.ts): worked out at import, read by
// the query's event model in place of working them out from the judged reports' texts.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { beginImport, finishImport, importPart } from '../../../lib/engine/imports';
import { analyseRecords, fromWire } from '../../../lib/engine/wire';
import { analysePart } from '../../../lib/engine/part-wire';
import { searchRelated } from '../../../lib/engine/search';
import { signatureVersion, storedSignature, type PackedSignature } from '../../../lib/engine/event-sigs';
import { eventSignature } from '../../../lib/events';
import { packSignature, unpackSignature } from '../../../lib/engine/sig-pack';
import type { DocRow } from '../../../lib/engine/index-types';
import { storedDoc, unpackDoc } from '../../../lib/engine/doc-rows';
import { getReport } from '../../../lib/corpus/report-pages';
import { allDocs, mapDocs } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const asQuery = (i: number) => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });
// Reports of the labelled real events (their partners are judged same-event) and others.
const QUERIES = [0, 17, 60, 121, 140];

async function imported(events: boolean): Promise<IsnadDB> {
  const db = openDb(`sigs-${Math.random()}`);
  const job = await beginImport(db, { file: 'real.jsonl', total: real.length, problems: [] });
  for (let i = 0; i < real.length; i += 60) {
    const part = real.slice(i, i + 60);
    // With `events`, the page's analysis; without, the background's own.
    await importPart(db, job.id, part, events ? structuredClone([analysePart(part)]) : undefined);
  }
  await finishImport(db, job.id);
  return db;
}

/** What the event model decided for each result. */
const judged = async (db: IsnadDB, i: number) =>
  (await searchRelated(db, asQuery(i))).map((r) => ({ url: r.url, relation: r.relation, probability: r.probability, event: r.event, agreed: r.agreed, differed: r.differed }));

/** A fresh database (no doc row cache yet) over the same rows, each changed by `edit`. */
async function withRows(from: IsnadDB, edit: (d: DocRow) => DocRow): Promise<IsnadDB> {
  const db = openDb(`sigs-copy-${Math.random()}`);
  const tables = await Promise.all(from.tables.map(async (t) => [t.name, await t.toArray()] as const));
  await db.transaction('rw', db.tables.map((t) => t.name), async () => {
    for (const [name, rows] of tables) await db.table(name).bulkPut(name === 'dpages' ? mapDocs(rows, (d) => storedDoc(edit(unpackDoc(d) as DocRow))) : rows);
  });
  return db;
}

describe('event signatures kept in the doc rows', () => {
  it('are worked out at import, in the page or the background alike, as the event model reads them', async () => {
    const db = await imported(true);
    const rows = (await allDocs(db)).map(unpackDoc);
    expect(rows).toHaveLength(real.length);
    for (const d of rows) {
      const r = (await getReport(db, d.id))!;
      expect(d.sv).toBe(signatureVersion());
      expect(storedSignature(d)).toEqual(eventSignature(r.title, r.text, r.publishedAt));
      // Packed, the place by its id only: the gazetteer has the rest.
      expect(Array.isArray(d.sig)).toBe(true);
      expect((d.sig as PackedSignature)[2]).toBe(eventSignature(r.title, r.text, r.publishedAt).place?.id ?? null);
    }
    const byWorker = await imported(false);
    expect((await allDocs(byWorker)).map((d) => unpackDoc(d).sig)).toEqual(rows.map((d) => d.sig));
  });

  it('give a query the judgements it gave working each signature out from the text', async () => {
    const db = await imported(true);
    const withoutSigs = await withRows(db, ({ sig: _sig, sv: _sv, ...d }) => d);
    let results = 0;
    for (const i of QUERIES) {
      const a = await judged(db, i);
      results += a.length;
      expect(a).toEqual(await judged(withoutSigs, i));
    }
    expect(results).toBeGreaterThan(10);
  });

  it('are what the query reads, unless worked out under another event model', async () => {
    const db = await imported(true);
    const first = (await judged(db, 0))[0]!;
    const target = (await allDocs(db)).map(unpackDoc).find((d) => d.url === first.url)!;
    // A stored signature that says the report happened elsewhere, on another day.
    const elsewhere = (sig: PackedSignature) => packSignature({ ...unpackSignature(sig)!, place: null, places: [], when: { day: 1, from: 'text' } });
    const moved = (d: DocRow): DocRow => (d.n === target.n ? { ...d, sig: elsewhere(d.sig as PackedSignature) } : d);
    const read = (await judged(await withRows(db, moved), 0)).find((r) => r.url === first.url);
    expect(read?.event).not.toEqual(first.event);
    // The same row under an older model's version: judged from its text, as before.
    const stale = await withRows(db, (d) => ({ ...moved(d), sv: 'older' }));
    expect((await judged(stale, 0)).find((r) => r.url === first.url)).toEqual(first);
  });

  it('sent malformed with an import part, refuse the part', () => {
    const good = analyseRecords([real[0]!], { events: true })[0]!;
    expect(fromWire(good).sig).toEqual(eventSignature(real[0]!.title, real[0]!.text, real[0]!.publishedAt));
    expect(() => fromWire({ ...good, sig: { ...good.sig!, type: '<img>' as never } })).toThrow(/malformed text analysis in an import part: event\.sig/);
    expect(() => fromWire({ ...good, sig: 'x' as never })).toThrow(/malformed/);
  });
});
