// "Build a corpus" in the options page: an outlet's articles from the Wayback Machine or from its
// own sitemaps and feeds, or a web archive file. The page does the fetching, reading and
// extracting (lib/harvest/driver.ts); the background stores each part with the run's state.
// Host access is asked for when the reader starts (their click), for the hosts of that run only.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ImportJob } from '../lib/engine/index-types';
import { estimate, resumeWeb, runArchiveImport, sameArchive, startWeb, type Backend, type TargetStore } from '../lib/harvest/driver';
import { PoliteFetcher } from '../lib/harvest/fetcher';
import type { ArchiveState } from '../lib/harvest/import-archive';
import type { SkipKind } from '../lib/harvest/pages';
import { skippedTotal } from '../lib/harvest/progress';
import { RobotsCache } from '../lib/harvest/robots';
import type { HarvestDeps, HarvestState } from '../lib/harvest/run';
import { harvestOrigins, type HarvestPlan, type HarvestSource, type Listing, type Target } from '../lib/harvest/sources';
import { formatNumber, t, type MessageKey } from '../lib/i18n';
import { call } from '../lib/messaging';
import { outletName } from '../lib/outlets/names';
import { formatDate } from '../lib/ui/format-date';
import { OUTLETS } from '../lib/outlets/profiles';
import { errorMessage } from '../lib/errors';

