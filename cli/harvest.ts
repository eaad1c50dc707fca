// Web archives and harvests on the command line: the lib/harvest runs with a JSON Lines store as
// the sink and a state file beside it, written after each batch is stored, so that a stopped run
// (Ctrl-C, a crash) goes on where it stopped when the same command is run again.
import { appendFileSync, createReadStream, existsSync, mkdirSync, openAsBlob, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { hash53, reportId, reportKeys } from '../lib/corpus/ids';
import { ArchiveError, membersOf } from '../lib/harvest/archive';
import { importArchive, newArchiveState, type ArchiveState, type SinkResult } from '../lib/harvest/import-archive';
import { FetchError, PoliteFetcher } from '../lib/harvest/fetcher';
import type { HarvestedRecord } from '../lib/harvest/pages';
import { RobotsCache } from '../lib/harvest/robots';
import { listTargets, newHarvest, runHarvest, type HarvestState } from '../lib/harvest/run';
import { outletHosts, PlanError, type HarvestPlan, type Target } from '../lib/harvest/sources';
import { parseDocument } from './html';
import { CliError } from './read';

/** A JSON Lines store opened for appending: the URL keys and ids it holds, to skip duplicates. */
class StoreAppender {
  private keys = new Set<string>();
  private ids = new Set<string>();
  private constructor(readonly store: string) {}

  static async open(store: string): Promise<StoreAppender> {
    const s = new StoreAppender(store);
    mkdirSync(dirname(store), { recursive: true });
    if (!existsSync(store)) return s;
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(store, 'utf8'), crlfDelay: Infinity })) {
      n++;
      if (!line.trim()) continue;
      let row: { id?: string; url?: string };
      try {
        row = JSON.parse(line) as { id?: string; url?: string };
      } catch {
        throw new CliError(`${store}:${n}: the store is damaged (invalid JSON)`);
      }
      if (row.id) s.ids.add(row.id);
      for (const k of reportKeys(row.url)) s.keys.add(k);
    }
    return s;
  }

  /** Appends the records not held yet; one write for the batch. */
  append(records: HarvestedRecord[], importId: string): SinkResult {
    const lines: string[] = [];
    let duplicates = 0;
    for (const r of records) {
      const id = reportId(r.url, r.text);
      const ks = reportKeys(r.url, r.archiveUrl);
      if (this.ids.has(id) || ks.some((k) => this.keys.has(k))) {
        duplicates++;
        continue;
      }
      this.ids.add(id);
      for (const k of ks) this.keys.add(k);
      lines.push(`${JSON.stringify({ ...r, id, importId })}\n`);
    }
    if (lines.length) appendFileSync(this.store, lines.join(''));
    return { added: lines.length, duplicates };
  }
}

/** Writes JSON to a file through a temporary file and a rename: never half a state. */
function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    throw new CliError(`${file}: the state file is damaged (invalid JSON); delete it to start again`);
  }
}

/** Where a run keeps its state: beside the store, named for what it reads. */
function stateFile(store: string, kind: string, key: string): string {
  return join(dirname(store), 'runs', `${kind}-${hash53(key)}.json`);
}

interface ArchiveRun {
  importId: string;
  state: ArchiveState;
}

export interface ArchiveSummary {
  file: string;
  importId: string;
  resumed: boolean;
  done: boolean;
  records: number;
  pages: number;
  articles: number;
  added: number;
  duplicates: number;
  skipped: ArchiveState['skipped'];
  problems: ArchiveState['problems'];
}

/** Imports one archive file into the store, resuming a run of the same file that was stopped. */
export async function importArchiveFile(store: string, file: string, opts: { anySite?: boolean; signal?: AbortSignal; progress?: (s: ArchiveState) => void }): Promise<ArchiveSummary> {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  let members;
  try {
    members = await membersOf(basename(file), await openAsBlob(file));
  } catch (e) {
    if (e instanceof ArchiveError) throw new CliError(e.message);
    throw e;
  }
  const runFile = stateFile(store, 'archive', resolve(file));
  const prior = readJson<ArchiveRun>(runFile);
  const resumed = !!prior?.state.checkpoint;
  const run: ArchiveRun = resumed ? prior! : { importId: `import-${Date.now().toString(36)}-${hash53(file)}`, state: newArchiveState(basename(file)) };
  const appender = await StoreAppender.open(store);
  const state = await importArchive(members, {
    file: basename(file),
    parse: parseDocument,
    anySite: opts.anySite,
    state: run.state,
    signal: opts.signal,
    onProgress: (s) => opts.progress?.(s),
    // The records first, then the state that says they are stored.
    sink: async (records, s) => {
      const res = appender.append(records, run.importId);
      const after = { ...s, added: s.added + res.added, duplicates: s.duplicates + res.duplicates };
      if (s.checkpoint) writeJsonAtomic(runFile, { importId: run.importId, state: after } satisfies ArchiveRun);
      else rmSync(runFile, { force: true });
      return res;
    },
  });
  return {
    file,
    importId: run.importId,
    resumed,
    done: state.checkpoint === null,
    records: state.records,
    pages: state.pages,
    articles: state.articles,
    added: state.added,
    duplicates: state.duplicates,
    skipped: state.skipped,
    problems: state.problems,
  };
}

