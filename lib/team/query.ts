// What a team query sends: the article's analysis and keys, never its text. Shared by the
// extension's background and the command line (server/client.ts).
import { eventDoc, eventDocToWire, type EventDocWire } from '../events';
import { textKey } from '../corpus/ids';
import { toWire, type FeaturesWire } from '../engine/wire';
import { queryFeatures, type Query } from '../engine/search';

/** The body of `POST /v1/teams/:team/query` (server/query.ts answers it). */
export interface TeamQuery {
  url: string;
  otherUrls?: string[];
  outlet?: string;
  /** The article's text key (lib/corpus/ids.ts), to know it among the team's reports when it has no URL. */
  textKey: string;
  /** Stems and their counts, entity ids, attributed sources, day, fingerprint, MinHash of word pairs. */
  analysis: FeaturesWire;
  /** The article's event (lib/events: signature and word counts), for the same-event judgement. */
  event?: EventDocWire;
  top?: number;
}

/** The query for an article: its analysis and keys, never its text. */
export function teamQueryFor(q: Query, top = 10): TeamQuery {
  const f = queryFeatures(q);
  const { tk: _tk, ...analysis } = toWire(f);
  return {
    url: q.url,
    ...(q.otherUrls ? { otherUrls: q.otherUrls.slice(0, 8) } : {}),
    ...(q.outlet ? { outlet: q.outlet } : {}),
    textKey: textKey(q.text),
    analysis,
    event: eventDocToWire(eventDoc(q.title, q.text, q.publishedAt, q.outlet)),
    top,
  };
}
