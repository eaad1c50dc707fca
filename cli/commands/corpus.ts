// `isnad corpus import | export | stats | delete`: the reader's corpus on the command line, kept in
// a JSON Lines store (one report a line, plus the import it came from). `xref --corpus STORE`
// reads it like any JSON Lines corpus.
import { appendFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CorpusFormatError, parseCorpusFile, validateRecord, type CorpusPack } from '../../lib/corpus/formats';
import { hash53, reportId, reportKeys } from '../../lib/corpus/ids';
import type { ImportProblemRow } from '../../lib/corpus/index-types';
import { extractFromDocument } from '../../lib/extract/html';
import { outletIdFromName } from '../../lib/outlets/identity';
import type { ReportRecord } from '../../lib/types';
import { CliError, parseDocument, readInput } from '../load';
import { archiveKind } from '../../lib/harvest/archive';
import { harvestOutlet, importArchiveFile, parseHostMap, progressLine, stopOnSigint } from '../harvest';

export const usage = `corpus import <file>... | export [--out FILE] | stats | delete (--report ID | --import ID | --outlet NAME)  [--store FILE]
    the reader's corpus (default store .isnad/corpus.jsonl): import .jsonl/.json/.txt/.html files (bad records
    reported by file and line, good ones kept, duplicates skipped), export a corpus pack, count, delete;
    web archives (.warc, .warc.gz, .wacz): the articles of recognised outlets (--any-site: of every site),
    streamed, resumable (run the same command again after a stop);
  corpus harvest --outlet ID [--source wayback|live] [--from YYYY-MM] [--to YYYY-MM] [--update] [--estimate] [--out FILE] [--delay MS]
    an outlet's articles from the Wayback Machine's index (default) or its own sitemaps and feeds (robots.txt
    obeyed), one request at a time; Ctrl-C stops and the same command resumes; --update: new since the last run`;

const DEFAULT_STORE = '.isnad/corpus.jsonl';
/** Files this large are read line by line (JSON Lines) rather than whole. */
const STREAM_FROM = 16 * 1024 * 1024;

type Stored = ReportRecord & { id: string; importId: string };

function readStore(store: string): Stored[] {
  if (!existsSync(store)) return [];
  const out: Stored[] = [];
  readFileSync(store, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line) as Stored);
      } catch {
        throw new CliError(`${store}:${i + 1}: the store is damaged (invalid JSON)`);
      }
    });
  return out;
}

function writeStore(store: string, rows: Stored[]): void {
  mkdirSync(dirname(store), { recursive: true });
  writeFileSync(store, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

interface Summary {
  file: string;
  importId: string;
  added: number;
  duplicates: number;
  problems: ImportProblemRow[];
}

/** Records of one file, as they come: big JSON Lines files are streamed. */
async function* recordsOf(file: string, problems: ImportProblemRow[]): AsyncGenerator<ReportRecord> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (/\.jsonl$/i.test(file) && size > STREAM_FROM) {
    let n = 0;
    let good = 0;
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      n++;
      if (!line.trim()) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        problems.push({ file, line: n, reason: `invalid JSON (${(e as Error).message})` });
        continue;
      }
      const r = validateRecord(raw);
      if (typeof r === 'string') problems.push({ file, line: n, reason: r });
      else {
        good++;
        yield r;
      }
    }
    if (good === 0 && problems.length === 0) throw new CliError(`${file}: no reports in the file`);
    return;
  }
  const content = readInput(file);
  if (/\.html?$/i.test(file)) {
    const a = extractFromDocument(parseDocument(content), `file://${file}`);
    if (!a.title && a.paragraphs.length === 0) throw new CliError(`${file}: no article found in the page`);
    yield { url: a.canonicalUrl ?? (a.url.startsWith('file:') ? '' : a.url), outlet: a.outlet, title: a.title, publishedAt: a.publishedAt.value?.slice(0, 10) ?? null, text: a.paragraphs.join('\n\n') };
    return;
  }
  try {
    const parsed = parseCorpusFile(file, content);
    for (const e of parsed.errors) problems.push({ file: e.file, ...(e.line ? { line: e.line } : {}), reason: e.reason });
    yield* parsed.records;
  } catch (e) {
    if (e instanceof CorpusFormatError) throw new CliError(e.message);
    throw e;
  }
}

