// Judges the shipped same-event model on the fresh locked set: Arabic leads from many outlets about
// Syrian events of 2018–2026, with hard negatives, labelled by reading before any model score was seen
// (docs/EVENTS-FRESH.md: where they come from, the labelling rule, every report's url, outlet, day and
// event). The texts are kept outside the repository (their licences are unknown), so the files are
// given by path:
//
//   npx tsx scripts/test-events-fresh.ts --reports <reports.jsonl> --events <events.json> --out <report.md> [--note "first run"]
//
// With `--dev <provenance.md>` the same report is written for a development set (one whose errors
// are read, as docs/EVENTS-DEV.md's): its title says its figures flatter what was chosen on it.
//
// It fits nothing: it loads data/events/model.json through lib/events as the product does
// (judgeAmong, each pair from its first report's side with that report's other candidates as the
// third reports), on the pairs a search would put side by side (fit-events' rule), same-event pairs
// always. Only the lead runs it, on the real set: every look at its errors makes the set less locked.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventDoc, judge, MODEL, type EventDoc } from '../lib/events';
import { candidateFacts, hardKind, type Report } from './fit-events';
import { eachJsonLine } from './arabic-source';
import { ci, featuresOn, fmt, judgedAmong, metrics, reliability, stamp, type Judged } from './test-events-locked';

/** The issue's threshold, reported beside the shipped one. */
const ISSUE_AT = 0.8;

/** One line of reports.jsonl, checked. */
export interface FreshReport {
  id: string;
  url: string;
  outlet: string;
  title: string;
  text: string;
  /** The publication day (YYYY-MM-DD), from the URL or the report's own dateline only. */
  publishedAt: string;
}

export interface FreshEvent {
  id: string;
  reports: string[];
}

/** Two incidents labelled as a hard negative by reading: `kind` says what they share. */
export interface HardNegative {
  events: [string, string];
  kind: string;
}

