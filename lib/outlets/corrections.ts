// The reader's corrections to outlet profiles, made in the options: kept in storage.local under
// `outletCorrections`, laid over the registry's facts (never written into them), each corrected
// fact marked as the reader's and carrying the source the reader gave.
import { browser } from 'wxt/browser';
import { ALIGNMENTS, outletById, type Alignment, type AlignmentFact, type Dated, type NamedFact, type OutletProfile } from './profiles';

const CORRECTIONS_KEY = 'outletCorrections';

/** What the reader may correct: the facts that change over time and the ones that were left empty. */
export interface Correction {
  owner?: NamedFact[];
  base?: NamedFact[];
  alignment?: AlignmentFact[];
}
export type Corrections = Record<string, Correction>;

const MAX_TEXT = 300;
const MAX_FACTS = 20;
const WHEN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() && v.length <= MAX_TEXT ? v.trim() : null);
const when = (v: unknown): string | undefined => (typeof v === 'string' && WHEN.test(v) ? v : undefined);

function period(o: Record<string, unknown>): Dated | null {
  const source = text(o.source);
  if (!source) return null;
  const from = when(o.from);
  const until = when(o.until);
  if (from && until && until <= from) return null;
  const note = text(o.note);
  return { ...(from ? { from } : {}), ...(until ? { until } : {}), source, ...(note ? { note } : {}), byReader: true };
}

function named(list: unknown): NamedFact[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: NamedFact[] = [];
  for (const raw of list.slice(0, MAX_FACTS)) {
    if (!raw || typeof raw !== 'object') continue;
    const o = raw as Record<string, unknown>;
    const v = (o.value ?? {}) as Record<string, unknown>;
    const ar = text(v.ar);
    const en = text(v.en);
    const p = period(o);
    if ((ar || en) && p) out.push({ ...p, value: { ar: ar ?? en!, en: en ?? ar! } });
  }
  return out;
}

function alignments(list: unknown): AlignmentFact[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: AlignmentFact[] = [];
  for (const raw of list.slice(0, MAX_FACTS)) {
    if (!raw || typeof raw !== 'object') continue;
    const o = raw as Record<string, unknown>;
    const p = period(o);
    if (p && (ALIGNMENTS as readonly unknown[]).includes(o.value)) out.push({ ...p, value: o.value as Alignment });
  }
  return out;
}

/** Corrections from whatever storage holds: unknown outlets, facts without a source or with bad dates are dropped. */
export function readCorrections(raw: unknown): Corrections {
  const out: Corrections = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [id, c] of Object.entries(raw as Record<string, unknown>)) {
    if (!outletById(id) || !c || typeof c !== 'object') continue;
    const o = c as Record<string, unknown>;
    const owner = named(o.owner);
    const base = named(o.base);
    const alignment = alignments(o.alignment);
    const corr: Correction = { ...(owner ? { owner } : {}), ...(base ? { base } : {}), ...(alignment ? { alignment } : {}) };
    if (Object.keys(corr).length) out[id] = corr;
  }
  return out;
}

/** The profile the reader sees: the registry's, with the reader's corrected lists in place of its own. */
export function correctedProfile(id: string, corrections: Corrections): OutletProfile | undefined {
  const p = outletById(id);
  if (!p) return undefined;
  const c = corrections[id];
  return c ? { ...p, ...c } : p;
}

export async function loadCorrections(): Promise<Corrections> {
  const got = await browser.storage.local.get(CORRECTIONS_KEY);
  return readCorrections(got[CORRECTIONS_KEY]);
}

/** Saves (or, with null, removes) the reader's correction of one outlet. */
export async function saveCorrection(id: string, c: Correction | null): Promise<Corrections> {
  const all = await loadCorrections();
  if (c) all[id] = c;
  else delete all[id];
  const clean = readCorrections(all);
  await browser.storage.local.set({ [CORRECTIONS_KEY]: clean });
  return clean;
}

export function onCorrectionsChanged(cb: (c: Corrections) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[CORRECTIONS_KEY]) cb(readCorrections(changes[CORRECTIONS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
