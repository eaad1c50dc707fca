// One event told by several outlets: who published when, what each calls the actors, how it
// frames what happened, whom it cites, the numbers it gives, and what only it says.
import { terms } from '../arabic';
import { inContext } from './context';
import { outletNames } from './outlets';
import { comparable, findNumbers } from './numbers';
import type { Analyser, Comparison, GroupReport, InContext, NumberDisagreement, OutletNarrative } from './types';

const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** The text analysed for a report: its headline, a line break, its body (offsets index into it). */
export function analysedText(r: Pick<GroupReport, 'title' | 'text'>): string {
  return `${r.title}\n${r.text}`;
}

function countInto<K>(m: Map<K, number>, k: K): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

interface Analysed {
  r: GroupReport;
  full: string;
  ctx: (start: number, end: number) => InContext;
  analysis: ReturnType<Analyser>;
}

// A statement counts as said elsewhere when most of its content words occur in another outlet's
// reports of the group: the same statement reworded keeps its names and key words.
const SAID_ELSEWHERE = 0.5;

function claimTerms(text: string): Set<string> {
  return new Set(terms(text).filter((t) => t.length > 2));
}

export interface CompareOptions {
  /** Outlet of the article the reader is on (its column comes first). */
  current?: string;
  basis?: Comparison['basis'];
}

/**
 * Compares a group of reports of one event. The first report is the article the reader is on,
 * when there is one; outlets are ordered by who published first, undated ones last.
 */
export function compareReports(group: GroupReport[], analyse: Analyser, opts: CompareOptions = {}): Comparison {
  const analysed: Analysed[] = group.map((r) => {
    const full = analysedText(r);
    return { r, full, analysis: analyse(full, r.publishedAt), ctx: (s, e) => inContext(full, r.title.length, r.id, s, e) };
  });
  const byOutlet = new Map<string, Analysed[]>();
  for (const a of analysed) byOutlet.set(a.r.outlet, [...(byOutlet.get(a.r.outlet) ?? []), a]);

  const outletTerms = new Map([...byOutlet].map(([o, as]) => [o, new Set(as.flatMap((a) => terms(a.full)))]));
  const dates = group.map((r) => r.publishedAt).filter((d): d is string => !!d).sort();
  const earliest = dates[0] ?? null;
  // "Who published first" only means something for one event two outlets or more told: a group
  // of one outlet's reports, or of merely related reports, is not an event comparison.
  const basis: Comparison['basis'] = (opts.basis ?? 'same-event') === 'same-event' && byOutlet.size >= 2 ? 'same-event' : 'related';

  const outlets: OutletNarrative[] = [...byOutlet].map(([outlet, as]) => {
    const first = as.map((a) => a.r.publishedAt).filter((d): d is string => !!d).sort()[0] ?? null;
    return {
      outlet,
      reports: as.map(({ r }) => ({ id: r.id, title: r.title, publishedAt: r.publishedAt, url: r.url })),
      first,
      lagDays: basis === 'same-event' && first && earliest ? Math.round(day(first) - day(earliest)) : null,
      current: outlet === (opts.current ?? group[0]?.outlet),
      naming: naming(as),
      frames: frames(as),
      ...sourcesAndClaims(as, outlet, outletTerms),
      // Counts only: a duration ("for two years", "two days later") is no figure of the event.
      numbers: as.flatMap((a) =>
        findNumbers(a.full).filter((n) => n.what !== 'duration').map((n) => {
          const { start, end, ...rest } = n;
          return { ...rest, context: a.ctx(start, end) };
        }),
      ),
    };
  });
  outlets.sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999') || Number(b.current) - Number(a.current));

  const head = group[0];
  return {
    event: { title: head?.title ?? '', from: earliest, to: dates[dates.length - 1] ?? null },
    basis,
    article: head?.id ?? null,
    names: Object.fromEntries(outlets.map((o) => [o.outlet, outletNames(o.outlet)])),
    outlets,
    // Numbers of merely related reports count different things: no disagreement to report.
    disagreements: basis === 'same-event' ? disagreements(outlets) : [],
  };
}