export interface FreshLabels {
  events: FreshEvent[];
  hardNegatives: HardNegative[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const realDay = (s: string) => {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
};

/**
 * reports.jsonl read and checked: one JSON object a line (blank lines skipped), each with a unique
 * id, an http(s) url, an outlet, a title (may be empty), a text and a real YYYY-MM-DD publishedAt.
 * The first bad line or field throws one error naming the file, the line and the field.
 */
export function parseReports(content: string, file: string): FreshReport[] {
  const out: FreshReport[] = [];
  const seen = new Set<string>();
  eachJsonLine(content, file, (r, at) => {
    const text = (field: string, { empty = false } = {}): string => {
      const v = r[field];
      if (typeof v !== 'string') throw new Error(`${at}: ${field}: missing or not a string`);
      if (!empty && !v.trim()) throw new Error(`${at}: ${field}: empty`);
      return v;
    };
    const id = text('id');
    if (seen.has(id)) throw new Error(`${at}: id: ${id} is used twice`);
    seen.add(id);
    const url = text('url');
    if (!/^https?:\/\/[^\s/]+/i.test(url)) throw new Error(`${at}: url: not an http(s) address`);
    const publishedAt = text('publishedAt');
    if (!realDay(publishedAt)) throw new Error(`${at}: publishedAt: not a day YYYY-MM-DD`);
    out.push({ id, url, outlet: text('outlet'), title: text('title', { empty: true }), text: text('text'), publishedAt });
  });
  if (!out.length) throw new Error(`${file}: no reports`);
  return out;
}

/**
 * events.json read and checked against the reports: every report in exactly one event, every event
 * with a unique id and at least one report, every hard negative naming two different events and a kind.
 */
export function parseLabels(content: string, file: string, reports: readonly FreshReport[]): FreshLabels {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new Error(`${file}: not JSON`);
  }
  const root = json as { events?: unknown; hardNegatives?: unknown } | null;
  if (!root || typeof root !== 'object' || !Array.isArray(root.events)) throw new Error(`${file}: events: missing or not a list`);
  const known = new Set(reports.map((r) => r.id));
  const where = new Map<string, string>();
  const ids = new Set<string>();
  const events: FreshEvent[] = root.events.map((raw: unknown, i: number) => {
    const e = (raw ?? {}) as { id?: unknown; reports?: unknown };
    const at = `${file}: events[${i}]`;
    if (typeof e.id !== 'string' || !e.id.trim()) throw new Error(`${at}: id: missing or empty`);
    if (ids.has(e.id)) throw new Error(`${at}: id: ${e.id} is used twice`);
    ids.add(e.id);
    if (!Array.isArray(e.reports) || !e.reports.length) throw new Error(`${at} (${e.id}): reports: missing or empty`);
    for (const r of e.reports) {
      if (typeof r !== 'string' || !known.has(r)) throw new Error(`${at} (${e.id}): reports: no report ${String(r)} in the reports file`);
      const before = where.get(r);
      if (before) throw new Error(`${at} (${e.id}): reports: ${r} is already in event ${before}`);
      where.set(r, e.id);
    }
    return { id: e.id, reports: e.reports as string[] };
  });
  const unlabelled = reports.find((r) => !where.has(r.id));
  if (unlabelled) throw new Error(`${file}: events: report ${unlabelled.id} is in no event`);
  const rawHard = root.hardNegatives ?? [];
  if (!Array.isArray(rawHard)) throw new Error(`${file}: hardNegatives: not a list`);
  const hardNegatives: HardNegative[] = rawHard.map((raw: unknown, i: number) => {
    const h = (raw ?? {}) as { events?: unknown; kind?: unknown };
    const at = `${file}: hardNegatives[${i}]`;
    const pair = h.events;
    if (!Array.isArray(pair) || pair.length !== 2 || pair.some((x) => typeof x !== 'string' || !ids.has(x))) throw new Error(`${at}: events: not two events of the file`);
    if (pair[0] === pair[1]) throw new Error(`${at}: events: the same event twice`);
    if (typeof h.kind !== 'string' || !h.kind.trim()) throw new Error(`${at}: kind: missing or empty`);
    return { events: [pair[0] as string, pair[1] as string], kind: h.kind };
  });
  return { events, hardNegatives };
}

/** A report as judged: its event document made as the product makes it (title, text, day, outlet). */
export type FreshArticle = Report & { doc: EventDoc };

export function articles(reports: readonly FreshReport[], labels: FreshLabels): FreshArticle[] {
  const eventOf = new Map(labels.events.flatMap((e) => e.reports.map((r) => [r, e.id] as const)));
  return reports.map((r) => {
    const event = eventOf.get(r.id)!;
    return { source: 'fresh', id: r.id, event, event0: event, title: r.title, outlet: r.outlet, publishedAt: r.publishedAt, doc: eventDoc(r.title, r.text, r.publishedAt, r.outlet) };
  });
}

export interface FreshPair {
  a: FreshArticle;
  b: FreshArticle;
  y: 0 | 1;
  /** The hard-negative kind the labels give the two events (by reading), if any. */
  read: string | null;
  /** The kind fit-events tags the pair with from its features (as bench/EVENTS-LOCKED.md lists them). */
  hard: string | null;
  /** The features that were on, for the list of errors. */
  on: string;
}

const eventKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/**
 * The candidate pairs: every two reports of the set, same-event pairs always, the others only when
 * a search would put them side by side (fit-events' rule: shared words, a place or an actor).
 */
export function freshPairs(list: readonly FreshArticle[], labels: FreshLabels): FreshPair[] {
  const read = new Map(labels.hardNegatives.map((h) => [eventKey(h.events[0], h.events[1]), h.kind]));
  const out: FreshPair[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const y = a.event === b.event ? 1 : 0;
      const facts = candidateFacts(a.doc, b.doc, y === 1);
      if (!facts) continue;
      out.push({ a, b, y, read: y ? null : read.get(eventKey(a.event, b.event)) ?? null, hard: y ? null : hardKind(facts.features, facts.gap, a, b), on: featuresOn(facts.features) });
    }
  }
  return out;
}


/** Which set a report is of: its name, what may be done with its errors, where its provenance is. */
export interface ReportedSet {
  name: string;
  use: string;
  provenance: string;
}

export const LOCKED_SET: ReportedSet = {
  name: 'the fresh locked set',
  use: 'do not tune on it (every look at these errors makes the set less locked).',
  provenance: 'docs/EVENTS-FRESH.md',
};

/**
 * A development set (`--dev <provenance.md>`): its errors are read and fixes chosen on it, so its
 * figures flatter whatever was chosen there; the report says so in its title.
 */
export const devSet = (provenance: string): ReportedSet => ({
  name: 'a development set (figures flatter what was chosen on it)',
  use: 'its errors are read and fixes chosen on it: its figures are development figures, never held out.',
  provenance,
});

