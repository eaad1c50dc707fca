// The narrative comparison: one event, each outlet side by side (issue 7). Shared by the CLI,
// the background and the Compare tab; the CLI prints a projection of it (toCliJson).
import type { Coverage } from './coverage';
import type { Approx, NumberKind, VagueAmount } from './numbers';

/** What the text analysis finds in one report, with offsets in the text it was given. */
export interface Analysis {
  /** Each mention of an actor, with the words the report uses for it. */
  naming: Array<{ actorId: string; actor: string; actorEn?: string; term: string; start: number; end: number }>;
  /** Each word that carries a frame (withdrawal, handover, defeat, victory, siege-lifted …). */
  frames: Array<{ frame: string; cue: string; start: number; end: number }>;
  /** Who the report attributes what to. */
  attributions: Array<{ source: string; sourceId?: string | null; sourceType: string; cue: string; start: number; end: number }>;
}
/** Analyses a report's text; `date` (YYYY-MM-DD) picks among names whose meaning changed. */
export type Analyser = (text: string, date?: string | null) => Analysis;

/** A report as the comparison needs it (a corpus Report or the tab's article). */
export interface GroupReport {
  id: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  url: string;
  text: string;
}

/** A passage of page text around a word: render as text; [start, end) marks the word in it. */
export interface InContext {
  text: string;
  start: number;
  end: number;
  /** The word is in the report's headline. */
  inTitle: boolean;
  reportId: string;
}

export interface OutletNarrative {
  outlet: string;
  reports: Array<{ id: string; title: string; publishedAt: string | null; url: string }>;
  /** Earliest publication date of the outlet's reports, and days after the group's first. */
  first: string | null;
  lagDays: number | null;
  /** Holds the article the reader is on. */
  current: boolean;
  naming: Array<{ actorId: string; actor: string; actorEn?: string; terms: Array<{ term: string; count: number }> }>;
  frames: Array<{ frame: string; cues: string[]; contexts: InContext[] }>;
  sources: Array<{ name: string; type: string; count: number }>;
  /** Attributed statements, and whether no other outlet of the group says the same. */
  claims: Array<{ source: string; sourceType: string; cue: string; context: InContext; onlyHere: boolean }>;
  numbers: Array<{ what: NumberKind; unit: string; value: number | VagueAmount; approx?: Approx; text: string; context: InContext }>;
}

/** Outlets that give different numbers for the same kind of thing. */
export interface NumberDisagreement {
  what: NumberKind;
  unit: string;
  values: Array<{ outlet: string; value: number | VagueAmount; text: string }>;
}

export interface Comparison {
  event: { title: string; from: string | null; to: string | null };
  /** How the group was formed: reports judged the same event, or (when there were none) related ones. */
  basis: 'same-event' | 'related';
  /** The report the comparison was made for (the reader's article), or null. */
  article: string | null;
  /** Each outlet's name in both UI languages (lib/compare/outlets: the UI has no gazetteer). */
  names: Record<string, { ar: string; en: string }>;
  outlets: OutletNarrative[];
  disagreements: NumberDisagreement[];
  /** Which outlets of the corpus told the event and which that usually cover its area did not
   *  (same-event groups only; coverage.ts). */
  coverage?: Coverage;
}

/** An outlet's naming and framing habits across the whole corpus. */
export interface OutletProfile {
  outlet: string;
  name: { ar: string; en: string };
  reports: number;
  naming: Array<{ actorId: string; actor: string; actorEn?: string; terms: Array<{ term: string; count: number; reports: number }> }>;
  frames: Array<{ frame: string; count: number; reports: number }>;
  sourceTypes: Array<{ type: string; count: number }>;
}

/** The CLI's JSON (issue 7's shape). */
export interface ComparisonJson {
  event: { title: string; from: string | null; to: string | null };
  outlets: Array<{
    outlet: string;
    reports: Array<{ title: string; publishedAt: string | null; url: string }>;
    naming: Array<{ actor: string; terms: string[] }>;
    frames: Array<{ frame: string; cues: string[] }>;
    sources: Array<{ name: string; type: string }>;
    numbers: Array<{ what: string; value: number | string; text: string }>;
  }>;
}
