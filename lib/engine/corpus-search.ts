// The Corpus tab's search, answered from the persistent index: every word of the query must be in
// a report (as a normalised, stemmed term), best BM25 first; outlet and date filters on doc rows.
import type { IsnadDB } from '../db';
import { outletIdFromName } from '../outlets/identity';
import { readPostings } from './index-store';
import type { StoredDoc } from './index-types';
import { unpackDoc } from './doc-rows';
import { tokenize } from '../arabic';
import { analyse } from './features';
import { idf } from './search';
import { docNumbersWhere, getReports } from '../corpus/report-pages';
import { docRowsIn, docRowsOfNumbers, eachDocRow } from './doc-pages';

/** The Corpus tab's query: words, outlets, inclusive YYYY-MM-DD bounds, named entities. */
export interface CorpusQuery {
  text?: string;
  outlets?: string[];
  /** Inclusive YYYY-MM-DD bounds. */
  from?: string;
  to?: string;
  place?: string;
  actor?: string;
  source?: string;
  limit?: number;
}
export interface CorpusHit {
  id: string;
  url: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  /** A short passage around the first match, page text (render as text). */
  snippet: string;
}
export interface CorpusHits {
  total: number;
  hits: CorpusHit[];
}

const MAX_TOTAL = 5000;

/** About two dozen words of the text around the first word that holds a needle. */
function snippetOf(text: string, needles: string[], radius = 12): string {
  const toks = tokenize(text);
  const at = needles.length ? toks.findIndex((t) => needles.some((n) => t.text.includes(n))) : 0;
  const i = Math.max(0, at);
  const from = toks[Math.max(0, i - radius)];
  const to = toks[Math.min(toks.length - 1, i + radius)];
  if (!from || !to) return text.slice(0, 200);
  return `${from.start > 0 ? '… ' : ''}${text.slice(from.start, to.end)}${to.end < text.length ? ' …' : ''}`;
}

function inFilters(d: StoredDoc, q: CorpusQuery, outlets: Set<string> | null): boolean {
  if (outlets && !outlets.has(d.outlet) && !outlets.has(outletIdFromName(d.outlet) ?? d.outlet)) return false;
  if ((q.from || q.to) && !d.publishedAt) return false;
  if (q.from && d.publishedAt! < q.from) return false;
  if (q.to && d.publishedAt!.slice(0, 10) > q.to) return false;
  return true;
}

export async function searchCorpus(db: IsnadDB, q: CorpusQuery): Promise<CorpusHits> {
  const limit = q.limit ?? 50;
  const phrase = [q.text, q.place, q.actor, q.source].filter(Boolean).join(' ');
  const terms = [...analyse(phrase, '', null).terms.keys()];
  const needles = tokenize(phrase).map((t) => t.text);
  // An outlet filter by any of its names ("Shaam Network") is its registry id, as imports store it.
  const outlets = q.outlets?.length ? new Set(q.outlets.map((o) => outletIdFromName(o) ?? o)) : null;
  let scores = new Map<number, number>();
  if (terms.length === 0) {
    // Filters only: newest first.
    const kept = (await filtered(db, q, outlets)).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    const hits = await toHits(db, kept.slice(0, limit), needles);
    return { total: kept.length, hits };
  }
  const { meta, postings } = await readPostings(db, terms);
  // A term too common to keep postings cannot narrow the search: it is left out of it.
  const usable = terms.map((t) => postings.get(t)!).filter((p) => !p.saturated);
  if (usable.some((p) => p.df === 0)) return { total: 0, hits: [] };
  let acc: Map<number, number> | null = null;
  for (const p of usable) {
    const w = idf(Math.max(1, meta.docs), p.df);
    const next = new Map<number, number>();
    for (const part of p.parts) {
      for (let k = 0; k < part.ids.length; k++) {
        const n = part.ids[k]!;
        if (acc && !acc.has(n)) continue;
        next.set(n, (acc?.get(n) ?? 0) + (next.get(n) ?? 0) + (w * part.imp[k]!) / 100);
      }
    }
    acc = next;
  }
  scores = acc ?? new Map();
  const ranked = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)!).slice(0, MAX_TOTAL);
  const docs: StoredDoc[] = [];
  for (let i = 0; i < ranked.length; i += 500) {
    for (const row of await docRowsIn(db, ranked.slice(i, i + 500))) {
      const d = row && unpackDoc(row);
      if (d && inFilters(d, q, outlets)) docs.push(d);
    }
  }
  return { total: docs.length, hits: await toHits(db, docs.slice(0, limit), needles) };
}

/** The doc rows the filters keep: an outlet's numbers found through the report pages' outlet index
 *  (the doc pages have none) and their rows read in one request, every row read a page at a time
 *  otherwise. */
async function filtered(db: IsnadDB, q: CorpusQuery, outlets: Set<string> | null): Promise<StoredDoc[]> {
  const kept: StoredDoc[] = [];
  const keep = (row: Parameters<typeof unpackDoc>[0]) => {
    const d = unpackDoc(row);
    if (inFilters(d, q, outlets)) kept.push(d);
  };
  if (!outlets) await eachDocRow(db, keep);
  else for (const row of await docRowsOfNumbers(db, new Map((await Promise.all([...outlets].map((outlet) => docNumbersWhere(db, { outlet })))).flatMap((m) => [...m])))) keep(row);
  return kept;
}

async function toHits(db: IsnadDB, docs: StoredDoc[], needles: string[]): Promise<CorpusHit[]> {
  const reports = await getReports(db, docs.map((d) => d.id));
  return docs.map((d, i) => ({
    id: d.id,
    url: d.url,
    outlet: d.outlet,
    title: d.title,
    publishedAt: d.publishedAt,
    snippet: snippetOf(reports[i]?.text ?? '', needles),
  }));
}
