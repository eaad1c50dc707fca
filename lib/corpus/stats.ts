// How many reports the reader's corpus holds, and from which outlets.
import type { IsnadDB } from '../db';
import { outletIdFromName } from '../outlets/identity';
import { countReports, reportOutlets } from './report-pages';

export interface CorpusStats {
  reports: number;
  byOutlet: Record<string, number>;
}

export async function corpusStats(db: IsnadDB): Promise<CorpusStats> {
  // The outlet index's keys, one per report: counted without reading any report's text.
  // Counted in a Map: an outlet named "constructor" or "__proto__" is a name, not a field of {}.
  const byOutlet = new Map<string, number>();
  // Rows stored before the registry named an outlet their own way ("Shaam Network"): counted under its id.
  for (const o of await reportOutlets(db)) {
    const id = outletIdFromName(o) ?? o;
    byOutlet.set(id, (byOutlet.get(id) ?? 0) + 1);
  }
  // Object.fromEntries defines each name as the object's own field ("__proto__" included).
  return { reports: await countReports(db), byOutlet: Object.fromEntries(byOutlet) };
}
