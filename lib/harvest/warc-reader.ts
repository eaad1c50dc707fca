// warcio's reader with bounds, for archives written by anyone. warcio reads a header line, and a
// header block, until it ends, however long (a 100 MB line was read whole, then taken for a
// record); it inflates each chunk it is given at once (a 1 MB gzip member inflating to 1 GB took
// 23 s and 1.2 GB of memory; bounded, 1 s and ~100 MB). Here every record's headers may take at most HEADER_MAX bytes, a
// compressed WARC may not inflate past BOMB_RATIO times what was read of it, and one inflate step
// gets at most PIECE bytes of input. And when a record is bad, reading goes on at the next record
// found in the file (a seekable WARC), so one crafted record loses only itself.
import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import { isInvisible } from '../arabic/invisible';

export class ArchiveError extends Error {}

/** A record's WARC and HTTP headers together, at most (real ones are a few KB). */
export const HEADER_MAX = 1024 * 1024;
/** Input of one inflate step: its output is at most ~1,032 times this (deflate's bound). */
const PIECE = 16 * 1024;
/** A compressed WARC inflating past this, and past BOMB_RATIO times its bytes read, is a bomb. */
const BOMB_FLOOR = 64 * 1024 * 1024;
const BOMB_RATIO = 200;

const MB = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${Math.round(n / 1024 / 1024)} MB`);

/** warcio's AsyncIterReader (gzip detected as it reads), bounded as above. */
export class BoundedReader extends AsyncIterReader {
  private raw = 0;
  private pending: Uint8Array | null = null;
  /** Where the headers being read began (read offset), while they are read. */
  private headersFrom: number | null = null;

  /** Until headersRead(), at most HEADER_MAX bytes may be read. */
  readingHeaders(): void {
    this.headersFrom = this._readOffset;
  }

  headersRead(): void {
    this.headersFrom = null;
  }

  override async _loadNext(): Promise<Uint8Array | null> {
    while (!this.pending || this.pending.byteLength === 0) {
      const next = (await super._loadNext()) as Uint8Array | null;
      if (!next) return null;
      this.pending = next;
    }
    const piece = this.pending.subarray(0, PIECE);
    this.pending = this.pending.subarray(piece.byteLength);
    this.raw += piece.byteLength;
    return piece;
  }

  override async _next(): Promise<Uint8Array | null> {
    const gzip = this.compressed;
    const chunk = await super._next();
    // warcio takes data that fails to inflate for data that was never compressed: right for a
    // plain WARC (it fails at once), wrong for a gzip member cut short or corrupt mid-file, whose
    // bytes and the next member's it would then read as the record's.
    if (gzip && !this.compressed && this.numChunks > 0) throw new ArchiveError('its gzip data is cut short or corrupt');
    return chunk;
  }

  override async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    let chunk: Uint8Array | null | undefined;
    while ((chunk = await this._next())) {
      this._readOffset += chunk.length;
      this.check();
      yield chunk;
    }
  }

  private check(): void {
    if (this.headersFrom !== null && this._readOffset - this.headersFrom > HEADER_MAX) {
      throw new ArchiveError(`its headers run past ${MB(HEADER_MAX)} without ending (a line or header block that long is not a WARC record's)`);
    }
    if (this.compressed && this._readOffset > BOMB_FLOOR && this._readOffset > BOMB_RATIO * this.raw) {
      throw new ArchiveError(`${MB(this.raw)} of gzip inflated to more than ${MB(this._readOffset)} (over ${BOMB_RATIO} times: a compression bomb)`);
    }
  }

  /** Stops reading the source (a probe that has seen what it needed). */
  async close(): Promise<void> {
    await this._sourceIter.return?.(null).catch(() => undefined);
  }
}

/** Why a parsed record is not one: a first line that is not WARC's, a length that is not a number. */
export function malformed(record: WARCRecord): string | null {
  const line = record.warcHeaders.statusline;
  if (!/^WARC\/\d\.\d+$/.test(line)) return `not a WARC record: its first line is "${printable(line.slice(0, 40))}"`;
  const length = record.warcHeaders.headers.get('Content-Length') ?? '';
  if (!/^\d{1,15}$/.test(length.trim())) return `its Content-Length "${printable(length.slice(0, 40))}" is not a number of bytes`;
  return null;
}

/** Text from the file, shown in a message: no control or direction characters. */
export function printable(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || isInvisible(c) ? '?' : ch;
  }
  return out;
}

/** What a seekable WARC reads from: its bytes from an offset on. */
interface Seekable {
  size: number;
  slice: ((start: number) => ReadableStream<Uint8Array>) | null;
}

/** Reads a record's headers at `at`: null when they are a record's, else why not. */
export async function probeRecord(member: Seekable, at: number): Promise<string | null> {
  const reader = new BoundedReader(member.slice!(at));
  try {
    reader.readingHeaders();
    const record = await new WARCParser(reader).parse();
    return record ? malformed(record) : 'no record';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await reader.close();
  }
}

/** Whether a WARC record (plain or a gzip member) starts at `at`: its first line says WARC/1.x. */
async function startsRecord(member: Seekable, at: number): Promise<boolean> {
  const reader = new BoundedReader(member.slice!(at));
  try {
    const line = await reader.readlineRaw(16);
    return !!line && /^WARC\/1\.\d\r?\n/.test(new TextDecoder('latin1').decode(line));
  } catch {
    return false;
  } finally {
    await reader.close();
  }
}

/** The first `n` bytes of a stream (fewer at its end). */
async function firstBytes(stream: ReadableStream<Uint8Array>, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let size = 0;
  const reader = stream.getReader();
  try {
    while (size < n) {
      const { value, done } = await reader.read();
      if (done) break;
      const take = value.subarray(0, n - size);
      out.set(take, size);
      size += take.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return out.subarray(0, size);
}

const WINDOW = 1024 * 1024;
/** Candidates checked in one search: a file of gzip magic bytes alone cannot make it endless. */
const MAX_CANDIDATES = 20_000;
const W = 0x57; // 'W' of "WARC/"

/**
 * The offset of the first record starting at or after `from` in a seekable WARC (a gzip member
 * whose text starts "WARC/1.", or "WARC/1." at the start of a line), or null: where reading goes
 * on after a bad record.
 */
export async function nextRecordStart(member: Seekable, from: number): Promise<number | null> {
  if (!member.slice) return null;
  let candidates = 0;
  for (let at = from; at < member.size; at += WINDOW) {
    // One byte before the window: whether a "WARC/" starts a line.
    const lead = at > 0 ? 1 : 0;
    const bytes = await firstBytes(member.slice(at - lead), WINDOW + lead + 8);
    for (let i = lead; i < Math.min(bytes.length, WINDOW + lead); i++) {
      const b = bytes[i];
      const gzip = b === 0x1f && bytes[i + 1] === 0x8b && bytes[i + 2] === 0x08;
      const plain = b === W && (i === 0 || bytes[i - 1] === 0x0a) && bytes[i + 1] === 0x41 && bytes[i + 2] === 0x52 && bytes[i + 3] === 0x43 && bytes[i + 4] === 0x2f;
      if (!gzip && !plain) continue;
      if (++candidates > MAX_CANDIDATES) return null;
      if (await startsRecord(member, at - lead + i)) return at - lead + i;
    }
  }
  return null;
}
