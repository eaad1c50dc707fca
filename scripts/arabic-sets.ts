// The labelled Arabic sets (docs/EVENTS-DEV.md, docs/EVENTS-TRAIN-{A,B,C,D}.md, docs/EVENTS-TEST-L.md, docs/EVENTS-FRESH.md)
// keep their texts outside the repository (unknown licences), so a machine laid anew loses them.
// Their labels and addresses are in their docs' tables; this script turns those back into files and
// checks texts collected again against what was labelled.
//
//   npx tsx scripts/arabic-sets.ts skeleton docs/EVENTS-TRAIN-A.md /work/arabic-train/a
//     writes DIR/events.json (the doc's incidents, each with its reports, its hard negatives and, when the
//     doc has a "Linked incidents" table, each linked pair with its kind) and DIR/skeleton.jsonl (each report's id, url, outlet, publishedAt, dateFrom, dateEvidence, event:
//     all but its title and text, which the collector fills in from the search tool's pages corpus).
//   npx tsx scripts/arabic-sets.ts hashes a=/work/arabic-train/a b=… [--out FILE]
//     writes data/events/arabic-texts.json: per set, each report's sha256 of title, a NUL byte and
//     text (16 hex digits: no text can be read back from it), so the next collection can be checked.
//   npx tsx scripts/arabic-sets.ts check a=/work/arabic-train/a …
//     compares a set's reports.jsonl with those hashes and its skeleton fields with its doc's table.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReports, type FreshReport } from './test-events-fresh';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const TEXTS_FILE = 'data/events/arabic-texts.json';

/** A markdown table's rows after the header whose first cells are `head`, each as its cells by column (trimmed; `\|` read as `|`; a missing cell is empty). */
export function tableRows(doc: string, head: readonly string[]): Array<(column: number) => string> {
  const lines = doc.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
  const at = lines.findIndex((l) => l.startsWith('|') && head.every((h, i) => cells(l)[i] === h));
  if (at < 0) throw new Error(`no table headed | ${head.join(' | ')} |`);
  const rows: Array<(column: number) => string> = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    rows.push((column) => row[column] ?? '');
  }
  return rows;
}

export interface SkeletonReport {
  id: string;
  url: string;
  outlet: string;
  publishedAt: string;
  dateFrom: string;
  dateEvidence: string;
  event: string;
}

/** A doc's three tables as files' contents: the reports without texts, the incidents, the hard negatives. */
export function skeletonOf(doc: string, name: string) {
  const reports: SkeletonReport[] = tableRows(doc, ['id', 'outlet', 'day', 'day from', 'evidence', 'event', 'url']).map((c) => ({
    id: c(0),
    url: c(6),
    outlet: c(1),
    publishedAt: c(2),
    dateFrom: c(3),
    dateEvidence: c(4),
    event: c(5),
  }));
  const incidents = tableRows(doc, ['event', 'type', 'place', 'day', 'reports']);
  const known = new Set(incidents.map((c) => c(0)));
  const stray = reports.find((r) => !known.has(r.event));
  if (stray) throw new Error(`${name}: report ${stray.id}: event ${stray.event} is not in the incidents table`);
  const events = incidents.map((c) => {
    const of = reports.filter((r) => r.event === c(0)).map((r) => r.id);
    if (of.length !== Number(c(4))) throw new Error(`${name}: event ${c(0)}: the table says ${c(4)} reports, the reports table has ${of.length}`);
    return { id: c(0), type: c(1), place: c(2), day: c(3), why: c(5), reports: of };
  });
  const fresh = doc.includes('| incidents | kind |');
  const hardNegatives = fresh
    ? tableRows(doc, ['incidents', 'kind', 'what they share']).map((c) => ({ events: c(0).split(' / '), kind: c(1), share: c(2), differs: c(3) }))
    : tableRows(doc, ['incident', 'incident', 'what they share']).map((c) => ({ events: [c(0), c(1)], kind: c(2) }));
  for (const h of hardNegatives) if (h.events.length !== 2 || h.events.some((e) => !known.has(e))) throw new Error(`${name}: hard negative ${h.events.join(' / ')}: not two incidents of the table`);
  // A linked pair's kind is a label set L (docs/EVENTS-TEST-L.md) exists to test, so its events.json keeps them and the
  // skeleton reads them back; the training sets' tables (labelled later) come back the same way.
  const linked = doc.includes('| incident | incident | linked kind | why |')
    ? tableRows(doc, ['incident', 'incident', 'linked kind', 'why']).map((c) => ({ events: [c(0), c(1)], kind: c(2), why: c(3) }))
    : undefined;
  for (const l of linked ?? []) if (l.events.some((e) => !known.has(e)) || !LINKED_KINDS.includes(l.kind)) throw new Error(`${name}: linked pair ${l.events.join(' / ')}: not two incidents of the table with a kind of ${LINKED_KINDS.join('/')}`);
  return { reports, events, hardNegatives, ...(linked ? { linked } : {}) };
}

