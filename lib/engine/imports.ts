// Imports as resumable jobs. The valid records of a file are staged in chunks with the job row
// (one transaction); each chunk is then stored and indexed in the transaction that deletes it and
// advances the job, so a service worker stopped mid-import resumes where it stopped, without
// losing or doubling a report. Bad records are kept as problems (file, line, reason).
import type { ReportRecord } from '../types';
import type { IsnadDB } from '../db';
import { checkedRecord, CorpusFormatError, parseCorpusFile, validateRecord } from '../corpus/formats';
import { hash53 } from '../corpus/ids';
import { compact, openSession, prepare, toReport, writeBatch, type IndexSession } from './index-store';
import type { ImportJob, ImportProblemRow } from './index-types';
import { fromPartWire, type PartWire } from './part-wire';
import { HeldWords } from './word-table';
import { reportTables } from '../corpus/report-pages';
import { IMPORT_POLICY } from './segments/merge-policy';
import { partTexts, withText } from '../corpus/part-texts';

/** Why an import stopped when the browser's storage is full: one message, whatever the layer
 *  (IndexedDB's QuotaExceededError, Dexie's wrapping of it) that raised it. */
function quotaMessage(done: number, total: number): string {
  return `The browser's storage is full: ${done} of ${total} records were imported. Free space (delete an import or reports you do not need, or other sites' data), then import the same file again: it resumes where it stopped.`;
}

/** Whether an error (or one it wraps) is the browser's storage quota. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const err = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (err.name === 'QuotaExceededError') return true;
  if (Array.isArray(err.failures) && err.failures.some((f) => isQuotaError(f, depth + 1))) return true;
  return isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1);
}

/** An import stopped cleanly (its job says why); the error's message is for the reader. */
export class ImportStopped extends Error {}

/** Marks a job failed with the quota message (a small write that may fail too when nothing fits). */
async function stopForQuota(db: IsnadDB, jobId: string): Promise<never> {
  const job = await db.jobs.get(jobId);
  const message = quotaMessage(job?.done ?? 0, job?.total ?? 0);
  if (job) await db.jobs.put({ ...job, status: 'failed', error: message, updatedAt: Date.now() }).catch(() => undefined);
  throw new ImportStopped(message);
}

/** Records per chunk: one transaction each (bigger chunks write fewer, larger postings rows). */
export const CHUNK = 2000;

export interface ImportSummary {
  file: string;
  /** The job's id, which is also the importId of its reports (to delete the import as a whole). */
  importId: string;
  added: number;
  duplicates: number;
  problems: ImportProblemRow[];
}

export type Progress = (job: ImportJob) => void;

function summary(job: ImportJob): ImportSummary {
  return { file: job.file, importId: job.id, added: job.added, duplicates: job.duplicates, problems: job.problems };
}

/** A job row for `total` valid records (staged here, or sent by the options page in parts). */
function newJob(file: string, total: number, problems: ImportProblemRow[], now: number): ImportJob {
  const id = `import-${now.toString(36)}-${hash53(`${file}\n${total}\n${Math.random()}`)}`;
  return { id, file, status: total ? 'running' : 'done', total, done: 0, added: 0, duplicates: 0, problems, startedAt: now, updatedAt: now };
}

/** Stages validated records as a new job; returns it without indexing anything yet. */
export async function stageImport(db: IsnadDB, file: string, records: ReportRecord[], problems: ImportProblemRow[], now = Date.now()): Promise<ImportJob> {
  const job = newJob(file, records.length, problems, now);
  const id = job.id;
  await db.transaction('rw', [db.jobs, db.staged], async () => {
    await db.jobs.put(job);
    for (let i = 0; i * CHUNK < records.length; i++) await db.staged.put({ job: id, i, records: records.slice(i * CHUNK, (i + 1) * CHUNK) });
  });
  return job;
}

