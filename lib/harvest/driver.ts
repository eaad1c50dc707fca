// Running a harvest or an archive import from an extension page: the lib's runs, with the
// background as the sink (one message a part, each part written with the run's state). Messages
// are retried: a service worker stopped mid-part is started again by the retry, and the part's
// number keeps a part that did arrive from being written twice.
import type { ImportJob } from '../engine/index-types';
import { membersOf } from './archive';
import { importArchive, newArchiveState, type ArchiveState } from './import-archive';
import type { HarvestedRecord, ParseHtml } from './pages';
import { listTargets, newHarvest, runHarvest, type HarvestDeps, type HarvestState } from './run';
import type { HarvestBegin, HarvestPart } from './jobs';
import type { HarvestPlan, Listing, Target } from './sources';

export interface Backend {
  begin(b: HarvestBegin): Promise<ImportJob>;
  part(p: HarvestPart): Promise<ImportJob>;
  end(job: string): Promise<ImportJob>;
}

/** Where a web harvest's list of targets is kept (written once; too big to go with every part). */
export interface TargetStore {
  save(job: string, targets: Target[]): Promise<void>;
  load(job: string): Promise<Target[] | null>;
  remove(job: string): Promise<void>;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (state: HarvestState | ArchiveState, job: ImportJob) => void;
  /** Waits between tries of a message (the tests pass a quick one). */
  retryWait?: (ms: number) => Promise<void>;
}

const TRIES = 4;

async function withRetry<T>(what: () => Promise<T>, wait: (ms: number) => Promise<void>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await what();
    } catch (e) {
      if (i >= TRIES - 1) throw e;
      await wait(250 * 2 ** i);
    }
  }
}

const defaultWait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A sink that sends each part, numbered, and counts what the background added. */
function partSink(backend: Backend, jobAtStart: ImportJob, done: (s: HarvestState | ArchiveState) => number, opts: RunOptions) {
  let job = jobAtStart;
  const wait = opts.retryWait ?? defaultWait;
  return {
    get job() {
      return job;
    },
    async send(records: HarvestedRecord[], state: HarvestState | ArchiveState, paused = false) {
      const before = job;
      const seq = before.harvest!.seq + 1;
      job = await withRetry(() => backend.part({ job: before.id, seq, records, done: done(state), state, problems: state.problems, paused }), wait);
      opts.onProgress?.(state, job);
      return { added: job.added - before.added, duplicates: job.duplicates - before.duplicates };
    },
  };
}

function planLabel(plan: HarvestPlan): string {
  const range = plan.since ? `since ${plan.since.slice(0, 10)}` : [plan.from, plan.to].filter(Boolean).join(' – ');
  return `${plan.outlet} · ${plan.source === 'wayback' ? 'Wayback Machine' : 'sitemaps and feeds'}${range ? ` · ${range}` : ''}`;
}

export function estimate(plan: HarvestPlan, deps: HarvestDeps, signal?: AbortSignal): Promise<Listing> {
  return listTargets(plan, deps, signal);
}

/** Starts a web harvest from its listing: the job, its targets kept, then the run. */
export async function startWeb({ plan, listing }: { plan: HarvestPlan; listing: Listing }, deps: HarvestDeps, backend: Backend, targets: TargetStore, opts: RunOptions = {}): Promise<ImportJob> {
  const wait = opts.retryWait ?? defaultWait;
  const state0 = newHarvest('', plan, listing);
  const job = await withRetry(() => backend.begin({ kind: plan.source, label: planLabel(plan), total: listing.targets.length, state: state0 }), wait);
  await targets.save(job.id, listing.targets);
  return runWeb(job, listing.targets, { ...state0, id: job.id }, { deps, backend, targets }, opts);
}

/** Goes on with a web harvest from the state its job holds. */
export async function resumeWeb(job: ImportJob, deps: HarvestDeps, backend: Backend, targets: TargetStore, opts: RunOptions = {}): Promise<ImportJob> {
  const list = await targets.load(job.id);
  if (!list) throw new Error(`the list of pages of ${job.file} is gone: start it again (reports already stored are not added twice)`);
  const state = { ...(job.harvest!.state as HarvestState), added: job.added, duplicates: job.duplicates };
  return runWeb(job, list, state, { deps, backend, targets }, opts);
}

async function runWeb(job: ImportJob, list: Target[], state: HarvestState, io: { deps: HarvestDeps; backend: Backend; targets: TargetStore }, opts: RunOptions): Promise<ImportJob> {
  const { deps, backend, targets } = io;
  const sink = partSink(backend, job, (s) => (s as HarvestState).cursor, opts);
  const end = await runHarvest(list, state, deps, (records, s) => sink.send(records, s, s.status === 'paused'), {
    signal: opts.signal,
    onProgress: (s) => opts.onProgress?.(s, sink.job),
    // A page at a time is a request a second: a part each keeps the reader's counts live.
    batch: 1,
  });
  if (end.status === 'paused') return sink.job;
  await targets.remove(job.id);
  return withRetry(() => backend.end(job.id), opts.retryWait ?? defaultWait);
}

/**
 * Whether a file is the one a stopped import read: its checkpoint is a place in that file only.
 * Name and size are what the page can know of a file the reader chooses again.
 */
export function sameArchive(job: ImportJob, name: string, size: number): boolean {
  return job.harvest?.kind === 'archive' && job.file === name && job.total === size;
}

/** Imports a web archive (a File, or any Blob) a part at a time; resumes a job of the same file. */
export async function runArchiveImport(name: string, blob: Blob, parse: ParseHtml, backend: Backend, opts: RunOptions & { anySite?: boolean; job?: ImportJob } = {}): Promise<ImportJob> {
  const wait = opts.retryWait ?? defaultWait;
  if (opts.job && !sameArchive(opts.job, name, blob.size)) throw new Error(`${name} is not the file of the import of ${opts.job.file}`);
  const members = await membersOf(name, blob);
  let job = opts.job;
  let state: ArchiveState;
  if (job) state = { ...(job.harvest!.state as ArchiveState), added: job.added, duplicates: job.duplicates };
  else {
    state = { ...newArchiveState(name), ...(opts.anySite ? { anySite: true } : {}) };
    const s0 = state;
    job = await withRetry(() => backend.begin({ kind: 'archive', label: name, total: blob.size, state: s0 }), wait);
  }
  const sink = partSink(backend, job, (s) => {
    const c = (s as ArchiveState).checkpoint;
    if (!c) return blob.size;
    // Bytes read: the members before, and the offset in this one (members are read in order).
    return Math.min(blob.size, members.slice(0, c.member).reduce((n, m) => n + m.size, 0) + c.offset);
  }, opts);
  const end = await importArchive(members, {
    file: name,
    parse,
    // A resumed import takes every site when its start did.
    anySite: opts.anySite || state.anySite,
    state,
    signal: opts.signal,
    onProgress: (s) => opts.onProgress?.(s, sink.job),
    sink: (records, s) => sink.send(records, s, s.checkpoint !== null && !!opts.signal?.aborted),
  });
  if (end.checkpoint !== null) return sink.job;
  return withRetry(() => backend.end(job.id), wait);
}
