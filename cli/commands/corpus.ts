// `isnad corpus import | export | stats | delete`: the reader's corpus on the command line, kept in
// a JSON Lines store (one report a line, plus the import it came from). `xref --corpus STORE`
// reads it like any JSON Lines corpus.
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import { once } from 'node:events';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { hash53, reportId, reportKeys } from '../../lib/corpus/ids';
import type { ImportProblemRow } from '../../lib/engine/index-types';
import { outletIdFromName } from '../../lib/outlets/identity';
import type { ReportRecord } from '../../lib/types';
import { CliError, corpusRecords, readInput, readLines } from '../read';
import { archiveKind } from '../../lib/harvest/archive-kind';

export const usage = `corpus import <file>... | export [--out FILE] | stats | delete (--report ID | --import ID | --outlet NAME)  [--store FILE]
    the reader's corpus (default store .isnad/corpus.jsonl): import .jsonl/.json/.txt/.html files (bad records
    reported by file and line, good ones kept, duplicates skipped), export a corpus pack, count, delete;
    web archives (.warc, .warc.gz, .wacz): the articles of recognised outlets (--any-site: of every site),
    streamed, resumable (run the same command again after a stop);
  corpus harvest --outlet ID [--source wayback|live] [--from YYYY-MM] [--to YYYY-MM] [--update] [--estimate] [--out FILE] [--delay MS]
    an outlet's articles from the Wayback Machine's index (default) or its own sitemaps and feeds (robots.txt
    obeyed), one request at a time; Ctrl-C stops and the same command resumes; --update: new since the last run`;

const DEFAULT_STORE = '.isnad/corpus.jsonl';

type Stored = ReportRecord & { id: string; importId: string };

/**
 * The store's rows, a line at a time: the store grows past any string's limit (three 200 MB
 * imports), so no command reads or writes it as one string.
 */
async function* storeRows(store: string): AsyncGenerator<Stored> {
  if (!existsSync(store)) return;
  const damaged = (n: number, why: string) => new CliError(`${store}:${n}: the store is damaged (${why})`);
  for await (const { n, text } of readLines(store, (n) => {
    throw damaged(n, 'line too long');
  })) {
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text) as Stored;
    } catch {
      throw damaged(n, 'invalid JSON');
    }
  }
}

/** Writes with the stream's back-pressure: memory holds one batch, whatever the store's size. */
async function write(out: WriteStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** Rewrites the store with the rows `keep` accepts (to a new file, then renamed over the old). */
async function rewriteStore(store: string, keep: (r: Stored) => boolean): Promise<{ kept: number; dropped: number }> {
  const tmp = `${store}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  let kept = 0;
  let dropped = 0;
  try {
    for await (const r of storeRows(store)) {
      if (!keep(r)) {
        dropped++;
        continue;
      }
      kept++;
      await write(out, `${JSON.stringify(r)}\n`);
    }
    await close(out);
  } catch (e) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, store);
  return { kept, dropped };
}

interface Summary {
  file: string;
  importId: string;
  added: number;
  duplicates: number;
  problems: ImportProblemRow[];
}

/** Records of one file, as they come: JSON Lines streamed, a page extracted. */
async function* recordsOf(file: string, problems: ImportProblemRow[]): AsyncGenerator<ReportRecord> {
  try {
    statSync(file);
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (/\.html?$/i.test(file)) {
    // Loaded here, not above: stats, export and delete run in a small heap without them.
    const [{ extractFromDocument }, { parseDocument }] = await Promise.all([import('../../lib/extract/html'), import('../html')]);
    const a = extractFromDocument(parseDocument(readInput(file)), `file://${file}`);
    if (!a.title && a.paragraphs.length === 0) throw new CliError(`${file}: no article found in the page`);
    yield { url: a.canonicalUrl ?? (a.url.startsWith('file:') ? '' : a.url), outlet: a.outlet, title: a.title, publishedAt: a.publishedAt.value?.slice(0, 10) ?? null, text: a.paragraphs.join('\n\n') };
    return;
  }
  yield* corpusRecords(file, problems);
}

async function importFiles(store: string, files: string[]): Promise<Summary[]> {
  const keys = new Set<string>();
  const ids = new Set<string>();
  for await (const r of storeRows(store)) {
    ids.add(r.id);
    for (const k of reportKeys(r.url)) keys.add(k);
  }
  mkdirSync(dirname(store), { recursive: true });
  const out: Summary[] = [];
  const sink = createWriteStream(store, { flags: 'a' });
  try {
    for (const file of files) {
      const problems: ImportProblemRow[] = [];
      const importId = `import-${Date.now().toString(36)}-${hash53(file)}`;
      const s: Summary = { file, importId, added: 0, duplicates: 0, problems };
      for await (const r of recordsOf(file, problems)) {
        const id = reportId(r.url, r.text);
        const ks = reportKeys(r.url);
        if (ids.has(id) || ks.some((k) => keys.has(k))) {
          s.duplicates++;
          continue;
        }
        ids.add(id);
        for (const k of ks) keys.add(k);
        await write(sink, `${JSON.stringify({ ...r, id, importId } satisfies Stored)}\n`);
        s.added++;
      }
      out.push(s);
    }
  } finally {
    await close(sink);
  }
  return out;
}

