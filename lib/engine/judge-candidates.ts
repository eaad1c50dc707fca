// Ranking's third step: the event model (lib/events) judges each report of the pool against the
// article, with the pool's other reports as third reports (lib/events/judge-among.ts) — same
// event, related (same place or actor, another incident), or neither (left out).
// Its words are weighed by the reference table blended with the corpus's counts of the article's words.
import { eventDoc, judgeAmong, type judge, type EventDoc } from '../events';
import { MAYBE_SAME_EVENT } from '../events/types';
import { storedEventDoc } from './event-sigs';
import { rowKey } from './row-keys';
import { misses } from './query-phases';
import type { Folded } from './fold-duplicates';
import type { DocRow } from './index-types';
import type { RankSource } from './rank';
import type { Query } from './search';

/** A report the event model kept, with what it read of it. */
export interface Judged extends Folded {
  j: ReturnType<typeof judge>;
  doc: EventDoc;
  text: string | undefined;
  /** When the report was read from a web archive: the panel says "archived on". */
  archivedAt: string | undefined;
}

/** Where a benchmark is told of each pool judged, as judgeAmong is given it (bench/query-alloc.ts
 *  --pools writes them out for bench/judge-replay.ts); nothing listens otherwise. */
export const judgedPools: { seen?: (article: EventDoc, docs: readonly EventDoc[], corpus: RankSource['corpus']) => void } = {};

/** How many rows' event documents are kept: the last ten pools' worth. */
export const KEPT_EVENT_DOCS = 240;

/**
 * The stored event documents of the rows judged last, unpacked once while they are among the last
 * KEPT_EVENT_DOCS judged (most recently judged last): the same article asked again (the list, then
 * the side panel) and the articles of one story judge the same rows, and their pairs are kept by
 * these documents (lib/events/judge-among.ts). Not one for every row the doc cache keeps (up to
 * 4,000): a document was ≈ 8 KB (its word counts as maps; bags now, lib/events/bag.ts), and kept for every row judged it was most
 * of what a warm query left live for the major collections to go through (session 17). A row
 * written again is read with a new key: its old document goes with age.
 */
const rowDocs = new Map<object | number, EventDoc | null>();

export function rowEventDoc(d: DocRow): EventDoc | null {
  // By the row's key (row-keys.ts): the doc cache decodes a row anew for each query.
  const key = rowKey(d);
  let doc = rowDocs.get(key);
  if (doc === undefined) {
    misses.eventDocs++;
    doc = storedEventDoc(d);
  } else rowDocs.delete(key);
  rowDocs.set(key, doc);
  if (rowDocs.size > KEPT_EVENT_DOCS) rowDocs.delete(rowDocs.keys().next().value!);
  return doc;
}

/**
 * The pool judged: same-event reports first, most probable first, then the related ones that may
 * yet be the same incident (MAYBE_SAME_EVENT: a partner whose toll or wording is far from the
 * article's), most probable first, then the other related ones in ranking order: a report of the
 * same place at 70 % comes before one of that place months before at 1 %, whatever their words. Each report is judged from the event document its store keeps where it has one
 * (a doc row's signature and word counts; with `textless`, a team server's) — which is what its
 * text would give — and only the others' texts are read. `textless`: nothing needs the reports'
 * texts after judging (no shared phrases to explain): else `withTexts` reads those of the reports
 * shown. A report judged without its text has no text and no archive date here (ui:why gives both).
 */
export async function judgeCandidates(q: Query, pool: readonly Folded[], source: RankSource, textless: boolean): Promise<Judged[]> {
  const ids = pool.map((s) => s.d.id);
  const kept = source.eventDocs && textless ? await source.eventDocs(ids) : [];
  const docs = pool.map((s, i) => kept[i] ?? rowEventDoc(s.d) ?? undefined);
  const unkept = ids.filter((_, i) => !docs[i]);
  const read = unkept.length ? ((await source.texts(unkept)) ?? []) : [];
  const texts = new Map(unkept.map((id, i) => [id, read[i]?.text]));
  // A report read from a web archive says so in the panel ("archived on"); known where its row was read.
  const archived = new Map(unkept.map((id, i) => [id, read[i]?.archivedAt]));
  const qdoc = source.article ?? eventDoc(q.title, q.text, q.publishedAt, q.outlet);
  const evDocs = pool.map((s, i) => {
    const text = texts.get(s.d.id);
    return docs[i] ?? storedEventDoc(s.d, text ?? '') ?? eventDoc(s.d.title, text ?? '', s.d.publishedAt, s.d.outlet);
  });
  // Judged together: what the other candidates say of the article and of each (the event behind them).
  judgedPools.seen?.(qdoc, evDocs, source.corpus);
  const { judgements } = judgeAmong(qdoc, evDocs, source.corpus);
  const judged = pool.flatMap((s, i) => {
    const j = judgements[i]!;
    return j.relation === 'none' ? [] : [{ ...s, j, doc: evDocs[i]!, text: texts.get(s.d.id), archivedAt: archived.get(s.d.id) }];
  });
  const maybe = (s: (typeof judged)[number]) => s.j.relation !== 'same-event' && s.j.probability >= MAYBE_SAME_EVENT;
  return [
    ...judged.filter((s) => s.j.relation === 'same-event').sort((a, b) => b.j.probability - a.j.probability),
    ...judged.filter(maybe).sort((a, b) => b.j.probability - a.j.probability),
    ...judged.filter((s) => s.j.relation !== 'same-event' && !maybe(s)),
  ];
}

/** The judged reports with their texts and archive dates, those not read for judging read now
 *  (the reports shown with their shared phrases: a few pages of texts, not the pool's). */
export async function withTexts(judged: readonly Judged[], source: RankSource): Promise<Judged[]> {
  const unread = judged.filter((s) => s.text === undefined).map((s) => s.d.id);
  const read = unread.length ? ((await source.texts(unread)) ?? []) : [];
  const got = new Map(unread.map((id, i) => [id, read[i]]));
  return judged.map((s) => {
    if (!got.has(s.d.id)) return s;
    const r = got.get(s.d.id);
    return { ...s, text: r?.text, archivedAt: r?.archivedAt };
  });
}
