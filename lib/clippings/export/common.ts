// What every export format needs from a clipping: the outlet's name, dates as parts, the link.
import { outletName } from '../../outlets/names';
import type { Clipping } from '../types';

export interface ExportOptions {
  /** Language of outlet names and labels; outlets' own (Arabic) names by default. */
  lang?: 'ar' | 'en';
}

export function outletLabel(c: Clipping, opts: ExportOptions = {}): string {
  return outletName(c.outlet, opts.lang ?? 'ar');
}

/** [year, month?, day?] of an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, with or without time). */
export function dateParts(iso: string | null): number[] | null {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
}

export function epochParts(ms: number): number[] {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Where a reference manager should send a reader: the canonical URL when known. */
export function citedUrl(c: Clipping): string {
  return c.canonicalUrl ?? c.url;
}
