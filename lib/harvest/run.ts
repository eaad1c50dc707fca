// A harvest: list the targets (the estimate the reader sees before anything is fetched), then
// fetch them one at a time, extract, and hand the records to a sink in small batches together
// with the state after them (the cursor). A sink that stores both at once makes a stopped run
// (Ctrl-C, a paused page, a service worker stopped) go on from the cursor with nothing lost or doubled.
import { FetchError, type PoliteFetcher } from './fetcher';
import type { SinkResult } from './import-archive';
import { isSkip, recordFromPage, type HarvestedRecord, type ParseHtml } from './pages';
import { emptyCounts, noteSkip, type RunCounts } from './progress';
import type { RobotsCache } from './robots';
import { checkPlan, harvestHostAllowed, listLive, listWayback, type HarvestPlan, type Listing, type Target } from './sources';
import { errorMessage } from '../errors';

export interface HarvestState extends RunCounts {
  id: string;
  plan: HarvestPlan;
  status: 'running' | 'paused' | 'done' | 'failed';
  /** Targets listed (the estimate) and how many have been handled. */
  total: number;
  cursor: number;
  startedAt: string;
  updatedAt: string;
  error?: string;
}

export type HarvestSink = (records: HarvestedRecord[], state: HarvestState) => Promise<SinkResult>;

export interface HarvestDeps {
  fetcher: PoliteFetcher;
  robots: RobotsCache;
  parse: ParseHtml;
  now?: () => Date;
}

export async function listTargets(plan: HarvestPlan, deps: HarvestDeps, signal?: AbortSignal): Promise<Listing> {
  checkPlan(plan);
  deps.fetcher.limitTo(harvestHostAllowed(plan));
  return plan.source === 'wayback' ? listWayback(plan, deps.fetcher, signal) : listLive(plan, deps.fetcher, deps.robots, signal);
}

export function newHarvest(id: string, plan: HarvestPlan, listing: Listing, now = new Date()): HarvestState {
  const state: HarvestState = { id, plan, status: 'running', total: listing.targets.length, cursor: 0, startedAt: now.toISOString(), updatedAt: now.toISOString(), ...emptyCounts() };
  for (const s of listing.skipped) noteSkip(state, s);
  return state;
}

/** Records per batch, and pages at most between two saves when nothing is kept. */
const BATCH = 10;
const SAVE_EVERY = 25;

/** One target → a record, or the reason it is not one (counted in `state`). */
async function harvestOne(t: Target, state: HarvestState, deps: HarvestDeps, signal?: AbortSignal): Promise<HarvestedRecord | null> {
  if (!(await deps.robots.allowed(t.fetch, signal))) {
    noteSkip(state, { kind: 'robots', url: t.url, reason: 'disallowed by robots.txt' });
    return null;
  }
  let res;
  try {
    res = await deps.fetcher.get(t.fetch, signal);
  } catch (e) {
    if (signal?.aborted) throw e;
    const reason = e instanceof FetchError ? e.message : `${t.fetch}: ${errorMessage(e)}`;
    state.problems.push({ file: t.url, reason });
    noteSkip(state, { kind: 'fetch-failed', url: t.url, reason });
    return null;
  }
  if (res.status !== 200) {
    noteSkip(state, { kind: 'http-error', url: t.url, reason: `HTTP ${res.status}` });
    return null;
  }
  if (res.contentType && !/html/i.test(res.contentType)) {
    noteSkip(state, { kind: 'not-html', url: t.url, reason: `not HTML (${res.contentType.split(';')[0]})` });
    return null;
  }
  // An archived capture is read as the archive copy it is (its URL says when it was taken).
  const pageUrl = t.capturedAt && t.fetch !== t.url ? t.fetch.replace(/\/web\/(\d{14})id_\//, '/web/$1/') : t.url;
  const out = recordFromPage(res.text, pageUrl, t.capturedAt ?? (deps.now?.() ?? new Date()).toISOString(), deps.parse, { outlet: state.plan.outlet });
  if (isSkip(out)) {
    noteSkip(state, { ...out, url: t.url });
    return null;
  }
  state.articles++;
  return out;
}

/** Runs the targets from the state's cursor; returns the state it stopped in (done, or paused). */
export async function runHarvest(targets: Target[], initial: HarvestState, deps: HarvestDeps, sink: HarvestSink, opts: { signal?: AbortSignal; onProgress?: (s: HarvestState) => void; batch?: number } = {}): Promise<HarvestState> {
  const state: HarvestState = structuredClone(initial);
  deps.fetcher.limitTo(harvestHostAllowed(state.plan));
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  state.status = 'running';
  let batch: HarvestedRecord[] = [];
  let sinceSave = 0;
  const save = async () => {
    state.updatedAt = now();
    const res = await sink(batch, state);
    state.added += res.added;
    state.duplicates += res.duplicates;
    batch = [];
    sinceSave = 0;
  };
  try {
    while (state.cursor < targets.length) {
      if (opts.signal?.aborted) break;
      const t = targets[state.cursor]!;
      let rec: HarvestedRecord | null;
      try {
        rec = await harvestOne(t, state, deps, opts.signal);
      } catch (e) {
        if (opts.signal?.aborted) break;
        throw e;
      }
      state.pages++;
      state.cursor++;
      if (rec) batch.push(rec);
      sinceSave++;
      if (batch.length >= (opts.batch ?? BATCH) || sinceSave >= SAVE_EVERY) await save();
      opts.onProgress?.(state);
    }
  } catch (e) {
    state.status = 'failed';
    state.error = errorMessage(e);
    await save();
    return state;
  }
  state.status = state.cursor >= targets.length ? 'done' : 'paused';
  await save();
  opts.onProgress?.(state);
  return state;
}
