// The run behind "Build a corpus": start, pause, resume and follow a harvest or a web-archive
// import, and the unfinished runs the reader may resume. The page does the fetching, reading and
// extracting (lib/harvest/driver.ts); the background stores each part with the run's state.
// Host access is asked for when the reader starts (their click), for the hosts of that run only.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ImportJob } from '../lib/engine/index-types';
import { estimate, resumeWeb, runArchiveImport, sameArchive, startWeb, type Backend, type TargetStore } from '../lib/harvest/driver';
import { PoliteFetcher } from '../lib/harvest/fetcher';
import type { ArchiveState } from '../lib/harvest/import-archive';
import { RobotsCache } from '../lib/harvest/robots';
import type { HarvestDeps, HarvestState } from '../lib/harvest/run';
import { harvestOrigins, type HarvestPlan, type HarvestSource, type Listing, type Target } from '../lib/harvest/sources';
import { t } from '../lib/i18n';
import { call } from '../lib/messaging';
import { errorMessage } from '../lib/errors';

export type Status = 'running' | 'paused' | 'done' | 'failed';
export interface Run {
  job: ImportJob | null;
  state: HarvestState | ArchiveState | null;
  status: Status;
  error?: string;
}

const backend: Backend = {
  begin: (b) => call('ui:harvest-begin', b),
  part: (p) => call('ui:harvest-part', p),
  end: (job) => call('ui:harvest-end', { job }),
};

// A harvest's list of pages, kept once in extension storage (the state goes with every part).
const targetsKey = (job: string) => `harvest-targets:${job}`;
const targetStore: TargetStore = {
  save: (job, targets) => browser.storage.local.set({ [targetsKey(job)]: targets }),
  load: async (job) => ((await browser.storage.local.get(targetsKey(job)))[targetsKey(job)] as Target[] | undefined) ?? null,
  remove: (job) => browser.storage.local.remove(targetsKey(job)),
};

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function deps(): HarvestDeps {
  // The browser sends its own User-Agent; one request at a time, a second apart.
  const fetcher = new PoliteFetcher({ userAgent: null });
  return { fetcher, robots: new RobotsCache(fetcher), parse };
}

/**
 * The last finished run of this outlet from this source ("update my corpus" takes what is new
 * since), read again after each run. The answer is kept with the choice it is for, so that a
 * choice never shows the answer of the one before while its own is on its way.
 */
export function useLastRun(source: HarvestSource | 'archive', outlet: string, runs: number): string | null {
  const choice = `${source}\n${outlet}`;
  const [last, setLast] = useState<{ choice: string; at: string | null } | null>(null);
  useEffect(() => {
    if (source === 'archive') return;
    let live = true;
    void call('ui:harvest-last', { source, outlet }).then((at) => live && setLast({ choice, at }), () => undefined);
    return () => {
      live = false;
    };
  }, [source, outlet, runs]);
  return last?.choice === choice ? last.at : null;
}

/** The run shown: its progress as parts are stored, its end, and the unfinished runs after it. */
function useRunTracker(onStored?: () => void) {
  const [run, setRun] = useState<Run | null>(null);
  const [unfinished, setUnfinished] = useState<ImportJob[]>([]);
  const [runs, setRuns] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const lastStored = useRef(0);

  const readUnfinished = () => void call('ui:harvests', {}).then(setUnfinished, () => undefined);
  useEffect(readUnfinished, []);

  // The page's corpus counts follow a run: read again at most every 2 s while parts are stored, and at its end.
  const progress = (state: HarvestState | ArchiveState, job: ImportJob) => {
    setRun({ job, state, status: 'running' });
    if (Date.now() - lastStored.current > 2000) {
      lastStored.current = Date.now();
      onStored?.();
    }
  };

  const track = async (work: Promise<ImportJob>) => {
    try {
      const job = await work;
      const state = job.harvest?.state as HarvestState | ArchiveState;
      setRun({ job, state, status: job.status === 'done' ? 'done' : 'paused' });
    } catch (e) {
      setRun((r) => ({ job: r?.job ?? null, state: r?.state ?? null, status: 'failed', error: errorMessage(e) }));
    } finally {
      abort.current = null;
      setRuns((n) => n + 1);
      onStored?.();
      readUnfinished();
    }
  };

  /** A new AbortController for the run about to start, with the run shown as running. */
  const begin = (job: ImportJob | null, state: HarvestState | ArchiveState | null) => {
    const ac = new AbortController();
    abort.current = ac;
    setRun({ job, state, status: 'running' });
    return ac.signal;
  };

  return { run, setRun, unfinished, runs, progress, track, begin, pause: () => abort.current?.abort() };
}

