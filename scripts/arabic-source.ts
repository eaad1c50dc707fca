// The "arabic" source of the same-event fit (scripts/fit-events.ts): real Arabic leads of many
// outlets, labelled by reading (docs/EVENTS-DEV.md's development set and the training sets labelled
// like it). Their texts have unknown licences and stay outside the repository, so what the fit
// reads of them is committed as numbers and ids only, in data/events/arabic-pairs.jsonl: per report
// its id, set, event, outlet host and publication day; per candidate pair the two reports, the
// label, the pair features (lib/events/pair.ts FEATURES, in that order), the event days' gap, the
// hard-negative kind and what the ceilings read of the two signatures. scripts/arabic-pairs.ts
// writes it from the texts; a fresh clone fits from the file as it is.
//
// One JSON object a line: the header first ({"kind":"header", features, sets}), then the reports
// ({"kind":"report"}) in order, then the pairs ({"kind":"pair"}, reports by their index).
import { FEATURES } from '../lib/events/pair';
import type { SignatureFacts } from '../lib/events/ceilings';
import type { Pair, Report } from './fit-events';

export const ARABIC = 'arabic';
export const ARABIC_FILE = 'data/events/arabic-pairs.jsonl';

/** One labelled set the file was computed from: its name, its data hash (docs/EVENTS-DEV.md's recipe) and its counts. */
export interface ArabicSet {
  name: string;
  hash: string;
  reports: number;
  events: number;
  hardNegatives: number;
}

export interface ArabicHeader {
  note: string;
  features: string[];
  sets: ArabicSet[];
}

export interface ArabicReport {
  id: string;
  set: string;
  event: string;
  outlet: string;
  day: string;
}

export interface ArabicPair {
  a: number;
  b: number;
  y: 0 | 1;
  gap: number | null;
  hard: string | null;
  sf: SignatureFacts;
  x: number[];
}

export interface ArabicData {
  header: ArabicHeader;
  reports: ArabicReport[];
  pairs: ArabicPair[];
}

/** What a string of the file may hold: printable ASCII (ids, hosts, days, kinds), never a text's words. */
const ID = /^[\x20-\x7e]*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Row = Record<string, unknown>;

/** Field readers of one line, each failing with one error naming the file, the line and the field. */
function fieldsOf(row: Row, at: string) {
  const fail = (field: string, why: string): never => {
    throw new Error(`${at}: ${field}: ${why}`);
  };
  const str = (field: string): string => {
    const v = row[field];
    if (typeof v !== 'string' || !v) return fail(field, 'missing or not a string');
    if (!ID.test(v)) return fail(field, 'not printable ASCII (the file holds ids and numbers, never text)');
    return v;
  };
  const int = (field: string, below: number): number => {
    const v = row[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= below) return fail(field, `not a whole number under ${below}`);
    return v;
  };
  const bit = (field: string): 0 | 1 => {
    const v = row[field];
    if (v !== 0 && v !== 1) return fail(field, 'not 0 or 1');
    return v;
  };
  return { fail, str, int, bit };
}

function headerOf(row: Row, at: string): ArabicHeader {
  const { fail, str } = fieldsOf(row, at);
  if (row.kind !== 'header') fail('kind', 'the first line is not the header');
  const features = row.features;
  if (!Array.isArray(features) || features.join(',') !== FEATURES.join(',')) fail('features', 'not lib/events/pair.ts FEATURES: computed with other features, regenerate it (scripts/arabic-pairs.ts)');
  if (!Array.isArray(row.sets) || !row.sets.length) fail('sets', 'missing or empty');
  const sets = (row.sets as Row[]).map((s, i) => {
    const f = fieldsOf(s ?? {}, `${at}: sets[${i}]`);
    return { name: f.str('name'), hash: f.str('hash'), reports: f.int('reports', 1e6), events: f.int('events', 1e6), hardNegatives: f.int('hardNegatives', 1e6) };
  });
  return { note: str('note'), features: features as string[], sets };
}

function reportOf(row: Row, at: string, sets: ReadonlySet<string>): ArabicReport {
  const { fail, str } = fieldsOf(row, at);
  const set = str('set');
  if (!sets.has(set)) fail('set', `${set} is not a set of the header`);
  const day = str('day');
  if (!DAY.test(day)) fail('day', 'not a day YYYY-MM-DD');
  return { id: str('id'), set, event: str('event'), outlet: str('outlet'), day };
}

