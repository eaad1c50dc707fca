// Reading web archives (WARC, WARC.gz, WACZ) as a stream of records, for imports that must never
// hold an archive in memory: the file is a Blob (a File in the browser, fs.openAsBlob in Node),
// read in slices; each record is parsed by warcio through a bounded reader (./warc-reader.ts) and
// its body kept only up to a bound. A bad record is one problem naming its offset and why, and in
// a seekable WARC reading goes on at the next record found, so the good records are all kept.
// Resumable: every record carries its member and byte offset, and reading can start at one.
import { WARCParser, type WARCRecord } from 'warcio';
import { archiveKind } from './archive-kind';
import { joinChunks } from './decode';
import { waczMembers } from './wacz';
import { ArchiveError, BoundedReader, malformed, nextRecordStart, probeRecord } from './warc-reader';
import { errorMessage } from '../errors';

export { ArchiveError };

/** An HTML body larger than this is not an article page: skipped, never held. */
const MAX_BODY = 8 * 1024 * 1024;

/** A WARC inside the file: the whole file for .warc/.warc.gz, each archive/*.warc(.gz) of a WACZ. */
export interface Member {
  name: string;
  /** Bytes of the WARC from `start`: seekable (resume by offset); null for a compressed zip entry. */
  slice: ((start: number) => ReadableStream<Uint8Array>) | null;
  /** The whole WARC from its first byte. */
  stream: () => Promise<ReadableStream<Uint8Array>>;
  size: number;
}

/** Where reading stopped: the record to read next. */
export interface Checkpoint {
  member: number;
  /** Byte offset of the next record in its member (raw, compressed bytes for .warc.gz). */
  offset: number;
  /** How many records of the member came before it (to skip when the member cannot seek). */
  index: number;
}

export interface ArchiveRecord {
  member: number;
  memberName: string;
  offset: number;
  index: number;
  type: string;
  url: string;
  /** WARC-Date, ISO. */
  date: string;
  status: number | null;
  contentType: string;
  /** The decoded HTTP body for HTML responses within MAX_BODY; otherwise absent. */
  body?: Uint8Array;
  /** Why the body is absent when it was wanted (too large). */
  tooLarge?: boolean;
}

export type ArchiveEvent =
  | { kind: 'record'; record: ArchiveRecord }
  | { kind: 'bad'; member: string; offset: number; index: number; reason: string }
  /** A member read to its end (or to its first bad record): the next checkpoint is the next member. */
  | { kind: 'end'; member: number };


/** The WARCs of an archive file. */
export async function membersOf(name: string, blob: Blob): Promise<Member[]> {
  const kind = archiveKind(name);
  if (kind === 'warc') {
    return [{ name, size: blob.size, slice: (start) => blob.slice(start).stream(), stream: async () => blob.stream() }];
  }
  if (kind !== 'wacz') throw new ArchiveError(`${name}: not a web archive (expected .warc, .warc.gz or .wacz)`);
  return waczMembers(name, blob);
}

function isHtml(contentType: string): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType);
}

/** Reads a record's decoded body up to MAX_BODY; the rest is skipped. */
async function readBody(record: WARCRecord): Promise<{ body?: Uint8Array; tooLarge?: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record) {
    size += chunk.byteLength;
    if (size > MAX_BODY) {
      await drain(record);
      return { tooLarge: true };
    }
    chunks.push(chunk);
  }
  return { body: joinChunks(chunks, size) };
}

/** The record's raw reader: a warcio LimitReader over the WARC, `limit` bytes still to come. */
function rawReader(record: WARCRecord): (AsyncIterable<Uint8Array> & { limit?: number }) | null {
  const reader = (record as unknown as { _reader?: AsyncIterable<Uint8Array> & { limit?: number } })._reader;
  return reader && Symbol.asyncIterator in reader ? reader : null;
}

/**
 * Reads past the rest of a record, chunk by chunk. Not warcio's skipFully, which loops for ever
 * when the file ends inside the record (a truncated archive).
 */
async function drain(record: WARCRecord): Promise<void> {
  const reader = rawReader(record);
  if (!reader) {
    await record.skipFully();
    return;
  }
  for await (const _ of reader) {
    // Nothing kept.
  }
}

/** Bytes the record's reader still expected when its data ended: > 0 means truncated. */
function missingBytes(record: WARCRecord): number {
  const limit = rawReader(record)?.limit;
  return typeof limit === 'number' && limit > 0 ? limit : 0;
}

/** Problems one WARC may name; past them, the rest of it is skipped. */
const MAX_PROBLEMS = 100;

interface Bad {
  offset: number;
  reason: string;
  /** A record is known to start at `offset` (its headers were read; its body was bad). */
  exact: boolean;
}

/** How a run of records ended: at the member's end, or at a bad record. */
interface PassEnd {
  bad?: Bad;
  index: number;
  /** Offset of the last good record of the run. */
  lastGood: number | null;
}

type WantBody = ((r: ArchiveRecord) => boolean) | undefined;

/** The record as an ArchiveRecord, its body read when wanted; or why it is bad. */
async function readRecord(record: WARCRecord, at: { member: number; memberName: string; offset: number; index: number }, wantBody: WantBody): Promise<ArchiveRecord | string> {
  const http = record.httpHeaders;
  const out: ArchiveRecord = {
    ...at,
    type: record.warcType ?? '',
    url: record.warcTargetURI ?? '',
    date: record.warcDate ?? '',
    status: http?.statusCode ? Number(http.statusCode) : null,
    contentType: http?.headers.get('content-type') ?? record.warcContentType ?? '',
  };
  const named = `record for ${out.url ? printableUrl(out.url) : 'an unnamed URL'}`;
  try {
    const wanted = (out.type === 'response' || out.type === 'resource') && (out.status === null || out.status === 200) && isHtml(out.contentType) && (wantBody?.(out) ?? true);
    if (wanted) Object.assign(out, await readBody(record));
    else await drain(record);
  } catch (e) {
    return `${named} cannot be read (${errorMessage(e)})`;
  }
  const missing = missingBytes(record);
  if (missing > 0) return `${named} is truncated (${missing} bytes missing): the file ends inside it`;
  return out;
}

