// The Compare tab's answers from the reader's corpus (background side; runs on fake-indexeddb
// in tests). The group follows the Context tab's ranking, so both tabs agree on what relates.
import { normalize } from '../arabic';
import type { IsnadDB } from '../db';
import { hash53 } from '../corpus/ids';
import { contextFor } from '../engine/context';
import { unpackDoc } from '../engine/doc-rows';
import { eachDocRow } from '../engine/doc-pages';
import { readMeta } from '../engine/index-store';
import type { Article, ExportedFile } from '../types';
import { analyseReport } from './analyse';
import { compareReports } from './compare';
import { comparisonToCsv, comparisonToMarkdown } from './export';
import { articleAsReport, groupFromRanking, outletKey, reportAsGroupReport } from './group';
import { areaStats, coverageOf, type AreaStats, type Coverage, type StatsDoc } from './coverage';
import { eventSignature } from '../events';
import { entityById } from '../entities';
import { outletNames } from './outlets';
import { outletProfiles } from './profile';
import type { Analyser, Comparison, GroupReport, OutletProfile } from './types';
import { getReports, reportIds, reportsWhere } from '../corpus/report-pages';

/** Ranked reports looked at when forming the group. */
const GROUP_CANDIDATES = 20;

export async function compareFor(db: IsnadDB, article: Article, analyse: Analyser = analyseReport): Promise<Comparison> {
  const { related } = await contextFor(db, article, GROUP_CANDIDATES);
  const full = await getReports(db, related.map((r) => r.id));
  const byId = new Map(full.filter((r) => r !== undefined).map((r) => [r.id, r]));
  const { group, basis } = groupFromRanking(articleAsReport(article), related, (id) => byId.get(id));
  const c = compareReports(group, analyse, { basis });
  if (basis !== 'same-event') return c;
  const coverage = await coverageFor(db, c, group);
  const names = { ...c.names };
  for (const o of coverage.outlets) names[o.outlet] ??= outletNames(o.outlet);
  return { ...c, names, coverage };
}

/** Coverage and blind spot of the group's event, from the corpus's per-outlet place counts. */
async function coverageFor(db: IsnadDB, c: Comparison, group: readonly GroupReport[]): Promise<Coverage> {
  const place = group.map((r) => eventSignature(r.title, r.text, r.publishedAt).place).find((p) => p !== null) ?? null;
  return coverageOf(c.outlets.map((o) => o.outlet), place?.id ?? null, c.event.from, await corpusAreaStats(db));
}

const isPlace = (id: string) => entityById(id)?.type === 'place';

// The per-outlet place counts cover the whole corpus: kept until the set of reports changes, which
// the index's manifest tells in one read (a report added takes the next doc number, a report
// deleted lowers the count; numbers are never given twice).
const statsCached = new WeakMap<IsnadDB, { key: string; stats: AreaStats }>();

async function corpusAreaStats(db: IsnadDB): Promise<AreaStats> {
  const meta = await readMeta(db);
  const key = `${meta.nextN}/${meta.docs}`;
  const cached = statsCached.get(db);
  if (cached?.key === key) return cached.stats;
  const docs: StatsDoc[] = [];
  // A near-duplicate copy (the same text republished or held twice) counts once, as its first.
  await eachDocRow(db, (row) => {
    if (row.dup !== null && row.dup !== row.n) return;
    const d = unpackDoc(row);
    docs.push({ outlet: outletKey(d.outlet), day: d.day, places: d.e.filter(isPlace) });
  });
  const stats = areaStats(docs);
  statsCached.set(db, { key, stats });
  return stats;
}

export function exportComparison(c: Comparison, format: 'markdown' | 'csv', lang: string): ExportedFile {
  const day = new Date().toISOString().slice(0, 10);
  if (format === 'csv') return { filename: `isnad-comparison-${day}.csv`, mime: 'text/csv;charset=utf-8', text: comparisonToCsv(c, lang) };
  return { filename: `isnad-comparison-${day}.md`, mime: 'text/markdown;charset=utf-8', text: comparisonToMarkdown(c, lang) };
}

// Profiles cover the whole corpus: kept until the set of reports changes.
let cached: { key: string; profiles: OutletProfile[] } | null = null;

export async function profilesFor(db: IsnadDB, analyse: Analyser = analyseReport): Promise<OutletProfile[]> {
  const ids = await reportIds(db);
  const key = hash53(ids.join('|'));
  if (cached?.key === key && analyse === analyseReport) return cached.profiles;
  // A text the corpus holds twice (a built-in seed and the same page captured, a page and its
  // archive copy) is one report of its outlet: after the first, the same title and text and the
  // index's near-duplicates are left out. (Two reports scraped as the same boilerplate keep their titles apart.)
  const copies = new Set<string>();
  const seen = new Set<string>();
  await eachDocRow(db, (row) => {
    const d = unpackDoc(row);
    const key = `${normalize(d.title)}\u0000${d.tk}`;
    if ((d.dup !== null && d.dup !== d.n) || seen.has(key)) copies.add(d.id);
    seen.add(key);
  });
  const reports = (await reportsWhere(db)).filter((r) => !copies.has(r.id));
  const profiles = outletProfiles(reports.map(reportAsGroupReport), analyse);
  if (analyse === analyseReport) cached = { key, profiles };
  return profiles;
}
