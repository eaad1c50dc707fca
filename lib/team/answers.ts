// The team server's answers, checked field by field before anything of them reaches a page. The
// server is the reader's own choice, but its data was written by many people and its address may
// be misconfigured: a value of the wrong type or size is dropped, never passed on, and every
// string stays a string (pages render it as text, links only through lib/safe-href.ts).
import type { EventAspect, RelatedEvent, RelatedReport, ReportRecord } from '../types';
import { TeamError } from './errors';
import type { TeamRole } from './types';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strs = (v: unknown, maxItems: number, max: number): string[] | undefined =>
  Array.isArray(v) ? v.slice(0, maxItems).filter((s): s is string => typeof s === 'string' && s.length <= max) : undefined;

/** Team reports' ids are kept apart from the local corpus's (a local id never names a team report). */
const TEAM_ID_PREFIX = 'team:';

function event(v: unknown): RelatedEvent | undefined {
  if (!isObj(v)) return undefined;
  const type = str(v.type, 100);
  if (type === undefined) return undefined;
  const p = v.place;
  const place = isObj(p) && str(p.id, 200) !== undefined && str(p.name, 200) !== undefined ? { id: p.id as string, name: p.name as string } : null;
  const day = str(v.day, 10);
  return { type, place, day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null };
}

const ASPECTS: ReadonlySet<string> = new Set(['place', 'wide-place', 'day', 'what', 'killed', 'injured', 'actor', 'recurring', 'words']);

/** What two events agree or differ on (lib/types.ts EventAspect): unknown kinds and bad fields dropped. */
function aspects(v: unknown): EventAspect[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.slice(0, 20).flatMap((x): EventAspect[] => {
    if (!isObj(x) || typeof x.kind !== 'string' || !ASPECTS.has(x.kind)) return [];
    const out: EventAspect = { kind: x.kind as EventAspect['kind'] };
    const a = str(x.a, 500);
    const b = str(x.b, 500);
    if (a !== undefined) out.a = a;
    if (b !== undefined) out.b = b;
    const names = strs(x.names, 2, 200);
    if (names?.length === 2) out.names = [names[0]!, names[1]!];
    const days = num(x.days);
    if (days !== undefined) out.days = days;
    return [out];
  });
}

/** One related report as the server sent it, or null when it is not one. */
export function relatedReport(v: unknown): RelatedReport | null {
  if (!isObj(v)) return null;
  const id = str(v.id, 200);
  const url = str(v.url, 4096);
  const outlet = str(v.outlet, 200);
  const title = str(v.title, 1000);
  const score = num(v.score);
  const relation = v.relation === 'same-event' || v.relation === 'related' ? v.relation : undefined;
  const publishedAt = v.publishedAt === null ? null : str(v.publishedAt, 40);
  if (id === undefined || url === undefined || outlet === undefined || title === undefined || score === undefined || !relation || publishedAt === undefined) return null;
  const r: RelatedReport = {
    id: `${TEAM_ID_PREFIX}${id}`,
    url,
    outlet,
    title,
    publishedAt,
    score,
    relation,
    sharedEntities: strs(v.sharedEntities, 50, 200) ?? [],
    sharedTerms: strs(v.sharedTerms, 50, 200) ?? [],
    dateGapDays: num(v.dateGapDays) ?? null,
  };
  const eventId = str(v.eventId, 200);
  if (eventId !== undefined) r.eventId = `${TEAM_ID_PREFIX}${eventId}`;
  const phrases = strs(v.sharedPhrases, 10, 500);
  if (phrases) r.sharedPhrases = phrases;
  const sources = strs(v.sharedSources, 20, 200);
  if (sources) r.sharedSources = sources;
  if (Array.isArray(v.duplicates)) {
    r.duplicates = v.duplicates.slice(0, 20).flatMap((d) => {
      if (!isObj(d)) return [];
      const [did, durl, dout] = [str(d.id, 200), str(d.url, 4096), str(d.outlet, 200)];
      return did !== undefined && durl !== undefined && dout !== undefined ? [{ id: `${TEAM_ID_PREFIX}${did}`, url: durl, outlet: dout }] : [];
    });
  }
  const p = num(v.probability);
  if (p !== undefined && p >= 0 && p <= 1) r.probability = p;
  const e = event(v.event);
  if (e) r.event = e;
  const agreed = aspects(v.agreed);
  if (agreed) r.agreed = agreed;
  const differed = aspects(v.differed);
  if (differed) r.differed = differed;
  return r;
}

/** `POST query`'s answer: its related reports that are well formed (at most `top`). */
export function relatedAnswer(v: unknown, top: number): RelatedReport[] {
  if (!isObj(v) || !Array.isArray(v.related)) throw new TeamError('answer', 'the server did not answer with related reports');
  return v.related.slice(0, top).map(relatedReport).filter((r): r is RelatedReport => r !== null);
}

const ROLES: readonly TeamRole[] = ['reader', 'contributor', 'admin'];

/** `GET me`'s answer. */
export function meAnswer(v: unknown): { team: string; member: string; role: TeamRole; reports: number } {
  const team = isObj(v) ? str(v.team, 200) : undefined;
  const member = isObj(v) ? str(v.member, 200) : undefined;
  const role = isObj(v) && ROLES.includes(v.role as TeamRole) ? (v.role as TeamRole) : undefined;
  const reports = isObj(v) ? num(v.reports) : undefined;
  if (team === undefined || member === undefined || !role || reports === undefined) throw new TeamError('answer', 'the server did not answer as an Isnad team server');
  return { team, member, role, reports: Math.max(0, Math.floor(reports)) };
}

/** `GET changes`' answer: each report (its record as the server holds it; checked again on import) and where to go on. */
export function changesAnswer(v: unknown, after: number): { reports: Array<{ seq: number; record: ReportRecord }>; next: number } {
  if (!isObj(v) || !Array.isArray(v.reports) || num(v.next) === undefined) throw new TeamError('answer', 'the server did not answer with its changes feed');
  const reports: Array<{ seq: number; record: ReportRecord }> = [];
  let last = after;
  for (const r of v.reports) {
    const seq = isObj(r) ? num(r.seq) : undefined;
    // The feed goes forward: a sequence number at or before the last one would loop forever.
    if (seq === undefined || seq <= last || !isObj(r) || !isObj(r.record)) throw new TeamError('answer', 'the server\'s changes feed is out of order');
    last = seq;
    reports.push({ seq, record: r.record as unknown as ReportRecord });
  }
  const next = num(v.next)!;
  if (next < last || (reports.length === 0 && next !== after)) throw new TeamError('answer', 'the server\'s changes feed is out of order');
  return { reports, next };
}

/** `POST reports`' answer. */
export function addAnswer(v: unknown): { added: number; duplicates: number; problems: Array<{ index: number; reason: string }> } {
  if (!isObj(v) || num(v.added) === undefined || num(v.duplicates) === undefined) throw new TeamError('answer', 'the server did not answer the upload');
  const problems = Array.isArray(v.problems)
    ? v.problems.slice(0, 1000).flatMap((p) => (isObj(p) && num(p.index) !== undefined && typeof p.reason === 'string' ? [{ index: p.index as number, reason: p.reason.slice(0, 500) }] : []))
    : [];
  return { added: v.added as number, duplicates: v.duplicates as number, problems };
}