function naming(as: Analysed[]): OutletNarrative['naming'] {
  const actors = new Map<string, { actor: string; actorEn?: string; counts: Map<string, number> }>();
  for (const a of as) {
    for (const n of a.analysis.naming) {
      const entry = actors.get(n.actorId) ?? { actor: n.actor, actorEn: n.actorEn, counts: new Map() };
      countInto(entry.counts, n.term);
      actors.set(n.actorId, entry);
    }
  }
  return [...actors].map(([actorId, { actor, actorEn, counts }]) => ({
    actorId,
    actor,
    ...(actorEn ? { actorEn } : {}),
    terms: [...counts].sort((x, y) => y[1] - x[1]).map(([term, count]) => ({ term, count })),
  }));
}

function frames(as: Analysed[]): OutletNarrative['frames'] {
  const byFrame = new Map<string, { cues: Set<string>; contexts: InContext[] }>();
  for (const a of as) {
    for (const f of a.analysis.frames) {
      const entry = byFrame.get(f.frame) ?? { cues: new Set(), contexts: [] };
      entry.cues.add(f.cue);
      entry.contexts.push(a.ctx(f.start, f.end));
      byFrame.set(f.frame, entry);
    }
  }
  // Frames the headline carries first: they are the ones the reader sees.
  return [...byFrame]
    .map(([frame, { cues, contexts }]) => ({ frame, cues: [...cues], contexts: contexts.sort((x, y) => Number(y.inTitle) - Number(x.inTitle)) }))
    .sort((x, y) => Number(y.contexts[0]?.inTitle) - Number(x.contexts[0]?.inTitle) || y.contexts.length - x.contexts.length);
}

function sourcesAndClaims(as: Analysed[], outlet: string, outletTerms: Map<string, Set<string>>): Pick<OutletNarrative, 'sources' | 'claims'> {
  const sources = new Map<string, { name: string; type: string; count: number }>();
  const claims: OutletNarrative['claims'] = [];
  const others = [...outletTerms].filter(([o]) => o !== outlet).map(([, t]) => t);
  for (const a of as) {
    for (const at of a.analysis.attributions) {
      const key = `${at.source}\u0000${at.sourceType}`;
      const s = sources.get(key) ?? { name: at.source, type: at.sourceType, count: 0 };
      s.count++;
      sources.set(key, s);
      const context = a.ctx(at.start, at.end);
      const words = claimTerms(context.text);
      const coverage = (t: Set<string>) => (words.size ? [...words].filter((w) => t.has(w)).length / words.size : 1);
      const onlyHere = others.length > 0 && others.every((t) => coverage(t) < SAID_ELSEWHERE);
      claims.push({ source: at.source, sourceType: at.sourceType, cue: at.cue, context, onlyHere });
    }
  }
  return { sources: [...sources.values()].sort((x, y) => x.type.localeCompare(y.type) || y.count - x.count), claims };
}

// Counts of people and strikes are the numbers outlets dispute; a story holds many sums of money,
// distances and durations that count different things, so those are listed, not set against.
const DISPUTED = new Set(['fighters', 'casualties', 'strikes', 'people']);

/** Kinds of numbers that at least two outlets give and on which they share no value. */
function disagreements(outlets: OutletNarrative[]): NumberDisagreement[] {
  const byKey = new Map<string, Map<string, Array<{ amount: number | string; n: OutletNarrative['numbers'][number] }>>>();
  for (const o of outlets) {
    for (const n of o.numbers) {
      if (!DISPUTED.has(n.what)) continue;
      const { key, amount } = comparable({ ...n, start: 0, end: 0 });
      const perOutlet = byKey.get(key) ?? new Map();
      perOutlet.set(o.outlet, [...(perOutlet.get(o.outlet) ?? []), { amount, n }]);
      byKey.set(key, perOutlet);
    }
  }
  const out: NumberDisagreement[] = [];
  for (const perOutlet of byKey.values()) {
    if (perOutlet.size < 2) continue;
    const sets = [...perOutlet.values()].map((vs) => new Set(vs.map((v) => v.amount)));
    const shared = [...sets[0]!].some((v) => sets.every((s) => s.has(v)));
    if (shared) continue;
    const [first] = [...perOutlet.values()][0]!;
    out.push({
      what: first!.n.what,
      unit: first!.n.unit,
      values: [...perOutlet].flatMap(([outlet, vs]) => vs.map(({ n }) => ({ outlet, value: n.value, text: n.text }))),
    });
  }
  return out;
}
