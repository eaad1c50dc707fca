// Reading files for the command line: text files of any size, JSON Lines a line at a time, corpus
// files record by record, with errors that name the file and the reason. Bytes become text through
// lib/corpus/decode.ts, as in the options page; no file is ever one string (V8's strings stop at
// ~512 MB). Apart from cli/load.ts so that a command that only reads the store (corpus stats,
// export, delete) does not load the analysis: under the 32 MB heap of the streaming test, the
// analysis's tables alone left a few megabytes.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { decodeText, decoderFor, DecodeError } from '../lib/corpus/decode';
import { CorpusFormatError, MAX_TEXT, parseCorpusFile, validateRecord } from '../lib/corpus/formats';
import type { ReportRecord } from '../lib/types';
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
