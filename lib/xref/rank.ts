import { terms } from '../arabic';
import { textKey, urlKey } from '../corpus/ids';
import type { RelatedReport, Relation, Report } from '../types';

export interface Query {
  url: string;
  title: string;
  text: string;
  publishedAt: string | null;
}

export interface RankOptions {
  top?: number;
  /** Below this score a report is not related at all. */
  relatedThreshold?: number;
  /** At or above this score a report is judged to be about the same event. */
  sameEventThreshold?: number;
}

// Calibrated on the seeds and the real 2025 corpus (tests/unit/xref.test.ts holds the cases).
export const RELATED_THRESHOLD = 0.12;
export const SAME_EVENT_THRESHOLD = 0.3;

type Vector = Map<string, number>;

function termFreqs(title: string, text: string): Map<string, number> {
  const tf = new Map<string, number>();
  // The title names the event: its words count twice.
  for (const t of [...terms(title), ...terms(title), ...terms(text)]) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function weigh(tf: Map<string, number>, idf: (t: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const d = Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
  return Number.isFinite(d) ? Math.round(d) : null;
}

/** Whether a corpus report is the queried article itself (same URL, or same text without URL). */
export function isSelf(q: Query, r: Report): boolean {
  if (q.url && r.url) return urlKey(q.url) === urlKey(r.url);
  return textKey(q.text) === textKey(r.text);
}

/** Ranks reports against an article by TF-IDF cosine on normalised, stemmed terms. */
export function rankRelated(q: Query, reports: Report[], opts: RankOptions = {}): RelatedReport[] {
  const related = opts.relatedThreshold ?? RELATED_THRESHOLD;
  const same = opts.sameEventThreshold ?? SAME_EVENT_THRESHOLD;
  const candidates = reports.filter((r) => !isSelf(q, r));
  const tfs = candidates.map((r) => termFreqs(r.title, r.text));
  const qtf = termFreqs(q.title, q.text);
  const df = new Map<string, number>();
  for (const tf of [...tfs, qtf]) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = tfs.length + 1;
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  const qv = weigh(qtf, idf);
  const out: RelatedReport[] = [];
  candidates.forEach((r, i) => {
    const dv = weigh(tfs[i]!, idf);
    let score = 0;
    const contributions: Array<[string, number]> = [];
    for (const [t, w] of qv) {
      const x = dv.get(t);
      if (x) {
        score += w * x;
        contributions.push([t, w * x]);
      }
    }
    if (score < related) return;
    contributions.sort((a, b) => b[1] - a[1]);
    const relation: Relation = score >= same ? 'same-event' : 'related';
    out.push({
      id: r.id,
      url: r.url,
      outlet: r.outlet,
      title: r.title,
      publishedAt: r.publishedAt,
      score: Math.round(Math.min(1, score) * 1000) / 1000,
      relation,
      sharedEntities: [],
      sharedTerms: contributions.slice(0, 8).map(([t]) => t),
      dateGapDays: daysBetween(q.publishedAt, r.publishedAt),
    });
  });
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, opts.top ?? 10);
}
