// Where a harvest's pages come from: the Wayback Machine's CDX index of an outlet's hosts, or the
// outlet's own sitemaps and RSS/Atom feeds. Each gives targets: the page's own URL, the URL to
// fetch (an `id_` capture: the page as archived, without the archive's toolbar or rewriting) and
// the capture time. Hosts come from the outlet registry (every host the outlet ever had).
import { XMLParser } from 'fast-xml-parser';
import { outletIdFromName } from '../outlets/identity';
import { OUTLETS } from '../outlets/profiles';
import type { PoliteFetcher } from './fetcher';
import { urlVerdict, type Skip } from './pages';
import type { RobotsCache } from './robots';

export interface Target {
  /** The page's own URL. */
  url: string;
  /** What to fetch: the page itself, or its archived capture. */
  fetch: string;
  capturedAt: string | null;
}

export type HarvestSource = 'wayback' | 'live';

export interface HarvestPlan {
  source: HarvestSource;
  outlet: string;
  /** YYYY-MM or YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  /** ISO time: only pages new since then (an update of the corpus). */
  since?: string;
  /** The Wayback Machine's origin. */
  archiveBase?: string;
  /** Feeds and sitemaps to read besides the ones robots.txt and the home page name. */
  feeds?: string[];
}

const WAYBACK = 'https://web.archive.org';
/** CDX rows a request asks for; the rest comes page by page (resume keys). */
const CDX_PAGE = 5000;
/** A harvest lists at most this many pages: a bound on memory and on the requests it will make. */
const MAX_TARGETS = 100_000;

export class PlanError extends Error {}

/** The registry id of an outlet named by id, name or host; hosts it had. */
export function outletHosts(outlet: string): { id: string; hosts: string[] } {
  const id = outletIdFromName(outlet);
  const o = id ? OUTLETS.find((x) => x.id === id) : undefined;
  if (!o) throw new PlanError(`unknown outlet "${outlet}" (known: ${OUTLETS.map((x) => x.id).join(', ')})`);
  if (o.hosts.length === 0) throw new PlanError(`${o.id} has no known web site to harvest`);
  return { id: o.id, hosts: o.hosts.map((h) => h.host) };
}

/**
 * The host-access patterns a run needs, and no more: the archive's origin for the Wayback
 * Machine; the outlet's hosts (and their subdomains: www., english.) for its own site.
 */
export function harvestOrigins(plan: Pick<HarvestPlan, 'source' | 'outlet'>): string[] {
  if (plan.source === 'wayback') return [`*://${new URL(WAYBACK).host}/*`];
  return outletHosts(plan.outlet).hosts.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]);
}

