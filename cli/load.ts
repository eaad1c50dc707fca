// Reading inputs for the command line: article files and corpus files, with errors that name
// the file and the reason. Bytes become text through lib/corpus/decode.ts, as in the options page;
// JSON Lines files (corpus files and the reader's store) are read a line at a time, so that no file
// is ever one string (V8's strings stop at ~512 MB).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { decodeText, decoderFor, DecodeError } from '../lib/corpus/decode';
import { CorpusFormatError, MAX_TEXT, parseCorpusFile, validateRecord } from '../lib/corpus/formats';
import { toReport } from '../lib/engine/reports';
import { extractFromDocument } from '../lib/extract/html';
import { extractFromText } from '../lib/extract/text';
import type { Article, Report, ReportRecord } from '../lib/types';
import type { ImportProblemRow } from '../lib/engine/index-types';

export class CliError extends Error {}

const MAX_FILE = 256 * 1024 * 1024;
/**
 * The longest JSON Lines line read: a record at its largest (MAX_TEXT characters, each escaped
 * as \uXXXX at worst) with room for its other fields. A longer line is skipped and named.
 */
const MAX_LINE = 6 * MAX_TEXT + 64 * 1024;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    throw new CliError(`${file}: no such file`);
  }
}

export function readInput(file: string): string {
  const size = sizeOf(file);
  if (size > MAX_FILE) throw new CliError(`${file}: larger than ${MAX_FILE / 1024 / 1024} MB`);
  try {
    return decodeText(readFileSync(file));
  } catch (e) {
    if (e instanceof DecodeError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

export interface Line {
  /** 1-based. */
  n: number;
  text: string;
}

/**
 * The lines of a text file of any size, decoded as readInput decodes (UTF-8 or UTF-16, BOM
 * skipped); a line longer than maxLine is reported through onLong and skipped, never built.
 */
export async function* readLines(file: string, onLong: (n: number) => void, maxLine = MAX_LINE): AsyncGenerator<Line> {
  sizeOf(file);
  let decoder: TextDecoder | null = null;
  let pending: Uint8Array | null = null;
  let buf = '';
  let n = 1;
  let skipping = false;
  function* take(chunk: string): Generator<Line> {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', from);
      if (nl < 0) break;
      const piece = chunk.slice(from, nl);
      if (!skipping) {
        if (buf.length + piece.length > maxLine) onLong(n);
        else {
          const text = buf + piece;
          yield { n, text: text.endsWith('\r') ? text.slice(0, -1) : text };
        }
      }
      buf = '';
      skipping = false;
      n++;
      from = nl + 1;
    }
    if (skipping) return;
    const rest = chunk.slice(from);
    if (buf.length + rest.length > maxLine) {
      onLong(n);
      buf = '';
      skipping = true;
    } else buf += rest;
  }
  for await (const raw of createReadStream(file)) {
    let bytes = raw as Uint8Array;
    if (!decoder) {
      // The encoding is read from the first 4 KB (a first chunk may be shorter on a small file).
      bytes = pending ? Buffer.concat([pending, bytes]) : bytes;
      if (bytes.length < 4096) {
        pending = bytes;
        continue;
      }
      const d = decoderFor(bytes.subarray(0, 4096));
      decoder = d.decoder;
      bytes = bytes.subarray(d.bom);
    }
    yield* take(decoder.decode(bytes, { stream: true }));
  }
  if (!decoder) {
    const head = pending ?? new Uint8Array();
    const d = decoderFor(head);
    decoder = d.decoder;
    yield* take(decoder.decode(head.subarray(d.bom), { stream: true }));
  }
  yield* take(decoder.decode());
  if (!skipping && buf) yield { n, text: buf.endsWith('\r') ? buf.slice(0, -1) : buf };
}

/** The valid records of a JSON Lines file, read line by line; bad lines go to `problems`. */
async function* jsonLinesRecords(file: string, problems: ImportProblemRow[]): AsyncGenerator<ReportRecord> {
  let good = 0;
  const onLong = (line: number) => problems.push({ file, line, reason: `line longer than ${MAX_LINE} characters` });
  for await (const { n, text } of readLines(file, onLong)) {
    if (!text.trim()) continue;
    if (text.includes('\u0000')) {
      problems.push({ file, line: n, reason: 'binary data, not text' });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
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
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** An article file: .html (the page at url), .txt (a page's text) or .json (one report record). */
export function loadArticle(file: string, url?: string, captured?: string): Article {
  const content = readInput(file);
  if (/\.html?$/i.test(file)) return extractFromDocument(parseDocument(content), url ?? `file://${file}`, { captured });
  if (/\.txt$/i.test(file)) return extractFromText(content, { url, captured });
  if (/\.json$/i.test(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch (e) {
      throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const r = validateRecord(raw);
    if (typeof r === 'string') throw new CliError(`${file}: ${r}`);
    return {
      outlet: r.outlet,
      pageType: 'article',
      url: url ?? r.url,
      canonicalUrl: null,
      archive: null,
      title: r.title,
      publishedAt: r.publishedAt ? { value: r.publishedAt, precision: 'day', source: 'record' } : { value: null, precision: 'unknown', source: 'none' },
      author: null,
      section: null,
      paragraphs: r.text.split(/\n+/).filter(Boolean),
      comments: [],
      lang: 'ar',
      dir: 'rtl',
    };
  }
  throw new CliError(`${file}: unsupported file type (expected .html, .txt or .json)`);
}

const BUILTIN_PACK = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'corpus', 'builtin.json');

/** The records of one corpus file: JSON Lines streamed, packs and page texts read whole. */
export async function* corpusRecords(file: string, problems: ImportProblemRow[]): AsyncGenerator<ReportRecord> {
  if (/\.jsonl$/i.test(file)) {
    yield* jsonLinesRecords(file, problems);
    return;
  }
  try {
    const parsed = parseCorpusFile(file, readInput(file));
    for (const e of parsed.errors) problems.push({ file: e.file, ...(e.line ? { line: e.line } : {}), reason: e.reason });
    yield* parsed.records;
  } catch (e) {
    if (e instanceof CorpusFormatError) throw new CliError(e.message);
    throw e;
  }
}

/** Reports from corpus files; a bad record is reported on stderr, the good ones are kept. */
export async function loadCorpus(files: string[], builtin: boolean, warn: (msg: string) => void): Promise<Report[]> {
  const all = builtin ? [BUILTIN_PACK, ...files] : files;
  const reports: Report[] = [];
  for (const file of all) {
    const problems: ImportProblemRow[] = [];
    const origin = file === BUILTIN_PACK ? 'builtin' : 'import';
    for await (const r of corpusRecords(file, problems)) reports.push(toReport(r, origin, origin === 'builtin' ? 'builtin' : basename(file)));
    for (const p of problems) warn(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
  }
  return reports;
}