/** Indexes a job's remaining chunks, one transaction each; safe to call again after a stop. */
export async function runImport(db: IsnadDB, jobId: string, onProgress?: Progress): Promise<ImportSummary> {
  let session: IndexSession | null = null;
  for (;;) {
    const chunk = await db.staged.where('[job+i]').between([jobId, -Infinity], [jobId, Infinity]).first();
    if (!chunk) break;
    // Text analysis happens before the write transaction, which holds IndexedDB only to write.
    const now = Date.now();
    const prepared = prepare(chunk.records.map((r) => toReport(r, 'import', jobId, now)));
    session ??= await openSession(db, ((await db.jobs.get(jobId))?.total ?? 0) - chunk.i * CHUNK);
    const job = await db.transaction('rw', [...reportTables(db), db.dpages, db.segs, db.prints, db.meta, db.lex, db.jobs, db.staged], async () => {
      const current = await db.jobs.get(jobId);
      if (!current) throw new Error(`no import ${jobId}`);
      // Another run (a second wake-up) may have taken this chunk meanwhile.
      if (!(await db.staged.get([jobId, chunk.i]))) return current;
      const res = await writeBatch(db, prepared, { session: session! });
      await db.staged.delete([jobId, chunk.i]);
      const next: ImportJob = {
        ...current,
        done: current.done + chunk.records.length,
        added: current.added + res.added.length,
        duplicates: current.duplicates + res.duplicates.length,
        updatedAt: Date.now(),
      };
      await db.jobs.put(next);
      return next;
    }).catch((e: unknown) => (isQuotaError(e) ? stopForQuota(db, jobId) : Promise.reject(e)));
    await compact(db, { policy: IMPORT_POLICY });
    onProgress?.(job);
  }
  // Queries after an import read each term from one row.
  if (session) await compact(db, { all: true });
  const job = await db.jobs.get(jobId);
  if (!job) throw new Error(`no import ${jobId}`);
  if (job.status === 'running') {
    job.status = 'done';
    job.updatedAt = Date.now();
    await db.jobs.put(job);
  }
  onProgress?.(job);
  return summary(job);
}

/** Finishes every import a stopped service worker left running. */
export async function resumeImports(db: IsnadDB, onProgress?: Progress, now = Date.now()): Promise<ImportSummary[]> {
  const running = await db.jobs.where('status').equals('running').toArray();
  const out: ImportSummary[] = [];
  for (const j of running) {
    // Harvests are driven by the options page, which resumes them (lib/harvest/jobs.ts).
    if (j.harvest) continue;
    const staged = await db.staged.where('[job+i]').between([j.id, -Infinity], [j.id, Infinity]).count();
    if (staged === 0 && j.done < j.total) {
      // A page-driven import (its file is in the options page, not here): left alone while the
      // page may still be sending parts; one silent for two minutes was closed mid-way.
      if (isSilent(j, now)) await stopSilent(db, j, now);
      continue;
    }
    // A job the quota stopped is failed, not running: it is not retried at every start.
    out.push(await runImport(db, j.id, onProgress).catch((e: unknown) => (e instanceof ImportStopped ? summary(j) : Promise.reject(e))));
  }
  return out;
}

const PAGE_SILENCE_MS = 120_000;

/** Imports a corpus file's text (.json pack, .jsonl, .txt): good records kept, bad ones reported. */
export async function importText(db: IsnadDB, file: string, text: string, onProgress?: Progress): Promise<ImportSummary> {
  let parsed;
  try {
    parsed = parseCorpusFile(file, text);
  } catch (e) {
    if (!(e instanceof CorpusFormatError)) throw e;
    return { file, importId: '', added: 0, duplicates: 0, problems: [{ file: e.file, ...(e.line ? { line: e.line } : {}), reason: e.reason }] };
  }
  const problems = parsed.errors.map((e) => ({ file: e.file, ...(e.line ? { line: e.line } : {}), reason: e.reason }));
  const job = await stageImport(db, file, parsed.records, problems);
  return runImport(db, job.id, onProgress);
}

