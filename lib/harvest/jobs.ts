// Harvest jobs, the background's side of harvests and web-archive imports run from the options page. The page
// fetches or reads, extracts (it has a DOM; the service worker has none) and sends parts; each
// part is written here with the run's state in one transaction: the reports, the job's counts
// and the state to resume from. A service worker stopped between parts loses nothing (the next
// part wakes it); a part sent twice (its reply lost) is recognised by its number and not written again.
import type { IsnadDB } from '../db';
import { validateRecord } from '../corpus/formats';
import { hash53 } from '../corpus/ids';
import { compact, openSession, prepare, toReport, writeBatch } from '../engine/index-store';
import type { HarvestRow, ImportJob, ImportProblemRow } from '../engine/index-types';
import { reportTables } from '../corpus/report-pages';

export interface HarvestBegin {
  kind: HarvestRow['kind'];
  /** What is harvested, as the import list shows it ("orient-news · Wayback · 2015-01 – 2015-12"). */
  label: string;
  /** Pages listed (the estimate), or the archive's size in bytes. */
  total: number;
  state: unknown;
}

export interface HarvestPart {
  job: string;
  /** 1 for the first part, then one more each part. */
  seq: number;
  records: unknown[];
  /** How far the run has got (pages, or bytes of the archive) and its state after these records. */
  done: number;
  state: unknown;
  problems: ImportProblemRow[];
  /** The last part of a run that was paused (or stopped), not finished. */
  paused?: boolean;
}

export async function beginHarvest(db: IsnadDB, b: HarvestBegin, now = Date.now()): Promise<ImportJob> {
  const id = `harvest-${now.toString(36)}-${hash53(`${b.label}\n${Math.random()}`)}`;
  const job: ImportJob = { id, file: b.label, status: 'running', total: b.total, done: 0, added: 0, duplicates: 0, problems: [], startedAt: now, updatedAt: now, harvest: { kind: b.kind, seq: 0, paused: false, state: b.state } };
  await db.jobs.put(job);
  return job;
}

/** Writes one part: its reports, the job's counts and the run's state, in one transaction. */
export async function harvestPart(db: IsnadDB, p: HarvestPart): Promise<ImportJob> {
  const current = await db.jobs.get(p.job);
  if (!current?.harvest) throw new Error(`no harvest ${p.job}`);
  if (current.harvest.seq >= p.seq) return current;
  const problems: ImportProblemRow[] = [...p.problems];
  const now = Date.now();
  const reports = [];
  for (const raw of p.records) {
    const v = validateRecord(raw);
    if (typeof v === 'string') problems.push({ file: current.file, reason: v });
    else reports.push(toReport(v, 'import', p.job, now));
  }
  const prepared = prepare(reports);
  const session = await openSession(db, reports.length);
  const job = await db.transaction('rw', [...reportTables(db), db.dpages, db.segs, db.prints, db.meta, db.lex, db.jobs], async () => {
    const before = (await db.jobs.get(p.job))!;
    // Another copy of this part got here first.
    if (before.harvest!.seq >= p.seq) return before;
    const res = prepared.length ? await writeBatch(db, prepared, { session }) : { added: [], duplicates: [] };
    const next: ImportJob = {
      ...before,
      done: p.done,
      total: Math.max(before.total, p.done),
      added: before.added + res.added.length,
      duplicates: before.duplicates + res.duplicates.length,
      problems,
      updatedAt: Date.now(),
      harvest: { ...before.harvest!, seq: p.seq, paused: !!p.paused, state: p.state },
    };
    await db.jobs.put(next);
    return next;
  });
  await compact(db);
  return job;
}

/** Ends a run: merges the index's segments; the job is done. */
export async function finishHarvest(db: IsnadDB, jobId: string): Promise<ImportJob> {
  await compact(db, { all: true });
  const job = await db.jobs.get(jobId);
  if (!job) throw new Error(`no harvest ${jobId}`);
  const done: ImportJob = { ...job, status: 'done', updatedAt: Date.now(), harvest: job.harvest && { ...job.harvest, paused: false } };
  await db.jobs.put(done);
  return done;
}

/**
 * When the last finished harvest of `outlet` from `source` started (ISO), or null: an update of
 * the corpus takes the pages new since then (as the command line's --update does).
 */
export async function lastHarvest(db: IsnadDB, source: string, outlet: string): Promise<string | null> {
  let last: string | null = null;
  await db.jobs.where('status').equals('done').each((j) => {
    if (j.harvest?.kind !== source) return;
    const plan = (j.harvest.state as { plan?: { outlet?: string } } | undefined)?.plan;
    if (plan?.outlet !== outlet) return;
    const at = new Date(j.startedAt).toISOString();
    if (!last || at > last) last = at;
  });
  return last;
}

/** Harvests not finished (paused, or stopped with the page), newest first: the page offers to resume them. */
export async function openHarvests(db: IsnadDB): Promise<ImportJob[]> {
  return (await db.jobs.where('status').equals('running').toArray()).filter((j) => j.harvest).sort((a, b) => b.startedAt - a.startedAt);
}