type Source = HarvestSource | 'archive';
type Status = 'running' | 'paused' | 'done' | 'failed';
interface Run {
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

const harvestable = OUTLETS.filter((o) => o.hosts.length > 0);
const skipLabel = (k: SkipKind) => t(`skip_${k.replace(/-/g, '_')}` as MessageKey);
const STATUS_KEY: Record<Status, MessageKey> = { running: 'harvestStateRunning', paused: 'harvestStatePaused', done: 'harvestStateDone', failed: 'harvestStateFailed' };

export function BuildCorpus({ lang, onStored }: { lang: string; onStored?: () => void }) {
  const [source, setSource] = useState<Source>('wayback');
  const [outlet, setOutlet] = useState(harvestable[0]?.id ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [anySite, setAnySite] = useState(false);
  const [listing, setListing] = useState<{ key: string; listing: Listing } | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [unfinished, setUnfinished] = useState<ImportJob[]>([]);
  const abort = useRef<AbortController | null>(null);
  const depsRef = useRef<HarvestDeps | null>(null);

  useEffect(() => {
    void call('ui:harvests', {}).then(setUnfinished, () => undefined);
  }, []);
  // The last finished run of this outlet from this source: "update my corpus" takes what is new since.
  const [lastRun, setLastRun] = useState<string | null>(null);
  const [runs, setRuns] = useState(0);
  useEffect(() => {
    setLastRun(null);
    if (source === 'archive') return;
    let live = true;
    void call('ui:harvest-last', { source, outlet }).then((at) => live && setLastRun(at), () => undefined);
    return () => {
      live = false;
    };
  }, [source, outlet, runs]);

  const plan = (): HarvestPlan => ({ source: source as HarvestSource, outlet, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const planKey = JSON.stringify(plan());
  const busy = run?.status === 'running';

  /** Asks for the run's hosts: must be the first thing the click does (the browser wants the gesture). */
  const askAccess = async (p: HarvestPlan): Promise<boolean> => {
    const origins = harvestOrigins(p);
    const ok = await browser.permissions.request({ origins });
    if (!ok) setMessage(t('harvestRefused', origins.join(', ')));
    return ok;
  };

  // The page's corpus counts follow a run: read again at most every 2 s while parts are stored, and at its end.
  const lastStored = useRef(0);
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
      void call('ui:harvests', {}).then(setUnfinished, () => undefined);
    }
  };

  const onEstimate = async () => {
    setMessage(null);
    const p = plan();
    if (!(await askAccess(p))) return;
    depsRef.current ??= deps();
    try {
      setListing({ key: planKey, listing: await estimate(p, depsRef.current) });
    } catch (e) {
      setMessage(t('error', errorMessage(e)));
    }
  };

  const onStart = async (update?: string) => {
    setMessage(null);
    const ac = new AbortController();
    if (source === 'archive' && !update) {
      if (!file) return setMessage(t('harvestNeedFile'));
      abort.current = ac;
      setRun({ job: null, state: null, status: 'running' });
      return track(runArchiveImport(file.name, file, parse, backend, { anySite, signal: ac.signal, onProgress: progress }));
    }
    // An update: the same outlet and source, only the pages new since the last run.
    const p: HarvestPlan = update ? { source: source as HarvestSource, outlet, since: update } : plan();
    const key = JSON.stringify(p);
    if (!(await askAccess(p))) return;
    depsRef.current ??= deps();
    abort.current = ac;
    setRun({ job: null, state: null, status: 'running' });
    try {
      const l = listing?.key === key ? listing.listing : await estimate(p, depsRef.current, ac.signal);
      setListing({ key, listing: l });
      await track(startWeb({ plan: p, listing: l }, depsRef.current, backend, targetStore, { signal: ac.signal, onProgress: progress }));
    } catch (e) {
      setRun({ job: null, state: null, status: 'failed', error: errorMessage(e) });
    }
  };

  const onResume = async (job: ImportJob, archiveFile?: File) => {
    setMessage(null);
    const ac = new AbortController();
    if (job.harvest?.kind === 'archive') {
      const f = archiveFile ?? (file && file.name === job.file ? file : null);
      if (!f) return setMessage(t('harvestChooseAgain'));
      if (!sameArchive(job, f.name, f.size)) return setMessage(t('harvestNotThatFile', job.file));
      abort.current = ac;
      setRun({ job, state: job.harvest.state as ArchiveState, status: 'running' });
      return track(runArchiveImport(f.name, f, parse, backend, { anySite, job, signal: ac.signal, onProgress: progress }));
    }
    const p = (job.harvest?.state as HarvestState).plan;
    if (!(await askAccess(p))) return;
    depsRef.current ??= deps();
    abort.current = ac;
    setRun({ job, state: job.harvest?.state as HarvestState, status: 'running' });
    await track(resumeWeb(job, depsRef.current, backend, targetStore, { signal: ac.signal, onProgress: progress }));
  };

  const current = run?.job ?? null;
  const state = run?.state ?? null;
  return (
    <section aria-labelledby="build-h" class="card build-corpus" data-testid="build-corpus">
      <h2 id="build-h">{t('buildCorpus')}</h2>
      <p class="muted small">{t('buildCorpusHelp')}</p>
      <div class="row">
        <div class="field">
          <label for="bc-source">{t('harvestSource')}</label>
          <select id="bc-source" value={source} disabled={busy} onChange={(e) => setSource(e.currentTarget.value as Source)}>
            <option value="wayback">{t('sourceWayback')}</option>
            <option value="live">{t('sourceLive')}</option>
            <option value="archive">{t('sourceArchive')}</option>
          </select>
        </div>
        {source === 'archive' ? (
          <>
            <div class="field">
              <label for="bc-file">{t('harvestFile')}</label>
              <input id="bc-file" type="file" accept=".warc,.gz,.wacz" disabled={busy} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
            </div>
            <label>
              <input type="checkbox" checked={anySite} disabled={busy} onChange={(e) => setAnySite(e.currentTarget.checked)} /> {t('harvestAnySite')}
            </label>
          </>
        ) : (
          <>
            <div class="field">
              <label for="bc-outlet">{t('harvestOutlet')}</label>
              <select id="bc-outlet" value={outlet} disabled={busy} onChange={(e) => setOutlet(e.currentTarget.value)}>
                {harvestable.map((o) => (
                  <option key={o.id} value={o.id}>{outletName(o.id, lang)}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="bc-from">{t('harvestFrom')}</label>
              <input id="bc-from" type="month" dir="ltr" value={from} disabled={busy} onInput={(e) => setFrom(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="bc-to">{t('harvestTo')}</label>
              <input id="bc-to" type="month" dir="ltr" value={to} disabled={busy} onInput={(e) => setTo(e.currentTarget.value)} />
            </div>
          </>
        )}
      </div>
      <div class="row actions">
        {source !== 'archive' && (
          <button type="button" disabled={busy} onClick={() => void onEstimate()} data-testid="harvest-estimate">{t('harvestEstimate')}</button>
        )}
        <button type="button" disabled={busy} onClick={() => void onStart()} data-testid="harvest-start">{t('harvestStart')}</button>
        {source !== 'archive' && lastRun && (
          <button type="button" disabled={busy} onClick={() => void onStart(lastRun)} data-testid="harvest-update">
            {t('harvestUpdate', formatDate(lastRun.slice(0, 10)))}
          </button>
        )}
        {busy && <button type="button" onClick={() => abort.current?.abort()} data-testid="harvest-pause">{t('harvestPause')}</button>}
        {run?.status === 'paused' && current && (
          <button type="button" onClick={() => void onResume(current)} data-testid="harvest-resume">{t('harvestResume')}</button>
        )}
      </div>
      {source !== 'archive' && listing?.key === planKey && (
        <p role="status" data-testid="harvest-estimate-result">{t('harvestEstimateResult', formatNumber(listing.listing.targets.length), formatNumber(listing.listing.skipped.length))}</p>
      )}
      {source === 'archive' && file && <p class="muted small">{t('harvestFileSize', formatNumber(Math.ceil(file.size / 1024 / 1024)))}</p>}
      {message && <p role="alert">{message}</p>}
      {run && (
        <div class="harvest-run" data-testid="harvest-run" data-state={run.status}>
          {current && <p class="muted small"><bdi>{current.file}</bdi></p>}
          <progress max={current?.total || 1} value={current?.done ?? 0} aria-label={t('harvestProgress')} />
          <p role="status" data-testid="harvest-status">{t(STATUS_KEY[run.status])}{run.error ? ` — ${run.error}` : ''}</p>
          {state && (
            <table class="stats" data-testid="harvest-counts">
              <tbody>
                <tr><th scope="row">{t('harvestCountPages')}</th><td data-count="pages">{formatNumber(state.pages)}</td></tr>
                <tr><th scope="row">{t('harvestCountArticles')}</th><td data-count="articles">{formatNumber(state.articles)}</td></tr>
                <tr><th scope="row">{t('harvestCountAdded')}</th><td data-count="added">{formatNumber(current?.added ?? 0)}</td></tr>
                <tr><th scope="row">{t('harvestCountDuplicates')}</th><td data-count="duplicates">{formatNumber(current?.duplicates ?? 0)}</td></tr>
                <tr><th scope="row">{t('harvestCountSkipped')}</th><td data-count="skipped">{formatNumber(skippedTotal(state))}</td></tr>
              </tbody>
            </table>
          )}
          {state && state.log.length > 0 && (
            <details>
              <summary>{t('harvestLog')}</summary>
              <ul class="problems" data-testid="harvest-log">
                {state.log.slice(-50).reverse().map((s, i) => (
                  <li key={i} data-kind={s.kind}>
                    {skipLabel(s.kind)}: <bdi dir="ltr">{s.url}</bdi> — <span dir="auto">{s.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {state && state.problems.length > 0 && (
            <div role="alert">
              <h4>{t('importProblems')}</h4>
              <ul class="problems">
                {state.problems.slice(0, 100).map((p, i) => (
                  <li key={i}><bdi>{p.file}</bdi>{p.offset !== undefined && <> @<bdi>{p.offset}</bdi></>} — <span dir="auto">{p.reason}</span></li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {!busy && unfinished.filter((j) => j.id !== current?.id).length > 0 && (
        <div data-testid="harvest-unfinished">
          <h3>{t('harvestUnfinished')}</h3>
          <ul class="plain">
            {unfinished.filter((j) => j.id !== current?.id).map((j) => (
              <li key={j.id}>
                <bdi>{j.file}</bdi> ({formatNumber(j.done)} / {formatNumber(j.total)}){' '}
                {j.harvest?.kind === 'archive' ? (
                  <label class="button">
                    {t('harvestResume')}
                    <input type="file" class="visually-hidden" accept=".warc,.gz,.wacz" onChange={(e) => {
                      const f = e.currentTarget.files?.[0];
                      if (f) void onResume(j, f);
                    }} />
                  </label>
                ) : (
                  <button type="button" onClick={() => void onResume(j)}>{t('harvestResume')}</button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