/** Imports records another context already parsed (a saved HTML page needs a DOM). */
export async function importRecords(db: IsnadDB, file: string, raw: unknown[], onProgress?: Progress): Promise<ImportSummary> {
  const records: ReportRecord[] = [];
  const problems: ImportProblemRow[] = [];
  raw.forEach((r, i) => {
    const v = validateRecord(r);
    if (typeof v === 'string') problems.push({ file, line: i + 1, reason: v });
    else records.push(v);
  });
  const job = await stageImport(db, file, records, problems);
  return runImport(db, job.id, onProgress);
}

/** Imports, newest first, with their progress: for the options page. A page-driven job whose
 *  page fell silent is shown as stopped, not "running" forever. */
export async function listImports(db: IsnadDB, now = Date.now()): Promise<ImportJob[]> {
  const jobs = await db.jobs.toArray();
  for (const [i, j] of jobs.entries()) if (isSilent(j, now) && !(await hasStaged(db, j.id))) jobs[i] = await stopSilent(db, j, now);
  return jobs.sort((a, b) => b.startedAt - a.startedAt);
}

const hasStaged = async (db: IsnadDB, jobId: string) => (await db.staged.where('[job+i]').between([jobId, -Infinity], [jobId, Infinity]).count()) > 0;
const isSilent = (j: ImportJob, now: number) => j.status === 'running' && j.done < j.total && now - j.updatedAt >= PAGE_SILENCE_MS;
async function stopSilent(db: IsnadDB, j: ImportJob, now: number): Promise<ImportJob> {
  const stopped: ImportJob = { ...j, status: 'failed', error: `stopped after ${j.done} of ${j.total} records: import the same file again to resume (reports already imported are not added twice)`, updatedAt: now };
  await db.jobs.put(stopped);
  return stopped;
}

// Imports driven by the options page, a part at a time: the page parses the file and analyses its
// records (in Web Workers), the background writes each part in one transaction with the job's
// progress. No staging: a part either is written with its progress or not at all, and the page,
// which holds the file, sends the next part; a worker stopped between parts is woken by it.
const sessions = new Map<string, Promise<IndexSession>>();
/** The strings each job's analysis workers sent (word-table.ts), two jobs' at most (a job let go of
 *  is answered WORDS_NOT_HELD: its page sends its strings whole again). */
const heldWords = new Map<string, HeldWords>();
const JOBS_HELD = 2;

function heldFor(jobId: string): HeldWords {
  let h = heldWords.get(jobId);
  if (!h) {
    if (heldWords.size >= JOBS_HELD) heldWords.delete(heldWords.keys().next().value!);
    heldWords.set(jobId, (h = new HeldWords()));
  }
  return h;
}

/**
 * Opens a page-driven job for a parsed file: its valid record count and the bad records' problems.
 * The same file (`source`) with an unfinished job of the same size resumes that job: the page
 * sends only the parts it does not list.
 */
export async function beginImport(db: IsnadDB, { file, total, problems, source }: { file: string; total: number; problems: ImportProblemRow[]; source?: string }, now = Date.now()): Promise<ImportJob> {
  if (source) {
    const unfinished = (await db.jobs.toArray()).find((j) => j.source === source && j.total === total && j.status !== 'done');
    if (unfinished) {
      const resumed: ImportJob = { ...unfinished, status: 'running', error: undefined, updatedAt: now };
      await db.jobs.put(resumed);
      return resumed;
    }
  }
  const job: ImportJob = { ...newJob(file, total, problems, now), parts: [], ...(source ? { source } : {}) };
  await db.jobs.put(job);
  return job;
}

/**
 * Writes one part of a page-driven job (with the page's analysis when it sent one). A part is
 * written once: sent again (its reply was lost when the worker stopped), it is acknowledged as is.
 * `lines` (the line of each record in its file) names a record refused here by its line.
 * `fromOptionsPage`: the sender is the extension's options page (the handler asked the browser),
 * whose parse validated each record: read with checkedRecord's cheap checks, not scanned again.
 */