/** The markdown report: precision and recall with Wilson intervals, incidents found, hard negatives by kind, reliability, errors. */
export function freshReport(judged: ReadonlyArray<Judged<FreshPair>>, list: readonly FreshArticle[], labels: FreshLabels, run: string, { at = MODEL.thresholds.sameEvent, set = LOCKED_SET }: { at?: number; set?: ReportedSet } = {}): string[] {
  const lines: string[] = [];
  const told = labels.events.filter((e) => e.reports.length > 1);
  const outlets = new Set(list.map((a) => a.outlet));
  lines.push(`# Same-event judgement on ${set.name}`, '');
  lines.push(`Written by \`npx tsx scripts/test-events-fresh.ts\`. Do not edit by hand; ${set.use}`, '');
  lines.push(`Run ${run}. Model: data/events/model.json, judged through lib/events \`judgeAmong\` as the product judges (each pair from its first report's side, its other pairs' reports the third reports); "same event" at its threshold ${at}, and at ${ISSUE_AT} (the issue's).`, '');
  lines.push(`Data (${set.provenance}): ${list.length} Arabic reports from ${outlets.size} outlets in ${labels.events.length} incidents read by hand, ${told.length} of them told by two or more reports; ${labels.hardNegatives.length} pairs of incidents labelled hard negatives. ${judged.length} candidate pairs (pairs sharing words, a place or an actor; same-event pairs always), ${judged.filter((x) => x.pair.y).length} of them same-event.`, '');
  lines.push('## Precision and recall', '');
  lines.push(`| pairs | same-event pairs | other pairs | at ${at}: called same (right) | wrongly same | precision | recall | at ${ISSUE_AT}: precision | recall | wrongly same |`, '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const rows: Array<[string, ReadonlyArray<Judged<FreshPair>>]> = [
    ['all', judged],
    ['reports of different outlets', judged.filter((x) => x.pair.a.outlet !== x.pair.b.outlet)],
  ];
  for (const [name, part] of rows) {
    const m = metrics(part, at);
    const m8 = metrics(part, ISSUE_AT);
    lines.push(`| ${name} | ${m.pos} | ${m.neg} | ${m.tp} | ${m.fp} | ${ci(m.tp, m.tp + m.fp, m.precision)} | ${ci(m.tp, m.pos, m.recall)} | ${ci(m8.tp, m8.tp + m8.fp, m8.precision)} | ${ci(m8.tp, m8.pos, m8.recall)} | ${m8.fp} |`);
  }
  // An incident is found when one of its same-event pairs is called same-event (a reader sees the group start).
  const positives = judged.filter((x) => x.pair.y);
  const found = (t: number) => new Set(positives.filter((x) => x.probability >= t).map((x) => x.pair.a.event)).size;
  const whole = (t: number) => told.filter((e) => positives.filter((x) => x.pair.a.event === e.id).every((x) => x.probability >= t)).length;
  lines.push('', `In brackets, the 95 % Wilson interval: the counts are small. Incidents told by two or more reports: ${told.length}; found (one of their pairs called same-event): ${found(at)} at ${at}, ${found(ISSUE_AT)} at ${ISSUE_AT}; found whole (every pair called same-event): ${whole(at)} at ${at}, ${whole(ISSUE_AT)} at ${ISSUE_AT}.`);
  const negatives = judged.filter((x) => !x.pair.y);
  const related = (x: Judged<FreshPair>) => x.probability < at && (x.relation ?? judge(x.pair.a.doc, x.pair.b.doc).relation) === 'related';
  const kindTable = (title: string, note: string, kindOf: (x: Judged<FreshPair>) => string | null) => {
    lines.push('', `## ${title}`, '', note, '');
    lines.push(`| kind | pairs | called same-event at ${at} | at ${ISSUE_AT} | called related | highest probability |`, '|---|---:|---:|---:|---:|---:|');
    const tagged = negatives.filter((x) => kindOf(x) !== null);
    for (const k of [...new Set(tagged.map((x) => kindOf(x)!))].sort()) {
      const part = tagged.filter((x) => kindOf(x) === k);
      lines.push(`| ${k} | ${part.length} | ${part.filter((x) => x.probability >= at).length} | ${part.filter((x) => x.probability >= ISSUE_AT).length} | ${part.filter(related).length} | ${fmt(Math.max(...part.map((x) => x.probability)))} |`);
    }
  };
  kindTable('Hard negatives, as labelled', 'Pairs of reports of two incidents the labels name a hard negative (events.json `hardNegatives`), by the kind read: what the two incidents share. "Related" is the product\'s relation below "same event".', (x) => x.pair.read);
  kindTable('Hard negatives, as fit-events tags them', 'Every pair of different incidents by the kind its features give (first that applies), as bench/EVENTS-LOCKED.md lists them.', (x) => x.pair.hard);
  lines.push('', '## Reliability: predicted probability against the observed rate', '');
  lines.push('| predicted | pairs | mean predicted | observed same-event rate |', '|---|---:|---:|---:|');
  for (const b of reliability(judged)) lines.push(`| ${b.lo.toFixed(1)}–${b.hi.toFixed(1)} | ${b.pairs} | ${fmt(b.predicted)} | ${fmt(b.observed)} |`);
  // Reports are named by id, outlet and day only: their texts stay outside the repository.
  const tell = (x: Judged<FreshPair>) => `${fmt(x.probability)} ${x.pair.a.id} (${x.pair.a.outlet}, ${x.pair.a.publishedAt}) / ${x.pair.b.id} (${x.pair.b.outlet}, ${x.pair.b.publishedAt}) — ${x.pair.on}`;
  const wrong = negatives.filter((x) => x.probability >= Math.min(at, ISSUE_AT)).sort((p, q) => q.probability - p.probability);
  lines.push('', '## Errors', '', `Different incidents called same-event at ${at} or ${ISSUE_AT}: ${wrong.length}.`, '');
  for (const x of wrong) lines.push(`- ${x.pair.read ?? x.pair.hard ?? 'no shared place/actor'} (${x.pair.a.event} / ${x.pair.b.event}): ${tell(x)}`);
  const missed = positives.filter((x) => x.probability < at).sort((p, q) => p.probability - q.probability);
  lines.push('', `Same-event pairs missed at ${at}: ${missed.length}.`, '');
  for (const x of missed) lines.push(`- ${x.pair.a.event}: ${tell(x)}`);
  return lines;
}