/** Ctrl-C stops after the current record or page; its state is saved, nothing is lost. */
export function stopOnSigint(): { signal: AbortSignal; release: () => void } {
  const ac = new AbortController();
  const onSig = () => {
    if (ac.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping after this page (Ctrl-C again to quit at once)…\n');
    ac.abort();
  };
  process.on('SIGINT', onSig);
  return { signal: ac.signal, release: () => process.off('SIGINT', onSig) };
}

/** One line of progress on stderr, rewritten in place on a terminal. */
export function progressLine(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
}

interface HarvestRun {
  importId: string;
  state: HarvestState;
  targets: Target[];
}

export interface HarvestCliOptions {
  plan: HarvestPlan;
  update?: boolean;
  estimate?: boolean;
  delayMs?: number;
  hostMap?: Record<string, string>;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** `host=origin,host=origin` (ISNAD_HOST_MAP, --host-map): tests send real host names to local servers. */
export function parseHostMap(s: string | undefined): Record<string, string> | undefined {
  if (!s) return undefined;
  const map: Record<string, string> = {};
  for (const pair of s.split(',')) {
    const [host, origin] = pair.split('=');
    if (!host || !origin || !URL.canParse(origin)) throw new CliError(`--host-map: expected host=origin pairs, got "${pair}"`);
    map[host.trim()] = origin.trim();
  }
  return map;
}

function summaryOf(run: HarvestRun, resumed: boolean) {
  const s = run.state;
  return { importId: run.importId, outlet: s.plan.outlet, source: s.plan.source, resumed, status: s.status, estimate: s.total, done: s.cursor, pages: s.pages, articles: s.articles, added: s.added, duplicates: s.duplicates, skipped: s.skipped, problems: s.problems };
}

/** `corpus harvest`: lists, then fetches one page at a time into the store; resumes a stopped run. */
export async function harvestOutlet(store: string, o: HarvestCliOptions): Promise<unknown> {
  let plan: HarvestPlan;
  try {
    plan = { ...o.plan, outlet: outletHosts(o.plan.outlet).id };
  } catch (e) {
    if (e instanceof PlanError) throw new CliError(e.message);
    throw e;
  }
  const last = stateFile(store, 'last', `${plan.source}\n${plan.outlet}`);
  if (o.update) {
    const prev = readJson<{ startedAt: string }>(last);
    if (!prev) throw new CliError(`--update: no finished ${plan.source} harvest of ${plan.outlet} in this store yet`);
    plan = { ...plan, since: prev.startedAt };
  }
  const runFile = stateFile(store, 'harvest', JSON.stringify(plan));
  const fetcher = new PoliteFetcher({ delayMs: o.delayMs, hostMap: o.hostMap, manualRedirects: true, onWait: (ms, why) => o.log?.(`waiting ${Math.round(ms / 1000)} s (${why})`) });
  const deps = { fetcher, robots: new RobotsCache(fetcher), parse: parseDocument };
  let run = readJson<HarvestRun>(runFile);
  const resumed = !!run && run.state.status !== 'done';
  if (!run || run.state.status === 'done') {
    let listing;
    try {
      listing = await listTargets(plan, deps, o.signal);
    } catch (e) {
      if (e instanceof PlanError || e instanceof FetchError) throw new CliError(e.message);
      throw e;
    }
    const importId = `harvest-${Date.now().toString(36)}-${hash53(runFile)}`;
    run = { importId, state: newHarvest(importId, plan, listing), targets: listing.targets };
    if (o.estimate) return { ...summaryOf(run, false), status: 'estimate' };
    writeJsonAtomic(runFile, run);
  } else if (o.estimate) return { ...summaryOf(run, true), status: 'estimate' };
  const appender = await StoreAppender.open(store);
  const current = run;
  const state = await runHarvest(current.targets, current.state, deps, async (records, s) => {
    const res = appender.append(records, current.importId);
    writeJsonAtomic(runFile, { ...current, state: { ...s, added: s.added + res.added, duplicates: s.duplicates + res.duplicates } } satisfies HarvestRun);
    return res;
  }, { signal: o.signal, onProgress: (s) => progressLine(`${plan.outlet}: ${s.cursor}/${s.total} pages, ${s.articles} articles, ${s.added} added`) });
  progressLine('');
  if (state.status === 'done') writeJsonAtomic(last, { startedAt: state.startedAt });
  return summaryOf({ ...current, state }, resumed);
}
