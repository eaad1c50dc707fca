// Reading web archives (WARC, WARC.gz, WACZ) as a stream of records, for imports that must never
// hold an archive in memory: the file is a Blob (a File in the browser, fs.openAsBlob in Node),
// read in slices; each record is parsed by warcio and its body kept only up to a bound.
// Resumable: every record carries its member and byte offset, and reading can start at one.
import { BlobReader, ZipReader, type Entry } from '@zip.js/zip.js';
import { WARCParser, type WARCRecord } from 'warcio';
import { joinChunks } from './decode';
import { errorMessage } from '../errors';

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

export type ArchiveKind = 'warc' | 'wacz';

export function archiveKind(name: string): ArchiveKind | null {
  if (/\.warc(\.gz)?$/i.test(name)) return 'warc';
  if (/\.wacz$/i.test(name)) return 'wacz';
  return null;
}

export class ArchiveError extends Error {}

/** The WARCs of an archive file. */
export async function membersOf(name: string, blob: Blob): Promise<Member[]> {
  const kind = archiveKind(name);
  if (kind === 'warc') {
    return [{ name, size: blob.size, slice: (start) => blob.slice(start).stream(), stream: async () => blob.stream() }];
  }
  if (kind !== 'wacz') throw new ArchiveError(`${name}: not a web archive (expected .warc, .warc.gz or .wacz)`);
  let entries: Entry[];
  const reader = new ZipReader(new BlobReader(blob), { useWebWorkers: false });
  try {
    entries = await reader.getEntries();
  } catch (e) {
    throw new ArchiveError(`${name}: not a readable WACZ (zip) file: ${errorMessage(e)}`);
  }
  const warcs = entries.filter((e) => !e.directory && /^archive\/[^/]+\.warc(\.gz)?$/i.test(e.filename));
  if (warcs.length === 0) throw new ArchiveError(`${name}: no WARC files under archive/ in this WACZ`);
  const out: Member[] = [];
  for (const e of warcs) {
    // WACZ stores its WARCs uncompressed in the zip (they are gzipped already): their bytes
    // are a slice of the file, found from the local header (30 bytes + name + extra field).
    let dataStart: number | null = null;
    if (e.compressionMethod === 0 && !e.encrypted) {
      const head = new DataView(await blob.slice(e.offset, e.offset + 30).arrayBuffer());
      if (head.byteLength === 30 && head.getUint32(0, true) === 0x04034b50) dataStart = e.offset + 30 + head.getUint16(26, true) + head.getUint16(28, true);
    }
    const size = e.uncompressedSize;
    if (dataStart !== null) {
      const from = dataStart;
      out.push({ name: e.filename, size, slice: (start) => blob.slice(from + start, from + size).stream(), stream: async () => blob.slice(from, from + size).stream() });
    } else {
      out.push({
        name: e.filename,
        size,
        slice: null,
        async stream() {
          const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
          if (!('getData' in e) || typeof e.getData !== 'function') throw new ArchiveError(`${name}: ${e.filename} cannot be read`);
          void e.getData(writable).catch(() => undefined);
          return readable;
        },
      });
    }
  }
  return out;
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

/**
 * Every record of every member, from a checkpoint on. A record cut short (a truncated file) or
 * a stream that cannot be decoded ends its member with a `bad` event naming where and why.
 */
export async function* readArchive(members: Member[], from: Checkpoint = { member: 0, offset: 0, index: 0 }, opts: { wantBody?: (r: ArchiveRecord) => boolean } = {}): AsyncGenerator<ArchiveEvent> {
  for (let m = from.member; m < members.length; m++) {
    const member = members[m]!;
    const resume = m === from.member && (from.offset > 0 || from.index > 0);
    const seek = resume && member.slice && from.offset > 0;
    const base = seek ? from.offset : 0;
    const skip = resume && !seek ? from.index : 0;
    const stream = seek ? member.slice!(base) : await member.stream();
    const parser = new WARCParser(stream);
    let index = seek ? from.index : 0;
    let offset = base;
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (e) {
        yield { kind: 'bad', member: member.name, offset, index, reason: `unreadable record (${errorMessage(e)}); the rest of this WARC is skipped` };
        break;
      }
      if (!record) {
        // The parser ends quietly on bytes it cannot make a record of (a gzip member cut short
        // gives no output at all): what was not read is a truncated record.
        const readTo = base + (parser as unknown as { _reader: { getRawOffset(): number } })._reader.getRawOffset();
        if (member.size - readTo > 0) yield { kind: 'bad', member: member.name, offset: readTo, index, reason: `the last ${member.size - readTo} bytes are not a whole record: the file ends inside a record (truncated)` };
        break;
      }
      offset = base + parser.offset;
      if (index < skip) {
        index++;
        continue;
      }
      const http = record.httpHeaders;
      const out: ArchiveRecord = {
        member: m,
        memberName: member.name,
        offset,
        index,
        type: record.warcType ?? '',
        url: record.warcTargetURI ?? '',
        date: record.warcDate ?? '',
        status: http?.statusCode ? Number(http.statusCode) : null,
        contentType: http?.headers.get('content-type') ?? record.warcContentType ?? '',
      };
      try {
        const wanted = (out.type === 'response' || out.type === 'resource') && (out.status === null || out.status === 200) && isHtml(out.contentType) && (opts.wantBody?.(out) ?? true);
        if (wanted) Object.assign(out, await readBody(record));
        else await drain(record);
      } catch (e) {
        yield { kind: 'bad', member: member.name, offset, index, reason: `record for ${out.url || 'an unnamed URL'} cannot be decoded (${errorMessage(e)}); the rest of this WARC is skipped` };
        break;
      }
      const missing = missingBytes(record);
      if (missing > 0) {
        yield { kind: 'bad', member: member.name, offset, index, reason: `record for ${out.url || 'an unnamed URL'} is truncated (${missing} bytes missing): the file ends inside it` };
        break;
      }
      yield { kind: 'record', record: out };
      index++;
    }
    yield { kind: 'end', member: m };
  }
}