/** The one-line summary kept under "## Runs": the first run's figures stay beside the last. */
export function runLine(judged: ReadonlyArray<Judged<FreshPair>>, run: string, at = MODEL.thresholds.sameEvent): string {
  const m = metrics(judged, at);
  const m8 = metrics(judged, ISSUE_AT);
  const read = judged.filter((x) => !x.pair.y && x.pair.read);
  return `- ${run}: P/R ${fmt(m.precision)}/${fmt(m.recall)} at ${at}, ${fmt(m8.precision)}/${fmt(m8.recall)} at ${ISSUE_AT}; labelled hard negatives called same-event ${read.filter((x) => x.probability >= at).length} / ${read.filter((x) => x.probability >= ISSUE_AT).length} of ${read.length}`;
}

/** `--name value` from the command line; a required one missing is one clear error. */
export function argOf(argv: readonly string[], name: string, required = true): string | undefined {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (required && (!v || v.startsWith('--'))) throw new Error(`--${name} <path> is required (usage: test-events-fresh.ts --reports <reports.jsonl> --events <events.json> --out <report.md> [--note "…"] [--dev <provenance.md>])`);
  return v;
}

function main(): void {
  const argv = process.argv.slice(2);
  const reportsPath = resolve(argOf(argv, 'reports')!);
  const eventsPath = resolve(argOf(argv, 'events')!);
  const outPath = resolve(argOf(argv, 'out')!);
  const note = argOf(argv, 'note', false) ?? '';
  const dev = argOf(argv, 'dev', false);
  const reportsText = readFileSync(reportsPath, 'utf8');
  const eventsText = readFileSync(eventsPath, 'utf8');
  const reports = parseReports(reportsText, reportsPath);
  const labels = parseLabels(eventsText, eventsPath, reports);
  const list = articles(reports, labels);
  const judged = judgedAmong(freshPairs(list, labels));
  // The data's hashes name the set judged: a later run on other files shows it.
  const data = createHash('sha256').update(reportsText).update('\u0000').update(eventsText).digest('hex').slice(0, 12);
  const run = stamp(`data sha256 ${data}${note ? `, ${note}` : ''}`);
  const lines = freshReport(judged, list, labels, run, { set: dev ? devSet(dev) : LOCKED_SET });
  const before = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
  const runsAt = before.indexOf('\n## Runs');
  const runs = runsAt >= 0 ? before.slice(runsAt + '\n## Runs\n\n'.length).split('\n').filter((l) => l.startsWith('- ')) : [];
  runs.push(runLine(judged, run));
  lines.push('', '## Runs', '', ...runs);
  writeFileSync(outPath, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
