// Each outlet's habits across the whole corpus: the words it uses for each actor and the frames
// it reaches for, counted in mentions and in reports.
import { analysedText } from './compare';
import { outletNames } from './outlets';
import type { Analyser, GroupReport, OutletProfile } from './types';

interface Tally {
  count: number;
  reports: Set<string>;
}
const tally = (m: Map<string, Tally>, k: string, report: string) => {
  const t = m.get(k) ?? { count: 0, reports: new Set<string>() };
  t.count++;
  t.reports.add(report);
  m.set(k, t);
};
const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

export function outletProfiles(reports: Iterable<GroupReport>, analyse: Analyser): OutletProfile[] {
  const outlets = new Map<string, { reports: number; actors: Map<string, { actor: string; actorEn?: string; terms: Map<string, Tally> }>; frames: Map<string, Tally>; types: Map<string, Tally> }>();
  for (const r of reports) {
    const p = outlets.get(r.outlet) ?? { reports: 0, actors: new Map(), frames: new Map(), types: new Map() };
    p.reports++;
    const a = analyse(analysedText(r), r.publishedAt);
    for (const n of a.naming) {
      const actor = p.actors.get(n.actorId) ?? { actor: n.actor, actorEn: n.actorEn, terms: new Map() };
      tally(actor.terms, n.term, r.id);
      p.actors.set(n.actorId, actor);
    }
    for (const f of a.frames) tally(p.frames, f.frame, r.id);
    for (const s of a.attributions) tally(p.types, s.sourceType, r.id);
    outlets.set(r.outlet, p);
  }
  return [...outlets]
    .map(([outlet, p]) => ({
      outlet,
      name: outletNames(outlet),
      reports: p.reports,
      naming: [...p.actors]
        .map(([actorId, { actor, actorEn, terms }]) => ({
          actorId,
          actor,
          ...(actorEn ? { actorEn } : {}),
          terms: [...terms].map(([term, t]) => ({ term, count: t.count, reports: t.reports.size })).sort(byCount),
        }))
        .sort((a, b) => b.terms.reduce((s, t) => s + t.count, 0) - a.terms.reduce((s, t) => s + t.count, 0)),
      frames: [...p.frames].map(([frame, t]) => ({ frame, count: t.count, reports: t.reports.size })).sort(byCount),
      sourceTypes: [...p.types].map(([type, t]) => ({ type, count: t.count })).sort(byCount),
    }))
    .sort((a, b) => b.reports - a.reports || a.outlet.localeCompare(b.outlet));
}
