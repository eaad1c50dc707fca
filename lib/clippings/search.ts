// Finding clippings in the Clippings tab: free-text search over normalised Arabic, and filters.
import { normalize } from '../arabic/normalize';
import type { Clipping } from './types';

export interface ClippingQuery {
  /** Words that must all occur (in any order) in the quote, note, title or tags. */
  text?: string;
  outlet?: string;
  tag?: string;
  entityId?: string;
  /** Inclusive bounds, YYYY-MM-DD (or YYYY-MM, YYYY), on the date chosen by `dateField`. */
  from?: string;
  to?: string;
  /** Which date the range applies to: the article's publication (default) or the capture. */
  dateField?: 'publishedAt' | 'createdAt';
}

// Normalised search text per clipping object; a clipping edited in the store is a new object.
const haystacks = new WeakMap<Clipping, string>();

function haystack(c: Clipping): string {
  let h = haystacks.get(c);
  if (h === undefined) {
    h = fold([c.quote, c.note, c.title, c.tags.join(' ')].join('\n'));
    haystacks.set(c, h);
  }
  return h;
}

function fold(text: string): string {
  return normalize(text).replace(/\s+/g, ' ');
}

/** Query words, normalised; punctuation-only words are dropped. */
function queryTerms(text: string): string[] {
  return fold(text)
    .split(' ')
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|(?<![^\p{L}\p{N}])[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** A partial date as the range [first day, last day], both YYYY-MM-DD. */
function dayRange(date: string): [string, string] | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return [`${y}-${mo}-${d}`, `${y}-${mo}-${d}`];
  if (mo) return [`${y}-${mo}-01`, `${y}-${mo}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether the clipping's date (as precise as it is known) overlaps [from, to]. */
function inDateRange(c: Clipping, q: ClippingQuery): boolean {
  if (!q.from && !q.to) return true;
  const raw = q.dateField === 'createdAt' ? isoDay(c.createdAt) : c.publishedAt;
  const span = raw ? dayRange(raw) : null;
  if (!span) return false;
  const from = q.from ? dayRange(q.from)?.[0] : undefined;
  const to = q.to ? dayRange(q.to)?.[1] : undefined;
  return (!from || span[1] >= from) && (!to || span[0] <= to);
}

function matchesQuery(c: Clipping, q: ClippingQuery, terms = queryTerms(q.text ?? '')): boolean {
  if (q.outlet && c.outlet !== q.outlet) return false;
  if (q.tag && !c.tags.includes(q.tag)) return false;
  if (q.entityId && !c.entities.some((e) => e.id === q.entityId)) return false;
  if (!inDateRange(c, q)) return false;
  if (terms.length) {
    const h = haystack(c);
    for (const t of terms) if (!h.includes(t)) return false;
  }
  return true;
}

/** Matching clippings, newest capture first. */
export function searchClippings(clippings: readonly Clipping[], q: ClippingQuery): Clipping[] {
  const terms = queryTerms(q.text ?? '');
  return clippings.filter((c) => matchesQuery(c, q, terms)).sort((a, b) => b.createdAt - a.createdAt);
}

interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface ClippingFacets {
  outlets: Facet[];
  tags: Facet[];
  entities: Facet[];
}

function tally(map: Map<string, Facet>, value: string, label: string): void {
  const f = map.get(value);
  if (f) f.count++;
  else map.set(value, { value, label, count: 1 });
}

/** The filter choices the clippings offer, most used first, for the tab's filter menus. */
export function clippingFacets(clippings: readonly Clipping[]): ClippingFacets {
  const outlets = new Map<string, Facet>();
  const tags = new Map<string, Facet>();
  const entities = new Map<string, Facet>();
  for (const c of clippings) {
    tally(outlets, c.outlet, c.outlet);
    for (const t of c.tags) tally(tags, t, t);
    for (const e of new Map(c.entities.map((x) => [x.id, x])).values()) tally(entities, e.id, e.name);
  }
  const sorted = (m: Map<string, Facet>) => [...m.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { outlets: sorted(outlets), tags: sorted(tags), entities: sorted(entities) };
}
