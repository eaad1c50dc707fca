import { t, type MessageKey } from '../lib/i18n';
import type { EventAspect, RelatedReport } from '../lib/types';

export interface RelatedGroup {
  /** `same-event`, `related`, or an event id once the engine groups reports by event. */
  key: string;
  relation: RelatedReport['relation'];
  reports: RelatedReport[];
}

/**
 * Related reports grouped by event, the current article's event first. Reports the engine tags
 * with an event id (a later field) are grouped by it; otherwise by their relation.
 */
export function groupRelated(related: readonly RelatedReport[]): RelatedGroup[] {
  const groups = new Map<string, RelatedGroup>();
  for (const r of related) {
    const eventId = (r as RelatedReport & { eventId?: string }).eventId;
    const key = eventId ?? r.relation;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, relation: r.relation, reports: [] }));
    g.reports.push(r);
  }
  const rank = (g: RelatedGroup) => (g.relation === 'same-event' ? 0 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || Math.max(...b.reports.map((r) => r.score)) - Math.max(...a.reports.map((r) => r.score)));
}

/** The words that explain a relation: shared entities first, else shared terms. */
export function reasonsOf(r: RelatedReport, max = 6): string[] {
  return (r.sharedEntities.length ? r.sharedEntities : r.sharedTerms).slice(0, max);
}

/** Days between two reports in words the UI fills in; null when a date is missing. */
export function gapKind(days: number | null): 'same-day' | 'days' | null {
  if (days === null) return null;
  return Math.abs(days) < 1 ? 'same-day' : 'days';
}

/** The ids of the sources any related report shares with the article, once each, sorted. */
export function sourceIdsOf(related: readonly RelatedReport[]): string[] {
  return [...new Set(related.flatMap((r) => r.sharedSources ?? []))].sort();
}

const ASPECT_KEYS: Record<EventAspect['kind'], MessageKey> = {
  place: 'aspectPlace',
  'wide-place': 'aspectWidePlace',
  day: 'aspectDay',
  what: 'aspectWhat',
  killed: 'aspectKilled',
  injured: 'aspectInjured',
  actor: 'aspectActor',
  recurring: 'aspectRecurring',
  words: 'shared',
};

/** What an aspect of an event is called in the UI's language ("place", "day of the event"…). */
export function aspectLabel(kind: EventAspect['kind']): string {
  return t(ASPECT_KEYS[kind]);
}

const TYPE_KEYS: Record<string, MessageKey> = {
  airstrike: 'eventAirstrike', shelling: 'eventShelling', bombing: 'eventBombing', clashes: 'eventClashes',
  takeover: 'eventTakeover', surrender: 'eventSurrender', agreement: 'eventAgreement', statement: 'eventStatement',
  arrest: 'eventArrest', killing: 'eventKilling', displacement: 'eventDisplacement', disaster: 'eventDisaster',
  economic: 'eventEconomic', decision: 'eventDecision', other: 'eventOther',
};

/** What happened, in the UI's language (an unknown type from a team server reads as "other"). */
export function eventTypeLabel(type: string): string {
  return t(TYPE_KEYS[type] ?? 'eventOther');
}

/** The gazetteer ids (places, actors) the relations' explanations name, once each, sorted. */
export function aspectIdsOf(related: readonly RelatedReport[]): string[] {
  const ids = new Set<string>();
  for (const r of related) {
    for (const x of [...(r.agreed ?? []), ...(r.differed ?? [])]) {
      if (x.kind !== 'place' && x.kind !== 'wide-place' && x.kind !== 'actor') continue;
      if (x.a) ids.add(x.a);
      if (x.b) ids.add(x.b);
    }
  }
  return [...ids].sort();
}
