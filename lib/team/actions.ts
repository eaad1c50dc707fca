// The team corpus's actions, as the background runs them: the server's settings, related reports for an
// article, sharing an import, and "keep a local copy". Independent of the browser's APIs (the
// permission check and fetch come in `TeamDeps`), so tests run it on fake-indexeddb against a
// real team server. Without a server set up, nothing here makes a request.
import type { IsnadDB } from '../db';
import { beginImport, finishImport, ImportStopped, importPart } from '../engine/imports';
import { outletIdFromName } from '../outlets/identity';
import { articleQuery } from '../engine/context';
import type { Article, RelatedReport, ReportRecord } from '../types';
import { TOKEN_SHAPE, teamAddress, validTeamName } from './address';
import { TeamHttp, type Fetch } from './client';
import { TeamError } from './errors';
import { teamQueryFor } from './query';
import { teamConfig, type TeamConfig, type TeamDB } from './store';
import type { PullFilter, PullState, TeamConnect, TeamRelated, TeamShareRequest, TeamShareStep, TeamStatus } from './types';
import { getReports, reportIds } from '../corpus/report-pages';

export interface TeamDeps {
  teamDb: TeamDB;
  corpus: IsnadDB;
  /** Whether the extension holds the host permission for an origin pattern (`https://host/*`). */
  permitted(pattern: string): Promise<boolean>;
  fetch?: Fetch;
  now?: () => number;
}

/** Reports sent to the server a request at a time when sharing (the server takes up to 2,000). */
const SHARE_BATCH = 500;
/** Reports read from the changes feed a request at a time when pulling. */
const PULL_BATCH = 500;
/** Related team reports asked for an article. */
const TEAM_TOP = 10;

const statusOf = (c: TeamConfig): TeamStatus => ({ origin: c.origin, team: c.team, member: c.member, role: c.role, reports: c.reports, insecure: c.insecure });

async function connected(deps: TeamDeps): Promise<{ config: TeamConfig; http: TeamHttp }> {
  const config = await teamConfig(deps.teamDb);
  if (!config) throw new Error('no team server is set up');
  // The reader may have taken the permission back in the browser's settings.
  if (!(await deps.permitted(config.pattern))) throw new TeamError('permission', config.pattern);
  return { config, http: new TeamHttp(config.origin, config.team, config.token, deps.fetch) };
}

/** The server set up, as pages may see it (no token); null without one. No request is made. */
export async function teamStatus(deps: TeamDeps): Promise<TeamStatus | null> {
  const c = await teamConfig(deps.teamDb);
  return c ? statusOf(c) : null;
}

/** Checks the address, team and token with the server (`GET me`) and keeps them when it answers. */
export async function connectTeam(deps: TeamDeps, req: TeamConnect): Promise<TeamStatus> {
  const address = teamAddress(req.server);
  if ('error' in address) throw new Error('team:address: not an http(s) address of a server');
  const team = req.team.trim();
  const token = req.token.trim();
  if (!validTeamName(team)) throw new Error('team:team: not a team name');
  if (!TOKEN_SHAPE.test(token)) throw new Error('team:token: not an Isnad team token');
  if (!(await deps.permitted(address.pattern))) throw new TeamError('permission', address.pattern);
  const me = await new TeamHttp(address.origin, team, token, deps.fetch).me();
  if (me.team !== team) throw new TeamError('answer', `the token is of team ${me.team}`);
  const config: TeamConfig = { k: 'server', origin: address.origin, pattern: address.pattern, team, token, member: me.member, role: me.role, reports: me.reports, insecure: address.insecure };
  await deps.teamDb.transaction('rw', deps.teamDb.config, deps.teamDb.pulls, async () => {
    // Another server's or team's pulls do not go on against this one.
    const before = await teamConfig(deps.teamDb);
    if (before && (before.origin !== config.origin || before.team !== config.team)) await deps.teamDb.pulls.clear();
    await deps.teamDb.config.put(config);
  });
  return statusOf(config);
}

