// A streamed upload: newline-delimited JSON, one report a line, read as it arrives and stored a
// batch at a time (the whole body is never in memory, so an upload may be any length). A line is
// a record (`{url, outlet, title, publishedAt, text}`, as in a corpus .jsonl), or
// `{record, analysis?, ev?}` with the client's analysis (lib/engine/wire.ts) and event document
// packed (server/event-pack.ts; `event` in the wire form, lib/events/wire.ts, is read too).
// Records without an analysis are analysed here, on every core. A bad line is named (its number
// and why) and skipped; batches already stored stay stored.
import { StringDecoder } from 'node:string_decoder';
import { validateRecord } from '../lib/corpus/formats';
import { fromWire, type FeaturesWire } from '../lib/engine/wire';
import type { EventDocWire } from '../lib/events';
import { eventDocToStore, storeUploaded } from './event-pack';
import type { Features } from '../lib/engine/features';
import type { ReportRecord } from '../lib/types';
import type { TeamAnalysis } from './analyse-pool';
import type { Db } from './db';
import { addBatch, BATCH } from './store';
import type { ShardCopier } from './shard-copy';

/** A line longer than this is refused (a report with its analysis is ~20 KB; the longest real ones ~200 KB). */
const MAX_LINE_BYTES = 4 * 1024 * 1024;
/** Problems listed in an answer; past this only counted. */
const MAX_PROBLEMS = 1000;

export type Line = { no: number; text: string } | { no: number; error: string };

/** The lines of a byte stream (UTF-8), numbered from 1; a line past `maxBytes` is an error, not a buffer. */
export async function* splitLines(input: AsyncIterable<Uint8Array | string>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  // Decoded as it comes (a letter split between chunks waits for its other bytes); a UTF-16 unit
  // is 1 to 3 bytes, so a line is measured in bytes only once it is long.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let tooLong = false;
  let no = 0;
  const line = (text: string): Line | null => {
    no++;
    const out: Line | null = tooLong || Buffer.byteLength(text) > maxBytes ? { no, error: `longer than ${maxBytes} bytes` } : text.trim() ? { no, text } : null;
    tooLong = false;
    return out;
  };
  const take = function* (s: string): Generator<Line> {
    let from = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
      const l = line(pending + s.slice(from, nl));
      pending = '';
      if (l) yield l;
      from = nl + 1;
    }
    pending += s.slice(from);
    // Past maxBytes characters it is past maxBytes bytes: dropped, remembered as too long.
    if (pending.length > maxBytes) {
      pending = '';
      tooLong = true;
    }
  };
  for await (const chunk of input) yield* take(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  yield* take(decoder.end());
  if (pending || tooLong) {
    const l = line(pending);
    if (l) yield l;
  }
}

interface Parsed {
  no: number;
  record: ReportRecord;
  analysis?: { f: Features; tk?: string; ev?: string };
}

/** One line: a record, or a record with its analysis and event document; a string says what is wrong. */
function parseLine(text: string): Omit<Parsed, 'no'> | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not a JSON object';
  const o = raw as { record?: unknown; analysis?: FeaturesWire; event?: EventDocWire; ev?: unknown };
  const wrapped = o.record !== undefined;
  const record = validateRecord(wrapped ? o.record : raw);
  if (typeof record === 'string') return record;
  if (!wrapped || o.analysis === undefined) {
    if (wrapped && (o.event !== undefined || o.ev !== undefined)) return 'an event document needs its analysis';
    return { record };
  }
  try {
    const a = fromWire(o.analysis);
    // `ev`: packed, its words by index into the analysis's (server/event-pack.ts); `event`: the wire form.
    if (o.ev !== undefined) return { record, analysis: { ...a, ev: storeUploaded(o.ev, o.analysis.terms) } };
    if (o.event !== undefined) return { record, analysis: { ...a, ev: eventDocToStore(o.event) } };
    return { record, analysis: a };
  } catch (e) {
    return (e as Error).message;
  }
}

export interface UploadResult {
  lines: number;
  added: number;
  duplicates: number;
  problems: Array<{ line: number; reason: string }>;
  /** Problems past MAX_PROBLEMS, counted only. */
  moreProblems: number;
}

/** A batch that could not be stored: the reports before it are, those from `fromLine` on are not. */
export class UploadError extends Error {
  constructor(
    readonly fromLine: number,
    readonly result: UploadResult,
    cause: Error,
  ) {
    super(`not stored from line ${fromLine} on: ${cause.message} (${result.added} reports before it are stored)`);
  }
}

export interface UploadOptions {
  who: { teamId: number; memberId: number | null };
  source: string;
  /** Analyses records sent without theirs (worker threads: server/analyse-pool.ts). */
  analyse: (records: ReportRecord[]) => Promise<TeamAnalysis>;
  /** A sharded set's shards, to COPY into directly. */
  shards?: ShardCopier | null;
}

/** Reads an NDJSON stream and stores it a batch at a time; the next batch is parsed while one is stored. */
export async function upload(db: Db, input: AsyncIterable<Uint8Array | string>, opts: UploadOptions): Promise<UploadResult> {
  const result: UploadResult = { lines: 0, added: 0, duplicates: 0, problems: [], moreProblems: 0 };
  const problem = (line: number, reason: string) => {
    if (result.problems.length < MAX_PROBLEMS) result.problems.push({ line, reason });
    else result.moreProblems++;
  };
  let pending: Promise<void> = Promise.resolve();
  const store = async (batch: Parsed[]) => {
    const bare = batch.filter((p) => !p.analysis);
    if (bare.length) {
      const { analyses, events } = await opts.analyse(bare.map((p) => p.record));
      bare.forEach((p, i) => (p.analysis = { ...fromWire(analyses[i]!), ev: eventDocToStore(events[i]) }));
    }
    await pending;
    const first = batch[0]!.no;
    pending = addBatch(db, opts.who, { records: batch.map((p) => p.record), source: opts.source, analyses: batch.map((p) => p.analysis!) }, opts.shards).then(
      (r) => {
        result.added += r.added;
        result.duplicates += r.duplicates;
      },
      (e: Error) => {
        throw new UploadError(first, result, e);
      },
    );
    // Surfaced at the next await of `pending`; never unhandled meanwhile.
    pending.catch(() => {});
  };
  let batch: Parsed[] = [];
  for await (const line of splitLines(input)) {
    result.lines = line.no;
    if ('error' in line) {
      problem(line.no, line.error);
      continue;
    }
    const p = parseLine(line.text);
    if (typeof p === 'string') problem(line.no, p);
    else batch.push({ no: line.no, ...p });
    if (batch.length === BATCH) {
      await store(batch);
      batch = [];
    }
  }
  if (batch.length) await store(batch);
  await pending;
  return result;
}