async function importFiles(store: string, files: string[]): Promise<Summary[]> {
  const rows = readStore(store);
  const keys = new Set<string>();
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.id);
    for (const k of reportKeys(r.url)) keys.add(k);
  }
  mkdirSync(dirname(store), { recursive: true });
  const out: Summary[] = [];
  for (const file of files) {
    const problems: ImportProblemRow[] = [];
    const importId = `import-${Date.now().toString(36)}-${hash53(file)}`;
    const s: Summary = { file, importId, added: 0, duplicates: 0, problems };
    let batch: string[] = [];
    for await (const r of recordsOf(file, problems)) {
      const id = reportId(r.url, r.text);
      const ks = reportKeys(r.url);
      if (ids.has(id) || ks.some((k) => keys.has(k))) {
        s.duplicates++;
        continue;
      }
      ids.add(id);
      for (const k of ks) keys.add(k);
      batch.push(`${JSON.stringify({ ...r, id, importId } satisfies Stored)}\n`);
      s.added++;
      if (batch.length >= 1000) {
        appendFileSync(store, batch.join(''));
        batch = [];
      }
    }
    if (batch.length) appendFileSync(store, batch.join(''));
    out.push(s);
  }
  return out;
}

export async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      store: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      import: { type: 'string' },
      outlet: { type: 'string' },
      json: { type: 'boolean' },
      'any-site': { type: 'boolean' },
      source: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      update: { type: 'boolean' },
      estimate: { type: 'boolean' },
      delay: { type: 'string' },
      'host-map': { type: 'string' },
    },
  });
  const [sub, ...files] = positionals;
  const store = values.store ?? process.env.ISNAD_STORE ?? DEFAULT_STORE;
  switch (sub) {
    case 'harvest': {
      if (!values.outlet) throw new CliError('corpus harvest: give --outlet ID');
      const source = values.source ?? 'wayback';
      if (source !== 'wayback' && source !== 'live') throw new CliError(`--source: expected wayback or live, got "${source}"`);
      const delayMs = values.delay === undefined ? undefined : Number(values.delay);
      if (delayMs !== undefined && !(delayMs >= 0)) throw new CliError(`--delay: expected milliseconds, got "${values.delay}"`);
      const stop = stopOnSigint();
      try {
        return await harvestOutlet(values.out ?? store, {
          plan: { source, outlet: values.outlet, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) },
          update: values.update,
          estimate: values.estimate,
          delayMs,
          hostMap: parseHostMap(values['host-map'] ?? process.env.ISNAD_HOST_MAP),
          signal: stop.signal,
          log: (l) => process.stderr.write(`${l}\n`),
        });
      } finally {
        stop.release();
      }
    }
    case 'import': {
      if (files.length === 0) throw new CliError('corpus import: missing <file>');
      const archives = files.filter((f) => archiveKind(f));
      const summaries = await importFiles(store, files.filter((f) => !archiveKind(f)));
      for (const s of summaries) for (const p of s.problems) process.stderr.write(`warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}\n`);
      if (archives.length === 0) return { store, imports: summaries };
      const stop = stopOnSigint();
      try {
        const done = [];
        for (const f of archives) {
          const s = await importArchiveFile(store, f, { anySite: values['any-site'], signal: stop.signal, progress: (p) => progressLine(`${f}: ${p.records} records, ${p.articles} articles, ${p.added} added`) });
          progressLine('');
          for (const p of s.problems) process.stderr.write(`warning: ${p.file}${p.offset !== undefined ? ` @${p.offset}` : ''}: ${p.reason}\n`);
          done.push(s);
          if (stop.signal.aborted) break;
        }
        return { store, imports: summaries, archives: done };
      } finally {
        stop.release();
      }
    }
    case 'export': {
      const pack: CorpusPack = { format: 'isnad-corpus', version: 1, reports: readStore(store).map(({ url, outlet, title, publishedAt, text }) => ({ url, outlet, title, publishedAt, text })) };
      if (values.out) {
        writeFileSync(values.out, JSON.stringify(pack));
        return { store, out: values.out, reports: pack.reports.length };
      }
      return pack;
    }
    case 'stats': {
      const rows = readStore(store);
      const byOutlet: Record<string, number> = {};
      const byImport: Record<string, number> = {};
      for (const r of rows) {
        const outlet = outletIdFromName(r.outlet) ?? r.outlet;
        byOutlet[outlet] = (byOutlet[outlet] ?? 0) + 1;
        byImport[r.importId] = (byImport[r.importId] ?? 0) + 1;
      }
      return { store, reports: rows.length, byOutlet, byImport };
    }
    case 'delete': {
      const rows = readStore(store);
      const drop = values.report
        ? (r: Stored) => r.id === values.report
        : values.import
          ? (r: Stored) => r.importId === values.import
          : values.outlet
            ? (r: Stored) => (outletIdFromName(r.outlet) ?? r.outlet) === (outletIdFromName(values.outlet!) ?? values.outlet)
            : null;
      if (!drop) throw new CliError('corpus delete: give --report ID, --import ID or --outlet NAME');
      const kept = rows.filter((r) => !drop(r));
      writeStore(store, kept);
      return { store, deleted: rows.length - kept.length, reports: kept.length };
    }
    default:
      throw new CliError(`corpus: expected import, harvest, export, stats or delete, got "${sub ?? ''}" (store: ${basename(store)})`);
  }
}
