// Bytes of a segment's rows: unsigned LEB128 varints, length-prefixed UTF-8 strings and raw byte
// runs, written into a growing buffer and read back with every length checked against what is
// left. A row read from IndexedDB is untrusted (a truncated write, another version, a tampered
// profile): a reader that runs out of bytes, or is told to expect more items than the bytes could
// hold, throws one SegmentFormatError instead of looping or allocating what a corrupt count says.

export class SegmentFormatError extends Error {
  constructor(what: string, reason: string) {
    super(`segment ${what}: ${reason}`);
    this.name = 'SegmentFormatError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const f64Bytes = new Uint8Array(8);
const f64View = new DataView(f64Bytes.buffer);

export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** An unsigned integer below 2^32. */
  varint(v: number): void {
    // Most varints of an import are one byte (deltas, counts, word numbers): no checks past that.
    if (v >= 0 && v < 0x80 && (v | 0) === v) {
      if (this.length === this.buf.length) this.room(1);
      this.buf[this.length++] = v;
      return;
    }
    if (!(v >= 0 && v <= 0xffffffff && Number.isInteger(v))) throw new RangeError(`varint out of range: ${v}`);
    this.room(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }

  byte(v: number): void {
    this.room(1);
    this.buf[this.length++] = v & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** A length-prefixed UTF-8 string. Written in place (no buffer a string): an import writes
   *  tens of strings a report, most of them short and ASCII (entity ids, keys). */
  string(s: string): void {
    const n = s.length;
    let ascii = n < 0x80;
    for (let i = 0; ascii && i < n; i++) if (s.charCodeAt(i) >= 0x80) ascii = false;
    if (ascii) {
      this.room(n + 1);
      this.buf[this.length++] = n;
      for (let i = 0; i < n; i++) this.buf[this.length++] = s.charCodeAt(i);
      return;
    }
    // At most 3 bytes a UTF-16 unit.
    this.prefixed(n * 3, (buf, at) => encoder.encodeInto(s, buf.subarray(at)).written);
  }

  /**
   * A run of at most `max` bytes that `write` puts at `at` in `buf` (returning how many), after
   * its length as a varint: written in place, the text moved back when the length took fewer bytes
   * than reserved.
   */
  prefixed(max: number, write: (buf: Uint8Array, at: number) => number): void {
    const head = max < 0x80 ? 1 : max < 0x4000 ? 2 : 5;
    this.room(5 + max);
    const at = this.length;
    const size = write(this.buf, at + head);
    this.varint(size);
    const used = this.length - at;
    if (used !== head) this.buf.copyWithin(at + used, at + head, at + head + size);
    this.length = at + used + size;
  }

  /** A float64, little-endian. */
  f64(v: number): void {
    this.room(8);
    f64View.setFloat64(0, v, true);
    this.buf.set(f64Bytes, this.length);
    this.length += 8;
  }

  /** An unsigned 32-bit integer, little-endian (hashes: as likely large as small). */
  u32(v: number): void {
    this.room(4);
    const b = this.buf;
    b[this.length++] = v & 0xff;
    b[this.length++] = (v >>> 8) & 0xff;
    b[this.length++] = (v >>> 16) & 0xff;
    b[this.length++] = (v >>> 24) & 0xff;
  }

  /** Empties the writer, keeping its buffer: one writer for many small rows (a part's doc rows)
   *  allocates once instead of once a row. */
  reset(): this {
    this.length = 0;
    return this;
  }

  /** The bytes written, copied to a buffer of their exact size (what is stored). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly what: string,
  ) {}

  get left(): number {
    return this.buf.length - this.pos;
  }

  fail(reason: string): never {
    throw new SegmentFormatError(this.what, `${reason} at byte ${this.pos} of ${this.buf.length}`);
  }

  varint(): number {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.buf.length) this.fail('truncated');
      const b = this.buf[this.pos++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (v > 0xffffffff) this.fail('integer too large');
        return v;
      }
      mul *= 128;
    }
    return this.fail('integer too long');
  }

  /** A count of items each taking at least `minBytes`: refused when the bytes left cannot hold it. */
  count(minBytes: number, max = Infinity): number {
    const n = this.varint();
    if (n > max || n * minBytes > this.left) this.fail(`count ${n} cannot fit`);
    return n;
  }

  byte(): number {
    if (this.pos >= this.buf.length) this.fail('truncated');
    return this.buf[this.pos++]!;
  }

  bytes(n: number): Uint8Array {
    if (n > this.left) this.fail(`${n} bytes wanted`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    const b = this.bytes(this.count(1));
    try {
      return decoder.decode(b);
    } catch {
      return this.fail('invalid UTF-8');
    }
  }

  /** An unsigned 32-bit integer, little-endian (ByteWriter.u32). */
  u32(): number {
    if (this.left < 4) this.fail('4 bytes wanted');
    const b = this.buf;
    const at = this.pos;
    this.pos += 4;
    return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
  }

  /** A float64, little-endian (ByteWriter.f64), read through a kept buffer (no view a number). */
  f64(): number {
    if (this.left < 8) this.fail('8 bytes wanted');
    for (let i = 0; i < 8; i++) f64Bytes[i] = this.buf[this.pos++]!;
    return f64View.getFloat64(0, true);
  }

  /** The whole row was read: trailing bytes mean a row of another shape. */
  end(): void {
    if (this.left !== 0) this.fail('trailing bytes');
  }
}

/** Checks a row's magic byte and format version. */
export function expectHeader(r: ByteReader, magic: number, version: number): void {
  if (r.byte() !== magic) r.fail('not this kind of row');
  const v = r.byte();
  if (v !== version) r.fail(`format version ${v}, expected ${version}`);
}

/** The bytes of a stored row, whatever view IndexedDB or a caller handed back. */
export function asBytes(v: unknown, what: string): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  throw new SegmentFormatError(what, 'not bytes');
}