function pairOf(row: Row, at: string, reports: readonly ArabicReport[]): ArabicPair {
  const { fail, str, int, bit } = fieldsOf(row, at);
  const a = int('a', reports.length);
  const b = int('b', reports.length);
  if (a >= b) fail('b', 'not after a');
  const y = bit('y');
  const same = reports[a]!.set === reports[b]!.set && reports[a]!.event === reports[b]!.event;
  if (y !== (same ? 1 : 0)) fail('y', `says ${y}, the reports' events say ${same ? 1 : 0}`);
  const gap = row.gap === null ? null : int('gap', 1e5);
  const hard = row.hard === null ? null : str('hard');
  if (y && hard !== null) fail('hard', 'a same-event pair is no hard negative');
  const x = row.x;
  if (!Array.isArray(x) || x.length !== FEATURES.length || x.some((v) => typeof v !== 'number' || !Number.isFinite(v))) fail('x', `not ${FEATURES.length} finite numbers`);
  return { a, b, y, gap, hard, sf: { mayLift: bit('mayLift') === 1, twoIncidents: bit('twoIncidents') === 1 }, x: x as number[] };
}

/**
 * Each line of a JSON-lines file as an object (blank lines skipped), with where it is ("FILE: line N")
 * for the errors of its fields; a line that is not a JSON object is one error naming the file and line.
 */
export function eachJsonLine(content: string, file: string, each: (row: Row, at: string) => void): void {
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = `${file}: line ${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`${at}: not a JSON object`);
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error(`${at}: not a JSON object`);
    each(row as Row, at);
  });
}

/** The file read and checked: the first bad line or field throws one error naming the file, the line and the field. */
export function parseArabicPairs(content: string, file: string): ArabicData {
  let header: ArabicHeader | null = null;
  let sets = new Set<string>();
  const reports: ArabicReport[] = [];
  const pairs: ArabicPair[] = [];
  eachJsonLine(content, file, (r, at) => {
    if (!header) {
      header = headerOf(r, at);
      sets = new Set(header.sets.map((s) => s.name));
    } else if (r.kind === 'report') {
      if (pairs.length) throw new Error(`${at}: kind: a report after the pairs`);
      reports.push(reportOf(r, at, sets));
    } else if (r.kind === 'pair') pairs.push(pairOf(r, at, reports));
    else throw new Error(`${at}: kind: not "report" or "pair"`);
  });
  if (!header) throw new Error(`${file}: no header line`);
  return { header, reports, pairs };
}

/** The file's text: the header, the reports and the pairs, one a line (features rounded to 6 places). */
export function formatArabicPairs({ header, reports, pairs }: ArabicData): string {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const lines = [JSON.stringify({ kind: 'header', ...header })];
  for (const r of reports) lines.push(JSON.stringify({ kind: 'report', ...r }));
  for (const p of pairs) {
    const { sf, x, ...rest } = p;
    lines.push(JSON.stringify({ kind: 'pair', ...rest, mayLift: sf.mayLift ? 1 : 0, twoIncidents: sf.twoIncidents ? 1 : 0, x: x.map(round) }));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The file's reports as the fit's reports: no text (`doc` null, the id for a title), the event
 * named within its set (sets label apart).
 */
export function arabicReports(data: ArabicData): Report[] {
  return data.reports.map((r) => {
    const event = `${ARABIC}:${r.set}/${r.event}`;
    return { n: -1, source: ARABIC, set: r.set, id: r.id, event, event0: event, title: r.id, outlet: r.outlet, publishedAt: r.day, doc: null };
  });
}

/** The file's pairs as the fit's pairs, over `reports` (arabicReports of the same data, in order). */
export function arabicPairs(data: ArabicData, reports: readonly Report[]): Pair[] {
  return data.pairs.map((p) => ({ source: ARABIC, a: reports[p.a]!, b: reports[p.b]!, y: p.y, y0: p.y, x: p.x, nz: p.x.flatMap((v, i) => (v ? [i] : [])), gap: p.gap, hard: p.hard, sf: p.sf }));
}