const printableUrl = (url: string) => (url.length > 300 ? `${url.slice(0, 300)}…` : url);

/** Where a run of records starts: its stream from byte `base` of member `m`, the index of its first record. */
interface PassStart {
  m: number;
  stream: ReadableStream<Uint8Array>;
  base: number;
  index: number;
  /** Records to read past without yielding (a member that cannot seek, resumed). */
  skip: number;
}

/** Records from `base` on, until the member ends or a record is bad. */
async function* pass(member: Member, { m, stream, base, index: first, skip }: PassStart, wantBody: WantBody): AsyncGenerator<ArchiveEvent, PassEnd> {
  const reader = new BoundedReader(stream);
  const parser = new WARCParser(reader);
  let index = first;
  let lastGood: number | null = null;
  for (;;) {
    const before = base + reader.getRawOffset();
    let record: WARCRecord | null;
    reader.readingHeaders();
    try {
      record = await parser.parse();
    } catch (e) {
      return { bad: { offset: before, reason: `unreadable record (${errorMessage(e)})`, exact: false }, index, lastGood };
    }
    reader.headersRead();
    if (!record) {
      // The parser ends quietly on bytes it cannot make a record of (a gzip member cut short
      // gives no output at all): what was not read is a truncated record.
      const readTo = base + reader.getRawOffset();
      if (member.size - readTo <= 0) return { index, lastGood };
      return { bad: { offset: readTo, reason: `the last ${member.size - readTo} bytes are not a whole record: the file ends inside a record (truncated)`, exact: false }, index, lastGood };
    }
    const offset = base + parser.offset;
    const wrong = malformed(record);
    if (wrong) return { bad: { offset, reason: wrong, exact: false }, index, lastGood };
    if (index < skip) {
      await drain(record);
      index++;
      continue;
    }
    const out = await readRecord(record, { member: m, memberName: member.name, offset, index }, wantBody);
    if (typeof out === 'string') return { bad: { offset, reason: out, exact: true }, index, lastGood };
    yield { kind: 'record', record: out };
    lastGood = offset;
    index++;
  }
}

/**
 * Where a bad record is, and where reading goes on (null: nowhere). A bad body is at a known
 * record; bad headers are at the first record after the last good one, unless that record reads
 * well, when the bad bytes lie between the two.
 */
async function placeBad(member: Member, end: PassEnd & { bad: Bad }, base: number): Promise<{ at: number; next: number | null }> {
  const { bad } = end;
  if (!member.slice) return { at: bad.offset, next: null };
  if (bad.exact) return { at: bad.offset, next: await nextRecordStart(member, bad.offset + 1) };
  const candidate = await nextRecordStart(member, end.lastGood === null ? base : end.lastGood + 1);
  if (candidate === null) return { at: bad.offset, next: null };
  const first = end.lastGood === null && candidate <= base;
  if (!first && (await probeRecord(member, candidate)) === null) return { at: bad.offset, next: candidate };
  return { at: candidate, next: await nextRecordStart(member, candidate + 1) };
}

/** Every record of one member from `from` on; bad ones named, the rest read. */
async function* readMember(member: Member, m: number, from: Checkpoint | null, wantBody: WantBody): AsyncGenerator<ArchiveEvent> {
  const resume = !!from && (from.offset > 0 || from.index > 0);
  const seek = resume && !!member.slice && from.offset > 0;
  let base = seek ? from.offset : 0;
  let index = seek ? from.index : 0;
  const skip = resume && !seek ? from.index : 0;
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = seek ? member.slice!(base) : await member.stream();
  } catch (e) {
    yield { kind: 'bad', member: member.name, offset: 0, index, reason: errorMessage(e) };
    return;
  }
  for (let problems = 1; ; problems++) {
    const end = yield* pass(member, { m, stream, base, index, skip }, wantBody);
    index = end.index;
    if (!end.bad) return;
    const { at, next } = await placeBad(member, end as PassEnd & { bad: Bad }, base);
    const stop = next === null ? 'nothing after it is a record' : problems >= MAX_PROBLEMS ? `${MAX_PROBLEMS} problems in this WARC` : null;
    yield { kind: 'bad', member: member.name, offset: at, index, reason: `${end.bad.reason}; ${stop ? `${stop}: the rest of this WARC is skipped` : `read on from the next record, at byte ${next}`}` };
    if (stop || next === null) return;
    base = next;
    stream = member.slice!(base);
  }
}

/**
 * Every record of every member, from a checkpoint on. A record cut short (a truncated file),
 * headers that are not a record's, or a body that cannot be decoded is a `bad` event naming
 * where and why; reading goes on at the next record (seekable members) or at the next member.
 */
export async function* readArchive(members: Member[], from: Checkpoint = { member: 0, offset: 0, index: 0 }, opts: { wantBody?: (r: ArchiveRecord) => boolean } = {}): AsyncGenerator<ArchiveEvent> {
  for (let m = from.member; m < members.length; m++) {
    yield* readMember(members[m]!, m, m === from.member ? from : null, opts.wantBody);
    yield { kind: 'end', member: m };
  }
}