/** The corpus pack of the store, written a report at a time (to a file, or to standard output). */
async function exportPack(store: string, out: WriteStream | NodeJS.WriteStream): Promise<number> {
  let n = 0;
  const put = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await put('{"format":"isnad-corpus","version":1,"reports":[');
  for await (const { url, outlet, title, publishedAt, text } of storeRows(store)) {
    await put(`${n ? ',' : ''}\n${JSON.stringify({ url, outlet, title, publishedAt, text })}`);
    n++;
  }
  await put('\n]}\n');
  return n;
}

/** Counts by key in a Map: outlet names such as "constructor" or "__proto__" are data, not fields. */
function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Options every subcommand takes: the store, and --json (the output is JSON either way). */
const COMMON = { store: { type: 'string' }, json: { type: 'boolean' } } as const;

/** A subcommand's options and positionals, parsed by util.parseArgs (an option it does not take is an error). */
function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  return parseArgs({ args, allowPositionals: true, options: { ...COMMON, ...options } });
}

/** The store: --store, else $ISNAD_STORE, else .isnad/corpus.jsonl. */
const storeOf = (given: string | undefined) => given ?? process.env.ISNAD_STORE ?? DEFAULT_STORE;

async function harvest(args: string[]): Promise<unknown> {
  const { values } = parse(args, {
    outlet: { type: 'string' }, source: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    update: { type: 'boolean' }, estimate: { type: 'boolean' }, out: { type: 'string' }, delay: { type: 'string' }, 'host-map': { type: 'string' },
  });
  const store = storeOf(values.store);
  if (!values.outlet) throw new CliError('corpus harvest: give --outlet ID');
  const source = values.source ?? 'wayback';
  if (source !== 'wayback' && source !== 'live') throw new CliError(`--source: expected wayback or live, got "${source}"`);
  const delayMs = values.delay === undefined ? undefined : Number(values.delay);
  if (delayMs !== undefined && !(delayMs >= 0)) throw new CliError(`--delay: expected milliseconds, got "${values.delay}"`);
  const { harvestOutlet, parseHostMap, stopOnSigint } = await import('../harvest');
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

async function importCommand(args: string[]): Promise<unknown> {
  const { values, positionals: files } = parse(args, { 'any-site': { type: 'boolean' } });
  const store = storeOf(values.store);
  if (files.length === 0) throw new CliError('corpus import: missing <file>');
  const archives = files.filter((f) => archiveKind(f));
  const summaries = await importFiles(store, files.filter((f) => !archiveKind(f)));
  for (const s of summaries) for (const p of s.problems) process.stderr.write(`warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}\n`);
  if (archives.length === 0) return { store, imports: summaries };
  const { importArchiveFile, progressLine, stopOnSigint } = await import('../harvest');
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

async function exportCommand(args: string[]): Promise<unknown> {
  const { values } = parse(args, { out: { type: 'string' } });
  const store = storeOf(values.store);
  if (values.out) {
    const out = createWriteStream(values.out);
    const reports = await exportPack(store, out);
    await close(out);
    return { store, out: values.out, reports };
  }
  // A pack on standard output, streamed: nothing is returned to print as one string.
  await exportPack(store, process.stdout);
  return undefined;
}

async function stats(args: string[]): Promise<unknown> {
  const store = storeOf(parse(args, {}).values.store);
  let reports = 0;
  const byOutlet = new Map<string, number>();
  const byImport = new Map<string, number>();
  for await (const r of storeRows(store)) {
    reports++;
    count(byOutlet, outletIdFromName(r.outlet) ?? r.outlet);
    count(byImport, r.importId);
  }
  // Object.fromEntries defines each name as the object's own field, "__proto__" included.
  return { store, reports, byOutlet: Object.fromEntries(byOutlet), byImport: Object.fromEntries(byImport) };
}

async function deleteCommand(args: string[]): Promise<unknown> {
  const { values } = parse(args, { report: { type: 'string' }, import: { type: 'string' }, outlet: { type: 'string' } });
  const drop = values.report
    ? (r: Stored) => r.id === values.report
    : values.import
      ? (r: Stored) => r.importId === values.import
      : values.outlet
        ? (r: Stored) => (outletIdFromName(r.outlet) ?? r.outlet) === (outletIdFromName(values.outlet!) ?? values.outlet)
        : null;
  const store = storeOf(values.store);
  if (!drop) throw new CliError('corpus delete: give --report ID, --import ID or --outlet NAME');
  const { kept, dropped } = await rewriteStore(store, (r) => !drop(r));
  return { store, deleted: dropped, reports: kept };
}

const SUBCOMMANDS: Record<string, (args: string[]) => Promise<unknown>> = { harvest, import: importCommand, export: exportCommand, stats, delete: deleteCommand };

/** `corpus <subcommand> [options]`: the subcommand first, then its own options. */
export async function run(argv: string[]): Promise<unknown> {
  const [sub, ...rest] = argv;
  const command = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub]! : null;
  if (!command) throw new CliError(`corpus: expected import, harvest, export, stats or delete, got "${sub ?? ''}" (store: ${basename(storeOf(undefined))})`);
  return command(rest);
}
