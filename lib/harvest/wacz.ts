// The WARCs of a WACZ (a zip of archive/*.warc(.gz), indexes and pages), read from a zip written
// by anyone. Bounded: at most MAX_ENTRIES entries are listed (a zip of a million entries is not
// read to its end); every WARC's bytes lie inside the file and apart from the others' (entries
// that share bytes are the zip bomb that makes a small file read as many times its size); a
// deflated WARC stops inflating past its declared size or a ratio no WARC reaches. Names are
// only names: matched as archive/<name>.warc(.gz), shown without control characters, never used
// as paths. Indexes (CDX) are not read: every record of every WARC is, so an index pointing
// outside the file points at nothing we read.
import { BlobReader, ZipReader, type Entry } from '@zip.js/zip.js';
import { errorMessage } from '../errors';
import type { Member } from './archive';
import { ArchiveError, printable } from './warc-reader';

/** Entries a WACZ may have (real ones: a few WARCs, indexes, pages, a datapackage). */
export const MAX_ENTRIES = 10_000;
/** A deflated WARC inflating more than this many times its compressed size is a bomb. */
const ZIP_RATIO = 200;
const ZIP_FLOOR = 64 * 1024 * 1024;

/** The entries of the zip, at most MAX_ENTRIES. */
async function entriesOf(name: string, blob: Blob): Promise<Entry[]> {
  const reader = new ZipReader(new BlobReader(blob), { useWebWorkers: false });
  const entries: Entry[] = [];
  try {
    for await (const e of reader.getEntriesGenerator()) {
      if (entries.length >= MAX_ENTRIES) throw new ArchiveError(`${name}: more than ${MAX_ENTRIES.toLocaleString('en')} entries in this WACZ (a web archive has a few): not read`);
      entries.push(e);
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(`${name}: not a readable WACZ (zip) file: ${errorMessage(e)}`);
  }
  return entries;
}

/** Where an entry's bytes start (after its local header), or null when it has none there. */
async function dataStart(blob: Blob, e: Entry): Promise<number | null> {
  const head = new DataView(await blob.slice(e.offset, e.offset + 30).arrayBuffer());
  if (head.byteLength !== 30 || head.getUint32(0, true) !== 0x04034b50) return null;
  return e.offset + 30 + head.getUint16(26, true) + head.getUint16(28, true);
}

/** A deflated WARC's bytes as they inflate, stopped past its declared size or a bomb's ratio. */
function inflating(name: string, e: Entry): ReadableStream<Uint8Array> {
  if (!('getData' in e) || typeof e.getData !== 'function') throw new ArchiveError(`${name}: ${printable(e.filename)} cannot be read`);
  const limit = Math.max(e.uncompressedSize, 0);
  let out = 0;
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      out += chunk.byteLength;
      if (out > limit) return c.error(new ArchiveError(`${printable(e.filename)} inflates past the ${limit} bytes its entry declares`));
      if (out > ZIP_FLOOR && out > ZIP_RATIO * e.compressedSize) return c.error(new ArchiveError(`${printable(e.filename)} inflates to over ${ZIP_RATIO} times its ${e.compressedSize} bytes (a zip bomb)`));
      c.enqueue(chunk);
    },
  });
  void e.getData(count.writable).catch(() => undefined);
  return count.readable;
}

/** The WARCs of a WACZ file, checked as above. */
export async function waczMembers(name: string, blob: Blob): Promise<Member[]> {
  const entries = await entriesOf(name, blob);
  const warcs = entries.filter((e) => !e.directory && /^archive\/[^/\\]+\.warc(\.gz)?$/i.test(e.filename) && !e.filename.includes('..'));
  if (warcs.length === 0) throw new ArchiveError(`${name}: no WARC files under archive/ in this WACZ`);
  const spans: Array<{ from: number; to: number; file: string }> = [];
  const out: Member[] = [];
  for (const e of warcs) {
    const file = printable(e.filename).slice(0, 200);
    // WACZ stores its WARCs uncompressed in the zip (they are gzipped already): their bytes are a
    // slice of the file, found from the local header (30 bytes + name + extra field).
    const from = e.encrypted ? null : await dataStart(blob, e);
    const stored = e.compressionMethod === 0;
    const to = (from ?? 0) + e.compressedSize;
    const wrong = e.encrypted
      ? 'it is encrypted'
      : from === null
        ? `it has no entry at byte ${e.offset} of this ${blob.size}-byte file`
        : to > blob.size || (stored && e.uncompressedSize !== e.compressedSize)
          ? `it claims bytes ${from}–${to}, outside this ${blob.size}-byte file`
          : null;
    // A WARC that cannot be read is one problem of its own; the others are read.
    if (wrong || from === null) {
      out.push({ name: file, size: 0, slice: null, stream: () => Promise.reject(new ArchiveError(`not read: ${wrong}`)) });
      continue;
    }
    spans.push({ from, to, file });
    const size = e.uncompressedSize;
    out.push(
      stored
        ? { name: file, size, slice: (start) => blob.slice(from + start, to).stream(), stream: async () => blob.slice(from, to).stream() }
        : { name: file, size, slice: null, stream: async () => inflating(name, e) },
    );
  }
  spans.sort((a, b) => a.from - b.from);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.from < spans[i - 1]!.to) throw new ArchiveError(`${name}: ${spans[i - 1]!.file} and ${spans[i]!.file} share bytes (overlapping entries: a zip bomb)`);
  }
  return out;
}
