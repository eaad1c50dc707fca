import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { beginImport, finishImport, importPart, resumeImports } from '../../../lib/engine/imports';
import { analyseRecords, fromWire } from '../../../lib/engine/wire';
import { analysePart } from '../../../lib/engine/part-wire';
import { analyse } from '../../../lib/engine/features';
import { searchRelated } from '../../../lib/engine/search';
import { unpackDoc } from '../../../lib/engine/doc-rows';
import { countReports } from '../../../lib/corpus/report-pages';
import { allDocs, docCount } from './doc-table';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const fresh = () => openDb(`parts-${Math.random()}`);
const asQuery = (i: number) => ({ url: real[i]!.url, outlet: real[i]!.outlet, title: real[i]!.title, text: real[i]!.text, publishedAt: real[i]!.publishedAt });

describe('imports driven by the options page, a part at a time', () => {
  it('gives the same corpus and the same answers as an import the background analyses', async () => {
    const byPage = fresh();
    const job = await beginImport(byPage, { file: 'real.jsonl', total: real.length, problems: [{ file: 'real.jsonl', line: 3, reason: 'invalid JSON' }] });
    // Parts of 50, analysed "in the page" (as the workers do, a run of records each) and sent by structured clone.
    for (let i = 0; i < real.length; i += 50) {
      const part = real.slice(i, i + 50);
      const wire = structuredClone({ records: part, analyses: [analysePart(part.slice(0, 25)), analysePart(part.slice(25))] });
      const progress = await importPart(byPage, job.id, wire.records, wire.analyses);
      expect(progress.done).toBe(Math.min(real.length, i + 50));
    }
    const summary = await finishImport(byPage, job.id);
    expect(summary).toMatchObject({ added: real.length, duplicates: 0, problems: [{ file: 'real.jsonl', line: 3, reason: 'invalid JSON' }] });
    expect(await byPage.jobs.get(job.id)).toMatchObject({ status: 'done', done: real.length });
    expect((await byPage.meta.get('segments'))!.segs).toHaveLength(1);

    // The same parts analysed by the background itself.
    const byWorker = fresh();
    const other = await beginImport(byWorker, { file: 'real.jsonl', total: real.length, problems: [] });
    for (let i = 0; i < real.length; i += 50) await importPart(byWorker, other.id, real.slice(i, i + 50));
    await finishImport(byWorker, other.id);
    // The doc rows are the same, the text keys and event signatures worked out in the page included.
    const rowsOf = async (db: typeof byPage) => (await allDocs(db)).map(unpackDoc).map(({ imp: _imp, ...d }) => d);
    expect(await rowsOf(byPage)).toEqual(await rowsOf(byWorker));
    // MinHash kept as 32-bit values (half the bytes of an array of numbers), the same values.
    const first = (await allDocs(byPage)).map(unpackDoc).find((d) => d.url === real[0]!.url)!;
    expect(first.mh).toBeInstanceOf(Uint32Array);
    expect([...first.mh]).toEqual(analyse(real[0]!.title, real[0]!.text, real[0]!.publishedAt).phrases);
    for (const i of [0, 17, 60, 121]) {
      const a = (await searchRelated(byPage, asQuery(i))).map((r) => [r.url, r.score]);
      const b = (await searchRelated(byWorker, asQuery(i))).map((r) => [r.url, r.score]);
      expect(a).toEqual(b);
    }
  });

  it('analyses a part itself when the page sent none, and reports a bad record without dropping the others', async () => {
    const db = fresh();
    const job = await beginImport(db, { file: 'x.jsonl', total: 3, problems: [] });
    const res = await importPart(db, job.id, [real[0], { title: 5 }, real[1]]);
    expect(res).toMatchObject({ done: 3, added: 2, problems: [{ file: 'x.jsonl', reason: 'field "title" missing or not a string' }] });
    expect(await docCount(db)).toBe(2);
  });

  it('refuses a part whose analysis is malformed, writing nothing of it', async () => {
    const db = fresh();
    const job = await beginImport(db, { file: 'x.jsonl', total: 1, problems: [] });
    const bad = { ...analysePart([real[0]!]), h: ['<script>', 1] };
    await expect(importPart(db, job.id, [real[0]], [bad as never])).rejects.toThrow(/malformed text analysis in an import part: fingerprint/);
    expect(await countReports(db)).toBe(0);
    expect((await db.jobs.get(job.id))!.done).toBe(0);
    expect(() => fromWire({ terms: 'x' } as never)).toThrow(/malformed/);
    const good = analyseRecords([real[0]!])[0]!;
    expect(() => fromWire({ ...good, tk: 5 } as never)).toThrow(/malformed/);
    expect(() => fromWire({ ...good, counts: good.counts.slice(1) })).toThrow(/malformed/);
    expect(fromWire(good).f.terms).toEqual(analyse(real[0]!.title, real[0]!.text, real[0]!.publishedAt).terms);
  });

  it('leaves a page-driven import alone while the page may be sending, and marks one abandoned long ago as stopped', async () => {
    const db = fresh();
    const job = await beginImport(db, { file: 'x.jsonl', total: 100, problems: [] });
    await importPart(db, job.id, real.slice(0, 10), [analysePart(real.slice(0, 10))]);
    expect(await resumeImports(db)).toEqual([]);
    expect((await db.jobs.get(job.id))!.status).toBe('running');
    await resumeImports(db, undefined, Date.now() + 10 * 60_000);
    expect(await db.jobs.get(job.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/after 10 of 100 records: import the same file again to resume/) });
    expect(await countReports(db)).toBe(10);
  });
});