/** The same hosts as a test: what a run's requests, and the redirects they meet, may reach. */
export function harvestHostAllowed(plan: Pick<HarvestPlan, 'source' | 'outlet' | 'archiveBase'>): (host: string) => boolean {
  if (plan.source === 'wayback') {
    const archive = new URL(plan.archiveBase ?? WAYBACK).hostname;
    return (host) => host === archive;
  }
  const hosts = outletHosts(plan.outlet).hosts;
  return (host) => hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** YYYY-MM[-DD] → a CDX timestamp prefix. */
function cdxTime(d: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) throw new PlanError(`not a date: "${d}" (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
  return d.replace(/-/g, '');
}

/** Throws a PlanError naming what is wrong with the dates or the outlet. */
export function checkPlan(plan: HarvestPlan): void {
  outletHosts(plan.outlet);
  if (plan.from) cdxTime(plan.from);
  if (plan.to) cdxTime(plan.to);
  if (plan.from && plan.to && plan.to < plan.from) throw new PlanError(`the range ends (${plan.to}) before it starts (${plan.from})`);
}

export function cdxUrl(base: string, host: string, plan: Pick<HarvestPlan, 'from' | 'to' | 'since'>, resumeKey?: string): string {
  const q = new URLSearchParams({ url: host, matchType: 'domain', output: 'json', fl: 'timestamp,original', collapse: 'urlkey', limit: String(CDX_PAGE), showResumeKey: 'true' });
  const from = plan.since ? plan.since.slice(0, 10) : plan.from;
  if (from) q.set('from', cdxTime(from));
  if (plan.to) q.set('to', cdxTime(plan.to));
  q.append('filter', 'statuscode:200');
  q.append('filter', 'mimetype:text/html');
  if (resumeKey) q.set('resumeKey', resumeKey);
  return `${base.replace(/\/$/, '')}/cdx/search/cdx?${q.toString()}`;
}

/** The CDX API's JSON: a header row, rows, then (with showResumeKey) an empty row and the key. */
export function parseCdx(text: string): { rows: Array<{ timestamp: string; original: string }>; resumeKey: string | null } {
  if (!text.trim()) return { rows: [], resumeKey: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PlanError('the CDX index did not answer in JSON');
  }
  if (!Array.isArray(data)) throw new PlanError('the CDX index answered something other than a list of rows');
  const header = data[0] as unknown;
  const ti = Array.isArray(header) ? header.indexOf('timestamp') : -1;
  const oi = Array.isArray(header) ? header.indexOf('original') : -1;
  if (ti < 0 || oi < 0) throw new PlanError('the CDX index rows have no timestamp and original fields');
  const rows: Array<{ timestamp: string; original: string }> = [];
  let resumeKey: string | null = null;
  for (let i = 1; i < data.length; i++) {
    const row = data[i] as unknown;
    if (!Array.isArray(row)) continue;
    if (row.length === 0) {
      const key = data[i + 1] as unknown;
      if (Array.isArray(key) && typeof key[0] === 'string') resumeKey = key[0];
      break;
    }
    const ts = row[ti] as unknown;
    const orig = row[oi] as unknown;
    if (typeof ts === 'string' && /^\d{14}$/.test(ts) && typeof orig === 'string' && /^https?:\/\//i.test(orig)) rows.push({ timestamp: ts, original: orig });
  }
  return { rows, resumeKey };
}

function isoOfTimestamp(ts: string): string {
  return `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}Z`;
}

export interface Listing {
  targets: Target[];
  /** URLs the index named that cannot be articles (listings, other pages, other outlets). */
  skipped: Skip[];
}

/** The outlet's article captures in the date range, from the CDX index of each of its hosts. */
export async function listWayback(plan: HarvestPlan, fetcher: PoliteFetcher, signal?: AbortSignal): Promise<Listing> {
  const { id, hosts } = outletHosts(plan.outlet);
  const base = plan.archiveBase ?? WAYBACK;
  const out: Listing = { targets: [], skipped: [] };
  const seen = new Set<string>();
  for (const host of hosts) {
    let resumeKey: string | undefined;
    do {
      const res = await fetcher.get(cdxUrl(base, host, plan, resumeKey), signal);
      if (res.status !== 200) throw new PlanError(`the CDX index answered HTTP ${res.status} for ${host}`);
      const page = parseCdx(res.text);
      for (const r of page.rows) {
        if (seen.has(r.original)) continue;
        seen.add(r.original);
        const verdict = urlVerdict(r.original, { outlet: id });
        if (verdict) out.skipped.push(verdict);
        else out.targets.push({ url: r.original, fetch: `${base.replace(/\/$/, '')}/web/${r.timestamp}id_/${r.original}`, capturedAt: isoOfTimestamp(r.timestamp) });
        if (out.targets.length >= MAX_TARGETS) return out;
      }
      resumeKey = page.resumeKey ?? undefined;
    } while (resumeKey);
  }
  return out;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, processEntities: true, parseTagValue: false });

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const str = (x: unknown): string => (typeof x === 'string' ? x.trim() : typeof x === 'object' && x && '#text' in x ? String((x as { '#text': unknown })['#text']).trim() : '');

interface Entry {
  url: string;
  date: string | null;
}

/** A sitemap, a sitemap index, an RSS or an Atom feed → page entries and child sitemaps. */
export function parseIndex(text: string): { pages: Entry[]; sitemaps: Entry[] } {
  let doc: Record<string, unknown>;
  try {
    doc = xml.parse(text) as Record<string, unknown>;
  } catch {
    return { pages: [], sitemaps: [] };
  }
  const pages: Entry[] = [];
  const sitemaps: Entry[] = [];
  const index = doc.sitemapindex as { sitemap?: unknown } | undefined;
  for (const s of list(index?.sitemap as Array<Record<string, unknown>> | undefined)) sitemaps.push({ url: str(s.loc), date: str(s.lastmod) || null });
  const urlset = doc.urlset as { url?: unknown } | undefined;
  for (const u of list(urlset?.url as Array<Record<string, unknown>> | undefined)) {
    const news = u.news as Record<string, unknown> | undefined;
    pages.push({ url: str(u.loc), date: str(news?.publication_date) || str(u.lastmod) || null });
  }
  const channel = (doc.rss as { channel?: Record<string, unknown> } | undefined)?.channel;
  for (const it of list(channel?.item as Array<Record<string, unknown>> | undefined)) pages.push({ url: str(it.link), date: rssDate(str(it.pubDate) || str(it.date)) });
  const feed = doc.feed as { entry?: unknown } | undefined;
  for (const e of list(feed?.entry as Array<Record<string, unknown>> | undefined)) {
    const links = list(e.link as Array<Record<string, unknown>> | Record<string, unknown> | undefined);
    const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
    pages.push({ url: typeof link === 'object' ? String(link['@href'] ?? '') : str(link), date: str(e.published) || str(e.updated) || null });
  }
  return { pages: pages.filter((p) => /^https?:\/\//i.test(p.url)), sitemaps: sitemaps.filter((p) => /^https?:\/\//i.test(p.url)) };
}

function rssDate(s: string): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}

/** Whether an entry's date (any ISO-ish prefix) falls in the plan's range; undated entries pass. */
function inRange(date: string | null, plan: HarvestPlan): boolean {
  if (!date) return true;
  const d = date.slice(0, 10);
  if (plan.since && date < plan.since.slice(0, date.length >= 19 ? 19 : 10)) return false;
  if (plan.from && d < plan.from) return false;
  if (plan.to && d.slice(0, plan.to.length) > plan.to) return false;
  return true;
}

/** Feeds a home page names (<link rel="alternate" type="application/rss+xml|atom+xml">). */
function feedLinks(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const m of html.slice(0, 200_000).matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/rel\s*=\s*["']?alternate/i.test(tag) || !/type\s*=\s*["']?application\/(rss|atom)\+xml/i.test(tag)) continue;
    const href = /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href) continue;
    try {
      out.push(new URL(href, pageUrl).href);
    } catch {
      // Not a URL: ignored.
    }
  }
  return out;
}

/** Sitemaps read at most per host, and how deep an index may nest. */
const MAX_SITEMAPS = 200;

/** The outlet's pages from its sitemaps (robots.txt's, else /sitemap.xml) and its feeds. */
export async function listLive(plan: HarvestPlan, fetcher: PoliteFetcher, robots: RobotsCache, signal?: AbortSignal): Promise<Listing> {
  const { id, hosts } = outletHosts(plan.outlet);
  const out: Listing = { targets: [], skipped: [] };
  const seen = new Set<string>();
  for (const host of hosts) {
    const home = `https://${host}/`;
    const queue = await robots.sitemaps(home, signal);
    if (queue.length === 0) queue.push(`https://${host}/sitemap.xml`);
    if (await robots.allowed(home, signal)) {
      const page = await fetcher.get(home, signal).catch(() => null);
      // One at a time: a hostile home page may list more feeds than a spread can pass.
      if (page?.status === 200) for (const f of feedLinks(page.text, home)) queue.push(f);
    }
    for (const f of plan.feeds ?? []) if (hosts.some((h) => new URL(f).hostname.replace(/^www\./, '') === h)) queue.push(f);
    const read = new Set<string>();
    while (queue.length && read.size < MAX_SITEMAPS) {
      const at = queue.shift()!;
      if (read.has(at)) continue;
      read.add(at);
      if (!(await robots.allowed(at, signal))) continue;
      const res = await fetcher.get(at, signal).catch(() => null);
      if (!res || res.status !== 200) continue;
      const { pages, sitemaps } = parseIndex(res.text);
      for (const s of sitemaps) if (inRange(s.date, { ...plan, from: undefined, to: undefined })) queue.push(s.url);
      for (const p of pages) {
        if (seen.has(p.url) || !inRange(p.date, plan)) continue;
        seen.add(p.url);
        const verdict = urlVerdict(p.url, { outlet: id });
        if (verdict) out.skipped.push(verdict);
        else if (!(await robots.allowed(p.url, signal))) out.skipped.push({ kind: 'robots', url: p.url, reason: 'disallowed by robots.txt' });
        else out.targets.push({ url: p.url, fetch: p.url, capturedAt: null });
        if (out.targets.length >= MAX_TARGETS) return out;
      }
    }
  }
  return out;
}
