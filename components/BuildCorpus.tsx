// "Build a corpus" in the options page: an outlet's articles from the Wayback Machine or from its
// own sitemaps and feeds, or a web archive file. The form is here; its run (start, pause, resume,
// progress) is components/harvest-run.ts.
import { useState } from 'preact/hooks';
import type { ImportJob } from '../lib/engine/index-types';
import type { SkipKind } from '../lib/harvest/pages';
import { skippedTotal } from '../lib/harvest/progress';
import type { HarvestPlan, HarvestSource } from '../lib/harvest/sources';
import { formatNumber, t, type MessageKey } from '../lib/i18n';
import { outletName } from '../lib/outlets/names';
import { formatDate } from '../lib/ui/format-date';
import { OUTLETS } from '../lib/outlets/profiles';
import { useHarvestRun, useLastRun, type Run, type Status } from './harvest-run';

type Source = HarvestSource | 'archive';

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
  const h = useHarvestRun(onStored);
  const lastRun = useLastRun(source, outlet, h.runs);

  const plan = (): HarvestPlan => ({ source: source as HarvestSource, outlet, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const planKey = JSON.stringify(plan());
  const { run, busy, listing } = h;
  const current = run?.job ?? null;
  const web = source !== 'archive';
  const onStart = () => (web ? h.startWeb(plan()) : h.startArchive(file, anySite));
  // An update: the same outlet and source, only the pages new since the last run.
  const onUpdate = (since: string) => h.startWeb({ source: source as HarvestSource, outlet, since });
  const onResume = (job: ImportJob, chosen?: File) => h.resume(job, { ...(chosen ? { chosen } : {}), file, anySite });
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
        {web ? (
          <WebChoice lang={lang} busy={busy} outlet={[outlet, setOutlet]} from={[from, setFrom]} to={[to, setTo]} />
        ) : (
          <>
            <div class="field">
              <label for="bc-file">{t('harvestFile')}</label>
              <input id="bc-file" type="file" accept=".warc,.gz,.wacz" disabled={busy} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
            </div>
            <label>
              <input type="checkbox" checked={anySite} disabled={busy} onChange={(e) => setAnySite(e.currentTarget.checked)} /> {t('harvestAnySite')}
            </label>
          </>
        )}
      </div>
      <div class="row actions">
        {web && (
          <button type="button" disabled={busy} onClick={() => void h.estimate(plan())} data-testid="harvest-estimate">{t('harvestEstimate')}</button>
        )}
        <button type="button" disabled={busy} onClick={() => void onStart()} data-testid="harvest-start">{t('harvestStart')}</button>
        {web && lastRun && (
          <button type="button" disabled={busy} onClick={() => void onUpdate(lastRun)} data-testid="harvest-update">
            {t('harvestUpdate', formatDate(lastRun.slice(0, 10)))}
          </button>
        )}
        {busy && <button type="button" onClick={h.pause} data-testid="harvest-pause">{t('harvestPause')}</button>}
        {run?.status === 'paused' && current && (
          <button type="button" onClick={() => void onResume(current)} data-testid="harvest-resume">{t('harvestResume')}</button>
        )}
      </div>
      {web && listing?.key === planKey && (
        <p role="status" data-testid="harvest-estimate-result">{t('harvestEstimateResult', formatNumber(listing.listing.targets.length), formatNumber(listing.listing.skipped.length))}</p>
      )}
      {!web && file && <p class="muted small">{t('harvestFileSize', formatNumber(Math.ceil(file.size / 1024 / 1024)))}</p>}
      {h.message && <p role="alert">{h.message}</p>}
      {run && <RunView run={run} />}
      {!busy && <Unfinished jobs={h.unfinished.filter((j) => j.id !== current?.id)} onResume={onResume} />}
    </section>
  );
}

type Field<T> = [T, (v: T) => void];

/** The outlet and months of a harvest from the web. */
function WebChoice({ lang, busy, outlet: [outlet, setOutlet], from: [from, setFrom], to: [to, setTo] }: { lang: string; busy: boolean; outlet: Field<string>; from: Field<string>; to: Field<string> }) {
  return (
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
  );
}

/** A run's progress, counts, log of skipped pages and problems. */
function RunView({ run }: { run: Run }) {
  const current = run.job;
  const state = run.state;
  return (
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
  );
}

/** Runs left unfinished (a closed page, a stopped browser), each resumable. */
function Unfinished({ jobs, onResume }: { jobs: ImportJob[]; onResume: (job: ImportJob, chosen?: File) => void }) {
  if (!jobs.length) return null;
  return (
    <div data-testid="harvest-unfinished">
      <h3>{t('harvestUnfinished')}</h3>
      <ul class="plain">
        {jobs.map((j) => (
          <li key={j.id}>
            <bdi>{j.file}</bdi> ({formatNumber(j.done)} / {formatNumber(j.total)}){' '}
            {j.harvest?.kind === 'archive' ? (
              <label class="button">
                {t('harvestResume')}
                <input type="file" class="visually-hidden" accept=".warc,.gz,.wacz" onChange={(e) => {
                  const f = e.currentTarget.files?.[0];
                  if (f) onResume(j, f);
                }} />
              </label>
            ) : (
              <button type="button" onClick={() => onResume(j)}>{t('harvestResume')}</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