/** A run of the form, its listing (by plan), the reader's message, and the unfinished runs. */
export function useHarvestRun(onStored?: () => void) {
  const { run, setRun, unfinished, runs, progress, track, begin, pause } = useRunTracker(onStored);
  const [listing, setListing] = useState<{ key: string; listing: Listing } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const depsRef = useRef<HarvestDeps | null>(null);

  /** Asks for the run's hosts: must be the first thing the click does (the browser wants the gesture). */
  const askAccess = async (p: HarvestPlan): Promise<boolean> => {
    const origins = harvestOrigins(p);
    const ok = await browser.permissions.request({ origins });
    if (!ok) setMessage(t('harvestRefused', origins.join(', ')));
    return ok;
  };

  const archive = (f: File, opts: { anySite: boolean; job?: ImportJob }) => {
    const signal = begin(opts.job ?? null, (opts.job?.harvest?.state as ArchiveState | undefined) ?? null);
    return track(runArchiveImport(f.name, f, parse, backend, { anySite: opts.anySite, ...(opts.job ? { job: opts.job } : {}), signal, onProgress: progress }));
  };

  return {
    run,
    runs,
    listing,
    message,
    unfinished,
    busy: run?.status === 'running',
    pause,

    /** How many pages a plan lists (asks for its hosts first). */
    estimate: async (p: HarvestPlan) => {
      setMessage(null);
      if (!(await askAccess(p))) return;
      depsRef.current ??= deps();
      try {
        setListing({ key: JSON.stringify(p), listing: await estimate(p, depsRef.current) });
      } catch (e) {
        setMessage(t('error', errorMessage(e)));
      }
    },

    /** Imports a web archive file. */
    startArchive: (f: File | null, anySite: boolean) => {
      setMessage(null);
      if (!f) return setMessage(t('harvestNeedFile'));
      return archive(f, { anySite });
    },

    /** Harvests a plan (its listing is reused when the reader estimated this plan). */
    startWeb: async (p: HarvestPlan) => {
      setMessage(null);
      const key = JSON.stringify(p);
      if (!(await askAccess(p))) return;
      depsRef.current ??= deps();
      const signal = begin(null, null);
      try {
        const l = listing?.key === key ? listing.listing : await estimate(p, depsRef.current, signal);
        setListing({ key, listing: l });
        await track(startWeb({ plan: p, listing: l }, depsRef.current, backend, targetStore, { signal, onProgress: progress }));
      } catch (e) {
        setRun({ job: null, state: null, status: 'failed', error: errorMessage(e) });
      }
    },

    /** Resumes a paused or unfinished run; an archive's from the same file: `chosen` for it, or the form's file of its name. */
    resume: async (job: ImportJob, opts: { chosen?: File; file: File | null; anySite: boolean }) => {
      setMessage(null);
      if (job.harvest?.kind === 'archive') {
        const f = opts.chosen ?? (opts.file && opts.file.name === job.file ? opts.file : null);
        if (!f) return setMessage(t('harvestChooseAgain'));
        if (!sameArchive(job, f.name, f.size)) return setMessage(t('harvestNotThatFile', job.file));
        return archive(f, { anySite: opts.anySite, job });
      }
      const p = (job.harvest?.state as HarvestState).plan;
      if (!(await askAccess(p))) return;
      depsRef.current ??= deps();
      const signal = begin(job, job.harvest?.state as HarvestState);
      await track(resumeWeb(job, depsRef.current, backend, targetStore, { signal, onProgress: progress }));
    },
  };
}
