// Imports that cannot be stranded (issue 18, item 6): a part sent again after its reply was lost
// is written once; a full disk stops the job with one clear message, and the same file imported
// again resumes it once there is room; a page that fell silent leaves a stopped job, not a
// "running" one forever.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { beginImport, finishImport, importPart, isQuotaError, listImports, resumeImports, stageImport } from '../../../lib/engine/imports';
import { countReports } from '../../../lib/corpus/report-pages';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const fresh = () => openDb(`strand-${Math.random()}`);
const SOURCE = 'real.jsonl\n123456\n1700000000000';

/** The browser's storage full: every write of a page of reports (v9) fails as IndexedDB fails it, until freed. */
function fillDisk(): () => void {
  const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...a: unknown[]) => IDBRequest>;
  const orig = { put: proto.put, add: proto.add };
  for (const m of ['put', 'add'] as const) {
    proto[m] = function (this: IDBObjectStore, ...a: unknown[]) {
      if (this.name === 'pages') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return orig[m].apply(this, a);
    };
  }
  return () => Object.assign(proto, orig);
}
let free: (() => void) | null = null;
afterEach(() => {
  free?.();
  free = null;
});

describe('a part sent again is written once', () => {
  it('the same part twice (its first reply lost) adds its reports once and counts it once', async () => {
    const db = fresh();
    const job = await beginImport(db, { file: 'real.jsonl', total: 100, problems: [], source: SOURCE });
    await importPart(db, job.id, real.slice(0, 50), undefined, { part: 0 });
    const again = await importPart(db, job.id, real.slice(0, 50), undefined, { part: 0 });
    expect(again).toMatchObject({ done: 50, added: 50, parts: [0] });
    // Sent together (a resend racing the first): still once.
    await Promise.all([importPart(db, job.id, real.slice(50, 100), undefined, { part: 1 }), importPart(db, job.id, real.slice(50, 100), undefined, { part: 1 })]);
    expect(await finishImport(db, job.id)).toMatchObject({ added: 100, duplicates: 0 });
    expect(await countReports(db)).toBe(100);
  });
});

describe('a full disk', () => {
  it('stops a page-driven job with one clear message; the same file again resumes it when there is room', async () => {
    const db = fresh();
    const job = await beginImport(db, { file: 'real.jsonl', total: 100, problems: [], source: SOURCE });
    await importPart(db, job.id, real.slice(0, 50), undefined, { part: 0 });
    free = fillDisk();
    const err = await importPart(db, job.id, real.slice(50, 100), undefined, { part: 1 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^The browser's storage is full: 50 of 100 records were imported\. Free space .* import the same file again: it resumes where it stopped\.$/);
    const stopped = (await db.jobs.get(job.id))!;
    expect(stopped).toMatchObject({ status: 'failed', done: 50, error: (err as Error).message });
    // The rest of the page's sends are refused with the same message, not the raw error again.
    await expect(importPart(db, job.id, real.slice(50, 100), undefined, { part: 1 })).rejects.toThrow((err as Error).message);
    await expect(finishImport(db, job.id)).rejects.toThrow((err as Error).message);
    // A restarted worker does not retry it (it used to fail again at every start).
    expect(await resumeImports(db)).toEqual([]);
    expect((await db.jobs.get(job.id))!.status).toBe('failed');
    // Space freed; the reader imports the same file again: the job resumes, part 0 is not re-sent.
    free();
    free = null;
    const resumed = await beginImport(db, { file: 'real.jsonl', total: 100, problems: [], source: SOURCE });
    expect(resumed).toMatchObject({ id: job.id, status: 'running', parts: [0], done: 50 });
    expect(resumed.error).toBeUndefined();
    await importPart(db, job.id, real.slice(50, 100), undefined, { part: 1 });
    expect(await finishImport(db, job.id)).toMatchObject({ added: 100, duplicates: 0 });
    expect(await countReports(db)).toBe(100);
    expect((await db.jobs.get(job.id))!.status).toBe('done');
  });

  it('stops a staged import cleanly, and a restarted worker does not fail it again', async () => {
    const db = fresh();
    const job = await stageImport(db, 'real.jsonl', real.slice(0, 10), []);
    free = fillDisk();
    expect(await resumeImports(db)).toHaveLength(1);
    expect(await db.jobs.get(job.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^The browser's storage is full: 0 of 10/) });
    expect(await resumeImports(db)).toEqual([]);
  });

  it('knows the quota error however it is wrapped', () => {
    const quota = new DOMException('x', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('a'), { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
  });
});

describe('a page that fell silent', () => {
  it('leaves a stopped job with what to do, not "running" forever, and importing the file again resumes it', async () => {
    const db = fresh();
    const t0 = 1_000_000;
    const job = await beginImport(db, { file: 'real.jsonl', total: 100, problems: [], source: SOURCE }, t0);
    await importPart(db, job.id, real.slice(0, 50), undefined, { part: 0 });
    const later = Date.now() + 121_000;
    const [shown] = await listImports(db, later);
    expect(shown).toMatchObject({ id: job.id, status: 'failed', error: 'stopped after 50 of 100 records: import the same file again to resume (reports already imported are not added twice)' });
    const resumed = await beginImport(db, { file: 'real.jsonl', total: 100, problems: [], source: SOURCE }, later);
    expect(resumed).toMatchObject({ id: job.id, status: 'running', parts: [0] });
  });
});