export async function importPart(db: IsnadDB, jobId: string, records: unknown[], analyses?: PartWire[], { part, lines, fromOptionsPage = false, texts }: { part?: number; lines?: unknown[]; fromOptionsPage?: boolean; texts?: unknown } = {}): Promise<ImportJob> {
  // The page's packed texts (lib/corpus/part-texts.ts) and analyses, checked whole before anything
  // is written (a malformed one throws), and before the first wait: parts in flight take their
  // strings into the job's tables in the order they came (a run names the strings of the one before).
  const units = texts === undefined ? null : partTexts(texts, records.length);
  const analysed = analyses ? fromPartWire(analyses, records.length, heldFor(jobId)) : null;
  const valid: ReportRecord[] = [];
  const problems: ImportProblemRow[] = [];
  const current = await db.jobs.get(jobId);
  if (!current) throw new Error(`no import ${jobId}`);
  if (current.status === 'failed') throw new ImportStopped(current.error ?? `import ${jobId} stopped`);
  if (part !== undefined && current.parts?.includes(part)) return current;
  const kept: number[] = [];
  records.forEach((r, i) => {
    const u = units?.[i]; // kept as code units where the options page sent it, else made a string
    const v = u ? (fromOptionsPage && checkedRecord(r, u)) || validateRecord(withText(r, u)) : (fromOptionsPage && checkedRecord(r)) || validateRecord(r);
    const line = lines?.[i];
    if (typeof v === 'string') problems.push({ file: current.file, ...(Number.isSafeInteger(line) && (line as number) > 0 ? { line: line as number } : {}), reason: v });
    else {
      valid.push(v);
      kept.push(i);
    }
  });
  const now = Date.now();
  const reports = valid.map((r) => toReport(r, 'import', jobId, now));
  const prepared = analysed ? reports.map((report, i) => ({ report, ...analysed[kept[i]!]! })) : prepare(reports);
  // Parts may arrive while another is being written: they share one session (their
  // transactions run one after the other, so each sees what the last one wrote).
  let opening = sessions.get(jobId);
  if (!opening) sessions.set(jobId, (opening = openSession(db, current.total - current.done)));
  const session = await opening;
  const job = await db.transaction('rw', [...reportTables(db), db.dpages, db.segs, db.prints, db.meta, db.lex, db.jobs], async () => {
    const before = (await db.jobs.get(jobId))!;
    // Two sends of one part in flight (a retry racing the first): the second writes nothing.
    if (part !== undefined && before.parts?.includes(part)) return before;
    const res = await writeBatch(db, prepared, { session });
    const next: ImportJob = {
      ...before,
      ...(part !== undefined ? { parts: [...(before.parts ?? []), part] } : {}),
      done: before.done + records.length,
      added: before.added + res.added.length,
      duplicates: before.duplicates + res.duplicates.length,
      problems: [...before.problems, ...problems],
      updatedAt: Date.now(),
    };
    await db.jobs.put(next);
    return next;
  }).catch((e: unknown) => {
    sessions.delete(jobId);
    if (isQuotaError(e)) return stopForQuota(db, jobId);
    throw e;
  });
  await compact(db, { policy: IMPORT_POLICY }).catch((e: unknown) => (isQuotaError(e) ? stopForQuota(db, jobId) : Promise.reject(e)));
  return job;
}

/** Ends a page-driven job: merges its segments so that queries read each term from one row. */
export async function finishImport(db: IsnadDB, jobId: string): Promise<ImportSummary> {
  sessions.delete(jobId);
  heldWords.delete(jobId);
  const before = await db.jobs.get(jobId);
  if (!before) throw new Error(`no import ${jobId}`);
  if (before.status === 'failed' && before.done < before.total) throw new ImportStopped(before.error ?? `import ${jobId} stopped`);
  await compact(db, { all: true }).catch((e: unknown) => (isQuotaError(e) ? stopForQuota(db, jobId) : Promise.reject(e)));
  const job = await db.jobs.get(jobId);
  if (!job) throw new Error(`no import ${jobId}`);
  // Done even if a worker restart marked it otherwise meanwhile: every part was written.
  if (job.status !== 'done') await db.jobs.put({ ...job, status: 'done', error: undefined, updatedAt: Date.now() });
  return summary(job);
}