/** Asks the server again who the token is (its role may have changed, the token been revoked). */
export async function checkTeam(deps: TeamDeps): Promise<TeamStatus> {
  const { config, http } = await connected(deps);
  const me = await http.me();
  const next: TeamConfig = { ...config, member: me.member, role: me.role, reports: me.reports };
  await deps.teamDb.config.put(next);
  return statusOf(next);
}

/** Forgets the server, its token and its pulls; returns the host permission it used. Reports already pulled stay. */
export async function forgetTeam(deps: TeamDeps): Promise<string | null> {
  const c = await teamConfig(deps.teamDb);
  await deps.teamDb.transaction('rw', deps.teamDb.config, deps.teamDb.pulls, async () => {
    await deps.teamDb.config.clear();
    await deps.teamDb.pulls.clear();
  });
  return c?.pattern ?? null;
}

/**
 * The team's reports related to an article: null, without a request, when no server is set up.
 * Sends the article's analysis (lib/team/query.ts), never its text. A server that does not
 * answer is an `error` beside no results, not a failure of the page's own context.
 */
export async function teamRelated(deps: TeamDeps, article: Article, local: readonly RelatedReport[] = []): Promise<TeamRelated | null> {
  const config = await teamConfig(deps.teamDb);
  if (!config) return null;
  const out: TeamRelated = { team: config.team, origin: config.origin, related: [] };
  try {
    const { http } = await connected(deps);
    const q = articleQuery(article);
    const related = await http.query(teamQueryFor(q, TEAM_TOP));
    // A report the reader's own corpus already shows is not shown twice.
    const shown = new Set([q.url, ...(q.otherUrls ?? []), ...local.map((r) => r.url)]);
    out.related = related.filter((r) => !shown.has(r.url));
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  return out;
}

const mayWrite = (c: TeamConfig) => c.role === 'contributor' || c.role === 'admin';

/** One step of sharing: SHARE_BATCH reports of an import (or the captured articles) after `after`, or the reports chosen. */
export async function shareStep(deps: TeamDeps, req: TeamShareRequest): Promise<TeamShareStep> {
  const { config, http } = await connected(deps);
  if (!mayWrite(config)) throw new TeamError('forbidden', `a ${config.role} may not add reports`);
  let part: string[];
  let next: string | null = null;
  let source: string;
  if ('ids' in req) {
    if (!Array.isArray(req.ids)) throw new Error('ids: a list of report ids');
    part = [...new Set(req.ids.filter((id) => typeof id === 'string'))];
    if (part.length > SHARE_BATCH) throw new Error(`at most ${SHARE_BATCH} chosen reports a step`);
    source = 'chosen';
  } else {
    const ids = await reportIds(deps.corpus, { importId: req.importId });
    const from = req.after === undefined ? 0 : ids.findIndex((id) => id > req.after!);
    part = from < 0 ? [] : ids.slice(from, from + SHARE_BATCH);
    if (part.length && from + part.length < ids.length) next = part[part.length - 1]!;
    source = (await deps.corpus.jobs.get(req.importId))?.file ?? req.importId;
  }
  // A chosen id the corpus no longer holds (deleted meanwhile) is left out.
  const reports = part.length ? (await getReports(deps.corpus, part)).filter((r) => r !== undefined) : [];
  if (reports.length === 0) return { sent: 0, added: 0, duplicates: 0, problems: [], next: null };
  const records: ReportRecord[] = reports.map((r) => ({ url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt, text: r.text }));
  const res = await http.addReports(records, source.slice(0, 200));
  return {
    sent: records.length,
    added: res.added,
    duplicates: res.duplicates,
    problems: res.problems.map((p) => `${records[p.index]?.url ?? p.index}: ${p.reason}`),
    next,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter as stored (its fields checked); its key names the pull. */
function pullFilter(f: PullFilter): PullFilter {
  const out: PullFilter = {};
  if (typeof f.outlet === 'string' && f.outlet.trim()) out.outlet = f.outlet.trim().slice(0, 200);
  if (typeof f.from === 'string' && DAY.test(f.from)) out.from = f.from;
  if (typeof f.to === 'string' && DAY.test(f.to)) out.to = f.to;
  return out;
}

/** Whether a team report is one the reader asked to keep. */
export function matchesPull(f: PullFilter, r: { outlet?: unknown; publishedAt?: unknown }): boolean {
  if (f.outlet !== undefined) {
    const o = typeof r.outlet === 'string' ? r.outlet : '';
    if ((outletIdFromName(o) ?? o) !== f.outlet) return false;
  }
  if (f.from !== undefined || f.to !== undefined) {
    const day = typeof r.publishedAt === 'string' ? r.publishedAt.slice(0, 10) : '';
    if (!DAY.test(day)) return false;
    if (f.from !== undefined && day < f.from) return false;
    if (f.to !== undefined && day > f.to) return false;
  }
  return true;
}

const pullId = (f: PullFilter) => JSON.stringify([f.outlet ?? null, f.from ?? null, f.to ?? null]);

/** The pulls begun (their progress), newest first. */
export async function teamPulls(deps: TeamDeps): Promise<PullState[]> {
  return (await deps.teamDb.pulls.toArray()).sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * One step of "keep a local copy": the next PULL_BATCH reports of the team's changes feed, those
 * matching the filter written into the local corpus (one import per pull). Where it stands is
 * kept after each step, and each step's reports are written once (the import's part is the
 * sequence number it starts after): a pull stopped anywhere — the service worker or the browser
 * killed — goes on from its last step when asked again.
 */
export async function pullStep(deps: TeamDeps, filter: PullFilter): Promise<PullState> {
  const { config, http } = await connected(deps);
  const now = deps.now ?? Date.now;
  const f = pullFilter(filter);
  const id = pullId(f);
  const source = `team-pull:${config.origin}/${config.team}:${id}`;
  let state = await deps.teamDb.pulls.get(id);
  if (!state || state.done) {
    // A pull done before goes on from where it ended: only what the team added since is read.
    const { reports } = await http.me();
    const label = [f.outlet, f.from || f.to ? `${f.from ?? '…'}–${f.to ?? '…'}` : ''].filter(Boolean).join(' ');
    const job = await beginImport(deps.corpus, { file: `${config.team} @ ${new URL(config.origin).host}${label ? ` (${label})` : ''}`, total: Math.max(1, reports), problems: [], source }, now());
    state = { id, filter: f, after: state?.after ?? 0, seen: 0, kept: 0, added: 0, total: reports, importId: job.id, done: false, updatedAt: now() };
    await deps.teamDb.pulls.put(state);
  }
  const page = await http.changes(state.after, PULL_BATCH);
  const kept = page.reports.filter((r) => matchesPull(f, r.record)).map((r) => r.record);
  let { added, kept: keptSoFar } = state;
  if (kept.length) {
    const write = () => importPart(deps.corpus, state.importId, kept, undefined, { part: state.after });
    const job = await write().catch(async (e: unknown) => {
      if (!(e instanceof ImportStopped)) throw e;
      // Marked stopped while the pull waited (the import list closes silent imports): resumed.
      const total = (await deps.corpus.jobs.get(state.importId))?.total ?? 1;
      await beginImport(deps.corpus, { file: '', total, problems: [], source }, now());
      return write();
    });
    // Counted by the import (each part once), not by this step: a step run again counts nothing twice.
    added = job.added;
    keptSoFar = job.done;
  }
  const done = page.reports.length === 0;
  if (done) added = (await finishImport(deps.corpus, state.importId)).added;
  const next: PullState = { ...state, after: page.next, seen: state.seen + page.reports.length, kept: keptSoFar, added, done, updatedAt: now() };
  await deps.teamDb.pulls.put(next);
  return next;
}
