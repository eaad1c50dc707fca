// Writes data/events/arabic-pairs.jsonl, the arabic source of the same-event fit (scripts/fit-events.ts;
// the file's format in scripts/arabic-source.ts): numbers and ids only, computed from labelled Arabic
// sets whose texts stay outside the repository (unknown licences). **Regenerating it needs the
// texts**; a fresh clone fits from the committed file as it is (EVENTS_ARABIC=1 npx tsx scripts/fit-events.ts).
//
//   npx tsx scripts/arabic-pairs.ts dev=/work/arabic-dev a=/work/arabic-train/a b=/work/arabic-train/b [--out FILE]
//
// Each NAME=DIR is one set in docs/EVENTS-DEV.md's format (DIR/reports.jsonl, DIR/events.json; the
// dev set is named "dev": its errors were read, and the fit's tables report it apart). Each report is
// read as the product reads it (lib/events eventDoc of title, text, publication day and outlet, as
// fit-events and test-events-fresh read theirs); the candidate pairs are fit-events' (candidateFacts)
// within all the sets together, same-event pairs always; a pair of two incidents its set labels a
// hard negative is tagged "labelled: " and fit-events' kind, the others fit-events' kind (hardKind).
// A set's data hash is docs/EVENTS-DEV.md's (sha256 of reports.jsonl, a NUL byte, events.json; 12 hex).
//
//   npx tsx scripts/arabic-pairs.ts --judge [--model FILE] [--pairs FILE] [--json FILE]
//
// judges the committed pairs (or --pairs: another set's derived file, e.g. a test set never fitted)
// with a model fitted without them (by default data/events/model.json as it is: run on main before
// a refit, it is main's shipped model's figure on pairs it never saw), the graph of third reports
// from its own judgements, as fit-events judges a held-out fold.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventDoc, FEATURES, type Model } from '../lib/events/pair';
import { signatureFacts } from '../lib/events/ceilings';
import { arabicPairs, arabicReports, formatArabicPairs, parseArabicPairs, ARABIC_FILE, type ArabicData, type ArabicPair, type ArabicReport, type ArabicSet } from './arabic-source';
import { arabicData, ARABIC_DEV, candidateFacts, hardKind, judgeWithModel, metrics, rowsOf, type Report } from './fit-events';
import { parseLabels, parseReports, type FreshLabels, type FreshReport } from './test-events-fresh';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** One labelled set as given: its name and its two files' texts. */
export interface SetFiles {
  name: string;
  dir: string;
  reports: string;
  events: string;
}

/** docs/EVENTS-DEV.md's data hash: sha256 of reports.jsonl, a NUL byte and events.json, first 12 hex digits. */
export const dataHash = (reports: string, events: string) => createHash('sha256').update(reports).update('\u0000').update(events).digest('hex').slice(0, 12);

/** Printable ASCII, short: what an id of the committed file may be (never a text's words). */
const plain = (s: string) => /^[\x21-\x7e]{1,80}$/.test(s);

/** A host name as ASCII (an Arabic domain as its punycode), or null where it is none. */
function host(outlet: string): string | null {
  try {
    const h = new URL(`http://${outlet.trim()}`).hostname;
    return plain(h) ? h : null;
  } catch {
    return null;
  }
}

interface Read {
  set: string;
  r: FreshReport;
  line: number;
  event: string;
}

/** Every set's reports, checked (test-events-fresh's readers), with their events; a URL told again by a later set is left out there. */
function readSets(sets: readonly SetFiles[]): { list: Read[]; header: ArabicSet[]; labels: Map<string, FreshLabels> } {
  const list: Read[] = [];
  const header: ArabicSet[] = [];
  const labels = new Map<string, FreshLabels>();
  const urls = new Map<string, string>();
  for (const s of sets) {
    if (!plain(s.name)) throw new Error(`${s.dir}: set name "${s.name}": not printable ASCII`);
    const reports = parseReports(s.reports, join(s.dir, 'reports.jsonl'));
    const l = parseLabels(s.events, join(s.dir, 'events.json'), reports);
    labels.set(s.name, l);
    const eventOf = new Map(l.events.flatMap((e) => e.reports.map((r) => [r, e.id] as const)));
    let dropped = 0;
    reports.forEach((r, i) => {
      const seen = urls.get(r.url);
      if (seen) {
        process.stderr.write(`${s.name}: ${r.id} is ${seen}'s URL: left out\n`);
        dropped++;
        return;
      }
      urls.set(r.url, `${s.name}/${r.id}`);
      list.push({ set: s.name, r, line: i + 1, event: eventOf.get(r.id)! });
    });
    header.push({ name: s.name, hash: dataHash(s.reports, s.events), reports: reports.length - dropped, events: l.events.length, hardNegatives: l.hardNegatives.length });
  }
  return { list, header, labels };
}

const eventKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/** The derived data of the sets: reports by id, candidate pairs by their features (no text kept). */
export function derive(sets: readonly SetFiles[]): ArabicData {
  const { list, header, labels } = readSets(sets);
  const eventIds = new Map<string, string>();
  const idOf = (set: string, event: string) => {
    const key = `${set}\u0000${event}`;
    if (!eventIds.has(key)) eventIds.set(key, plain(event) ? event : `e${eventIds.size + 1}`);
    return eventIds.get(key)!;
  };
  const outlets = new Map<string, string>();
  const outletOf = (o: string) => {
    if (!outlets.has(o)) outlets.set(o, host(o) ?? `outlet-${outlets.size + 1}`);
    return outlets.get(o)!;
  };
  const reports: ArabicReport[] = list.map((x) => ({ id: plain(x.r.id) ? x.r.id : `${x.set}-line-${x.line}`, set: x.set, event: idOf(x.set, x.event), outlet: outletOf(x.r.outlet), day: x.r.publishedAt }));
  const stubs = arabicReports({ header: { note: '', features: [], sets: header }, reports, pairs: [] });
  const docs = list.map((x) => eventDoc(x.r.title, x.r.text, x.r.publishedAt, x.r.outlet));
  const hardRead = new Set([...labels].flatMap(([set, l]) => l.hardNegatives.map((h) => `${set}\u0000${eventKey(h.events[0], h.events[1])}`)));
  const pairs: ArabicPair[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i]!, list[j]!];
      const y = a.set === b.set && a.event === b.event ? 1 : 0;
      const facts = candidateFacts(docs[i]!, docs[j]!, y === 1);
      if (!facts) continue;
      const f = facts.features;
      const kind = y ? null : hardKind(f, facts.gap, stubs[i]! as Report, stubs[j]! as Report);
      const read = !y && a.set === b.set && hardRead.has(`${a.set}\u0000${eventKey(a.event, b.event)}`);
      const hard = read ? `labelled: ${kind ?? 'nothing shared'}` : kind;
      pairs.push({ a: i, b: j, y, gap: facts.gap, hard, sf: signatureFacts(docs[i]!.sig, docs[j]!.sig, f, facts.gap), x: FEATURES.map((n) => f[n]) });
    }
  }
  const note = 'Derived by scripts/arabic-pairs.ts from labelled Arabic sets kept outside the repository (texts of unknown licence): ids and numbers only. Regenerating it needs the texts; scripts/fit-events.ts reads it as the arabic source.';
  return { header: { note, features: [...FEATURES], sets: header }, reports, pairs };
}

/** NAME=DIR arguments as sets, their files read. */
export function setsOf(args: readonly string[]): SetFiles[] {
  return args.map((a) => {
    const m = /^([^=]+)=(.+)$/.exec(a);
    if (!m) throw new Error(`arabic-pairs: "${a}" is not NAME=DIR (usage: arabic-pairs.ts dev=/work/arabic-dev a=DIR … [--out FILE], or --judge [--model FILE] [--pairs FILE] [--json FILE])`);
    const dir = resolve(m[2]!);
    return { name: m[1]!, dir, reports: readFileSync(join(dir, 'reports.jsonl'), 'utf8'), events: readFileSync(join(dir, 'events.json'), 'utf8') };
  });
}

/** The committed pairs judged by `model` (never fitted on them): precision and recall per set, at its threshold and 0.8, hard negatives called. */
export function judgeCommitted(model: Model, data: ArabicData = arabicData()) {
  const reports = arabicReports(data);
  reports.forEach((r, i) => (r.n = i));
  const held = judgeWithModel(arabicPairs(data, reports), model);
  const at = model.thresholds.sameEvent;
  // Each set's own pairs apart too.
  const sets = data.header.sets.map((s) => [`arabic: set ${s.name}`, held.filter((x) => x.p.a.set === s.name && x.p.b.set === s.name)] as [string, typeof held]);
  const rows = [...rowsOf(held), ...sets].filter(([name, list]) => name.startsWith('arabic') && list.length);
  return rows.map(([name, list]) => {
    const hard = list.filter((x) => !x.p.y && x.p.hard);
    const labelled = hard.filter((x) => x.p.hard!.startsWith('labelled'));
    return { rows: name, at, chosen: metrics(list, at), at08: metrics(list, 0.8), hard: hard.length, hardCalled: hard.filter((x) => x.prob >= at).length, hardCalled08: hard.filter((x) => x.prob >= 0.8).length, labelledHard: labelled.length, labelledCalled: labelled.filter((x) => x.prob >= at).length, labelledCalled08: labelled.filter((x) => x.prob >= 0.8).length };
  });
}

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  if (argv.includes('--judge')) {
    const modelFile = resolve(opt('model') ?? join(root, 'data/events/model.json'));
    // --pairs: another derived file (a test set's, never fitted) instead of the committed one.
    const pairsFile = opt('pairs');
    const data = pairsFile ? parseArabicPairs(readFileSync(resolve(pairsFile), 'utf8'), pairsFile) : arabicData();
    const figures = judgeCommitted(JSON.parse(readFileSync(modelFile, 'utf8')) as Model, data);
    const out = { model: basename(modelFile), sets: data.header.sets, figures };
    const json = opt('json');
    if (json) writeFileSync(json, `${JSON.stringify(out, null, 1)}\n`);
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    return;
  }
  const out = resolve(opt('out') ?? join(root, ARABIC_FILE));
  const sets = setsOf(argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out'));
  if (!sets.length) throw new Error('arabic-pairs: no set given (usage: arabic-pairs.ts dev=/work/arabic-dev a=DIR … [--out FILE])');
  if (!sets.some((s) => s.name === ARABIC_DEV)) process.stderr.write(`arabic-pairs: no set named ${ARABIC_DEV}: the dev set's rows stay empty\n`);
  const data = derive(sets);
  writeFileSync(out, formatArabicPairs(data));
  process.stderr.write(`${out}: ${data.reports.length} reports, ${data.pairs.length} pairs (${data.pairs.filter((p) => p.y).length} same-event), sets ${data.header.sets.map((s) => `${s.name} ${s.hash}`).join(', ')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
