// Ranking's last step: each judged report as the reader sees it, with why it is related — the
// words, entities, sources and phrases it shares with the article, the date gap, its event.
import type { RelatedReport, Relation, ReportWhy } from '../types';
import { isoDay, type EventSignature } from '../events';
import { phrasesOf } from './phrases';
import type { Judged } from './judge-candidates';
import type { RankQuery, RankSource } from './rank';
import { queryId } from './rescore';
import type { IndexReader } from './reader';
import type { Query } from './search';

/** The related reports, in the order given. `phrases`: find shared phrases (the explanation that
 *  costs most); without, a report carries none, and the panel asks for them after the list (phrasesFor). */
export function explain({ q, f, qterms }: RankQuery, out: readonly Judged[], source: RankSource, phrases: boolean): RelatedReport[] {
  const same = out.filter((s) => s.j.relation === 'same-event');
  const eventId = same.length ? `ev-${[queryId(q), ...same.map((s) => s.d.id)].sort()[0]}` : undefined;
  const phrasesIn = phrases ? phrasesOf(`${q.title}\n${q.text}`) : null;
  return out.map((s): RelatedReport => {
    const relation: Relation = s.j.relation === 'same-event' ? 'same-event' : 'related';
    const matched = qterms
      .filter((qt) => !qt.entity && source.holds(qt, s.d))
      .sort((a, b) => b.idf - a.idf)
      .slice(0, 8)
      .map((qt) => f.surface.get(qt.t) ?? qt.t);
    const text = s.text;
    return {
      id: s.d.id,
      url: s.d.url,
      outlet: s.d.outlet,
      title: s.d.title,
      publishedAt: s.d.publishedAt,
      score: Math.round(Math.min(1, s.score) * 1000) / 1000,
      relation,
      sharedEntities: s.shared,
      sharedTerms: matched,
      dateGapDays: s.gap,
      ...(relation === 'same-event' && eventId ? { eventId } : {}),
      ...(phrasesIn ? { sharedPhrases: text ? phrasesIn(`${s.d.title}\n${text}`) : [] } : {}),
      sharedSources: s.sources,
      ...(s.copies.length ? { duplicates: s.copies.map((c) => ({ id: c.id, url: c.url, outlet: c.outlet })) } : {}),
      probability: s.j.probability,
      ...(s.archivedAt ? { archivedAt: s.archivedAt } : {}),
      event: eventOf(s.doc.sig),
      agreed: s.j.agreed,
      differed: s.j.differed,
    };
  });
}

/**
 * The second step of an answer, for reports the reader was shown without it: what needs each
 * report's stored text — the phrases it shares with the article, and when a web archive captured
 * it (read by id; a report deleted meanwhile gets no phrases).
 */
export async function phrasesFor(reader: Pick<IndexReader, 'texts'>, q: Pick<Query, 'title' | 'text'>, ids: readonly string[]): Promise<Record<string, ReportWhy>> {
  const reports = await reader.texts(ids);
  const phrasesIn = phrasesOf(`${q.title}\n${q.text}`);
  const out: Record<string, ReportWhy> = {};
  ids.forEach((id, i) => {
    const r = reports[i];
    out[id] = { sharedPhrases: r ? phrasesIn(`${r.title}\n${r.text}`) : [], ...(r?.archivedAt ? { archivedAt: r.archivedAt } : {}) };
  });
  return out;
}

/** The event of a report as results carry it: what happened, where, which day. */
function eventOf(sig: EventSignature): RelatedReport['event'] {
  return { type: sig.type, place: sig.place ? { id: sig.place.id, name: sig.place.name } : null, day: sig.when.day === null ? null : isoDay(sig.when.day) };
}