/** The kinds of a linked pair (docs/EVENTS-TRAIN-A.md's "Linked incidents"). */
export const LINKED_KINDS = ['second', 'spread', 'reply', 'followup'];

export const textHash = (title: string, text: string) => createHash('sha256').update(title).update('\u0000').update(text).digest('hex').slice(0, 16);

function setArgs(args: string[]): Array<{ name: string; dir: string }> {
  return args.filter((a) => !a.startsWith('--') && a.includes('=')).map((a) => ({ name: a.slice(0, a.indexOf('=')), dir: a.slice(a.indexOf('=') + 1) }));
}

/** A set's reports.jsonl, read and checked as every labelled set is (test-events-fresh parseReports: one error naming the line and field). */
function readReports(dir: string): FreshReport[] {
  const file = join(dir, 'reports.jsonl');
  return parseReports(readFileSync(file, 'utf8'), file);
}

function main(argv: string[]) {
  const [cmd, ...rest] = argv;
  if (cmd === 'skeleton') {
    const [docFile = '', dir = ''] = rest;
    if (!docFile || !dir) throw new Error('usage: skeleton DOC DIR');
    const { reports, events, hardNegatives, linked } = skeletonOf(readFileSync(docFile, 'utf8'), docFile);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'skeleton.jsonl'), reports.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const description = `Rebuilt from the tables of ${docFile} (labels as labelled there); texts collected again from the search tool's pages corpus.`;
    writeFileSync(join(dir, 'events.json'), JSON.stringify({ description, events, hardNegatives, ...(linked ? { linked } : {}) }, null, 1) + '\n');
    console.log(`${dir}: ${reports.length} reports, ${events.length} incidents, ${hardNegatives.length} hard negatives`);
  } else if (cmd === 'hashes') {
    const out = (rest.includes('--out') && rest[rest.indexOf('--out') + 1]) || join(root, TEXTS_FILE);
    const kept = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, Record<string, string>>) : {};
    for (const { name, dir } of setArgs(rest)) kept[name] = Object.fromEntries(readReports(dir).map((r) => [r.id, textHash(r.title, r.text)]));
    writeFileSync(out, JSON.stringify(kept, null, 1) + '\n');
    console.log(`${out}: ${Object.entries(kept).map(([n, h]) => `${n} ${Object.keys(h).length}`).join(', ')}`);
  } else if (cmd === 'check') {
    const file = join(root, TEXTS_FILE);
    const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>) : {};
    let bad = 0;
    for (const { name, dir } of setArgs(rest)) {
      const want = kept[name];
      const reports = readReports(dir);
      const skeleton = existsSync(join(dir, 'skeleton.jsonl')) ? readFileSync(join(dir, 'skeleton.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SkeletonReport) : [];
      for (const s of skeleton) {
        const r = reports.find((x) => x.id === s.id);
        if (!r) { bad++; console.log(`${name}: ${s.id}: missing from reports.jsonl`); continue; }
        for (const f of ["url", "outlet", "publishedAt"] as const) if (r[f] !== s[f]) { bad++; console.log(`${name}: ${s.id}: ${f} differs from the doc's table`); }
      }
      if (!want) { console.log(`${name}: no text hashes kept (${TEXTS_FILE}); fields checked only`); continue; }
      const differ = reports.filter((r) => want[r.id] !== textHash(r.title, r.text));
      bad += differ.length;
      console.log(`${name}: ${reports.length - differ.length} of ${reports.length} texts as labelled${differ.length ? `; differ: ${differ.map((r) => r.id).join(', ')}` : ''}`);
    }
    if (bad) process.exitCode = 1;
  } else throw new Error('usage: skeleton DOC DIR | hashes NAME=DIR… [--out FILE] | check NAME=DIR…');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
