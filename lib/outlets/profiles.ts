// The outlet registry: who each outlet is — names, the spellings records use, hosts past and
// present, base, owner, start and end, and its alignment over time — from data/outlets.json
// (schema: data/outlets.schema.json). Every fact carries its source; what nobody could source is
// left empty. The reader's corrections (corrections.ts) are laid over these facts, never into them.
import data from './data/outlets.json';

export type Alignment = 'assad-government' | 'transitional-government' | 'opposition' | 'independent' | 'party' | 'foreign-state';
export const ALIGNMENTS: readonly Alignment[] = ['assad-government', 'transitional-government', 'opposition', 'independent', 'party', 'foreign-state'];

interface Names {
  ar: string;
  en: string;
}

/** A fact that held for a time: from (inclusive) and until (exclusive), YYYY[-MM[-DD]]. */
export interface Dated {
  from?: string;
  until?: string;
  /** A URL or a publication. */
  source: string;
  note?: string;
  /** Set on a fact the reader entered in the options (corrections.ts). */
  byReader?: boolean;
}

export interface NamedFact extends Dated {
  value: Names;
}
export interface AlignmentFact extends Dated {
  value: Alignment;
}
export interface DateFact {
  value: string;
  source: string;
  note?: string;
  byReader?: boolean;
}
interface OutletHost {
  host: string;
  from?: string;
  until?: string;
  source: string;
}

export interface OutletProfile {
  id: string;
  name: Names;
  /** Names records and pages give the outlet ("شبكة شام", "Shaam Network", "shaam.org"). */
  spellings: string[];
  /** The gazetteer's news-source entity for the outlet. */
  entity?: string;
  hosts: OutletHost[];
  base: NamedFact[];
  owner: NamedFact[];
  started: DateFact | null;
  stopped: DateFact | null;
  alignment: AlignmentFact[];
}

export const OUTLETS: readonly OutletProfile[] = (data as { outlets: OutletProfile[] }).outlets;

const byId = new Map(OUTLETS.map((o) => [o.id, o]));

export function outletById(id: string): OutletProfile | undefined {
  return byId.get(id);
}

/**
 * The fact that held on `date` (YYYY-MM-DD…): from ≤ date < until, compared as strings, so a
 * coarser bound ("2014") covers its whole year from its start. Without a date: the fact that
 * still holds (no until), if exactly one does.
 */
export function factAt<T extends Dated>(facts: readonly T[], date: string | null | undefined): T | null {
  if (!date) {
    const open = facts.filter((f) => !f.until);
    return open.length === 1 ? open[0]! : null;
  }
  const day = date.slice(0, 10);
  return facts.find((f) => (!f.from || day >= f.from) && (!f.until || day < f.until)) ?? null;
}
